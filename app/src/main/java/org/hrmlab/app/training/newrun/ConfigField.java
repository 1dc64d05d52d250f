package org.hrmlab.app.training.newrun;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One field of the config sheet: its YAML path (e.g. {@code arch.hidden_size}), its group, what it means, and its value
 * as the user edits it: a {@link Boolean} for a flag, otherwise the text as typed, read as YAML reads it.
 */
public final class ConfigField {
    /** How the value is edited. */
    public enum Editor {
        /** Free text, read as a YAML value. */
        TEXT,
        /** True or false. */
        FLAG,
        /** One of {@link #choices()}. */
        CHOICE
    }

    private final String path;
    private final ConfigFieldHelp.Help help;
    private final Editor editor;
    private final ObjectProperty<Object> value;

    ConfigField(String path, Object value) {
        this.path = path;
        this.help = ConfigFieldHelp.of(path);
        this.editor = value instanceof Boolean ? Editor.FLAG : help.choices().isEmpty() ? Editor.TEXT : Editor.CHOICE;
        this.value = new SimpleObjectProperty<>(this, path, value);
    }

    /** @return the dotted YAML path, e.g. {@code arch.loss.loss_type} */
    public String path() {
        return path;
    }

    /** @return the group the sheet shows it in */
    public String category() {
        return help.category();
    }

    /** @return what the field does; empty for a field the lab does not know yet */
    public String description() {
        return help.description();
    }

    public Editor editor() {
        return editor;
    }

    /** @return the allowed values of a {@link Editor#CHOICE} field */
    public List<String> choices() {
        return help.choices();
    }

    /** @return the value: a {@link Boolean} for a flag, else a {@link String} */
    public ObjectProperty<Object> valueProperty() {
        return value;
    }
}
