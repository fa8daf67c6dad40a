package dev.coachkit.application.memory;

import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.shared.ContentTooLargeException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blobs in memory, for tests and embedding without storage. Its URLs ({@code memory:/key?...}) are
 * not reachable over a network: {@link #put(URI, byte[])} and {@link #get(URI)} play the client's
 * side, honouring the URLs' expiry like a real store.
 */
public final class InMemoryBlobStore implements BlobStore {

    private record Blob(byte[] content, String contentType) {}

    private final Clock clock;
    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();

    public InMemoryBlobStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public URI presignPut(String key, long contentLength, Instant expiresAt) {
        return url(key, Map.of("length", Long.toString(contentLength), "expires",
                Long.toString(expiresAt.getEpochSecond())));
    }

    @Override
    public String startMultipartUpload(String key, String contentType) {
        String uploadId = UUID.randomUUID().toString();
        uploads.put(uploadId, new ConcurrentHashMap<>());
        return uploadId;
    }

    @Override
    public URI presignPartUpload(String key, String uploadId, int partNumber, Instant expiresAt) {
        return url(key, Map.of("uploadId", uploadId, "partNumber", Integer.toString(partNumber),
                "expires", Long.toString(expiresAt.getEpochSecond())));
    }

    @Override
    public void completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts) {
        Map<Integer, byte[]> stored = uploads.get(uploadId);
        if (stored == null) {
            throw new InvalidInputException("parts", "no multipart upload " + uploadId);
        }
        ByteArrayOutputStream assembled = new ByteArrayOutputStream();
        parts.stream().sorted(Comparator.comparingInt(UploadedPart::partNumber)).forEach(part -> {
            byte[] bytes = stored.get(part.partNumber());
            if (bytes == null || !etag(bytes).equals(unquoted(part.etag()))) {
                throw new InvalidInputException("parts", "part " + part.partNumber() + " is missing or its ETag differs");
            }
            assembled.writeBytes(bytes);
        });
        uploads.remove(uploadId);
        blobs.put(key, new Blob(assembled.toByteArray(), "application/octet-stream"));
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        uploads.remove(uploadId);
    }

    @Override
    public Optional<Long> size(String key) {
        return Optional.ofNullable(blobs.get(key)).map(blob -> (long) blob.content().length);
    }

    @Override
    public InputStream open(String key) {
        return new ByteArrayInputStream(stored(key).content());
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        blobs.put(key, new Blob(content.clone(), contentType));
    }

    @Override
    public void write(String key, Path file, String contentType) {
        try {
            blobs.put(key, new Blob(Files.readAllBytes(file), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI presignGet(String key, String contentType, String fileName, Instant expiresAt) {
        return url(key, Map.of("expires", Long.toString(expiresAt.getEpochSecond())));
    }

    @Override
    public boolean move(String from, String to) {
        Blob moved = blobs.remove(from);
        if (moved == null) {
            return false;
        }
        blobs.put(to, moved);
        return true;
    }

    @Override
    public void delete(String key) {
        blobs.remove(key);
    }

    /** A client's PUT to a URL this store presigned; answers the ETag. */
    public String put(URI url, byte[] content) {
        Map<String, String> query = unexpiredQuery(url);
        String key = url.getPath().substring(1);
        if (query.containsKey("uploadId")) {
            Map<Integer, byte[]> parts = uploads.get(query.get("uploadId"));
            if (parts == null) {
                throw new NoSuchElementException("no multipart upload " + query.get("uploadId"));
            }
            parts.put(Integer.parseInt(query.get("partNumber")), content.clone());
        } else {
            if (content.length > Long.parseLong(query.get("length"))) {
                throw new ContentTooLargeException("the URL allows at most " + query.get("length") + " bytes");
            }
            blobs.put(key, new Blob(content.clone(), "application/octet-stream"));
        }
        return "\"" + etag(content) + "\"";
    }

    /** A client's GET of a URL this store presigned. */
    public byte[] get(URI url) {
        unexpiredQuery(url);
        return stored(url.getPath().substring(1)).content().clone();
    }

    private Blob stored(String key) {
        Blob blob = blobs.get(key);
        if (blob == null) {
            throw new NoSuchElementException("no blob " + key);
        }
        return blob;
    }

    private Map<String, String> unexpiredQuery(URI url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts[1]);
        }
        if (!clock.now().isBefore(Instant.ofEpochSecond(Long.parseLong(query.get("expires"))))) {
            throw new PermissionDeniedException("the URL has expired");
        }
        return query;
    }

    private static URI url(String key, Map<String, String> query) {
        StringBuilder url = new StringBuilder("memory:/").append(key).append('?');
        query.forEach((name, value) -> url.append(name).append('=').append(value).append('&'));
        return URI.create(url.substring(0, url.length() - 1));
    }

    private static String unquoted(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    private static String etag(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
