package org.hrmlab.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Collects items from any thread and hands them over in batches, with at most one drain pending on the FX thread. */
final class FxBatcher<T> {
    private final Executor fxExecutor;
    private final Consumer<List<T>> sink;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    FxBatcher(Executor fxExecutor, Consumer<List<T>> sink) {
        this.fxExecutor = fxExecutor;
        this.sink = sink;
    }

    void add(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            fxExecutor.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        var batch = new ArrayList<T>();
        for (T t = queue.poll(); t != null; t = queue.poll()) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
