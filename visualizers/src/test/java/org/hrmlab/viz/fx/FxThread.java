package org.hrmlab.viz.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs test code on the FX thread of a toolkit started once per test JVM (headless under Monocle). */
final class FxThread {
    private FxThread() {
    }

    /** Starts the toolkit unless another test already has. */
    static void start() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // another test started it
        }
    }

    /** @return what {@code call} returns on the FX thread (30 s at most) */
    static <T> T call(Callable<T> call) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    /** Waits until what the FX thread has queued so far, and what that queues in turn, has run (posted repaints). */
    static void flush() throws Exception {
        var flushed = new CompletableFuture<Void>();
        Platform.runLater(() -> Platform.runLater(() -> flushed.complete(null)));
        flushed.get(30, TimeUnit.SECONDS);
    }
}
