package org.hrmlab.app.training.newrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.app.shell.ThemeModel;
import org.hrmlab.app.training.TrainingCommand;
import org.hrmlab.app.training.TrainingView;
import org.hrmlab.app.training.TrainingViewModel;
import org.hrmlab.engine.train.DatasetException;
import org.hrmlab.engine.train.TrainingConfig;
import org.hrmlab.engine.train.TrainingEvent;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.query.NodeQuery;

/**
 * The training screen's "New training run" on the real toolkit (headless Monocle): the form, the dataset made off the
 * FX thread, the config sheet, and a real {@code hrmlab train} child process on a few 4x4 Sudokus.
 */
@ExtendWith(ApplicationExtension.class)
class NewRunWizardTest {
    @TempDir
    Path dir;

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ExecutorService datasets = Executors.newSingleThreadExecutor();
    private TrainingViewModel training;
    private NewRunViewModel wizard;
    private TrainingView view;

    @Start
    void start(Stage stage) {
        training = new TrainingViewModel(TrainingCommand.hrmlab(), io, Platform::runLater, new Notices(), p -> { });
        wizard = new NewRunViewModel(training, datasets, Platform::runLater);
        view = new TrainingView(training, wizard, new ThemeModel());
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(training::stop);
        io.shutdown();
        datasets.shutdown();
    }

    /** Fills the form with a few easy 4x4 Sudokus (5 epochs: 6 steps at batch 64) and makes the dataset. */
    @SuppressWarnings("unchecked")
    private Path makeTinySudokuRun(FxRobot robot) throws Exception {
        press(robot, "#train-new");
        shown(robot, "#newrun-kind");
        FxTestSupport.fx(() -> {
            robot.lookup("#newrun-kind").queryAs(ChoiceBox.class).setValue(PuzzleKind.SUDOKU);
            robot.lookup("#newrun-size").queryAs(ComboBox.class).setValue(4);
            robot.lookup("#newrun-difficulty").queryAs(ChoiceBox.class).setValue("easy");
            spinner(robot, "#newrun-train").getValueFactory().setValue(40);
            spinner(robot, "#newrun-test").getValueFactory().setValue(10);
            spinner(robot, "#newrun-augment").getValueFactory().setValue(1);
            spinner(robot, "#newrun-epochs").getValueFactory().setValue(5);
            robot.lookup("#newrun-folder").queryAs(TextField.class).setText(dir.toString());
            robot.lookup("#newrun-name").queryAs(TextField.class).setText("tiny");
        });
        press(robot, "#newrun-generate");
        FxTestSupport.waitUntil(() -> wizard.getPhase() != NewRunViewModel.Phase.GENERATING, 60);
        assertEquals(NewRunViewModel.Phase.EDITING, wizard.getPhase(), label(robot, "#newrun-message"));
        return dir.resolve("tiny");
    }

    @Test
    void theWizardMakesTheDataWritesTheConfigAndAnEditedRunShowsItsProgress(FxRobot robot) throws Exception {
        List<String> statuses = new CopyOnWriteArrayList<>();
        var status = robot.lookup("#train-status").queryAs(Label.class);
        FxTestSupport.fx(() -> status.textProperty().addListener((o, was, now) -> statuses.add(now)));
        Path run = makeTinySudokuRun(robot);
        assertTrue(robot.lookup("#train-status").tryQuery().isEmpty(), "the wizard has the whole screen");
        Path config = run.resolve("config.yaml");
        assertTrue(Files.isRegularFile(run.resolve("data/train/all__inputs.npy")));
        String written = Files.readString(config);
        TrainingConfig read = TrainingConfig.read(config);
        assertEquals(written, read.toYaml(config), "the written config reads back and writes the same text");
        assertEquals(run.resolve("data"), read.dataPath());
        assertEquals(5, read.epochs());
        assertTrue(label(robot, "#newrun-message").startsWith("Dataset in " + run.resolve("data")));

        var maxSteps = shown(robot, "#config-max_steps").queryAs(TextField.class);
        assertEquals("0", FxTestSupport.onFx(maxSteps::getText));
        FxTestSupport.fx(() -> {
            maxSteps.requestFocus();
            maxSteps.setText("2");
        });
        assertTrue(label(robot, "#newrun-help").startsWith("max_steps: Stop after this many steps"),
                label(robot, "#newrun-help"));
        var wizardPane = FxTestSupport.onFx(view::getCenter);
        press(robot, "#newrun-start");
        FxTestSupport.waitUntil(() -> wizard.getPhase() == NewRunViewModel.Phase.STARTED && !training.isActive(),
                180);

        assertEquals(TrainingViewModel.State.FINISHED, FxTestSupport.onFx(training::getState), statuses.toString());
        assertNotSame(wizardPane, FxTestSupport.onFx(view::getCenter), "the curves are shown again");
        assertTrue(FxTestSupport.onFx(status::isVisible) && FxTestSupport.onFx(() -> status.getScene() != null));
        assertEquals(2, TrainingConfig.read(config).maxSteps(), "the edit was written");
        List<TrainingEvent.Train> lines = FxTestSupport.onFx(() -> List.copyOf(training.trainLines()));
        assertEquals(2, lines.get(lines.size() - 1).step());
        assertEquals(2, lines.get(lines.size() - 1).totalSteps(), "max_steps from the sheet ended the run");
        assertTrue(statuses.stream().anyMatch(s -> s.startsWith("step 2 / 2")), statuses.toString());
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/step_2.safetensors")));
    }

    @Test
    void aBadEditIsRefusedWithTheConfigReadersLineBeforeStart(FxRobot robot) throws Exception {
        Path config = makeTinySudokuRun(robot).resolve("config.yaml");
        var heads = shown(robot, "#config-arch-num_heads").queryAs(TextField.class);
        var start = robot.lookup("#newrun-start").queryAs(Button.class);
        assertFalse(FxTestSupport.onFx(start::isDisabled));
        FxTestSupport.fx(() -> heads.setText("3"));

        String shown = label(robot, "#newrun-problem");
        Files.writeString(config, FxTestSupport.onFx(() -> wizard.sheetProperty().get().yaml()));
        assertEquals(assertThrows(DatasetException.class, () -> TrainingConfig.read(config)).getMessage(), shown);
        assertEquals(config + ": arch: hidden_size 64 is not a multiple of num_heads 3; no model can be built from it",
                shown);
        assertTrue(FxTestSupport.onFx(start::isDisabled));
        FxTestSupport.fx(wizard::start);
        assertEquals(TrainingViewModel.State.IDLE, FxTestSupport.onFx(training::getState));
        assertEquals(NewRunViewModel.Phase.EDITING, wizard.getPhase());

        FxTestSupport.fx(() -> heads.setText("4"));
        assertEquals("", label(robot, "#newrun-problem"));
        assertFalse(FxTestSupport.onFx(start::isDisabled));
    }

    /** Waits until a node is in the scene graph: a scroll pane's or a property sheet's content joins with its skin. */
    private static NodeQuery shown(FxRobot robot, String id) throws Exception {
        FxTestSupport.waitUntil(() -> robot.lookup(id).tryQuery().isPresent(), 10);
        return robot.lookup(id);
    }

    /** Presses a button as a click does (without moving the pointer there, which takes a second a click). */
    private static void press(FxRobot robot, String id) {
        FxTestSupport.fx(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Spinner.class);
    }

    private static String label(FxRobot robot, String id) {
        return FxTestSupport.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
