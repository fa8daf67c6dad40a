package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.admin.port.out.TenantDataSource.Section;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.admin.ExportRequested;
import dev.coachkit.domain.admin.ExportStatus;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.AccountId;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The export worker, on {@code export.requested}: streams each section of the tenant's data (or of
 * one member's) as a JSON file into a ZIP on a temporary file, stores the file in the blob store and
 * marks the export READY; when the archive cannot be written or stored, FAILED with the reason.
 * Media rows get presigned links to their originals. An export no longer PENDING is left alone.
 */
public final class ExportArchiveConsumer implements EventConsumer<ExportRequested> {

    private final DataExportRepository exports;
    private final TenantDataSource data;
    private final BlobStore blobs;
    private final Clock clock;
    private final ExportSettings settings;

    ExportArchiveConsumer(DataExportRepository exports, TenantDataSource data, BlobStore blobs, Clock clock,
            ExportSettings settings) {
        this.exports = exports;
        this.data = data;
        this.blobs = blobs;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "export-builder";
    }

    @Override
    public Class<ExportRequested> eventType() {
        return ExportRequested.class;
    }

    @Override
    public void consume(ExportRequested event) {
        exports.find(event.tenantId(), event.exportId())
                .filter(export -> export.status() == ExportStatus.PENDING)
                .ifPresent(this::build);
    }

    private void build(DataExport export) {
        Path archive = null;
        try {
            archive = Files.createTempFile("coachkit-export-", ".zip");
            write(export, archive);
            blobs.write(export.archiveKey(), archive, GetExportService.ARCHIVE_TYPE);
            exports.update(export.ready(clock.now()));
        } catch (IOException | UncheckedIOException unwritable) {
            exports.update(export.failed("the archive could not be written: " + unwritable.getMessage(), clock.now()));
        } finally {
            deleteQuietly(archive);
        }
    }

    private void write(DataExport export, Path archive) throws IOException {
        Instant linksExpireAt = clock.now().plus(settings.urlLifetime());
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(archive)))) {
            JsonWriter json = new JsonWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("export.json"));
            json.document(description(export, linksExpireAt));
            zip.closeEntry();
            for (Section section : Section.values()) {
                zip.putNextEntry(new ZipEntry(fileName(section)));
                json.beginArray();
                data.stream(export.tenantId(), export.subject(), section, row -> json.element(
                        section == Section.MEDIA ? withOriginalLink(export, row, linksExpireAt) : row));
                json.endArray();
                zip.closeEntry();
            }
        }
    }

    /** {@code posts.json}, {@code space-members.json}, ... */
    static String fileName(Section section) {
        return section.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
    }

    private static Map<String, Object> description(DataExport export, Instant linksExpireAt) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("exportId", export.id());
        about.put("tenantId", export.tenantId().value());
        about.put("userId", export.subject().map(AccountId::value).orElse(null));
        about.put("requestedAt", export.requestedAt());
        about.put("linksExpireAt", linksExpireAt);
        about.put("files", Arrays.stream(Section.values()).map(ExportArchiveConsumer::fileName).toList());
        return about;
    }

    /** Uploaded media (every status but PENDING_UPLOAD has its original in storage) links to it. */
    private Map<String, Object> withOriginalLink(DataExport export, Map<String, Object> media, Instant expiresAt) {
        Map<String, Object> linked = new LinkedHashMap<>(media);
        boolean stored = !MediaStatus.PENDING_UPLOAD.name().equals(media.get("status"));
        linked.put("originalUrl", stored ? blobs.presignGet(MediaAsset.objectKey(export.tenantId(),
                (UUID) media.get("id")), String.valueOf(media.get("contentType")), String.valueOf(media.get("fileName")),
                expiresAt).toString() : null);
        return linked;
    }

    private static void deleteQuietly(Path archive) {
        if (archive == null) {
            return;
        }
        try {
            Files.deleteIfExists(archive);
        } catch (IOException ignored) {
            // a leftover temporary file is not worth failing a stored export over; the OS cleans its temp dir
        }
    }
}
