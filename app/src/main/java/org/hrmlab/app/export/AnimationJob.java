package org.hrmlab.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import org.hrmlab.app.engine.FrameReader;
import org.hrmlab.app.engine.FrameReading;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.OverlayScale;
import org.hrmlab.app.inspector.BoardOverlays;
import org.hrmlab.app.inspector.Boards;
import org.hrmlab.app.inspector.OverlayLayer;

/**
 * One running animation export (see {@link AnimationExporter}). Progress is observable on the FX thread;
 * {@link #cancel()} stops it and removes what it wrote.
 */
public final class AnimationJob {
    /** Rendered frames waiting for the encoder at most: bounds memory when encoding is slower than drawing. */
    private static final int MAX_PENDING = 3;

    private final Executor io;
    private final String program;
    private final AnimationSource source;
    private final AnimationSettings settings;
    private final List<LabFrame> frames;
    private final Path out;
    private final ReadOnlyIntegerWrapper written = new ReadOnlyIntegerWrapper(this, "written");
    private final CompletableFuture<AnimationResult> result = new CompletableFuture<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;
    private FrameSink sink;
    /** Reads the timeline once, as far as the frame being rendered (frames come in update order). */
    private FrameReader reader;
    private final List<FrameReading> readings = new ArrayList<>();
    /** The overlay's scale: the whole recorded run's, so every frame is coloured alike. */
    private final OverlayScale scale;
    private int width;
    private int height;

    AnimationJob(Executor io, String program, AnimationSource source, AnimationSettings settings,
                 List<LabFrame> frames, Path out) {
        this.io = io;
        this.program = program;
        this.source = source;
        this.settings = settings;
        this.frames = List.copyOf(frames);
        this.out = out;
        this.scale = settings.overlay() == OverlayLayer.NONE ? OverlayScale.NONE : OverlayScale.of(source.timeline());
    }

    /** The GIF file, or the folder of a PNG sequence. */
    public Path output() {
        return out;
    }

    /** Frames in the export. */
    public int total() {
        return frames.size();
    }

    /** Frames encoded and written so far. FX thread. */
    public ReadOnlyIntegerProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** Completes with what was written, or exceptionally (a {@link CancellationException} when cancelled). */
    public CompletableFuture<AnimationResult> result() {
        return result;
    }

    /** Stops the export; the partial output is removed. Any thread. */
    public void cancel() {
        cancelled = true;
    }

    void begin() {
        io.execute(() -> guard(() -> sink = FrameSink.open(settings.format(), out, settings)));
        new AnimationTimer() {
            private int next;

            @Override
            public void handle(long now) {
                if (cancelled || failure.get() != null) {
                    stop();
                    io.execute(AnimationJob.this::abort);
                    return;
                }
                if (pending.get() >= MAX_PENDING) {
                    return;
                }
                if (next == frames.size()) {
                    stop();
                    io.execute(AnimationJob.this::complete);
                    return;
                }
                BufferedImage image;
                try {
                    image = render(frames.get(next));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                encodeLater(next, image);
                next++;
            }
        }.start();
    }

    private BufferedImage render(LabFrame frame) {
        if (reader == null) {
            reader = new FrameReader(source.puzzle());
        }
        while (reader.count() <= frame.index()) {
            readings.add(reader.next(source.timeline().get(reader.count())));
        }
        var board = Boards.at(source.puzzle(), source.timeline(), readings, frame.index());
        var overlay = BoardOverlays.of(frame, settings.overlay(), scale, source.names());
        return GridExporter.render(board, overlay, settings.theme(), GridExporter.WIDTH, GridExporter.HEIGHT,
                settings.dpi());
    }

    private void encodeLater(int number, BufferedImage image) {
        pending.incrementAndGet();
        io.execute(() -> {
            try {
                if (cancelled || failure.get() != null) {
                    return;
                }
                guard(() -> {
                    sink.add(number, image);
                    width = image.getWidth();
                    height = image.getHeight();
                });
                Platform.runLater(() -> written.set(number + 1));
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private void complete() {
        if (!cancelled) {
            guard(() -> {
                sink.finish();
                var dir = sink.folder();
                var manifest = dir.resolve(AnimationRecord.MANIFEST);
                var table = dir.resolve(AnimationRecord.TABLE);
                AnimationRecord.table(source.puzzle(), frames).write(table);
                if (settings.overlay() != OverlayLayer.NONE) {
                    AnimationRecord.overlayTable(frames, settings.overlay(), scale)
                            .write(dir.resolve(AnimationRecord.OVERLAY_TABLE));
                }
                AnimationRecord.manifest(program, source, settings, frames, out.getFileName().toString(), width,
                        height, scale).write(manifest);
                result.complete(new AnimationResult(out, frames.size(), width, height, manifest, table));
            });
        }
        if (!result.isDone()) {
            abort();
        }
    }

    private void abort() {
        if (sink != null) {
            sink.abort();
        }
        var why = failure.get();
        result.completeExceptionally(why != null ? why : new CancellationException("export cancelled"));
    }

    /**
     * Runs an IO step unless the job has already failed; a failure is kept, and the FX side then ends the job
     * with it (the result completes only after the last IO step, so callers may shut the executor down).
     */
    private void guard(IoStep step) {
        if (failure.get() != null) {
            return;
        }
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e instanceof FileSystemException fse ? new IOException(describe(fse), fse) : e);
        }
    }

    /** A one-line reason for a file-system failure (the JDK's message is often just the path). */
    static String describe(FileSystemException e) {
        String reason = e instanceof FileAlreadyExistsException ? "a file is in the way"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        return "cannot write " + e.getFile() + ": " + reason;
    }

    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }
}
