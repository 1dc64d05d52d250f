package org.hrmlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The HRM Lab desktop application. */
public final class LabApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("HRM Lab");
        stage.setScene(new Scene(new Label("HRM Lab"), 1280, 800));
        stage.show();
    }
}
