package org.hrmlab.app.training;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** What the lab reads from a training config before the run starts: the step budget, when the config sets one. */
final class TrainingPlan {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TrainingPlan() {
    }

    /** The config's {@code max_steps} (or {@code total_steps}), or -1 when absent or unreadable. */
    static long maxSteps(Path config) {
        try {
            var root = YAML.readTree(config.toFile());
            if (root == null) {
                return -1;
            }
            for (String key : new String[] {"max_steps", "total_steps"}) {
                if (root.path(key).canConvertToLong() && root.path(key).asLong() > 0) {
                    return root.path(key).asLong();
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
