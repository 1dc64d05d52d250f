package org.hrmlab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.ModelInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code hrmlab models}: the models shipped with the lab, by the name {@code --checkpoint shipped:NAME} takes. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models shipped with the lab: the name --checkpoint shipped:NAME takes, the family, "
                + "the puzzles each takes, its size, how its values are stored and its training step.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, CheckpointException {
        List<Map<String, Object>> models = new ArrayList<>();
        for (String name : DefaultModels.ALL) {
            Path file = DefaultModels.extracted(name);
            ModelCheckpoint m = CheckpointLoader.load(file);
            HrmConfig c = m.config();
            Map<String, String> p = m.provenance();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("checkpoint", DefaultModels.SCHEME + name);
            e.put("title", DefaultModels.cardTitle(name).orElse(null));
            e.put("family", c.family().id());
            e.put("takes", ModelInputs.of(m).describe());
            e.put("hidden_size", c.hiddenSize());
            e.put("parameters", ImportCommand.parameters(m));
            e.put("stored_as", p.getOrDefault("stored_as", "f32"));
            e.put("bytes", Files.size(file));
            e.put("sha256", m.sha256());
            e.put("step", p.get("step"));
            e.put("data", p.get("data"));
            models.add(e);
        }
        Json.print(spec.commandLine().getOut(), Map.of("models", models));
        return 0;
    }
}
