package org.hrmlab.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.hrmlab.app.shell.Notice;
import org.hrmlab.app.shell.Notices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a real child process (a tiny Java main) and applies its events on the test thread, standing in for the FX
 * thread: tasks queued by the view model are run by {@link #pump} until the run ends.
 */
class TrainingViewModelTest {
    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    private final Notices notices = new Notices();
    private final List<Path> opened = new ArrayList<>();

    private TrainingViewModel vm(String config) throws Exception {
        var cfg = dir.resolve("run.yaml");
        Files.writeString(cfg, config);
        var vm = new TrainingViewModel(FakeTrainMain.command(), Runnable::run, fxQueue::add, notices, opened::add);
        vm.configProperty().set(cfg);
        vm.outDirProperty().set(dir.resolve("out"));
        return vm;
    }

    private void pump(TrainingViewModel vm) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            for (Runnable r = fxQueue.poll(); r != null; r = fxQueue.poll()) {
                r.run();
            }
            Thread.sleep(10);
        } while (vm.isActive() && System.nanoTime() < deadline);
        for (Runnable r = fxQueue.poll(); r != null; r = fxQueue.poll()) {
            r.run();
        }
    }

    @Test
    void aFinishedRunHasCurvesProgressAndACheckpoint() throws Exception {
        var vm = vm("max_steps: 100\n");
        vm.start();
        pump(vm);
        assertEquals(TrainingViewModel.State.FINISHED, vm.getState());
        assertEquals(10, vm.trainLines().size());
        assertEquals(2, vm.evalLines().size());
        assertEquals(1.0, vm.progressProperty().get(), 1e-12);
        var last = vm.trainLines().get(9);
        assertEquals(100, last.step());
        assertTrue(last.loss() < vm.trainLines().get(0).loss());
        assertEquals(dir.resolve("out/checkpoints/step_100.safetensors"), vm.latestCheckpointProperty().get());
        vm.openLatestCheckpoint();
        assertEquals(List.of(dir.resolve("out/checkpoints/step_100.safetensors")), opened);
    }

    @Test
    void aCrashShowsItsLastLineAndExitStatus() throws Exception {
        var vm = vm("max_steps: 100\nfake_crash_at: 30\n");
        vm.start();
        pump(vm);
        assertEquals(TrainingViewModel.State.CRASHED, vm.getState());
        assertTrue(vm.statusProperty().get().contains("exit status 3"), vm.statusProperty().get());
        assertEquals("fake trainer: out of memory at step 30", vm.lastLineProperty().get());
        assertEquals(Notice.Level.ERROR, notices.getLatest().level());
        assertEquals(3, vm.trainLines().size());
    }

    @Test
    void stopEndsTheChildAndResumeContinues() throws Exception {
        var vm = vm("max_steps: 100000\nfake_delay_ms: 20\n");
        vm.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (vm.trainLines().size() < 3 && System.nanoTime() < deadline) {
            for (Runnable r = fxQueue.poll(); r != null; r = fxQueue.poll()) {
                r.run();
            }
            Thread.sleep(10);
        }
        assertTrue(vm.isActive());
        assertTrue(vm.etaProperty().get().startsWith("ETA"), vm.etaProperty().get());
        assertTrue(vm.progressProperty().get() > 0 && vm.progressProperty().get() < 0.01);
        vm.stop();
        pump(vm);
        assertEquals(TrainingViewModel.State.STOPPED, vm.getState());
        int before = vm.trainLines().size();

        Files.writeString(vm.configProperty().get(), "max_steps: 200\n");
        vm.resume();
        pump(vm);
        assertEquals(TrainingViewModel.State.FINISHED, vm.getState());
        assertNotNull(vm.latestProperty().get());
        assertEquals(before + 10, vm.trainLines().size(), "resume keeps the curve and appends steps 110..200");
    }

    @Test
    void startAndResumePassTheChosenDevice() throws Exception {
        List<List<String>> built = new ArrayList<>();
        TrainingCommand fake = FakeTrainMain.command();
        var vm = new TrainingViewModel((config, out, resume, device) -> {
            List<String> cmd = fake.build(config, out, resume, device);
            built.add(cmd);
            return cmd;
        }, Runnable::run, fxQueue::add, notices, opened::add);
        var cfg = dir.resolve("run.yaml");
        Files.writeString(cfg, "max_steps: 20\n");
        vm.configProperty().set(cfg);
        vm.outDirProperty().set(dir.resolve("out"));
        assertEquals(DeviceChoice.AUTO, vm.deviceProperty().get(), "auto until chosen");

        vm.deviceProperty().set(DeviceChoice.GPU);
        vm.start();
        pump(vm);
        vm.deviceProperty().set(DeviceChoice.CPU);
        vm.resume();
        pump(vm);

        assertEquals(2, built.size());
        assertEquals(List.of("--device", "cuda:0"), tail(built.get(0), 2), built.get(0).toString());
        assertFalse(built.get(0).contains("--resume"));
        assertEquals(List.of("--resume", "--device", "cpu"), tail(built.get(1), 3), "a run resumes on another device");
    }

    @Test
    void theCommandLineEndsWithTheDevice() {
        assertEquals(List.of("train", "--config", "c.yaml", "--out", "run", "--device", "auto"),
                TrainingCommand.arguments(Path.of("c.yaml"), Path.of("run"), false, DeviceChoice.AUTO));
        assertEquals(List.of("train", "--config", "c.yaml", "--out", "run", "--resume", "--device", "cuda:0"),
                TrainingCommand.arguments(Path.of("c.yaml"), Path.of("run"), true, DeviceChoice.GPU));
        List<String> hrmlab = TrainingCommand.hrmlab().build(Path.of("c.yaml"), Path.of("run"), false,
                DeviceChoice.CPU);
        assertEquals(List.of("--device", "cpu"), tail(hrmlab, 2));
        assertEquals("org.hrmlab.app.Main", hrmlab.get(hrmlab.indexOf("train") - 1));
    }

    private static List<String> tail(List<String> list, int n) {
        return list.subList(list.size() - n, list.size());
    }

    @Test
    void missingPathsAreReportedNotLaunched() {
        var vm = new TrainingViewModel(FakeTrainMain.command(), Runnable::run, Runnable::run, notices, p -> { });
        vm.start();
        assertEquals(TrainingViewModel.State.IDLE, vm.getState());
        assertTrue(notices.getLatest().message().contains("config"));
        assertFalse(vm.isActive());
    }

    @Test
    void durationsReadShort() {
        assertEquals("1m 05s", TrainingViewModel.duration(65));
        assertEquals("2h 01m", TrainingViewModel.duration(7260));
    }
}
