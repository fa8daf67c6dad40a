package dev.coachkit.adapters.storage.local;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ready when the local blob directory takes a write: a file is created and deleted there, because a
 * permission check alone misses a full disk or a volume mounted read-only.
 */
public final class LocalBlobStoreReadinessProbe implements ReadinessProbe {

    private final Path root;

    public LocalBlobStoreReadinessProbe(Path root) {
        this.root = root;
    }

    @Override
    public String name() {
        return "blob-store";
    }

    @Override
    public String check() {
        try {
            Files.delete(Files.createTempFile(root, ".ready-", ".tmp"));
        } catch (IOException unwritable) {
            throw new UncheckedIOException("blob directory " + root + " is not writable", unwritable);
        }
        return "local directory writable"; // the path stays out of this unauthenticated answer
    }
}
