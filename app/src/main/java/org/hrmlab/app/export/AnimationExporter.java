package org.hrmlab.app.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import org.hrmlab.app.engine.LabFrame;

/**
 * Exports a recorded run as an animated GIF or a PNG sequence, with {@code manifest.json} and {@code frames.csv}
 * beside it. Boards are drawn on the FX thread, one frame per pulse; encoding and every file happen on the IO
 * executor, which must run its tasks one at a time in order (a single thread).
 */
public final class AnimationExporter {
    private final Executor io;
    private final String program;

    /**
     * @param io the single IO thread
     * @param program the program name and version recorded in manifests
     */
    public AnimationExporter(Executor io, String program) {
        this.io = Objects.requireNonNull(io, "io");
        this.program = Objects.requireNonNull(program, "program");
    }

    /**
     * Starts exporting the frames {@code settings} select from {@code source} to {@code out} (the GIF file, or the
     * folder for a PNG sequence). FX thread; the job reports progress there and completes on the IO thread.
     *
     * @throws IllegalArgumentException when the selection holds no frame
     */
    public AnimationJob start(AnimationSource source, AnimationSettings settings, Path out) {
        List<LabFrame> frames = settings.frames().select(source.timeline());
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no recorded update matches the selection ("
                    + settings.frames().filter().label().toLowerCase() + ", updates " + settings.frames().from()
                    + ".." + (settings.frames().to() == FrameSelection.LAST ? "end" : settings.frames().to()) + ")");
        }
        var job = new AnimationJob(io, program, source, settings, frames, out);
        job.begin();
        return job;
    }
}
