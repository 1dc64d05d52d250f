package org.hrmlab.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.train.DatasetException;
import org.hrmlab.engine.train.TrainingConfig;
import org.hrmlab.engine.train.TrainingEvent;
import org.hrmlab.engine.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrmlab train}: a training run with the reference's method, its {@link TrainingEvent}s as JSON lines on
 * stdout.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an HRM (reference method: 1-step gradient, deep supervision, ACT, Adam-atan2). "
                + "Writes DIR/config.yaml, DIR/metrics.jsonl and DIR/checkpoints/step_N.safetensors; "
                + "prints one JSON object per logged step. The device's line (and, with auto, why) is on stderr.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "run config (YAML)")
    private Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "run folder")
    private Path out;

    @Option(names = "--resume", description = "continue the run in DIR from its newest checkpoint")
    private boolean resume;

    @Option(names = "--stop-at", paramLabel = "STEP", converter = OptionConverters.Positive.class,
            description = "stop after step STEP, with a checkpoint there (--resume continues, on any device)")
    private Integer stopAt;

    @Option(names = "--time-limit", paramLabel = "T", converter = OptionConverters.Durations.class,
            description = "stop at the first step after T of training (90s, 8m, 2h), with a checkpoint there")
    private java.time.Duration timeLimit;

    @Mixin
    private DeviceOption device = new DeviceOption();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        PrintStream realOut = System.out;
        // ND4J's SameDiff prints a line per differentiated op to System.out: keep stdout JSON only
        System.setOut(System.err);
        try {
            TrainingConfig cfg = TrainingConfig.read(config);
            String text = Files.readString(config);
            TrainingDevice on = new TrainingDevice(device.select(), device.auto(), stderr);
            new TrainingRun(cfg, out, text, event -> {
                stdout.println(TrainingEvent.toJson(event));
                stdout.flush();
            }, on).run(resume, stopAt == null ? Long.MAX_VALUE : stopAt, timeLimit);
            return 0;
        } catch (DatasetException | CheckpointException | BadInputException | DeviceUnavailableException e) {
            fail(stdout, stderr, CliErrors.oneLine(e.getMessage()));
            return 2;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            fail(stdout, stderr, "internal error: " + e + " (see the log above on stderr)");
            e.printStackTrace(new PrintWriter(System.err, true));
            return 1;
        } finally {
            System.setOut(realOut);
        }
    }

    private static void fail(PrintWriter stdout, PrintWriter stderr, String message) {
        stdout.println(TrainingEvent.toJson(new TrainingEvent.Failed(message)));
        stdout.flush();
        stderr.println(message);
        stderr.flush();
    }
}
