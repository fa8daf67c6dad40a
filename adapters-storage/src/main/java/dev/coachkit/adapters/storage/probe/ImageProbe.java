package dev.coachkit.adapters.storage.probe;

import dev.coachkit.application.media.port.out.MediaProbe.Result;
import dev.coachkit.domain.media.MediaMetadata;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images through ImageIO: dimensions from the header first (to refuse decompression bombs), then a
 * thumbnail decoded at a reduced resolution, so memory grows with the thumbnail, not the image.
 */
final class ImageProbe {

    /**
     * 50 megapixels, above today's phone and most camera photos. Decoding is subsampled, but a
     * decoder still walks every source row, so the limit bounds the work per image.
     */
    static final long MAX_PIXELS = 50_000_000L;
    /** What clients are told of any image no decoder can read; the decoder's words are the detail, logged. */
    static final String UNREADABLE = "the file could not be read as an image";

    private ImageProbe() {}

    static Result probe(InputStream content) {
        try (ImageInputStream input = ImageIO.createImageInputStream(content)) {
            Iterator<ImageReader> readers = input == null ? Collections.<ImageReader>emptyIterator()
                    : ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Result.unreadable(UNREADABLE, "no decoder recognises the content");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    return Result.unreadable("the image has " + width + "x" + height + " pixels, more than "
                            + MAX_PIXELS + " allowed");
                }
                BufferedImage image = reader.read(0, subsampledForThumbnail(reader, width, height));
                return Result.readable(MediaMetadata.image(width, height), Thumbnails.jpeg(image, width, height));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException corrupt) {
            // ImageIO signals truncated or malformed data with IOExceptions and, in some decoders, runtime ones
            // a decoder's message is for the log: shown, it would tell clients about the server's libraries
            return Result.unreadable(UNREADABLE, reason(corrupt));
        } catch (OutOfMemoryError tooLarge) {
            // the subsampled image is small, but a decoder may still buffer much of its input: this
            // upload fails, the worker carries on
            return Result.unreadable("the image is too large to decode");
        }
    }

    /** Every n-th pixel of every n-th row, n chosen so the decoded image still covers the thumbnail box. */
    private static ImageReadParam subsampledForThumbnail(ImageReader reader, int width, int height) {
        int step = Math.max(1, Math.max(width, height) / Thumbnails.MAX_EDGE);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    /** What went wrong, for the uploader; some decoders throw without a message. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "the data is malformed (" + failure.getClass().getSimpleName()
                + ")" : message;
    }
}
