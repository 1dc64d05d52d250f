package org.hrmlab.app.training;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/** The device a training run trains on, as a choice bound to a view model's {@link DeviceChoice} property. */
public final class DeviceChoiceBox extends ChoiceBox<DeviceChoice> {
    /**
     * @param device the property the choice edits (both ways)
     * @param id     the node's id
     */
    public DeviceChoiceBox(ObjectProperty<DeviceChoice> device, String id) {
        setId(id);
        getItems().setAll(DeviceChoice.values());
        setConverter(new StringConverter<>() {
            @Override
            public String toString(DeviceChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public DeviceChoice fromString(String text) {
                return getItems().stream().filter(c -> c.label().equals(text)).findFirst().orElse(null);
            }
        });
        valueProperty().bindBidirectional(device);
        setTooltip(new Tooltip("hrmlab train --device: a run's checkpoints are the same on every device, "
                + "so it resumes on another"));
    }
}
