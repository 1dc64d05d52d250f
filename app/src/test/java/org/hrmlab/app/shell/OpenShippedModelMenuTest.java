package org.hrmlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.hrmlab.app.LabContext;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.training.FakeTrainMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File ▸ Open shipped model on the real engine: the 9×9 TRM in the inspector, then the per-puzzle defaults again. */
@ExtendWith(ApplicationExtension.class)
class OpenShippedModelMenuTest {
    private LabContext ctx;

    @Start
    void start(Stage stage) {
        ctx = new LabContext(new HrmEngineStepper(DefaultModels.shipped()), FakeTrainMain.command());
        var window = new LabWindow(ctx);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
        ctx.inspector().loadPuzzle(BundledLabPuzzles.named("sudoku/9x9-hard #2"));
    }

    @AfterEach
    void close() {
        FxTestSupport.fx(ctx::close);
    }

    private String modelLabel(FxRobot robot) {
        return FxTestSupport.onFx(() -> robot.lookup("#model-label").queryAs(Label.class).getText());
    }

    @Test
    void opensTheShippedTrmAndGoesBackToTheDefaults(FxRobot robot) throws Exception {
        FxTestSupport.waitUntil(() -> modelLabel(robot).contains("default sudoku-9x9 model"), 20);
        Menu shipped = FxTestSupport.onFx(() -> robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0)
                .getItems().stream().filter(i -> "open-shipped-model".equals(i.getId())).map(Menu.class::cast)
                .findFirst().orElseThrow());
        List<String> names = FxTestSupport.onFx(() -> shipped.getItems().stream().map(MenuItem::getText)
                .filter(t -> t != null && !t.startsWith("Default")).toList());
        assertEquals(DefaultModels.ALL, names);

        FxTestSupport.fx(() -> item(shipped, "trm-sudoku-9x9").fire());
        FxTestSupport.waitUntil(() -> modelLabel(robot).contains("shipped:trm-sudoku-9x9")
                && ctx.inspector().timeline().size() == 1, 30);
        assertEquals("shipped:trm-sudoku-9x9", FxTestSupport.onFx(() -> ctx.inspector().modelProperty().get().source()));

        FxTestSupport.fx(() -> item(shipped, "Default models (each puzzle on the one that fits it)").fire());
        FxTestSupport.waitUntil(() -> modelLabel(robot).contains("default sudoku-9x9 model")
                && ctx.inspector().getSettings().hCycles() == 3, 30);
    }

    private static MenuItem item(Menu menu, String text) {
        return menu.getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }
}
