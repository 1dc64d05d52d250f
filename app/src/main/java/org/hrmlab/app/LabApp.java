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
    private org.hrmlab.app.engine.StepperPort port;
    private org.hrmlab.app.puzzle.LabPuzzle first;

    /** Loads the default models and picks the first bundled puzzle they fit (off the FX thread). */
    @Override
    public void init() {
        var defaults = org.hrmlab.app.engine.hrm.DefaultModels.shipped();
        var catalogue = org.hrmlab.app.puzzle.BundledLabPuzzles.catalogue();
        if (!Boolean.getBoolean("hrmlab.demo")) {
            for (var p : catalogue) {
                if (defaults.fits(p)) {
                    first = p;
                    port = new org.hrmlab.app.engine.hrm.HrmEngineStepper(defaults);
                    return;
                }
            }
        }
        port = new FakeStepper(DEMO_DELAY_MILLIS, 512);
        first = SamplePuzzles.sudoku();
    }

    @Override
    public void start(Stage stage) {
        ctx = new LabContext(port, TrainingCommand.hrmlab());
        ctx.theme().setDark(Boolean.getBoolean("hrmlab.dark"));
        var window = new LabWindow(ctx);
        stage.setTitle("HRM Lab");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(window.createScene(Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight())));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        ctx.inspector().loadPuzzle(first);
    }

    @Override
    public void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }
}
