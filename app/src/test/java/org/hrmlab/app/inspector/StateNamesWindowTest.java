package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.TestData;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.engine.ModelFamily;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real lab on the real engine names a TRM's states as TRM does, z (latent) and y (answer), in the heat-map titles,
 * the residual legend, the readings and the PCA toggles, and an HRM's zL and zH.
 */
@ExtendWith(ApplicationExtension.class)
class StateNamesWindowTest {
    private static final Path TRM = TestData.TRM_GOLDEN.resolve("trm-sudoku-small/checkpoint/step_0");
    private LabContext ctx;

    @Start
    void start(Stage stage) {
        ctx = FxTestSupport.showLab(stage, "sudoku/4x4-easy #0");
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(ctx::close);
    }

    @Test
    void aTrmsStatesAreZAndYAndAnHrmsZlAndZh(FxRobot robot) throws Exception {
        InspectorView view = robot.lookup(".inspector-view").queryAs(InspectorView.class);
        FxTestSupport.waitUntil(() -> ctx.inspector().timeline().size() == 1, 30);
        assertNames(robot, view, StateNames.HRM);

        FxTestSupport.fx(() -> ctx.inspector().loadModel(TRM));
        FxTestSupport.waitUntil(() -> ctx.inspector().modelProperty().get().family() == ModelFamily.TRM
                && ctx.inspector().timeline().size() == 1, 60);
        FxTestSupport.fx(() -> ctx.inspector().forward(StepAction.L_UPDATE));
        FxTestSupport.waitUntil(() -> ctx.inspector().timeline().size() == 2, 60);
        assertNames(robot, view, StateNames.TRM);
        String readings = FxTestSupport.onFx(() -> ctx.inspector().readingsProperty().get());
        assertTrue(readings.contains("latent update") && readings.contains("\u0394z "), readings);

        FxTestSupport.fx(() -> ctx.inspector().loadModel(TestData.SUDOKU_SMALL_CHECKPOINT));
        FxTestSupport.waitUntil(() -> ctx.inspector().modelProperty().get().family() == ModelFamily.HRM
                && ctx.inspector().timeline().size() == 1, 60);
        assertNames(robot, view, StateNames.HRM);
    }

    private static void assertNames(FxRobot robot, InspectorView view, StateNames names) throws Exception {
        FxTestSupport.waitUntil(() -> view.stateTitles().get(0).startsWith(names.zL())
                && view.stateTitles().get(1).startsWith(names.zH()), 30);
        assertEquals(List.of(names.zL(), names.zH()), FxTestSupport.onFx(view::residualSeriesNames));
        assertEquals(names.zH(), FxTestSupport.onFx(() -> robot.lookup("#pca-zh").queryAs(ToggleButton.class)
                .getText()));
        assertEquals(names.zL(), FxTestSupport.onFx(() -> robot.lookup("#pca-zl").queryAs(ToggleButton.class)
                .getText()));
    }
}
