package dev.coachkit.adapters.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of served media (RFC 6266): shown inline, saved under the
 * uploader's file name — an ASCII fallback for old clients, the exact name as UTF-8 for the rest.
 */
public final class ContentDisposition {

    private ContentDisposition() {}

    public static String inline(String fileName) {
        String ascii = fileName.chars().map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
