package dev.coachkit.adapters.storage.probe;

import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.domain.media.MediaKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The media probe of the server: images with ImageIO in this JVM, videos with ffprobe and ffmpeg and
 * audio with ffprobe, which read a temporary copy of the upload (they need a seekable file).
 */
public final class ImageVideoAndAudioProbe implements MediaProbe {

    @Override
    public Result probe(MediaKind kind, InputStream content) {
        if (kind == MediaKind.IMAGE) {
            return ImageProbe.probe(content);
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("coachkit-media", ".upload");
            Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
            return kind == MediaKind.AUDIO ? AudioProbe.probe(copy) : VideoProbe.probe(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be copied for probing", e);
        } catch (IllegalStateException timedOut) {
            return Result.unreadable("the " + (kind == MediaKind.AUDIO ? "audio" : "video")
                    + " could not be processed in time", timedOut.getMessage());
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
