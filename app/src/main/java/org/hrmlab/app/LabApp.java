package org.hrmlab.app;

import javafx.application.Application;
import javafx.stage.Stage;

import org.hrmlab.app.engine.StepperPort;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.OpeningPuzzle;
import org.hrmlab.app.shell.LabWindow;
import org.hrmlab.app.training.TrainingCommand;

/**
 * The HRM Lab desktop application, on the real engine: each puzzle kind runs on its shipped model until the user
 * opens a checkpoint. A puzzle that no loaded model fits is not run; the lab says that no model for it is loaded.
 */
public final class LabApp extends Application {
    private LabContext ctx;
    private StepperPort port;
    private LabPuzzle first;
    private static volatile LabLaunch launch = LabLaunch.DEFAULT;

    /** Sets what the next launch opens (before {@code Application.launch}). */
    static void open(LabLaunch what) {
        launch = what;
    }

    /** Loads the default models and picks the opening puzzle (off the FX thread): see {@link OpeningPuzzle}. */
    @Override
    public void init() {
        var defaults = DefaultModels.shipped();
        var engine = new HrmEngineStepper(defaults);
        if (launch.checkpoint() != null) {
            engine.useModel(launch.checkpoint(), launch.name());
        }
        port = engine;
        first = launch.puzzle() != null ? launch.puzzle()
                : OpeningPuzzle.choose(BundledLabPuzzles.catalogue(), defaults::fits);
    }

    @Override
    public void start(Stage stage) {
        ctx = new LabContext(port, TrainingCommand.hrmlab(), javafx.application.Platform::runLater,
                org.hrmlab.app.puzzle.RecentFiles.userPreferences());
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
