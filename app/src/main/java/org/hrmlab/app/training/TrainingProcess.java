package org.hrmlab.app.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running child process whose stdout lines and exit status are reported to a {@link Listener} from two named
 * daemon reader threads. Stderr is kept as a short tail for crash reports. Stopping destroys the whole process tree.
 */
public final class TrainingProcess {
    private static final System.Logger LOG = System.getLogger(TrainingProcess.class.getName());
    private static final int TAIL = 20;

    /** Called from reader threads, never the FX thread. */
    public interface Listener {
        void onLine(String line);

        /** The process ended with {@code exitCode}; {@code stderrTail} holds its last stderr lines. */
        void onExit(int exitCode, List<String> stderrTail);
    }

    private final Process process;
    private final Deque<String> stderrTail = new ArrayDeque<>();

    private TrainingProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code command} in {@code workingDir}; IO errors (no such program) come back as exceptions. */
    public static TrainingProcess start(List<String> command, Path workingDir, Listener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        var pb = new ProcessBuilder(command);
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        var p = new TrainingProcess(pb.start());
        p.process.getOutputStream().close();
        var err = daemon("hrm-train-stderr", () -> p.pump(p.process.getErrorStream(), p::keepErr));
        daemon("hrm-train-stdout", () -> {
            p.pump(p.process.getInputStream(), listener::onLine);
            int code = p.waitFor();
            try {
                err.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener.onExit(code, p.tail());
        });
        return p;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the process and its descendants to end, and kills them after {@code graceMillis}. Does not block. */
    public void stop(long graceMillis) {
        var handles = new java.util.ArrayList<ProcessHandle>();
        process.toHandle().descendants().forEach(handles::add);
        handles.add(process.toHandle());
        handles.forEach(ProcessHandle::destroy);
        daemon("hrm-train-killer", () -> {
            try {
                if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                    handles.forEach(ProcessHandle::destroyForcibly);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private int waitFor() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void pump(InputStream in, Consumer<String> sink) {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                sink.accept(line);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "child stream closed: " + e.getMessage());
        }
    }

    private synchronized void keepErr(String line) {
        stderrTail.addLast(line);
        while (stderrTail.size() > TAIL) {
            stderrTail.removeFirst();
        }
    }

    private synchronized List<String> tail() {
        return List.copyOf(stderrTail);
    }

    private static Thread daemon(String name, Runnable body) {
        var t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
