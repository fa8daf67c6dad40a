package dev.coachkit.adapters.storage.probe;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** JPEG thumbnails that fit in a square of {@link #MAX_EDGE} pixels, never enlarged. */
final class Thumbnails {

    static final int MAX_EDGE = 320;

    private Thumbnails() {}

    /**
     * @param image          the decoded picture, possibly subsampled
     * @param originalWidth  the picture's real width: the thumbnail keeps its aspect ratio, which
     *                       subsampling rounds
     * @param originalHeight the picture's real height
     */
    static byte[] jpeg(BufferedImage image, int originalWidth, int originalHeight) {
        double scale = Math.min(1.0, (double) MAX_EDGE / Math.max(originalWidth, originalHeight));
        int width = Math.max(1, (int) Math.round(originalWidth * scale));
        int height = Math.max(1, (int) Math.round(originalHeight * scale));
        // JPEG has no alpha: draw onto an opaque RGB canvas
        BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = thumbnail.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(thumbnail, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException("a thumbnail could not be encoded", e);
        }
        return out.toByteArray();
    }
}
