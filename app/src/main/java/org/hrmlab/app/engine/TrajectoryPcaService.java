package org.hrmlab.app.engine;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Refits the inspector's PCA when the run grows or a new run starts, off the FX thread, and hands the result to the
 * FX thread. Latest wins: snapshots offered while a fit runs are coalesced into one more fit on the newest. A
 * snapshot with the generation and update count of the last fit is ignored (seeks and cursor moves never refit),
 * and a result is dropped if a newer run was offered before it reached the FX thread.
 */
public final class TrajectoryPcaService {
    private static final System.Logger LOG = System.getLogger(TrajectoryPcaService.class.getName());

    private final Executor worker;
    private final Executor fxExecutor;
    private final Consumer<TrajectoryPca> sink;
    private final AtomicReference<PooledTrajectory> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long newestGeneration = -1;
    private long fittedGeneration = -1;
    private int fittedUpdates = -1;
    private int fits;

    /**
     * @param worker     where fits run (a single background thread in the app; same-thread in tests)
     * @param fxExecutor where results are delivered ({@code Platform::runLater}; same-thread in tests)
     * @param sink       receives each new result on the FX thread
     */
    public TrajectoryPcaService(Executor worker, Executor fxExecutor, Consumer<TrajectoryPca> sink) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Asks for a fit of {@code trajectory}; replaces one not yet started. Any thread. */
    public void offer(PooledTrajectory trajectory) {
        newestGeneration = Math.max(newestGeneration, trajectory.generation());
        pending.set(Objects.requireNonNull(trajectory, "trajectory"));
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "PCA worker stopped; dropped a fit");
            }
        }
    }

    /** @return how many fits have been computed (each refit counts once) */
    public synchronized int fitCount() {
        return fits;
    }

    private void drain() {
        scheduled.set(false);
        PooledTrajectory t = pending.getAndSet(null);
        if (t == null) {
            return;
        }
        TrajectoryPca result;
        synchronized (this) {
            if (t.generation() == fittedGeneration && t.updates() == fittedUpdates) {
                return;
            }
            try {
                result = TrajectoryPcaFit.fit(t);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "PCA fit failed", e);
                result = TrajectoryPca.notFitted(t.generation(), t.updates(), t.segmentEnds());
            }
            fittedGeneration = t.generation();
            fittedUpdates = t.updates();
            fits++;
        }
        TrajectoryPca delivered = result;
        fxExecutor.execute(() -> {
            if (delivered.generation() == newestGeneration) {
                sink.accept(delivered);
            }
        });
    }
}
