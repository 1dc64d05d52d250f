package org.hrmlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;

import org.hrmlab.app.puzzle.OpeningPuzzle;
import org.hrmlab.app.shell.FxTestSupport;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The application as {@code ./hrmlab} starts it: a window titled "HRM Lab" showing the opening puzzle (a hard
 * bundled 9×9 Sudoku) on the real engine with the shipped 9×9 model. There is no scripted stand-in to switch to, not
 * even with the old {@code hrmlab.demo} switch.
 */
class LabAppTest {

    @Test
    void launchesAndShowsTheInspector() throws Exception {
        String demo = System.setProperty("hrmlab.demo", "true");
        Stage stage = FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(LabApp.class);
        try {
            FxTestSupport.waitUntil(() -> stage.isShowing() && stage.getScene() != null
                    && stage.getScene().lookup("#readings") != null
                    && ((javafx.scene.control.Label) stage.getScene().lookup("#readings")).getText()
                    .startsWith("update 0/0"), 20);
            assertEquals("HRM Lab", FxTestSupport.onFx(stage::getTitle));
            String model = FxTestSupport.onFx(() -> ((javafx.scene.control.Label) stage.getScene()
                    .lookup("#model-label")).getText());
            assertFalse(model.contains("scripted"), model);
            assertTrue(model.contains("default sudoku-9x9 model") && model.contains(OpeningPuzzle.NAME),
                    "the opening puzzle, a 9x9 Sudoku, on the shipped 9x9 model: " + model);
        } finally {
            if (demo == null) {
                System.clearProperty("hrmlab.demo");
            } else {
                System.setProperty("hrmlab.demo", demo);
            }
            FxToolkit.cleanupApplication(app);
            FxTestSupport.fx(stage::hide);
        }
    }
}
