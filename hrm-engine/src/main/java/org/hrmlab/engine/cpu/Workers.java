package org.hrmlab.engine.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The CPU engine's threads: the calling thread plus one helper per further core, which share the tasks of one
 * {@link #run} call (GEMM slices, row chunks of an element-wise pass, attention heads). Between calls the helpers spin
 * for a few microseconds and then park, so an idle engine costs nothing and consecutive passes of a block start
 * without a wake-up delay.
 *
 * <p>One call at a time: a call made while another is running (a task that calls {@link #run}, or a second engine
 * thread) runs its tasks inline on its own thread as worker 0, so tasks must not assume that they run in parallel, and
 * scratch indexed by worker must belong to the caller (a workspace per engine thread).
 */
public final class Workers {
    /** One task of a {@link #run} call. */
    @FunctionalInterface
    public interface Task {
        /**
         * @param index  the task, {@code 0 .. tasks-1}
         * @param worker the thread running it, {@code 0 .. count()-1} (0 = the caller), for per-thread scratch
         */
        void run(int index, int worker);
    }

    private static final Workers SHARED = new Workers(Integer.getInteger("hrmlab.threads",
            Runtime.getRuntime().availableProcessors()));
    /** How long a thread spins for new work or a finished task before it parks. */
    private static final long SPIN_NANOS = 20_000;
    /** Spins between two reads of the clock. */
    private static final int SPINS_PER_CHECK = 64;

    private final int count;
    private final Thread[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Job job;

    private static final class Job {
        final int tasks;
        final Task body;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable error;

        Job(int tasks, Task body, Thread caller) {
            this.tasks = tasks;
            this.body = body;
            this.caller = caller;
        }

        /** Runs tasks until none is left; wakes the caller after the last one. */
        void work(int worker) {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                try {
                    body.run(t, worker);
                } catch (Throwable e) {
                    if (error == null) {
                        error = e;
                    }
                }
                if (done.incrementAndGet() == tasks && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** @return the engine's workers: one thread per available core ({@code -Dhrmlab.threads=N} overrides) */
    public static Workers shared() {
        return SHARED;
    }

    Workers(int threads) {
        this.count = Math.max(1, threads);
        this.helpers = new Thread[count - 1];
        for (int i = 0; i < helpers.length; i++) {
            int worker = i + 1;
            helpers[i] = new Thread(() -> helperLoop(worker), "hrm-cpu-" + worker);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    /** @return threads that run tasks, the caller included */
    public int count() {
        return count;
    }

    /**
     * Runs {@code body} for every task in {@code [0, tasks)} on the workers and returns when all are done. The first
     * exception a task throws is rethrown here (after the other tasks finished).
     */
    public void run(int tasks, Task body) {
        if (tasks <= 0) {
            return;
        }
        if (tasks == 1 || count == 1 || !busy.compareAndSet(false, true)) {
            for (int t = 0; t < tasks; t++) {
                body.run(t, 0);
            }
            return;
        }
        Job j = new Job(tasks, body, Thread.currentThread());
        try {
            job = j;
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
            j.work(0);
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            for (int spins = 0; j.done.get() < tasks; spins++) {
                if (spins % SPINS_PER_CHECK != 0 || System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 1_000_000);
                }
            }
        } finally {
            job = null;
            busy.set(false);
        }
        Throwable e = j.error;
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    private void helperLoop(int worker) {
        Job last = null;
        while (true) {
            Job j = job;
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            for (int spins = 0; j == null || j == last; spins++) {
                if (spins % SPINS_PER_CHECK != 0 || System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
                j = job;
            }
            last = j;
            j.work(worker);
        }
    }
}
