package org.hrmlab.app.training.newrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A training config as a YAML tree, for composing and editing it before the config reader
 * ({@link org.hrmlab.engine.train.TrainingConfig#parse}) checks it: fields are named by dotted paths such as
 * {@code arch.hidden_size}.
 */
final class ConfigYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private ConfigYaml() {
    }

    /** @return the mapping in {@code yaml} (an empty one for empty text) */
    static ObjectNode tree(String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return root instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a YAML mapping: " + e.getOriginalMessage());
        }
    }

    /** @return {@code root} as YAML text */
    static String text(ObjectNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML tree did not serialise: " + e.getOriginalMessage(), e);
        }
    }

    /** @return what {@code typed} means as a YAML value ({@code 64} a number, {@code rope} text), as a file would */
    static JsonNode scalar(String typed) {
        try {
            JsonNode n = YAML.readTree(typed);
            return n == null || n.isMissingNode() ? JsonNodeFactory.instance.textNode(typed) : n;
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(typed);
        }
    }

    /** Puts {@code value} at the dotted {@code path}, making the mappings on the way. */
    static void set(ObjectNode root, String path, JsonNode value) {
        ObjectNode node = root;
        String[] keys = path.split("\\.");
        for (int i = 0; i < keys.length - 1; i++) {
            node = node.get(keys[i]) instanceof ObjectNode o ? o : node.putObject(keys[i]);
        }
        node.set(keys[keys.length - 1], value);
    }

    /** Tells {@code sink} every leaf value with its dotted path, in the file's order. */
    static void leaves(JsonNode node, String prefix, BiConsumer<String, JsonNode> sink) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                leaves(e.getValue(), path, sink);
            } else {
                sink.accept(path, e.getValue());
            }
        }
    }
}
