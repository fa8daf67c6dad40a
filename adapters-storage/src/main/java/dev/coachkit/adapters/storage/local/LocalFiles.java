package dev.coachkit.adapters.storage.local;

import dev.coachkit.domain.shared.ContentTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory layout of the local blob store: {@code objects/<key>}, and per multipart upload
 * {@code uploads/<id>/} with the key it belongs to and its parts. Writes go to {@code tmp/} first
 * and are moved into place, so a reader never sees half a file. Keys and ids are validated by the caller.
 */
final class LocalFiles {

    private static final int BUFFER = 64 * 1024;

    private final Path objects;
    private final Path uploads;
    private final Path tmp;

    LocalFiles(Path root) {
        this.objects = root.resolve("objects");
        this.uploads = root.resolve("uploads");
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(objects);
            Files.createDirectories(uploads);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("the blob directory " + root + " cannot be created", e);
        }
    }

    /** Stores the object; answers the hex MD5 of what was stored. */
    String store(String key, InputStream content, long maxBytes) {
        return moveIntoPlace(content, maxBytes, objects.resolve(key));
    }

    Optional<Long> size(String key) {
        try {
            return Optional.of(Files.size(objects.resolve(key)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<InputStream> open(String key) {
        try {
            return Optional.of(Files.newInputStream(objects.resolve(key)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renames the object atomically (same directory tree, same file system); false when {@code from} is absent. */
    boolean move(String from, String to) {
        try {
            Path target = objects.resolve(to);
            Files.createDirectories(target.getParent());
            Files.move(objects.resolve(from), target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String key) {
        try {
            Files.deleteIfExists(objects.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void createUpload(String key, String uploadId) {
        try {
            Path upload = Files.createDirectories(uploads.resolve(uploadId));
            Files.writeString(upload.resolve("key"), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key an upload belongs to; empty when there is no such upload. */
    Optional<String> uploadKey(String uploadId) {
        try {
            return Optional.of(Files.readString(uploads.resolve(uploadId).resolve("key")));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores one part (replacing an earlier upload of the same number); answers its hex MD5. */
    String storePart(String uploadId, int partNumber, InputStream content, long maxBytes) {
        Path part = uploads.resolve(uploadId).resolve(Integer.toString(partNumber));
        String md5 = moveIntoPlace(content, maxBytes, part);
        try {
            Files.writeString(uploads.resolve(uploadId).resolve(partNumber + ".md5"), md5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return md5;
    }

    Optional<String> partETag(String uploadId, int partNumber) {
        try {
            return Optional.of(Files.readString(uploads.resolve(uploadId).resolve(partNumber + ".md5")));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Concatenates the parts, in the given order, into the object, then drops the upload. */
    void assemble(String key, String uploadId, List<Integer> partNumbers) {
        Path upload = uploads.resolve(uploadId);
        try {
            Path assembled = Files.createTempFile(tmp, "assembled", ".part");
            try (OutputStream out = Files.newOutputStream(assembled)) {
                for (int partNumber : partNumbers) {
                    Files.copy(upload.resolve(Integer.toString(partNumber)), out);
                }
            }
            Path target = objects.resolve(key);
            Files.createDirectories(target.getParent());
            Files.move(assembled, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload " + uploadId + " could not be assembled", e);
        }
        deleteUpload(uploadId);
    }

    void deleteUpload(String uploadId) {
        Path upload = uploads.resolve(uploadId);
        if (!Files.exists(upload)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(upload)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String moveIntoPlace(InputStream content, long maxBytes, Path target) {
        try {
            Path written = Files.createTempFile(tmp, "incoming", ".part");
            try {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                copyAtMost(new DigestInputStream(content, md5), written, maxBytes);
                Files.createDirectories(target.getParent());
                Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return HexFormat.of().formatHex(md5.digest());
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a blob could not be stored", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private static void copyAtMost(InputStream in, Path file, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw new ContentTooLargeException("a blob may have at most " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
        }
    }
}
