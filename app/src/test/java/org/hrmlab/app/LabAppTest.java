package org.hrmlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.stage.Stage;

import org.hrmlab.app.shell.FxTestSupport;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The application as {@code ./hrmlab} starts it: a window titled "HRM Lab" showing the demo Sudoku. */
class LabAppTest {

    @Test
    void launchesAndShowsTheInspector() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        var app = FxToolkit.setupApplication(LabApp.class);
        try {
            FxTestSupport.waitUntil(() -> stage.isShowing() && stage.getScene() != null
                    && stage.getScene().lookup("#readings") != null
                    && ((javafx.scene.control.Label) stage.getScene().lookup("#readings")).getText()
                    .startsWith("update 0/0"), 20);
            assertEquals("HRM Lab", FxTestSupport.onFx(stage::getTitle));
        } finally {
            FxToolkit.cleanupApplication(app);
            FxTestSupport.fx(stage::hide);
        }
    }
}
