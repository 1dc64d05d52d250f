package org.hrmlab.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stand-in for {@code hrmlab train} used as a child process in tests: reads {@code max_steps},
 * {@code fake_delay_ms} and {@code fake_crash_at} from the config, prints JSON lines like the real command, writes
 * empty checkpoints, and exits 3 with an error on stderr when told to crash.
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
            System.out.printf(Locale.ROOT, "{\"event\":\"train\",\"step\":%d,\"epoch\":%d,\"lr\":1e-4,\"loss\":%.5f,"
                    + "\"lm_loss\":%.5f,\"q_loss\":%.5f,\"exact_accuracy\":%.4f,\"token_accuracy\":%.4f,"
                    + "\"mean_segments\":%.2f,\"examples_per_second\":%.1f,\"elapsed_s\":%.3f}%n", step, step / 20,
                    2.5 * Math.exp(-3 * t) + 0.05, 2.2 * Math.exp(-3 * t) + 0.04, 0.3 * Math.exp(-2 * t) + 0.01,
                    Math.min(1, t * t * 1.2), 0.3 + 0.7 * Math.min(1, t * 1.3), 16 - 10 * t, 250.0, step * 0.02);
            if (step % 50 == 0) {
                Path ckpt = out.resolve("checkpoints").resolve("step_" + step + ".safetensors");
                Files.write(ckpt, new byte[0]);
                System.out.printf("{\"event\":\"checkpoint\",\"step\":%d,\"path\":\"checkpoints/step_%d.safetensors\"}%n",
                        step, step);
                System.out.printf(Locale.ROOT, "{\"event\":\"eval\",\"step\":%d,\"exact_accuracy\":%.4f,"
                        + "\"token_accuracy\":%.4f,\"mean_segments\":%.2f}%n", step, Math.min(1, t * t), t, 16 - 8 * t);
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
        System.out.printf("{\"event\":\"done\",\"step\":%d}%n", steps);
    }

    private static long number(String text, String key, long fallback) {
        var m = Pattern.compile("(?m)^" + key + ":\\s*(-?\\d+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }

    /** A command that runs this class with the test class path. */
    public static TrainingCommand command() {
        return (config, out, resume) -> {
            var cmd = new java.util.ArrayList<String>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(FakeTrainMain.class.getName());
            cmd.addAll(TrainingCommand.arguments(config, out, resume));
            return cmd;
        };
    }
}
