package org.hrmlab.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the child command line for a training run. */
@FunctionalInterface
public interface TrainingCommand {
    List<String> build(Path config, Path out, boolean resume);

    /** {@code java -cp <this class path> org.hrmlab.app.Main train --config F --out DIR [--resume]}. */
    static TrainingCommand hrmlab() {
        return (config, out, resume) -> {
            var cmd = new ArrayList<String>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                cmd.add("--add-modules"); // the engine's vectorised passes, as this JVM has them
                cmd.add("jdk.incubator.vector");
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("org.hrmlab.app.Main");
            cmd.addAll(arguments(config, out, resume));
            return cmd;
        };
    }

    /** The {@code train} arguments per docs/cli.md. */
    static List<String> arguments(Path config, Path out, boolean resume) {
        var args = new ArrayList<>(List.of("train", "--config", config.toString(), "--out", out.toString()));
        if (resume) {
            args.add("--resume");
        }
        return args;
    }
}
