package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where rendered animation frames go, in order, on the IO thread. */
interface FrameSink {
    /** Writes frame {@code number} (0, 1, 2, ...). */
    void add(int number, BufferedImage frame) throws IOException;

    /** Completes the output after the last frame. */
    void finish() throws IOException;

    /** Removes what a cancelled or failed export wrote. Never throws. */
    void abort();

    /** The folder that {@code manifest.json} and {@code frames.csv} go into. */
    Path folder();

    /** A sink for {@code format} at {@code out} (a GIF file, or a folder of PNGs). */
    static FrameSink open(AnimationFormat format, Path out, AnimationSettings settings) throws IOException {
        return switch (format) {
            case GIF -> new Gif(out, new GifAnimationWriter(out, settings.fps()));
            case PNG_SEQUENCE -> new PngSequence(out, settings.dpi());
        };
    }

    /** One animated GIF. */
    record Gif(Path file, GifAnimationWriter writer) implements FrameSink {
        @Override
        public void add(int number, BufferedImage frame) throws IOException {
            writer.add(frame);
        }

        @Override
        public void finish() throws IOException {
            writer.finish();
        }

        @Override
        public void abort() {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the temporary file may stay behind; the target was never touched
            }
        }

        @Override
        public Path folder() {
            return file.toAbsolutePath().getParent();
        }
    }

    /** {@code frame_0000.png ...} in a folder, each with its DPI recorded. */
    final class PngSequence implements FrameSink {
        private final Path dir;
        private final double dpi;
        private final List<Path> written = new ArrayList<>();

        PngSequence(Path dir, double dpi) throws IOException {
            this.dir = dir;
            this.dpi = dpi;
            Files.createDirectories(dir);
        }

        /** The file name of frame {@code number}. */
        static String fileName(int number) {
            return String.format(Locale.ROOT, "frame_%04d.png", number);
        }

        @Override
        public void add(int number, BufferedImage frame) throws IOException {
            var file = dir.resolve(fileName(number));
            PngWriter.write(frame, file, dpi);
            written.add(file);
        }

        @Override
        public void finish() {
        }

        @Override
        public void abort() {
            for (var f : written) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort: a frame that cannot be deleted stays
                }
            }
        }

        @Override
        public Path folder() {
            return dir.toAbsolutePath();
        }
    }
}
