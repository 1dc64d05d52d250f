package org.hrmlab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.TestData;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.export.PngWriter;
import org.hrmlab.app.inspector.BoardSnapshot;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.LabWindow;
import org.hrmlab.app.training.FakeTrainMain;
import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.AfterEach;
import org.hrmlab.engine.ModelFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Compare screen in the real lab window on the real engine: the reference HRM fixture (9×9 Sudoku, 6 updates per
 * segment) in A beside the reference TRM fixture (9×9 Sudoku, 8 updates per segment) in B.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    private static final Path HRM = TestData.SUDOKU_SMALL_CHECKPOINT;
    private static final Path TRM = TestData.TRM_GOLDEN.resolve("trm-sudoku-small/checkpoint/step_0");
    private LabContext ctx;
    private LabWindow window;
    private CompareViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ctx = new LabContext(new FakeStepper(0, 64), FakeTrainMain.command());
        window = new LabWindow(ctx);
        vm = ctx.compare();
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(ctx::close);
    }

    private static LabPuzzle bundled(String name) {
        return BundledLabPuzzles.named(name);
    }

    /** Opens the two fixtures from the Compare tab and runs both on one 9×9 Sudoku to their halts. */
    private void openBoth(LabPuzzle puzzle) throws Exception {
        FxTestSupport.fx(() -> window.tabs().getSelectionModel().select(
                window.tabs().getTabs().stream().filter(t -> "tab-compare".equals(t.getId())).findFirst()
                        .orElseThrow()));
        FxTestSupport.waitUntil(() -> vm.a().getModel() != null, 60);
        FxTestSupport.fx(() -> {
            vm.open(vm.a(), HRM);
            vm.open(vm.b(), TRM);
        });
        FxTestSupport.waitUntil(() -> vm.a().getModel() != null && vm.b().getModel() != null
                && vm.getPuzzle() != null, 60);
        FxTestSupport.fx(() -> assertTrue(vm.choosePuzzle(puzzle)));
        FxTestSupport.waitUntil(() -> vm.a().halted() && vm.b().halted() && vm.a().puzzle() == puzzle
                && vm.b().puzzle() == puzzle, 120);
    }

    private int[] shown() {
        return FxTestSupport.onFx(() -> new int[] {vm.a().getShown(), vm.b().getShown()});
    }

    private String text(FxRobot robot, String id) {
        return FxTestSupport.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void hrmBesideTrmOnOneSudokuAlignedBySegment(FxRobot robot) throws Exception {
        var puzzle = bundled("sudoku/9x9-easy #0");
        openBoth(puzzle);
        assertEquals(6, (int) FxTestSupport.onFx(() -> vm.a().updatesPerSegment()), "HRM: H 2 x (L 2 + 1)");
        assertEquals(8, (int) FxTestSupport.onFx(() -> vm.b().updatesPerSegment()), "TRM: H 2 x (L 3 + 1)");
        int lastA = FxTestSupport.onFx(() -> vm.a().recorded() - 1);
        int lastB = FxTestSupport.onFx(() -> vm.b().recorded() - 1);
        assertArrayEquals(0, 0, shown(), "the initial state on both sides");
        assertEquals("18,24", lastA + "," + lastB, "on this puzzle both fixtures run their 3 segments");

        robot.clickOn("#compare-segment");
        FxTestSupport.waitUntil(() -> vm.getCursor().sameTime(AlignedCursor.endOf(1)), 10);
        assertArrayEquals(6, 8, shown(), "the end of segment 1 on both sides");
        assertTrue(text(robot, "#compare-a-readout").startsWith("update 6 of " + lastA));
        assertTrue(text(robot, "#compare-b-readout").startsWith("update 8 of " + lastB));
        assertTrue(text(robot, "#compare-cursor").contains("A shows update 6, B shows update 8"));

        robot.clickOn("#compare-home");
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#compare-step");
        }
        FxTestSupport.waitUntil(() -> vm.getCursor().equals(new AlignedCursor(1, 3, 6)), 10);
        assertArrayEquals(3, 4, shown(), "half of segment 1: HRM update 3, TRM update 4");
        robot.clickOn("#compare-step");
        robot.clickOn("#compare-step");
        FxTestSupport.waitUntil(() -> vm.getCursor().equals(new AlignedCursor(1, 5, 6)), 10);
        assertArrayEquals(5, 6, shown(), "5/6 of segment 1: TRM's latest update at or before is 6 (6/8)");

        robot.clickOn("#compare-segment");
        robot.clickOn("#compare-segment");
        FxTestSupport.waitUntil(() -> vm.getCursor().sameTime(AlignedCursor.endOf(2)), 10);
        assertArrayEquals(12, 16, shown(), "the end of segment 2");
        robot.clickOn("#compare-back-segment");
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#compare-step");
        }
        FxTestSupport.waitUntil(() -> vm.getCursor().equals(new AlignedCursor(2, 3, 6)), 10);
        assertArrayEquals(9, 12, shown(), "half of segment 2");
        robot.press(KeyCode.CONTROL).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.CONTROL);
        FxTestSupport.waitUntil(() -> vm.getCursor().sameTime(AlignedCursor.endOf(1)), 10);
        assertArrayEquals(6, 8, shown(), "Ctrl+Left: back to the end of segment 1");
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        FxTestSupport.waitUntil(() -> vm.getCursor().equals(new AlignedCursor(2, 1, 6)), 10);
        assertArrayEquals(7, 9, shown(), "Right: one update of A");

        assertTrue(FxTestSupport.onFx(() -> vm.a().boardProperty().get() instanceof BoardSnapshot.Sudoku
                && vm.b().boardProperty().get() instanceof BoardSnapshot.Sudoku), "both grids drawn");
        assertTrue(FxTestSupport.onFx(() -> vm.a().traceProperty().get().q().segments() >= 1
                && vm.b().traceProperty().get().q().segments() >= 1), "Q of every segment on both sides");
        assertTrue(text(robot, "#compare-b-q").matches("Q after segment 1: q_halt -?\\d+\\.\\d{3} (>|\u2264) 0 \u2192 "
                + "(halt|go on)"), "TRM's rule, q_halt against 0: " + text(robot, "#compare-b-q"));
        assertTrue(text(robot, "#compare-a-q").contains("q_continue"), text(robot, "#compare-a-q"));
        FxTestSupport.waitUntil(() -> vm.a().pcaProperty().get().fitted() && vm.b().pcaProperty().get().fitted(),
                30);
        var view = (CompareView) FxTestSupport.onFx(() -> window.lookup("#compare-view"));
        FxTestSupport.waitUntil(() -> view.slotA().trajectory().points() == vm.a().recorded()
                && view.slotB().trajectory().points() == vm.b().recorded()
                && view.slotA().trajectory().cursor() == vm.a().getShown()
                && view.slotB().trajectory().cursor() == vm.b().getShown(), 10);
        assertTrue(text(robot, "#compare-b-pca-caption").startsWith("y (answer): PC1"), text(robot, "#compare-b-pca-caption"));

        long[] before = FxTestSupport.onFx(() -> paints(view));
        for (int i = 0; i < 8; i++) {
            robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        }
        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);
        FxTestSupport.waitUntil(() -> vm.getCursor().sameTime(AlignedCursor.endOf(1)), 10);
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(FxTestSupport.onFx(
                () -> paints(view))), "cursor moves repaint no plot body and no point of the residuals or Q");

        FxTestSupport.fx(() -> vm.speedProperty().set(30));
        robot.clickOn("#compare-play");
        FxTestSupport.waitUntil(() -> !vm.playingProperty().get(), 20);
        assertTrue(FxTestSupport.onFx(() -> vm.getCursor().sameTime(AlignedCursor.endOf(3))));
        assertArrayEquals(18, 24, shown(), "played to the end: both last updates");
    }

    @Test
    void statesAreNamedByFamily(FxRobot robot) throws Exception {
        openBoth(bundled("sudoku/9x9-easy #1"));
        String a = text(robot, "#compare-a-family");
        String b = text(robot, "#compare-b-family");
        assertTrue(a.startsWith("HRM") && a.contains("zH") && a.contains("zL"), a);
        assertTrue(b.startsWith("TRM") && b.contains("y (answer)") && b.contains("z (latent)"), b);
        assertEquals("sudoku-small/step_0", text(robot, "#compare-a-model"));
        assertEquals("trm-sudoku-small/step_0", text(robot, "#compare-b-model"));
        assertEquals("y (answer)", FxTestSupport.onFx(() -> robot.lookup("#compare-b-pca-high").queryAs(ToggleButton.class)
                .getText()));
        assertEquals("z (latent)", FxTestSupport.onFx(() -> robot.lookup("#compare-b-pca-low").queryAs(ToggleButton.class)
                .getText()));
        assertEquals("zH", FxTestSupport.onFx(() -> robot.lookup("#compare-a-pca-high").queryAs(ToggleButton.class)
                .getText()));
        robot.clickOn("#compare-step");
        FxTestSupport.waitUntil(() -> vm.b().getShown() == 1, 10);
        assertTrue(text(robot, "#compare-a-readout").endsWith("L-update (segment 1, H cycle 1, L step 1)"),
                text(robot, "#compare-a-readout"));
        assertTrue(text(robot, "#compare-b-readout").endsWith("latent update (segment 1, H cycle 1, L step 1)"),
                text(robot, "#compare-b-readout"));
        robot.clickOn("#compare-step");
        robot.clickOn("#compare-step");
        FxTestSupport.waitUntil(() -> vm.a().getShown() == 3 && vm.b().getShown() == 4, 10);
        assertTrue(text(robot, "#compare-a-readout").endsWith("\u00b7 H-update (segment 1, H cycle 1)"),
                "HRM update 3 ends H-cycle 1: " + text(robot, "#compare-a-readout"));
        assertTrue(text(robot, "#compare-b-readout").endsWith("answer update (segment 1, H cycle 1)"),
                "TRM update 4 ends H-cycle 1: " + text(robot, "#compare-b-readout"));
    }

    @Test
    void aPuzzleOneModelDoesNotTakeIsRefusedInOneLine(FxRobot robot) throws Exception {
        var nine = bundled("sudoku/9x9-easy #0");
        openBoth(nine);
        boolean offeredOnlyNines = FxTestSupport.onFx(() -> !vm.offeredPuzzles().isEmpty()
                && vm.offeredPuzzles().stream().allMatch(p -> p.kind() == PuzzleKind.SUDOKU
                        && p.input().rows() == 9));
        assertTrue(offeredOnlyNines, "only 9x9 Sudokus are offered");
        var four = bundled("sudoku/4x4-easy #0");
        assertFalse(FxTestSupport.onFx(() -> vm.choosePuzzle(four)));
        String line = text(robot, "#compare-message");
        assertTrue(line.startsWith("sudoku/4x4-easy #0 refused: A: sudoku-small/step_0 takes 9x9 Sudokus"), line);
        assertFalse(line.contains("\n"), "one line: " + line);
        assertEquals(nine, FxTestSupport.onFx(vm::getPuzzle), "the shared puzzle stays");
        assertEquals(nine, FxTestSupport.onFx(() -> vm.b().puzzle()), "nothing new ran");
    }

    @Test
    void aFileThatIsNoModelIsOneLineAndTheModelBeforeItStays(FxRobot robot) throws Exception {
        openBoth(bundled("sudoku/9x9-easy #0"));
        Path junk = Files.writeString(dir.resolve("notes.safetensors"), "not a model");
        FxTestSupport.fx(() -> vm.open(vm.b(), junk));
        FxTestSupport.waitUntil(() -> vm.b().loadError() != null && !vm.b().busyProperty().get(), 30);
        String status = text(robot, "#compare-b-status");
        assertTrue(status.contains("notes.safetensors") && status.endsWith("(trm-sudoku-small/step_0 stays)")
                && !status.contains("\n"), status);
        assertTrue(text(robot, "#compare-message").startsWith("B: "), text(robot, "#compare-message"));
        assertEquals("trm-sudoku-small/step_0", FxTestSupport.onFx(() -> vm.b().getModel().name()));
        robot.clickOn("#compare-segment");
        FxTestSupport.waitUntil(() -> vm.a().getShown() == 6 && vm.b().getShown() == 8, 10);
    }

    @Test
    void exportsTheGridsSideBySideAndTheQFigureWithData(FxRobot robot) throws Exception {
        openBoth(bundled("sudoku/9x9-easy #0"));
        robot.clickOn("#compare-segment");
        FxTestSupport.waitUntil(() -> vm.a().getShown() == 6, 10);
        var view = FxTestSupport.onFx(() -> window.lookup("#compare-view"));
        FxTestSupport.fx(() -> ((CompareView) view).exportAll(dir, 150));
        FxTestSupport.waitUntil(() -> Files.exists(dir.resolve("manifest.json")), 30);
        for (String f : new String[] {"compare_grids.png", "compare_q.svg", "compare_q.pdf", "compare_q.png",
            "compare_q.csv"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(150, PngWriter.readDpi(dir.resolve("compare_grids.png")), 0.5);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"family\" : \"trm\"") && manifest.contains("\"family\" : \"hrm\"")
                && manifest.contains("\"shown_update\" : 8") && manifest.contains("\"shown_update\" : 6"), manifest);
        assertTrue(Files.readString(dir.resolve("compare_q.csv")).lines().count() > 2);
    }

    /**
     * The latent decode in Compare: the chooser names it by both families' states, both sides rerun with it (their
     * frames' grids are the low state's), and an export records it per model.
     */
    @Test
    void bothSidesDecodeTheLowStateWhenAskedAndTheExportSaysSo(FxRobot robot) throws Exception {
        var puzzle = bundled("sudoku/9x9-easy #0");
        openBoth(puzzle);
        int last = FxTestSupport.onFx(() -> vm.a().recorded() - 1);
        var directA = FxTestSupport.onFx(() -> vm.a().frame(last).decoded());
        @SuppressWarnings("unchecked")
        var chooser = (javafx.scene.control.ComboBox<org.hrmlab.app.engine.DecodeMode>) FxTestSupport.onFx(
                () -> window.lookup("#compare-decode"));
        assertEquals("Low state (zL) / Latent (z)", FxTestSupport.onFx(() -> chooser.getConverter().toString(
                org.hrmlab.app.engine.DecodeMode.LATENT)));
        FxTestSupport.waitUntil(() -> chooser.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?>)
                .anyMatch(n -> "Direct (zH) / Answer (y)".equals(((javafx.scene.control.ListCell<?>) n).getText())),
                10);
        FxTestSupport.fx(() -> chooser.setValue(org.hrmlab.app.engine.DecodeMode.LATENT));
        FxTestSupport.waitUntil(() -> vm.a().decodeMode() == org.hrmlab.app.engine.DecodeMode.LATENT
                && vm.b().decodeMode() == org.hrmlab.app.engine.DecodeMode.LATENT && vm.a().halted()
                && vm.b().halted() && vm.a().recorded() - 1 == last, 120);
        assertEquals(org.hrmlab.app.engine.DecodeMode.LATENT, FxTestSupport.onFx(vm::getDecodeMode));
        var latentA = FxTestSupport.onFx(() -> vm.a().frame(last).decoded());
        assertFalse(directA.equals(latentA), "A's last grid is zL's, not zH's");
        robot.clickOn("#compare-segment");
        FxTestSupport.waitUntil(() -> vm.a().getShown() == 6, 10);
        var view = FxTestSupport.onFx(() -> window.lookup("#compare-view"));
        FxTestSupport.fx(() -> ((CompareView) view).exportAll(dir, 96));
        FxTestSupport.waitUntil(() -> Files.exists(dir.resolve("manifest.json")), 30);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"decode_mode\" : \"latent\"") && manifest.contains("argmax(lm_head(z))")
                && manifest.contains("argmax(lm_head(zL))"), manifest);
    }

    /** Full redraws and points drawn by both sides' plots. */
    private static long[] paints(CompareView view) {
        return new long[] {view.slotA().qPlot().fullPaints(), view.slotA().residualPlot().fullPaints(),
            view.slotB().qPlot().fullPaints(), view.slotB().residualPlot().fullPaints(),
            view.slotA().residualPlot().pointsPainted(), view.slotB().residualPlot().pointsPainted()};
    }

    private static void assertArrayEquals(int a, int b, int[] actual, String why) {
        assertEquals(a + "," + b, actual[0] + "," + actual[1], why);
    }

    /** Opens the Compare tab with the shipped models in A and a shipped TRM, loaded by {@code loadTrm}, in B. */
    private void showShippedHrmBesideTrm(Consumer<CompareSlot> loadTrm) throws Exception {
        FxTestSupport.fx(() -> window.tabs().getSelectionModel().select(
                window.tabs().getTabs().stream().filter(t -> "tab-compare".equals(t.getId())).findFirst()
                        .orElseThrow()));
        FxTestSupport.waitUntil(() -> vm.a().getModel() != null, 60);
        FxTestSupport.fx(() -> loadTrm.accept(vm.b()));
        FxTestSupport.waitUntil(() -> vm.b().getModel() != null && vm.b().getModel().family() == ModelFamily.TRM, 60);
        FxTestSupport.fx(() -> vm.useShippedModels(vm.a()));
        FxTestSupport.waitUntil(() -> vm.a().getModel() != null && vm.a().getModel().family() == ModelFamily.HRM, 60);
    }

    @Test
    void theShippedHrmAndTrmCompareOutOfTheBox(FxRobot robot) throws Exception {
        showShippedHrmBesideTrm(vm::useShippedTrm);
        LabPuzzle sudoku = bundled("sudoku/4x4-easy #0");
        FxTestSupport.fx(() -> assertTrue(vm.choosePuzzle(sudoku), "both shipped models take a 4x4 Sudoku"));
        FxTestSupport.waitUntil(() -> vm.a().halted() && vm.b().halted() && vm.a().puzzle() == sudoku
                && vm.b().puzzle() == sudoku, 120);
        assertEquals("shipped TRM (4x4 Sudoku)", text(robot, "#compare-b-model"));
        assertTrue(text(robot, "#compare-b-family").startsWith("TRM"), text(robot, "#compare-b-family"));
    }

    @Test
    void theShipped9x9HrmAndTrmCompareOnA9x9Sudoku(FxRobot robot) throws Exception {
        showShippedHrmBesideTrm(vm::useShippedTrm9x9);
        LabPuzzle small = bundled("sudoku/4x4-easy #0");
        FxTestSupport.fx(() -> assertFalse(vm.choosePuzzle(small), "the 9x9 TRM does not take a 4x4 Sudoku"));
        LabPuzzle sudoku = bundled("sudoku/9x9-easy #0");
        FxTestSupport.fx(() -> assertTrue(vm.choosePuzzle(sudoku), "both shipped models take a 9x9 Sudoku"));
        FxTestSupport.waitUntil(() -> vm.a().halted() && vm.b().halted() && vm.a().puzzle() == sudoku
                && vm.b().puzzle() == sudoku, 180);
        assertEquals("shipped TRM (9x9 Sudoku)", text(robot, "#compare-b-model"));
    }
}
