package org.hrmlab.app.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hrmlab.app.puzzle.LabPuzzle;

/**
 * Owns the {@link StepperPort} and runs every call to it on one executor: in the app the single daemon thread
 * {@value #THREAD_NAME}, in tests the calling thread. Commands are messages; results leave through the
 * {@link SnapshotBridge}. A run to halt checks a cancel counter between segments; seeks are coalesced so that
 * scrubbing never queues stale work. Every recorded frame is read here too, once and in order, by the run's
 * {@link FrameReader}: its {@link FrameReading} travels with the frame, so the FX thread only looks readings up.
 */
public final class EngineRunner implements AutoCloseable {
    /** Name of the engine thread. */
    public static final String THREAD_NAME = "hrm-engine";
    private static final System.Logger LOG = System.getLogger(EngineRunner.class.getName());

    private final StepperPort port;
    private final Executor executor;
    private final SnapshotBridge bridge;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger seekTarget = new AtomicInteger(-1);
    private final AtomicBoolean seekScheduled = new AtomicBoolean();
    private final AtomicInteger cancelEpoch = new AtomicInteger();
    private volatile boolean closed;
    private int run;
    private FrameReader reader;

    public EngineRunner(StepperPort port, Executor executor, SnapshotBridge bridge) {
        this.port = Objects.requireNonNull(port, "port");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
    }

    /** A single daemon thread named {@value #THREAD_NAME}. */
    public static ExecutorService newEngineThread() {
        return Executors.newSingleThreadExecutor(r -> {
            var t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
    }

    // Commands

    public void loadModel(Path checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        submit(() -> bridge.publish(new EngineEvent.ModelLoaded(port.loadModel(checkpoint))));
    }

    /** Uses the shipped models ({@link StepperPort#useShipped}); the model comes back as a ModelLoaded event. */
    public void useShipped(String name) {
        submit(() -> bridge.publish(new EngineEvent.ModelLoaded(port.useShipped(name))));
    }

    /** Chooses the device the next run uses; the status line comes back as {@link EngineEvent.DeviceChanged}. */
    public void useDevice(String spec) {
        Objects.requireNonNull(spec, "spec");
        submit(() -> bridge.publish(new EngineEvent.DeviceChanged(port.useDevice(spec))));
    }

    /** Starts a new run; earlier queued work finishes first, a run to halt in progress is cancelled. */
    public void start(LabPuzzle puzzle, InferenceSettings settings) {
        Objects.requireNonNull(puzzle, "puzzle");
        Objects.requireNonNull(settings, "settings");
        cancelEpoch.incrementAndGet();
        submit(() -> {
            var first = port.start(puzzle, settings);
            run++;
            reader = new FrameReader(puzzle);
            bridge.publish(new EngineEvent.RunStarted(run, puzzle, port.settings(), first.lite(), reader.next(first),
                    port.model()));
            offer(first);
        });
    }

    public void step(StepAction action) {
        Objects.requireNonNull(action, "action");
        submit(() -> publish(port.step(action)));
    }

    /** Steps segment by segment until the run halts or {@link #cancel()} is called; each segment streams out. */
    public void runToHalt() {
        int epoch = cancelEpoch.get();
        submit(() -> {
            while (!port.halted() && cancelEpoch.get() == epoch && !closed) {
                var result = port.step(StepAction.SEGMENT);
                if (result.isEmpty()) {
                    break;
                }
                publish(result);
            }
        });
    }

    /** Stops a run to halt after the segment in progress. Any thread. */
    public void cancel() {
        cancelEpoch.incrementAndGet();
    }

    /** Asks for the full frame of recorded update {@code index}; only the newest request of a burst is served. */
    public void seek(int index) {
        seekTarget.set(index);
        if (seekScheduled.compareAndSet(false, true)) {
            execute(() -> {
                seekScheduled.set(false);
                int target = seekTarget.get();
                if (run == 0 || target < 0 || target >= port.recordedCount()) {
                    return;
                }
                try {
                    offer(port.seek(target));
                } catch (RuntimeException e) {
                    fail(e);
                }
            });
        }
    }

    /** Whether work other than seeks is queued or running. */
    public boolean isBusy() {
        return pending.get() > 0;
    }

    @Override
    public void close() {
        closed = true;
        cancelEpoch.incrementAndGet();
        if (executor instanceof ExecutorService service) {
            try {
                service.execute(port::close);
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "engine thread already stopped");
            }
            service.shutdown();
            try {
                if (!service.awaitTermination(2, TimeUnit.SECONDS)) {
                    service.shutdownNow();
                }
            } catch (InterruptedException e) {
                service.shutdownNow();
                Thread.currentThread().interrupt();
            }
        } else {
            port.close();
        }
    }

    private void publish(StepResult result) {
        if (result.isEmpty()) {
            return;
        }
        var readings = new ArrayList<FrameReading>(result.recorded().size());
        for (var frame : result.recorded()) {
            readings.add(reader.next(frame));
        }
        bridge.publish(new EngineEvent.Recorded(run, result.recorded(), readings, port.halted()));
        offer(result.current());
    }

    private void offer(LabFrame frame) {
        bridge.offerFrame(run, frame, FrameStats.of(frame, port.model().puzzlePrefix()));
    }

    private void submit(Runnable body) {
        if (pending.getAndIncrement() == 0) {
            bridge.publish(new EngineEvent.Busy(true));
        }
        execute(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                fail(e);
            } finally {
                if (pending.decrementAndGet() == 0) {
                    bridge.publish(new EngineEvent.Busy(false));
                }
            }
        });
    }

    private void execute(Runnable task) {
        if (closed) {
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "engine closed; dropped a command");
        }
    }

    private void fail(RuntimeException e) {
        String message;
        if (e instanceof StepperException) {
            message = e.getMessage();
        } else if (e instanceof org.hrmlab.engine.compute.DeviceUnavailableException) {
            message = e.getMessage() + " (choose cpu under Device to go on)";
        } else {
            LOG.log(System.Logger.Level.ERROR, "engine call failed", e);
            message = "internal error in the engine: " + e + " (details in the log)";
        }
        bridge.publish(new EngineEvent.Failed(message));
    }
}
