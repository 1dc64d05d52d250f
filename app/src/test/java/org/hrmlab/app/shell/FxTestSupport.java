package org.hrmlab.app.shell;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.training.FakeTrainMain;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting helpers, and the real lab window, for tests that run the real FX toolkit (headless Monocle). */
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

    /**
     * Shows the real lab window (the shipped models on the real engine, training faked) on {@code stage} at 1200x760
     * and loads the bundled puzzle named {@code puzzle} into the inspector. Call from the FX thread (a {@code @Start}
     * method).
     *
     * @return the lab's context, which the test closes on the FX thread when it is done
     */
    public static LabContext showLab(Stage stage, String puzzle) {
        var ctx = new LabContext(new HrmEngineStepper(DefaultModels.shipped()), FakeTrainMain.command());
        stage.setScene(new LabWindow(ctx).createScene(1200, 760));
        stage.show();
        ctx.inspector().loadPuzzle(BundledLabPuzzles.named(puzzle));
        return ctx;
    }
}
