package org.hrmlab.app.training.newrun;

import java.util.Optional;

import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** A {@link ConfigField} as a row of ControlsFX's {@link PropertySheet}: the YAML path, its group and its meaning. */
final class ConfigFieldItem implements PropertySheet.Item {
    private final ConfigField field;

    ConfigFieldItem(ConfigField field) {
        this.field = field;
    }

    ConfigField field() {
        return field;
    }

    @Override
    public Class<?> getType() {
        return field.editor() == ConfigField.Editor.FLAG ? Boolean.class : String.class;
    }

    @Override
    public String getCategory() {
        return field.category();
    }

    @Override
    public String getName() {
        return field.path();
    }

    @Override
    public String getDescription() {
        return field.description();
    }

    @Override
    public Object getValue() {
        return field.valueProperty().get();
    }

    @Override
    public void setValue(Object value) {
        field.valueProperty().set(value);
    }

    @Override
    public Optional<ObservableValue<?>> getObservableValue() {
        return Optional.of(field.valueProperty());
    }
}
