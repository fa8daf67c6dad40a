package dev.coachkit.adapters.storage.local;

/** ETags as S3 writes them: the hex MD5 of the content, in double quotes. */
final class ETags {

    private ETags() {}

    static String quoted(String hexDigest) {
        return "\"" + hexDigest + "\"";
    }

    static String unquoted(String etag) {
        return etag == null ? "" : etag.strip().replace("\"", "");
    }
}
