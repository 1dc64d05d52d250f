package org.hrmlab.app;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.export.PngWriter;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.LabWindow;
import org.hrmlab.app.training.FakeTrainMain;
import org.hrmlab.app.training.newrun.NewRunViewModel;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Renders the lab under headless Monocle into {@code screenshots/*.png} (node snapshots of the whole window): the real
 * engine with the shipped Sudoku, maze and ARC models on bundled puzzles (the 5×5 maze also with the state-change
 * overlay; a 15×15 maze that the shipped 15×15 model solves, halfway), the editor, a training run (the test trainer),
 * the "New training run" wizard with its config sheet, the puzzle list, and the Compare screen (the reference HRM and
 * TRM fixtures on one 9×9 Sudoku).
 * Not a unit test (the name does not end in Test); run it with {@code -Pscreenshots} (see app/pom.xml) or
 * {@code screenshots/make-screenshots.sh}. Output folder: system property {@code hrmlab.screenshots}.
 */
class LabScreenshots {
    private static final double W = 1280;
    private static final double H = 800;
    private static Stage stage;
    private static LabContext ctx;
    private static LabWindow window;
    private static Path out;

    @BeforeAll
    static void open() throws Exception {
        out = Path.of(System.getProperty("hrmlab.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        stage = FxToolkit.registerPrimaryStage();
        show(new HrmEngineStepper(DefaultModels.shipped()));
    }

    private static void show(org.hrmlab.app.engine.StepperPort port) throws Exception {
        FxTestSupport.fx(() -> {
            if (ctx != null) {
                ctx.close();
            }
            ctx = new LabContext(port, FakeTrainMain.command());
            ctx.theme().setDark(false);
            window = new LabWindow(ctx);
            Scene scene = window.createScene(W, H);
            stage.setScene(scene);
            stage.setWidth(W);
            stage.setHeight(H);
            stage.show();
        });
    }

    private static LabPuzzle bundled(String name) {
        return BundledLabPuzzles.named(name);
    }

    @AfterAll
    static void close() throws Exception {
        FxTestSupport.fx(() -> {
            ctx.close();
            stage.hide();
        });
    }

    @Test
    void renderScreens() throws Exception {
        var vm = ctx.inspector();
        load(bundled("sudoku/4x4-easy #0"));
        FxTestSupport.fx(vm::runToHalt);
        settle();
        FxTestSupport.fx(() -> vm.seek(Math.min(7, vm.timeline().size() - 1)));
        settle();
        shoot("inspector-sudoku.png");

        load(org.hrmlab.app.puzzle.OpeningPuzzle.preferred());
        FxTestSupport.fx(vm::runToHalt);
        settle();
        FxTestSupport.fx(() -> vm.seek(vm.timeline().size() / 2));
        settle();
        shoot("inspector-sudoku-9x9.png");

        load(bundled("maze/5x5-hard #0"));
        FxTestSupport.fx(vm::runToHalt);
        settle();
        FxTestSupport.fx(() -> vm.seek(Math.min(9, vm.timeline().size() - 1)));
        settle();
        shoot("inspector-maze.png");
        FxTestSupport.fx(() -> {
            vm.overlayLayerProperty().set(org.hrmlab.app.inspector.OverlayLayer.STATE_CHANGE);
            vm.seek(Math.min(4, vm.timeline().size() - 1));
        });
        settle();
        shoot("inspector-overlay.png");
        FxTestSupport.fx(() -> vm.overlayLayerProperty().set(org.hrmlab.app.inspector.OverlayLayer.NONE));

        load(bundled("maze/15x15-hard #1"));
        FxTestSupport.fx(vm::runToHalt);
        settle();
        FxTestSupport.fx(() -> vm.seek(vm.timeline().size() / 2));
        settle();
        shoot("inspector-maze-15x15.png");

        load(bundled("arc/25ff71a9 #1"));
        FxTestSupport.fx(vm::runToHalt);
        settle();
        shoot("inspector-arc.png");

        load(bundled("arc/bbb1b8b6 #0"));
        FxTestSupport.fx(vm::runToHalt);
        settle();
        shoot("inspector-arc-10x10.png");

        FxTestSupport.fx(() -> ctx.theme().setDark(true));
        load(bundled("sudoku/4x4-easy #1"));
        FxTestSupport.fx(() -> vm.forward(StepAction.SEGMENT));
        settle();
        FxTestSupport.fx(() -> vm.forward(StepAction.SEGMENT));
        settle();
        shoot("inspector-dark.png");
        FxTestSupport.fx(() -> ctx.theme().setDark(false));

        var compare = ctx.compare();
        FxTestSupport.fx(() -> {
            window.tabs().getSelectionModel().select(4);
            compare.open(compare.a(), TestData.SUDOKU_SMALL_CHECKPOINT);
            compare.open(compare.b(), TestData.TRM_GOLDEN.resolve("trm-sudoku-small/checkpoint/step_0"));
        });
        FxTestSupport.waitUntil(() -> compare.a().getModel() != null && compare.b().getModel() != null
                && compare.getPuzzle() != null, 60);
        var nine = bundled("sudoku/9x9-easy #0");
        FxTestSupport.fx(() -> compare.choosePuzzle(nine));
        FxTestSupport.waitUntil(() -> compare.a().puzzle() == nine && compare.b().puzzle() == nine
                && compare.a().halted() && compare.b().halted() && compare.a().pcaProperty().get().fitted()
                && compare.b().pcaProperty().get().fitted(), 60);
        FxTestSupport.fx(() -> {
            compare.forward(org.hrmlab.app.compare.CompareViewModel.Move.SEGMENT);
            for (int i = 0; i < 3; i++) {
                compare.forward(org.hrmlab.app.compare.CompareViewModel.Move.UPDATE);
            }
        });
        settle();
        shoot("compare.png");

        // the shipped HRM and TRM on a 4x4 Sudoku, both decoding their low state: zL, and TRM's latent z
        FxTestSupport.fx(() -> {
            compare.useShippedModels(compare.a());
            compare.useShippedTrm(compare.b());
        });
        FxTestSupport.waitUntil(() -> compare.a().getModel() != null && compare.b().getModel() != null
                && compare.b().getModel().family() == org.hrmlab.engine.ModelFamily.TRM
                && compare.a().getModel().family() == org.hrmlab.engine.ModelFamily.HRM
                && compare.getPuzzle() != null, 60);
        var four = bundled("sudoku/4x4-easy #0");
        FxTestSupport.fx(() -> {
            compare.choosePuzzle(four);
            compare.setDecodeMode(org.hrmlab.app.engine.DecodeMode.LATENT);
        });
        FxTestSupport.waitUntil(() -> compare.a().puzzle() == four && compare.b().puzzle() == four
                && compare.a().decodeMode() == org.hrmlab.app.engine.DecodeMode.LATENT
                && compare.b().decodeMode() == org.hrmlab.app.engine.DecodeMode.LATENT
                && compare.a().halted() && compare.b().halted() && compare.a().pcaProperty().get().fitted()
                && compare.b().pcaProperty().get().fitted(), 60);
        FxTestSupport.fx(() -> compare.forward(org.hrmlab.app.compare.CompareViewModel.Move.SEGMENT));
        settle();
        shoot("compare-latent.png");
        FxTestSupport.fx(() -> compare.setDecodeMode(org.hrmlab.app.engine.DecodeMode.DIRECT));

        FxTestSupport.fx(() -> {
            ctx.editor().edit(bundled("maze/5x5-hard #1"));
            window.tabs().getSelectionModel().select(1);
        });
        settle();
        shoot("editor-maze.png");
        FxTestSupport.fx(() -> ctx.editor().edit(SamplePuzzles.arcMirror()));
        settle();
        shoot("editor-arc.png");

        var runsDir = Files.createTempDirectory("hrmlab-shot-runs");
        FxTestSupport.fx(() -> {
            window.tabs().getSelectionModel().select(2);
            ((Button) stage.getScene().lookup("#train-new")).fire();
            var wizard = ctx.newRun();
            wizard.kindProperty().set(PuzzleKind.MAZE);
            wizard.trainCountProperty().set(200);
            wizard.testCountProperty().set(50);
            wizard.epochsProperty().set(20);
            wizard.runsFolderProperty().set(runsDir);
            wizard.generate();
        });
        FxTestSupport.waitUntil(() -> ctx.newRun().getPhase() != NewRunViewModel.Phase.GENERATING, 120);
        FxTestSupport.fx(() -> {
            stage.getScene().getRoot().lookupAll(".titled-pane").stream()
                    .map(TitledPane.class::cast)
                    .filter(pane -> pane.getText().startsWith("Model")).forEach(pane -> pane.setExpanded(true));
        });
        settle();
        FxTestSupport.fx(() -> stage.getScene().lookup("#config-arch-hidden_size").requestFocus());
        settle();
        shoot("training-new-run.png");
        FxTestSupport.fx(() -> ((Button) stage.getScene().lookup("#newrun-cancel")).fire());

        var cfg = Files.createTempFile("hrmlab-shot", ".yaml");
        Files.writeString(cfg, "max_steps: 2000\nfake_crash_at: 1500\n");
        var runDir = Files.createTempDirectory("hrmlab-shot-run");
        FxTestSupport.fx(() -> {
            ctx.training().configProperty().set(cfg);
            ctx.training().outDirProperty().set(runDir);
            window.tabs().getSelectionModel().select(2);
            ctx.training().start();
        });
        FxTestSupport.waitUntil(() -> !ctx.training().isActive(), 60);
        settle();
        shoot("training-crashed.png");

        FxTestSupport.fx(() -> window.tabs().getSelectionModel().select(3));
        settle();
        shoot("puzzles.png");
    }

    private static void load(LabPuzzle p) throws Exception {
        FxTestSupport.fx(() -> {
            ctx.inspector().loadPuzzle(p);
            window.tabs().getSelectionModel().select(0);
        });
        FxTestSupport.waitUntil(() -> p.equals(ctx.inspector().getPuzzle()) && !ctx.inspector().busyProperty().get(),
                30);
    }

    private static void settle() throws Exception {
        FxTestSupport.waitUntil(() -> {
            var vm = ctx.inspector();
            var states = vm.statesFrameProperty().get();
            return !vm.busyProperty().get() && (vm.getCursor() < 0 || (states != null
                    && states.index() == vm.getCursor()));
        }, 30);
        Thread.sleep(200);
        FxTestSupport.fx(() -> { });
    }

    private static void shoot(String name) throws Exception {
        var image = FxTestSupport.onFx(() -> SwingFXUtils.fromFXImage(stage.getScene().getRoot().snapshot(null, null),
                null));
        PngWriter.write(image, out.resolve(name), 96);
    }
}
