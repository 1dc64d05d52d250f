package org.hrmlab.app.training.newrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hrmlab.app.shell.Notices;
import org.hrmlab.app.training.DeviceChoice;
import org.hrmlab.app.training.FakeTrainMain;
import org.hrmlab.app.training.TrainingViewModel;
import org.hrmlab.engine.train.DatasetException;
import org.hrmlab.engine.train.TrainingConfig;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard without a toolkit: background and FX work run on the test thread, so each command completes at once. */
class NewRunViewModelTest {
    @TempDir
    Path dir;

    private final List<List<String>> commands = new CopyOnWriteArrayList<>();
    private final TrainingViewModel training = new TrainingViewModel((config, out, resume, device) -> {
        List<String> cmd = FakeTrainMain.command().build(config, out, resume, device);
        commands.add(cmd);
        return cmd;
    }, Runnable::run, Runnable::run, new Notices(), p -> { });
    private final NewRunViewModel vm = new NewRunViewModel(training, Runnable::run, Runnable::run);

    /** The child run must be gone before the temporary folder it writes into is deleted. */
    @AfterEach
    void stop() throws InterruptedException {
        training.stop();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (training.isActive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(training.isActive(), "the child training run did not end within 30 s");
    }

    private void small(PuzzleKind kind, int train, int test) {
        vm.kindProperty().set(kind);
        vm.trainCountProperty().set(train);
        vm.testCountProperty().set(test);
        vm.epochsProperty().set(1);
        vm.runsFolderProperty().set(dir);
    }

    @Test
    void mazesAreMadeAndTheConfigWrittenInANewRunFolder() throws Exception {
        small(PuzzleKind.MAZE, 12, 4);
        vm.sizeProperty().set(5);
        assertEquals("maze-5x5-hard", vm.runNameProperty().get());
        assertEquals("maze-5x5", vm.presetProperty().get().name());
        vm.generate();

        assertEquals(NewRunViewModel.Phase.EDITING, vm.getPhase(), vm.messageProperty().get());
        Path run = dir.resolve("maze-5x5-hard");
        assertEquals(run, vm.runFolderProperty().get());
        assertTrue(Files.isRegularFile(run.resolve("data/train/dataset.json")));
        assertTrue(Files.isRegularFile(run.resolve("data/test/dataset.json")));
        TrainingConfig c = TrainingConfig.read(run.resolve("config.yaml"));
        assertEquals(run.resolve("data"), c.dataPath());
        assertEquals(1, c.epochs());
        assertEquals(c, vm.sheetProperty().get().check());
        assertTrue(Files.readString(run.resolve("config.yaml")).startsWith("data_path: data\n"));
        assertEquals(3, vm.log().stream().filter(l -> l.startsWith("hrmlab dataset ")).count(), vm.log().toString());
        assertTrue(vm.log().stream().anyMatch(l -> l.startsWith("disjoint: dropped ")), vm.log().toString());
        assertFalse(vm.failedProperty().get());

        vm.back();
        vm.generate();
        assertEquals(dir.resolve("maze-5x5-hard-2"), vm.runFolderProperty().get(), "a taken name is not reused");
    }

    @Test
    void arcTakesTheBundledTasksThatFitTheCanvas() throws Exception {
        small(PuzzleKind.ARC, 3, 2);
        vm.augmentProperty().set(2);
        vm.generate();
        assertEquals(NewRunViewModel.Phase.EDITING, vm.getPhase(), vm.messageProperty().get());
        Path run = vm.runFolderProperty().get();
        try (var training = Files.list(run.resolve("puzzles/arc/training"));
             var held = Files.list(run.resolve("puzzles/arc/evaluation"))) {
            assertEquals(3, training.count());
            assertEquals(2, held.count());
        }
        assertEquals("arc-3x3", vm.presetProperty().get().name());
        assertEquals(128, TrainingConfig.read(run.resolve("config.yaml")).arch().puzzleEmbNdim());
    }

    @Test
    void moreArcTasksThanFitIsOneLineAndNothingStarts() throws Exception {
        small(PuzzleKind.ARC, 500, 7);
        int fit = BundledArcTasks.fitting(4).size();
        vm.generate();
        assertEquals(NewRunViewModel.Phase.CHOOSING, vm.getPhase());
        assertTrue(vm.failedProperty().get());
        assertEquals(fit + " bundled ARC tasks fit a 4x4 canvas: ask for at most " + fit
                + " training and held-out tasks together", vm.messageProperty().get());
        assertNull(vm.sheetProperty().get());
    }

    @Test
    void aBadChoiceIsRefusedBeforeAnythingIsWritten() throws Exception {
        small(PuzzleKind.SUDOKU, 0, 3);
        vm.generate();
        assertEquals("need at least one training and one test puzzle", vm.messageProperty().get());
        vm.trainCountProperty().set(3);
        vm.runNameProperty().set("../elsewhere");
        vm.generate();
        assertEquals("run name '../elsewhere': a plain folder name, without / or \\", vm.messageProperty().get());
        try (var entries = Files.list(dir)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void aBadEditIsRefusedWithTheReadersLineAndAGoodOneStarts() throws Exception {
        small(PuzzleKind.SUDOKU, 20, 10);
        vm.difficultyProperty().set("easy");
        vm.augmentProperty().set(1);
        vm.generate();
        ConfigSheet sheet = vm.sheetProperty().get();
        sheet.field("arch.hidden_size").valueProperty().set("30");
        String problem = vm.sheetProblemProperty().get();
        Files.writeString(sheet.file(), sheet.yaml());
        DatasetException reader = org.junit.jupiter.api.Assertions.assertThrows(DatasetException.class,
                () -> TrainingConfig.read(sheet.file()));
        assertEquals(reader.getMessage(), problem);
        vm.start();
        assertEquals(NewRunViewModel.Phase.EDITING, vm.getPhase());
        assertEquals(TrainingViewModel.State.IDLE, training.getState());

        sheet.field("arch.hidden_size").valueProperty().set("32");
        sheet.field("max_steps").valueProperty().set("20");
        assertEquals("", vm.sheetProblemProperty().get());
        vm.start();
        assertEquals(NewRunViewModel.Phase.STARTED, vm.getPhase());
        assertEquals(sheet.file(), training.configProperty().get());
        assertEquals(vm.runFolderProperty().get(), training.outDirProperty().get());
        assertEquals(20, TrainingConfig.read(sheet.file()).maxSteps());
        assertEquals(32, TrainingConfig.read(sheet.file()).arch().hiddenSize());
    }

    @Test
    void theChosenDeviceIsPassedToTheRun() throws Exception {
        small(PuzzleKind.MAZE, 12, 4);
        vm.sizeProperty().set(5);
        assertEquals(DeviceChoice.AUTO, vm.deviceProperty().get());
        vm.deviceProperty().set(DeviceChoice.CPU);
        assertEquals(DeviceChoice.CPU, training.deviceProperty().get(), "the training screen's choice, for resume");
        vm.generate();
        vm.sheetProperty().get().field("max_steps").valueProperty().set("20");
        vm.start();
        assertEquals(NewRunViewModel.Phase.STARTED, vm.getPhase(), vm.messageProperty().get());
        assertEquals(1, commands.size());
        List<String> cmd = commands.get(0);
        assertEquals(List.of("--device", "cpu"), cmd.subList(cmd.size() - 2, cmd.size()), cmd.toString());
    }
}
