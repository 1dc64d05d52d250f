package org.hrmlab.app;

import org.hrmlab.app.cli.HrmLabCommand;

/**
 * Entry point of {@code hrmlab}: with no arguments it opens the lab; with {@code --checkpoint C [--puzzle P]} it opens the
 * lab on that model and puzzle (checked first: a bad file is one line and exit 2); otherwise it runs a headless command.
 * A plain class (not an {@code Application}) so that JavaFX starts from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        LabLaunch launch;
        try {
            launch = LabLaunch.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("hrmlab: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (launch != null) {
            LabApp.open(launch);
            javafx.application.Application.launch(LabApp.class);
            return;
        }
        System.exit(HrmLabCommand.run(args));
    }
}
