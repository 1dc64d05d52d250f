package org.hrmlab.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;

import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.app.shell.ThemeModel;
import org.hrmlab.app.training.newrun.NewRunViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The training screen on a real run: {@code hrmlab train} as a child process (the command the lab launches) on a tiny
 * dataset, with a config that does not state the run's length. The progress bar, the step / total and the ETA come
 * from the trainer's own events.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingScreenRealRunTest {
    @TempDir
    Path dir;

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private TrainingViewModel vm;
    private TrainingView view;

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel(TrainingCommand.hrmlab(), io, Platform::runLater, new Notices(), p -> { });
        view = new TrainingView(vm, new NewRunViewModel(vm, io, Platform::runLater), new ThemeModel());
        stage.setScene(new Scene(view, 1100, 640));
        stage.show();
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(vm::stop);
        io.shutdown();
    }

    @Test
    void aRealRunShowsProgressAndAnEta(FxRobot robot) throws Exception {
        Path config = TinyTrainingRun.write(dir, 3);
        var bar = robot.lookup("#train-progress").queryAs(ProgressBar.class);
        var eta = robot.lookup("#train-eta").queryAs(Label.class);
        var status = robot.lookup("#train-status").queryAs(Label.class);
        List<Double> progress = new CopyOnWriteArrayList<>();
        List<String> etas = new CopyOnWriteArrayList<>();
        List<String> statuses = new CopyOnWriteArrayList<>();
        FxTestSupport.fx(() -> {
            bar.progressProperty().addListener((o, was, now) -> progress.add(now.doubleValue()));
            eta.textProperty().addListener((o, was, now) -> etas.add(now));
            status.textProperty().addListener((o, was, now) -> statuses.add(now));
            vm.configProperty().set(config);
            vm.outDirProperty().set(dir.resolve("run"));
            vm.start();
        });
        FxTestSupport.waitUntil(() -> !vm.isActive(), 180);

        assertEquals(TrainingViewModel.State.FINISHED, FxTestSupport.onFx(vm::getState), statuses.toString());
        assertEquals(6, FxTestSupport.onFx(() -> vm.trainLines().size()), "3 epochs of 4 puzzles at batch 2");
        for (int step = 1; step <= 6; step++) {
            double fraction = step / 6.0;
            assertTrue(progress.stream().anyMatch(p -> Math.abs(p - fraction) < 1e-12),
                    "the bar at step " + step + " of 6: " + progress);
            String prefix = "step " + step + " / 6";
            assertTrue(statuses.stream().anyMatch(s -> s.startsWith(prefix)), prefix + ": " + statuses);
        }
        assertTrue(etas.stream().anyMatch(e -> e.matches("ETA \\d+s")), "an ETA while running: " + etas);
        assertTrue(FxTestSupport.onFx(bar::isVisible));
        assertEquals(1.0, FxTestSupport.onFx(bar::getProgress), 1e-12);
        assertEquals("", FxTestSupport.onFx(eta::getText), "no ETA once finished");
    }
}
