package org.hrmlab.app;

import javafx.application.Application;
import javafx.stage.Stage;

import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.LabWindow;
import org.hrmlab.app.training.TrainingCommand;

/**
 * The HRM Lab desktop application. Until the engine's stepper is plugged in behind
 * {@link org.hrmlab.app.engine.StepperPort}, the lab runs on the scripted {@link FakeStepper}.
 */
public final class LabApp extends Application {
    /** Per-update delay of the demo stepper, so stepping looks like a real model on a CPU. */
    private static final long DEMO_DELAY_MILLIS = 8;

    private LabContext ctx;

    @Override
    public void start(Stage stage) {
        ctx = new LabContext(stepper(), TrainingCommand.hrmlab());
        ctx.theme().setDark(Boolean.getBoolean("hrmlab.dark"));
        var window = new LabWindow(ctx);
        stage.setTitle("HRM Lab");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(window.createScene(Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight())));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        ctx.inspector().loadPuzzle(SamplePuzzles.sudoku());
    }

    /** The real engine on the shipped default models; the scripted demo only if no model is shipped (or asked for). */
    private static org.hrmlab.app.engine.StepperPort stepper() {
        var defaults = org.hrmlab.app.engine.hrm.DefaultModels.shipped();
        if (Boolean.getBoolean("hrmlab.demo") || !defaults.has(org.hrmlab.app.puzzle.PuzzleKind.SUDOKU)) {
            return new FakeStepper(DEMO_DELAY_MILLIS, 512);
        }
        return new org.hrmlab.app.engine.hrm.HrmEngineStepper(defaults);
    }

    @Override
    public void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }
}
