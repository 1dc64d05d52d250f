package org.hrmlab.app.training.newrun;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hrmlab.engine.train.DatasetException;
import org.hrmlab.engine.train.TrainingConfig;

/**
 * A written training config as editable fields, one per value in the file, checked by the config reader itself: a
 * bad edit gets the very line {@code hrmlab train} would print for the same file. A field left blank is left out
 * of the file, so it takes the reference's default.
 */
public final class ConfigSheet {
    private final Path file;
    private final List<ConfigField> fields;

    private ConfigSheet(Path file, List<ConfigField> fields) {
        this.file = file;
        this.fields = List.copyOf(fields);
    }

    /**
     * @param config the config, as {@link TrainingConfig#write} writes it
     * @param file   where it lives: relative paths are relative to its folder, and messages name it
     */
    public static ConfigSheet of(TrainingConfig config, Path file) {
        List<ConfigField> fields = new ArrayList<>();
        ConfigYaml.leaves(ConfigYaml.tree(config.toYaml(file)), "", (path, node) ->
                fields.add(new ConfigField(path, node.isBoolean() ? (Object) node.booleanValue() : node.asText())));
        return new ConfigSheet(file, fields);
    }

    /** @return the config file */
    public Path file() {
        return file;
    }

    /** @return the fields, in the file's order */
    public List<ConfigField> fields() {
        return fields;
    }

    /** @return the field at {@code path} */
    public ConfigField field(String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field '" + path + "' in the config"));
    }

    /** @return the fields' values as YAML text */
    public String yaml() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (ConfigField f : fields) {
            Object value = f.valueProperty().get();
            if (value instanceof Boolean b) {
                ConfigYaml.set(root, f.path(), BooleanNode.valueOf(b));
            } else if (value != null && !value.toString().isBlank()) {
                ConfigYaml.set(root, f.path(), ConfigYaml.scalar(value.toString().strip()));
            }
        }
        return ConfigYaml.text(root);
    }

    /**
     * @return the config the fields describe
     * @throws DatasetException the config reader's line for the same text in {@link #file()}
     */
    public TrainingConfig check() throws DatasetException {
        return TrainingConfig.parse(yaml(), file);
    }
}
