package org.hrmlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.training.FakeTrainMain;
import org.hrmlab.app.training.TrainingViewModel;
import org.hrmlab.viz.fx.TimelineScrubber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opens the real lab window headless and drives it like a user: step, keys, scrub back, train, errors. */
@ExtendWith(ApplicationExtension.class)
class LabWindowSmokeTest {
    private LabContext ctx;
    private LabWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ctx = new LabContext(new FakeStepper(0, 64), FakeTrainMain.command());
        window = new LabWindow(ctx);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
        ctx.inspector().loadPuzzle(SamplePuzzles.sudoku());
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(ctx::close);
    }

    private int cursor() {
        return FxTestSupport.onFx(() -> ctx.inspector().getCursor());
    }

    @Test
    void stepsWithButtonsAndKeysThenScrubsBack(FxRobot robot) throws Exception {
        FxTestSupport.waitUntil(() -> ctx.inspector().timeline().size() == 1, 10);
        robot.clickOn("#step-l-button");
        FxTestSupport.waitUntil(() -> ctx.inspector().getCursor() == 1, 10);
        robot.clickOn("#step-h-button");
        FxTestSupport.waitUntil(() -> ctx.inspector().getCursor() == 3, 10);
        robot.clickOn("#timeline");
        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);
        FxTestSupport.waitUntil(() -> ctx.inspector().getCursor() == 6, 10);
        robot.type(KeyCode.LEFT);
        FxTestSupport.waitUntil(() -> ctx.inspector().getCursor() == 5, 10);

        robot.clickOn("#run-button");
        FxTestSupport.waitUntil(() -> ctx.inspector().haltedProperty().get() && !ctx.inspector().busyProperty().get(),
                20);
        int last = cursor();
        assertTrue(last > 6);
        var scrubber = robot.lookup("#timeline").queryAs(TimelineScrubber.class);
        var bounds = scrubber.localToScreen(scrubber.getBoundsInLocal());
        robot.clickOn(bounds.getMinX() + TimelineScrubber.xOf(2, last + 1, bounds.getWidth()), bounds.getCenterY());
        FxTestSupport.waitUntil(() -> ctx.inspector().getCursor() == 2, 10);
        FxTestSupport.waitUntil(() -> ctx.inspector().statesFrameProperty().get() != null
                && ctx.inspector().statesFrameProperty().get().index() == 2, 10);
        String readings = robot.lookup("#readings").queryAs(Label.class).getText();
        assertTrue(readings.startsWith("update 2/" + last), readings);
    }

    @Test
    void thePcaPanelDrawsTheRunAndFollowsTheCursor(FxRobot robot) throws Exception {
        var panel = robot.lookup("#pca-panel").queryAs(org.hrmlab.app.inspector.PcaPanel.class);
        assertEquals(0, FxTestSupport.onFx(panel::shownPoints), "nothing to fit on the initial state");
        robot.clickOn("#timeline");
        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);
        FxTestSupport.waitUntil(() -> panel.shownPoints() == 13, 10);
        assertEquals("zH", FxTestSupport.onFx(panel::shownLatent));
        assertEquals(13, FxTestSupport.onFx(panel::strongPoints), "the cursor is on the last update");
        var chart = FxTestSupport.onFx(panel::chart);
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.LEFT);
        FxTestSupport.waitUntil(() -> panel.strongPoints() == 11, 10);
        assertEquals(chart, FxTestSupport.onFx(panel::chart), "a cursor move keeps the fit and the chart");
        var viewer = robot.lookup("#pca-chart").query();
        int orange = FxTestSupport.onFx(() -> countPixels(viewer.snapshot(null, null),
                c -> c.getRed() > 0.6 && c.getBlue() < 0.3 && c.getGreen() < 0.6));
        assertTrue(viewer.isVisible() && orange > 30, "zH's orange path is drawn: " + orange + " pixels");
        robot.clickOn("#pca-zl");
        FxTestSupport.waitUntil(() -> "zL".equals(panel.shownLatent()) && panel.strongPoints() == 11, 10);
        String caption = FxTestSupport.onFx(() -> ((Label) panel.getBottom()).getText());
        assertTrue(caption.contains("N = 12 updates") && caption.contains("mean-pooled"), caption);
    }

    private static int countPixels(javafx.scene.image.Image image,
            java.util.function.Predicate<javafx.scene.paint.Color> keep) {
        var reader = image.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                n += keep.test(reader.getColor(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void overridesRerunAndErrorsShowInTheWindow(FxRobot robot) throws Exception {
        FxTestSupport.fx(() -> ctx.inspector().loadModel(dir.resolve("missing.safetensors")));
        FxTestSupport.waitUntil(() -> !robot.lookup(".error-notification").queryAll().isEmpty(), 10);
        robot.doubleClickOn("#max-segments .text-field").write("2").type(KeyCode.ENTER);
        robot.clickOn("#rerun-button");
        FxTestSupport.waitUntil(() -> ctx.inspector().haltedProperty().get()
                && ctx.inspector().getSettings().maxSegments() == 2, 20);
        assertEquals(2, FxTestSupport.onFx(() -> ctx.inspector().cursorFrameProperty().get().segment()));
    }

    @Test
    void exportsTheGridAtADpiAndTheTimelineAsFrames() throws Exception {
        FxTestSupport.fx(() -> ctx.inspector().runToHalt());
        FxTestSupport.waitUntil(() -> ctx.inspector().haltedProperty().get() && !ctx.inspector().busyProperty().get(),
                20);
        var png = dir.resolve("grid.png");
        FxTestSupport.fx(() -> ctx.exporter().exportPng(ctx.inspector().boardProperty().get(),
                ctx.theme().getGridTheme(), png, 150));
        FxTestSupport.waitUntil(() -> Files.exists(png), 20);
        assertEquals(150, org.hrmlab.app.export.PngWriter.readDpi(png), 0.1);
        assertEquals(938, javax.imageio.ImageIO.read(png.toFile()).getWidth());
        int frames = FxTestSupport.onFx(() -> ctx.inspector().timeline().size());
        var seq = dir.resolve("frames");
        FxTestSupport.fx(() -> window.exportSequenceTo(seq, 96));
        FxTestSupport.waitUntil(() -> Files.exists(seq.resolve(String.format("frame_%04d.png", frames - 1))), 30);
        try (var files = Files.list(seq)) {
            assertEquals(frames, files.filter(f -> f.toString().endsWith(".png")).count());
        }
    }

    @Test
    void startsAndStopsAFakeTrainingRun(FxRobot robot) throws Exception {
        var cfg = dir.resolve("run.yaml");
        Files.writeString(cfg, "max_steps: 1000000\nfake_delay_ms: 20\n");
        robot.clickOn("#tab-training");
        var config = robot.lookup("#train-config").queryAs(javafx.scene.control.TextField.class);
        var out = robot.lookup("#train-out").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            config.setText(cfg.toString());
            out.setText(dir.resolve("out").toString());
        });
        robot.clickOn("#train-start");
        var training = ctx.training();
        FxTestSupport.waitUntil(() -> training.trainLines().size() >= 3, 30);
        assertEquals(TrainingViewModel.State.RUNNING, FxTestSupport.onFx(training::getState));
        var bar = robot.lookup("#train-progress").queryAs(javafx.scene.control.ProgressBar.class);
        double progress = FxTestSupport.onFx(bar::getProgress);
        assertTrue(progress > 0 && progress < 0.001, "steps 30.. of 1000000: " + progress);
        var eta = robot.lookup("#train-eta").queryAs(Label.class);
        assertTrue(FxTestSupport.onFx(eta::getText).startsWith("ETA "), FxTestSupport.onFx(eta::getText));
        var status = robot.lookup("#train-status").queryAs(Label.class);
        assertTrue(FxTestSupport.onFx(status::getText).contains(" / 1000000"), FxTestSupport.onFx(status::getText));
        robot.clickOn("#train-stop");
        FxTestSupport.waitUntil(() -> training.getState() == TrainingViewModel.State.STOPPED, 30);
        assertFalse(FxTestSupport.onFx(training::isActive));
    }

    @Test
    void theDeviceChooserShowsWhereTheModelRunsAndKeepsThePuzzle(FxRobot robot) throws Exception {
        FxTestSupport.waitUntil(() -> ctx.inspector().timeline().size() == 1, 10);
        FxTestSupport.waitUntil(() -> robot.lookup("#device-status").queryAs(Label.class).getText().startsWith("cpu"),
                10);
        var puzzle = FxTestSupport.onFx(() -> ctx.inspector().getPuzzle());
        robot.clickOn("#step-segment-button");
        FxTestSupport.waitUntil(() -> ctx.inspector().getCursor() > 0 && !ctx.inspector().busyProperty().get(), 10);
        int cursor = cursor();
        FxTestSupport.fx(() -> robot.lookup("#device-choice").<String>queryComboBox().setValue("cuda:0"));
        FxTestSupport.waitUntil(() -> FxTestSupport.onFx(() -> ctx.notices().getLatest() != null
                && ctx.notices().getLatest().message().contains("CPU only")), 10);
        FxTestSupport.fx(() -> robot.lookup("#device-choice").<String>queryComboBox().setValue("cpu"));
        FxTestSupport.waitUntil(() -> !ctx.inspector().busyProperty().get() && ctx.inspector().getCursor() == cursor,
                10);
        assertEquals(puzzle, FxTestSupport.onFx(() -> ctx.inspector().getPuzzle()));
        assertTrue(robot.lookup("#device-status").queryAs(Label.class).getText().startsWith("cpu"));
    }

    @Test
    void droppedPuzzleFilesAreListedAndOpenedAndDroppedModelsLoaded(FxRobot robot) throws Exception {
        FxTestSupport.waitUntil(() -> ctx.inspector().timeline().size() == 1, 10);
        int before = FxTestSupport.onFx(() -> ctx.library().puzzles().size());
        FxTestSupport.fx(() -> window.openDropped(org.hrmlab.app.TestData.MAGICTOUR_CSV));
        FxTestSupport.waitUntil(() -> FxTestSupport.onFx(() -> ctx.library().puzzles().size()) > before, 20);
        FxTestSupport.waitUntil(() -> FxTestSupport.onFx(() -> ctx.inspector().getPuzzle() != null
                && ctx.inspector().getPuzzle().name().contains("magictour")), 20);
        assertEquals(1, ctx.library().recent().puzzles().size());
        FxTestSupport.fx(() -> window.openDropped(org.hrmlab.app.TestData.SUDOKU_SMALL_CHECKPOINT));
        FxTestSupport.waitUntil(() -> ctx.library().recent().models().size() == 1, 10);
        robot.clickOn("#tab-puzzles");
        assertTrue(robot.lookup("#open-puzzle-file").tryQuery().isPresent());
    }
}
