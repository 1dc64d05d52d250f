package org.hrmlab.app.shell;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;

import org.testfx.util.WaitForAsyncUtils;

/** Waiting helpers for tests that run the real FX toolkit (headless Monocle). */
public final class FxTestSupport {
    private FxTestSupport() {
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds; fails after {@code seconds}. */
    public static void waitUntil(BooleanSupplier condition, int seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return onFx(condition::getAsBoolean);
        });
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void fx(Runnable action) {
        try {
            WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX action failed", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Evaluates {@code supplier} on the FX thread. */
    public static <T> T onFx(java.util.concurrent.Callable<T> supplier) {
        if (Platform.isFxApplicationThread()) {
            try {
                return supplier.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(supplier).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX call failed", e);
        }
    }
}
