package org.hrmlab.app;

import org.hrmlab.app.cli.HrmLabCommand;

/**
 * Entry point of {@code hrmlab}: with no arguments it opens the lab, otherwise it runs a headless command.
 * A plain class (not an {@code Application}) so that JavaFX starts from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (args.length == 0) {
            javafx.application.Application.launch(LabApp.class, args);
            return;
        }
        System.exit(HrmLabCommand.run(args));
    }
}
