package org.hrmlab.app.inspector;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Where the model runs: a chooser ({@code auto}, {@code cpu}, {@code cuda:0}) and a status line with the GPU's name,
 * memory, driver and cuBLAS versions, or why the GPU is not used. Switching keeps the model and the puzzle.
 */
public final class DeviceChooser extends HBox {
    private final ComboBox<String> device = new ComboBox<>();
    private final Label status = new Label();

    public DeviceChooser(InspectorViewModel vm) {
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        device.getItems().setAll("auto", "cpu", "cuda:0");
        device.setValue("auto");
        device.setId("device-choice");
        device.setTooltip(new Tooltip("Where the model runs: auto takes the GPU when it can be used"));
        status.setId("device-status");
        status.getStyleClass().add("device-status");
        status.setMaxWidth(320);
        getChildren().addAll(new Label("Device"), device, status);
        vm.deviceStatusProperty().addListener((o, was, now) -> show(now));
        show(vm.deviceStatusProperty().get());
        device.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(was)) {
                vm.useDevice(now);
            }
        });
    }

    private void show(String line) {
        status.setText(line.startsWith("device: ") ? line.substring("device: ".length()) : line);
        status.setTooltip(new Tooltip(line));
    }
}
