package dev.coachkit.bootstrap;

import java.nio.charset.StandardCharsets;

/**
 * One generated attack on an operation and the answer it must get.
 *
 * @param kind what was done to the valid request, e.g. {@code body.name: longer than maxLength}
 * @param body raw bytes (possibly not UTF-8, possibly not JSON), or null for no body
 * @param withToken whether the caller's bearer token is sent: on every authenticated operation, unless the
 *     attack is its absence
 * @param unknownField a field the server does not know and must ignore, or null
 * @param namedField the field (or parameter) a 400 must name in its {@code errors}, or null when any may be named
 */
record HostileRequest(ApiOperation operation, String kind, String path, byte[] body, boolean withToken,
        Expect expect, String unknownField, String namedField) {

    /** What the server may answer; every error must also be application/problem+json. */
    enum Expect {
        /** Malformed or invalid input: exactly 400. */
        INVALID,
        /** Too big to parse: 400 from the parser's limits or 413 from the body limit. */
        INVALID_OR_TOO_LARGE,
        /** Over the body limit: exactly 413. */
        TOO_LARGE,
        /** Missing credentials: exactly 401. */
        UNAUTHENTICATED,
        /** Refused, for whatever reason the route gives first (400, 403, 404, 405, 409, 422…), never 5xx. */
        REFUSED,
        /** Legitimate input that merely looks hostile (it may be stored as text): any answer but 5xx. */
        HANDLED;

        boolean allows(int status) {
            return switch (this) {
                case INVALID -> status == 400;
                case INVALID_OR_TOO_LARGE -> status == 400 || status == 413;
                case TOO_LARGE -> status == 413;
                case UNAUTHENTICATED -> status == 401;
                case REFUSED -> status >= 400 && status < 500;
                case HANDLED -> status >= 200 && status < 500;
            };
        }
    }

    static HostileRequest of(ApiOperation operation, String kind, String path, String jsonBody, Expect expect) {
        return new HostileRequest(operation, kind, path,
                jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8), operation.authenticated(), expect,
                null, null);
    }

    HostileRequest withoutToken() {
        return new HostileRequest(operation, kind, path, body, false, expect, unknownField, namedField);
    }

    HostileRequest withUnknownField(String field) {
        return new HostileRequest(operation, kind, path, body, withToken, expect, field, namedField);
    }

    /** The 400 must name {@code field} among its errors. */
    HostileRequest naming(String field) {
        return new HostileRequest(operation, kind, path, body, withToken, expect, unknownField, field);
    }

    String describe() {
        return operation.key() + " [" + kind + "] " + (path.length() > 200 ? path.substring(0, 200) + "…" : path);
    }
}
