package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.hrmlab.puzzles.io.AtomicFiles;

/**
 * Writes an animated GIF one frame at a time with the JDK's own GIF writer: every frame full size and opaque, shown
 * for the same delay, looping forever (the NETSCAPE2.0 application extension). The frames go to a temporary file
 * beside the target, which appears only when {@link #finish()} renames it; {@link #close()} without {@code finish}
 * deletes it (a cancelled export leaves nothing behind). Not for the FX thread.
 */
public final class GifAnimationWriter implements AutoCloseable {
    /** Browsers draw delays below 2/100 s as 1/10 s, so faster rates are capped at 50 frames per second. */
    public static final double MAX_FPS = 50;
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final Path file;
    private final Path tmp;
    private final int delayCentiseconds;
    private final ImageWriter writer;
    private final ImageOutputStream out;
    private int frames;
    private boolean finished;

    /**
     * Starts a GIF at {@code file}.
     *
     * @param fps frames per second, in (0, {@link #MAX_FPS}]; the GIF stores the delay in hundredths of a second
     */
    public GifAnimationWriter(Path file, double fps) throws IOException {
        this.delayCentiseconds = delayCentiseconds(fps);
        this.file = file;
        this.tmp = AtomicFiles.temporarySibling(file);
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.out = ImageIO.createImageOutputStream(tmp.toFile());
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    /** The delay stored per frame: {@code round(100 / fps)} hundredths of a second, at least 2. */
    public static int delayCentiseconds(double fps) {
        if (!(fps > 0) || fps > MAX_FPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "fps must be in (0, %.0f], got %s", MAX_FPS,
                    fps));
        }
        return Math.max(2, (int) Math.round(100 / fps));
    }

    /** Appends one frame (any RGB image; colours are indexed by {@link IndexedFrames}). */
    public void add(BufferedImage frame) throws IOException {
        if (finished) {
            throw new IllegalStateException(file + ": already finished");
        }
        var indexed = IndexedFrames.toIndexed(frame);
        var meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(indexed), null);
        try {
            meta.mergeTree(FORMAT, frameTree(indexed, frames == 0));
        } catch (IIOInvalidTreeException e) {
            throw new IOException(file + ": cannot set the frame delay: " + e.getMessage(), e);
        }
        writer.writeToSequence(new IIOImage(indexed, null, meta), null);
        frames++;
    }

    /** Frames written so far. */
    public int frameCount() {
        return frames;
    }

    /** Ends the GIF and renames it onto the target. */
    public void finish() throws IOException {
        if (frames == 0) {
            throw new IOException(file + ": no frames to write");
        }
        writer.endWriteSequence();
        out.close();
        writer.dispose();
        AtomicFiles.commit(tmp, file);
        finished = true;
    }

    /** Releases the writer; without {@link #finish()} the partial file is deleted. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            out.close();
        } finally {
            writer.dispose();
            Files.deleteIfExists(tmp);
        }
    }

    /** The frame's metadata: its own colour table, the delay, the disposal, and on the first frame the loop. */
    private IIOMetadataNode frameTree(BufferedImage indexed, boolean first) {
        var root = new IIOMetadataNode(FORMAT);
        var descriptor = new IIOMetadataNode("ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", "0");
        descriptor.setAttribute("imageTopPosition", "0");
        descriptor.setAttribute("imageWidth", Integer.toString(indexed.getWidth()));
        descriptor.setAttribute("imageHeight", Integer.toString(indexed.getHeight()));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        root.appendChild(descriptor);
        root.appendChild(colourTable((IndexColorModel) indexed.getColorModel()));
        var control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (first) {
            var apps = new IIOMetadataNode("ApplicationExtensions");
            var loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(loop);
            root.appendChild(apps);
        }
        return root;
    }

    /** A local colour table holding the frame's palette, padded to a power of two as GIF requires. */
    private static IIOMetadataNode colourTable(IndexColorModel colours) {
        int size = 2;
        while (size < colours.getMapSize()) {
            size *= 2;
        }
        var table = new IIOMetadataNode("LocalColorTable");
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < size; i++) {
            int rgb = i < colours.getMapSize() ? colours.getRGB(i) : 0;
            var entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(rgb >> 16 & 0xFF));
            entry.setAttribute("green", Integer.toString(rgb >> 8 & 0xFF));
            entry.setAttribute("blue", Integer.toString(rgb & 0xFF));
            table.appendChild(entry);
        }
        return table;
    }
}
