package org.hrmlab.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.hrmlab.engine.train.TrainingEvent;

/**
 * A stand-in for {@code hrmlab train} used as a child process in tests: reads {@code max_steps},
 * {@code fake_delay_ms} and {@code fake_crash_at} from the config, prints made-up {@link TrainingEvent}s through the
 * real trainer's serialiser ({@link TrainingEvent#toJson}) every 10 steps, writes empty checkpoints, and exits 3 with
 * an error on stderr when told to crash.
 */
public final class FakeTrainMain {
    private FakeTrainMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path config = null;
        Path out = null;
        boolean resume = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--resume" -> resume = true;
                default -> { }
            }
        }
        if (config == null || out == null || !Files.isRegularFile(config)) {
            System.err.println(config + ": no such config file");
            System.exit(2);
        }
        String text = Files.readString(config);
        long steps = number(text, "max_steps", 100);
        long delay = number(text, "fake_delay_ms", 0);
        long crashAt = number(text, "fake_crash_at", -1);
        Files.createDirectories(out.resolve("checkpoints"));
        long first = resume ? steps / 2 : 0;
        for (long step = first + 10; step <= steps; step += 10) {
            double t = step / (double) steps;
            double elapsed = step * 0.02;
            emit(new TrainingEvent.Train(step, steps, step / 20, 1e-4, 2.5 * Math.exp(-3 * t) + 0.05,
                    2.2 * Math.exp(-3 * t) + 0.04, 0.3 * Math.exp(-2 * t) + 0.01, Math.min(1, t * t * 1.2),
                    0.3 + 0.7 * Math.min(1, t * 1.3), 16 - 10 * t, 250.0, elapsed, (steps - step) * 0.02));
            if (step % 50 == 0) {
                Path ckpt = out.resolve("checkpoints").resolve("step_" + step + ".safetensors");
                Files.write(ckpt, new byte[0]);
                emit(new TrainingEvent.Checkpoint(step, "checkpoints/step_" + step + ".safetensors"));
                emit(new TrainingEvent.Eval(step, steps, step / 20, Math.min(1, t * t), t, 16 - 8 * t, 0.5, 8,
                        elapsed));
            }
            System.out.flush();
            if (crashAt >= 0 && step >= crashAt) {
                System.err.println("fake trainer: out of memory at step " + step);
                System.exit(3);
            }
            if (delay > 0) {
                Thread.sleep(delay);
            }
        }
        emit(new TrainingEvent.Done(steps, steps, steps * 0.02));
    }

    /** Prints an event as the real trainer does. */
    private static void emit(TrainingEvent event) {
        System.out.println(TrainingEvent.toJson(event));
    }

    private static long number(String text, String key, long fallback) {
        var m = Pattern.compile("(?m)^" + key + ":\\s*(-?\\d+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }

    /** A command that runs this class with the test class path. */
    public static TrainingCommand command() {
        return (config, out, resume, device) -> {
            var cmd = new java.util.ArrayList<String>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(FakeTrainMain.class.getName());
            cmd.addAll(TrainingCommand.arguments(config, out, resume, device));
            return cmd;
        };
    }
}
