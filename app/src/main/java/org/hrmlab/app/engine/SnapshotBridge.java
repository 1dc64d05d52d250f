package org.hrmlab.app.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands engine results to the FX thread without flooding it. Events are queued and all delivered in order; full frames
 * (with hidden states) go through one {@link AtomicReference}, so only the newest survives. At most one drain is
 * pending on the FX executor at a time, so a fast engine costs the FX thread one small task per pulse at most.
 */
public final class SnapshotBridge {
    /** One drain: the events since the last one, in order, and the newest full frame (or null). */
    public record Delivery(List<EngineEvent> events, CurrentFrame frame) {
    }

    /** A full frame of run {@code run} and the numbers computed from it. */
    public record CurrentFrame(int run, LabFrame frame, FrameStats stats) {
    }

    private final Executor fxExecutor;
    private final Consumer<Delivery> sink;
    private final ConcurrentLinkedQueue<EngineEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<CurrentFrame> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param fxExecutor runs drains on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param sink receives each delivery on the FX thread
     */
    public SnapshotBridge(Executor fxExecutor, Consumer<Delivery> sink) {
        this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Queues an event. Any thread. */
    public void publish(EngineEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
        schedule();
    }

    /** Offers a full frame; replaces one not yet delivered. Any thread. */
    public void offerFrame(int run, LabFrame frame, FrameStats stats) {
        latest.set(new CurrentFrame(run, Objects.requireNonNull(frame, "frame"), stats));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            fxExecutor.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        var batch = new ArrayList<EngineEvent>();
        for (EngineEvent e = events.poll(); e != null; e = events.poll()) {
            batch.add(e);
        }
        var frame = latest.getAndSet(null);
        if (!batch.isEmpty() || frame != null) {
            sink.accept(new Delivery(batch, frame));
        }
    }
}
