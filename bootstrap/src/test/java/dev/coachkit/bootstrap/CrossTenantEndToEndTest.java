package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another organization's ids, in every operation of {@code /openapi.json} that takes one: a member and
 * the ADMIN of one organization name the other's space, post, media, session, notification, export,
 * tenant and members in the path and always hear 404, exactly as for an id that exists nowhere, never 403
 * or 2xx. Their ids in body fields (a space to post in, a member to add) are refused just like ids of nowhere.
 */
class CrossTenantEndToEndTest {

    /** Signed blob URLs and invitation tokens are bearer secrets, valid whoever presents them. */
    private static final List<String> NOT_TENANT_SCOPED = List.of("/blobs/", "/invitations/");

    private static CoachKitServer server;
    private static ApiClient api;
    private static Organization mine;
    private static Organization theirs;
    private static HttpProbe http;
    private static List<ApiOperation> operations;

    @BeforeAll
    static void start() {
        TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database,
                HostileInputEndToEndTest.UNLIMITED)));
        api = new ApiClient(server.port());
        mine = Organization.create(api);
        theirs = Organization.create(api);
        http = new HttpProbe(server.port()).withHeaders(Map.of("X-Forwarded-For", api.clientAddress()));
        operations = ApiOperation.all(http.get("/openapi.json").body()).stream()
                .filter(operation -> operation.authenticated()
                        && NOT_TENANT_SCOPED.stream().noneMatch(operation.pathTemplate()::startsWith))
                .toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void another_organizations_id_in_the_path_is_not_found_for_a_member_and_for_the_admin() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Session caller : List.of(mine.athlete(), mine.admin())) {
            for (ApiOperation operation : operations) {
                List<String> names = operation.parametersIn("path").stream().map(p -> p.path("name").asText()).toList();
                if (names.isEmpty()) {
                    continue;
                }
                // all ids theirs, and (with two ids) my own container holding their member
                List<Map<String, String>> variants = new ArrayList<>();
                variants.add(ids(operation, names, theirs, 0));
                if (names.size() > 1) {
                    variants.add(ids(operation, names, theirs, 1));
                }
                for (Map<String, String> variant : variants) {
                    calls++;
                    String failure = expectNotFound(operation, variant, caller);
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }

        assertThat(calls).as("calls with another organization's ids").isGreaterThan(40);
        assertThat(failures).as(failures.size() + " of " + calls + " calls").isEmpty();
    }

    @Test
    void another_organizations_id_in_a_body_field_is_refused_like_an_id_of_nowhere() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (ApiOperation operation : operations) {
            if (operation.bodySchema() == null) {
                continue;
            }
            JsonNode schema = operation.resolve(operation.bodySchema());
            for (var fields = HostileRequests.properties(schema); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String foreign = theirs.idForField(name);
                if (foreign == null) {
                    continue;
                }
                boolean list = operation.resolve(field.getValue()).path("type").asText().equals("array");
                calls++;
                String unknown = UUID.randomUUID().toString();
                HttpResponse<String> response = sendWith(operation, name, list, foreign);
                HttpResponse<String> nowhere = sendWith(operation, name, list, unknown);
                // a referenced id may be refused as not found (404) or by a business rule (422: "only members
                // of the organization can join its spaces"); either way exactly as an id of nowhere is
                boolean same = response.statusCode() == nowhere.statusCode() && detail(response).replace(foreign, "ID")
                        .equals(detail(nowhere).replace(unknown, "ID"));
                if (!same || response.statusCode() < 400 || response.statusCode() >= 500) {
                    failures.add(operation.key() + " with their " + name + " answered " + response.statusCode()
                            + " (an id of nowhere: " + nowhere.statusCode() + "): " + response.body());
                }
            }
        }

        assertThat(calls).as("calls with another organization's id in the body").isGreaterThan(5);
        assertThat(failures).as(failures.size() + " of " + calls + " calls").isEmpty();
    }

    private static String detail(HttpResponse<String> response) {
        return response.statusCode() >= 400 ? ApiClient.json(response).path("detail").asText() : "";
    }

    private static HttpResponse<String> sendWith(ApiOperation operation, String field, boolean list, String id) {
        ObjectNode body = validBody(operation, mine);
        if (list) {
            body.putArray(field).add(id);
        } else {
            body.put(field, id);
        }
        return http.send(operation.method(), path(operation, mine, Map.of()), body.toString(),
                mine.admin().accessToken());
    }

    /** The call with {@code ids}, compared with the same call naming ids that exist nowhere. */
    private static String expectNotFound(ApiOperation operation, Map<String, String> ids, Session caller) {
        String body = operation.bodySchema() == null ? null : validBody(operation, mine).toString();
        HttpResponse<String> foreign = http.send(operation.method(), path(operation, mine, ids), body,
                caller.accessToken());
        Map<String, String> nowhere = new LinkedHashMap<>(ids);
        nowhere.replaceAll((name, id) -> id.equals(mine.idFor(operation.pathTemplate(), name)) ? id
                : UUID.randomUUID().toString());
        HttpResponse<String> missing = http.send(operation.method(), path(operation, mine, nowhere), body,
                caller.accessToken());
        // an ADMIN-only operation refuses a non-admin whatever the id, and so may my own space its non-owner:
        // such a 403 says nothing about their id, as long as an id of nowhere gets it too
        boolean allTheirs = ids.entrySet().stream()
                .noneMatch(id -> id.getValue().equals(mine.idFor(operation.pathTemplate(), id.getKey())));
        boolean adminOnly = operation.pathTemplate().startsWith("/admin/") && !caller.equals(mine.admin());
        int expected = !allTheirs ? missing.statusCode() : adminOnly ? 403 : 404;
        if (foreign.statusCode() != expected || missing.statusCode() != expected || expected < 400) {
            return operation.key() + " as " + (caller.equals(mine.admin()) ? "ADMIN" : "ATHLETE") + " with " + ids
                    + " answered " + foreign.statusCode() + " (an id of nowhere: " + missing.statusCode() + "): "
                    + foreign.body();
        }
        JsonNode problem = ApiClient.json(foreign);
        return problem.path("status").asInt() == expected ? null : operation.key() + ": " + foreign.body();
    }

    /** Path values from {@code owner} for the first {@code fromMine} parameters and {@code theirs} after. */
    private static Map<String, String> ids(ApiOperation operation, List<String> names, Organization owner,
            int fromMine) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Organization from = i < fromMine ? mine : owner;
            ids.put(names.get(i), from.idFor(operation.pathTemplate(), names.get(i)));
        }
        return ids;
    }

    private static String path(ApiOperation operation, Organization defaults, Map<String, String> ids) {
        String path = operation.pathTemplate();
        for (JsonNode parameter : operation.parametersIn("path")) {
            String name = parameter.path("name").asText();
            path = path.replace("{" + name + "}",
                    ids.getOrDefault(name, defaults.idFor(operation.pathTemplate(), name)));
        }
        return path;
    }

    private static ObjectNode validBody(ApiOperation operation, Organization owner) {
        return new ValidValues(owner.ids()).body(operation);
    }
}
