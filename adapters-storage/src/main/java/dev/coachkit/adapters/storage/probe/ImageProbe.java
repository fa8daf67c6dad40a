package dev.coachkit.adapters.storage.probe;

import dev.coachkit.application.media.port.out.MediaProbe.Result;
import dev.coachkit.domain.media.MediaMetadata;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Images through ImageIO: dimensions from the header first (to refuse decompression bombs), then a thumbnail. */
final class ImageProbe {

    /** 100 megapixels: more would take gigabytes of memory to decode. */
    static final long MAX_PIXELS = 100_000_000L;

    private ImageProbe() {}

    static Result probe(InputStream content) {
        try (ImageInputStream input = ImageIO.createImageInputStream(content)) {
            Iterator<ImageReader> readers = input == null ? Collections.<ImageReader>emptyIterator()
                    : ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Result.unreadable("not a readable image: no decoder recognises the content");
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
                BufferedImage image = reader.read(0);
                return Result.readable(MediaMetadata.image(width, height), Thumbnails.jpeg(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException corrupt) {
            // ImageIO signals truncated or malformed data with IOExceptions and, in some decoders, runtime ones
            return Result.unreadable("not a readable image: " + corrupt.getMessage());
        }
    }
}
