package org.hrmlab.app.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the child command line for a training run. */
@FunctionalInterface
public interface TrainingCommand {
    /**
     * @param config the run's config file
     * @param out    the run folder
     * @param resume continue the run from its newest checkpoint
     * @param device where the run trains
     * @return the command line
     */
    List<String> build(Path config, Path out, boolean resume, DeviceChoice device);

    /** {@code java -cp <this class path> org.hrmlab.app.Main train --config F --out DIR [--resume] --device D}. */
    static TrainingCommand hrmlab() {
        return (config, out, resume, device) -> {
            var cmd = new ArrayList<String>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                cmd.add("--add-modules"); // the engine's vectorised passes, as this JVM has them
                cmd.add("jdk.incubator.vector");
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("org.hrmlab.app.Main");
            cmd.addAll(arguments(config, out, resume, device));
            return cmd;
        };
    }

    /** The {@code train} arguments per docs/cli.md. */
    static List<String> arguments(Path config, Path out, boolean resume, DeviceChoice device) {
        var args = new ArrayList<>(List.of("train", "--config", config.toString(), "--out", out.toString()));
        if (resume) {
            args.add("--resume");
        }
        args.add("--device");
        args.add(device.spec());
        return args;
    }
}
