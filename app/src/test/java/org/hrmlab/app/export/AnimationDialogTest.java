package org.hrmlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.LabWindow;
import org.hrmlab.app.shell.Notice;
import org.hrmlab.app.training.FakeTrainMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The "Export animation" dialog on a finished fake run: settings from its controls, progress, cancel, notices. */
@ExtendWith(ApplicationExtension.class)
class AnimationDialogTest {
    private LabContext ctx;
    private LabWindow window;
    private Stage owner;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        owner = stage;
        ctx = new LabContext(new FakeStepper(0, 64), FakeTrainMain.command());
        window = new LabWindow(ctx);
        stage.setScene(window.createScene(900, 600));
        stage.show();
        ctx.inspector().loadPuzzle(SamplePuzzles.sudoku());
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(ctx::close);
    }

    private AnimationDialog openDialog() throws Exception {
        FxTestSupport.waitUntil(() -> ctx.inspector().timeline().size() == 1, 10);
        FxTestSupport.fx(() -> ctx.inspector().runToHalt());
        FxTestSupport.waitUntil(() -> ctx.inspector().haltedProperty().get() && !ctx.inspector().busyProperty().get(),
                20);
        return FxTestSupport.onFx(() -> {
            var source = AnimationSource.ofInspector(ctx.inspector());
            var dialog = new AnimationDialog(owner, source, ctx.theme().getGridTheme(), ctx.animations(),
                    ctx.notices());
            dialog.show();
            return dialog;
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheHUpdatesChosenInTheDialogAsAGif(FxRobot robot) throws Exception {
        var dialog = openDialog();
        robot.interact(() -> robot.lookup("#animation-frames").queryAs(ChoiceBox.class)
                .setValue(FrameFilter.H_UPDATES));
        long hUpdates = FxTestSupport.onFx(() -> ctx.inspector().timeline().stream()
                .filter(f -> f.kind() == org.hrmlab.app.engine.UpdateKind.H).count());
        String count = FxTestSupport.onFx(() -> robot.lookup("#animation-count")
                .queryAs(javafx.scene.control.Label.class).getText());
        assertEquals((hUpdates + 1) + " frames", count);

        var gif = dir.resolve("run.gif");
        var job = FxTestSupport.onFx(() -> dialog.exportTo(gif));
        var result = job.result().get(60, TimeUnit.SECONDS);
        assertEquals(hUpdates + 1, result.frames());
        assertEquals(hUpdates + 1, GifFrames.read(gif).count());
        FxTestSupport.waitUntil(() -> ctx.notices().getLatest() != null
                && ctx.notices().getLatest().message().startsWith("Wrote " + (hUpdates + 1) + " frames"), 10);
        assertEquals(hUpdates + 1, FxTestSupport.onFx(() -> job.writtenProperty().get()).longValue());
        assertTrue(Files.exists(dir.resolve("manifest.json")));
    }

    @Test
    void theRangeSliderAndTheSpinnersChooseTheSameUpdates(FxRobot robot) throws Exception {
        openDialog();
        var slider = robot.lookup("#animation-range").queryAs(org.controlsfx.control.RangeSlider.class);
        robot.interact(() -> {
            slider.setHighValue(3);
            slider.setLowValue(1);
        });
        String count = FxTestSupport.onFx(() -> robot.lookup("#animation-count")
                .queryAs(javafx.scene.control.Label.class).getText());
        assertEquals("3 frames", count, "updates 1..3, all kinds");
    }

    @Test
    void theFileMenuOpensTheDialogOnTheInspectorsRun(FxRobot robot) throws Exception {
        FxTestSupport.waitUntil(() -> ctx.inspector().timeline().size() == 1, 10);
        FxTestSupport.fx(() -> ctx.inspector().runToHalt());
        FxTestSupport.waitUntil(() -> ctx.inspector().haltedProperty().get() && !ctx.inspector().busyProperty().get(),
                20);
        int recorded = FxTestSupport.onFx(() -> ctx.inspector().timeline().size());
        robot.clickOn("File").clickOn("Export animation (GIF or PNG sequence)\u2026");
        FxTestSupport.waitUntil(() -> !robot.lookup("#animation-count").queryAll().isEmpty(), 10);
        String count = FxTestSupport.onFx(() -> robot.lookup("#animation-count")
                .queryAs(javafx.scene.control.Label.class).getText());
        assertEquals(recorded + " frames", count);
    }

    @Test
    void cancellingLeavesNoFileAndSaysSo() throws Exception {
        var dialog = openDialog();
        int frames = FxTestSupport.onFx(() -> ctx.inspector().timeline().size());
        assertTrue(frames > 10, "a run long enough to cancel: " + frames);
        var gif = dir.resolve("cancelled.gif");
        var job = FxTestSupport.onFx(() -> {
            var j = dialog.exportTo(gif);
            j.cancel();
            return j;
        });
        try {
            job.result().get(60, TimeUnit.SECONDS);
            throw new AssertionError("a cancelled export completed");
        } catch (CancellationException | ExecutionException expected) {
            assertTrue(job.result().isCompletedExceptionally());
        }
        FxTestSupport.waitUntil(() -> ctx.notices().getLatest() != null
                && ctx.notices().getLatest().level() == Notice.Level.INFO
                && ctx.notices().getLatest().message().contains("cancelled"), 10);
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing written, no temporary file");
        }
    }

    @Test
    void anUnwritableTargetBecomesAOneLineErrorNotice() throws Exception {
        var dialog = openDialog();
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a folder");
        var gif = blocker.resolve("run.gif");
        var job = FxTestSupport.onFx(() -> dialog.exportTo(gif));
        try {
            job.result().get(60, TimeUnit.SECONDS);
            throw new AssertionError("an export into a file's path completed");
        } catch (ExecutionException expected) {
            FxTestSupport.waitUntil(() -> ctx.notices().getLatest() != null
                    && ctx.notices().getLatest().level() == Notice.Level.ERROR, 10);
        }
        String message = FxTestSupport.onFx(() -> ctx.notices().getLatest().message());
        assertTrue(message.startsWith(gif.toString()), message);
        assertEquals(1, message.lines().count());
    }
}
