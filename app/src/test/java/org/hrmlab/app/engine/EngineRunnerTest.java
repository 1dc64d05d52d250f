package org.hrmlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.junit.jupiter.api.Test;

class EngineRunnerTest {

    /** Records which threads call the port. */
    static final class ThreadRecordingPort implements StepperPort {
        final FakeStepper inner = new FakeStepper(0, 16);
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final List<Integer> seeks = new ArrayList<>();

        private void mark() {
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public ModelInfo loadModel(Path checkpoint) {
            mark();
            return inner.loadModel(checkpoint);
        }

        @Override
        public ModelInfo model() {
            mark();
            return inner.model();
        }

        @Override
        public LabFrame start(LabPuzzle puzzle, InferenceSettings settings) {
            mark();
            return inner.start(puzzle, settings);
        }

        @Override
        public InferenceSettings settings() {
            mark();
            return inner.settings();
        }

        @Override
        public StepResult step(StepAction action) {
            mark();
            return inner.step(action);
        }

        @Override
        public boolean halted() {
            mark();
            return inner.halted();
        }

        @Override
        public int recordedCount() {
            mark();
            return inner.recordedCount();
        }

        @Override
        public LabFrame seek(int index) {
            mark();
            seeks.add(index);
            return inner.seek(index);
        }
    }

    @Test
    void everyPortCallRunsOnTheNamedEngineThread() throws Exception {
        var port = new ThreadRecordingPort();
        var delivered = new ArrayList<SnapshotBridge.Delivery>();
        var bridge = new SnapshotBridge(Runnable::run, d -> {
            synchronized (delivered) {
                delivered.add(d);
            }
        });
        var executor = EngineRunner.newEngineThread();
        try (var runner = new EngineRunner(port, executor, bridge)) {
            runner.start(SamplePuzzles.sudoku(), InferenceSettings.DEFAULTS);
            runner.runToHalt();
            var done = new CountDownLatch(1);
            executor.execute(done::countDown);
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals(Set.of(EngineRunner.THREAD_NAME), port.threads);
            assertTrue(port.inner.halted());
            assertFalse(runner.isBusy());
        }
        long recorded;
        synchronized (delivered) {
            recorded = delivered.stream().flatMap(d -> d.events().stream())
                    .filter(e -> e instanceof EngineEvent.Recorded).mapToLong(e -> ((EngineEvent.Recorded) e)
                            .frames().size()).sum();
        }
        assertEquals(port.inner.recordedCount() - 1, recorded, "every update reaches the FX side");
    }

    @Test
    void aBurstOfSeeksIsServedByTheNewestOnly() {
        var port = new ThreadRecordingPort();
        var bridge = new SnapshotBridge(Runnable::run, d -> { });
        var queued = new ArrayList<Runnable>();
        var runner = new EngineRunner(port, queued::add, bridge);
        runner.start(SamplePuzzles.sudoku(), InferenceSettings.DEFAULTS);
        runner.runToHalt();
        for (Runnable r : List.copyOf(queued)) {
            r.run();
        }
        queued.clear();
        for (int i = 1; i <= 10; i++) {
            runner.seek(i);
        }
        assertEquals(1, queued.size(), "one seek job for the whole burst");
        queued.get(0).run();
        assertEquals(List.of(10), port.seeks);
    }

    @Test
    void cancelStopsARunToHaltBetweenSegments() {
        var port = new ThreadRecordingPort();
        var queued = new ArrayList<Runnable>();
        var runner = new EngineRunner(port, queued::add, new SnapshotBridge(Runnable::run, d -> { }));
        runner.start(SamplePuzzles.sudoku(), new InferenceSettings(2, 2, 16, false, DecodeMode.DIRECT));
        runner.runToHalt();
        runner.cancel();
        for (Runnable r : List.copyOf(queued)) {
            r.run();
        }
        assertEquals(1, port.inner.recordedCount(), "cancelled before the first segment");
        assertFalse(port.inner.halted());
    }
}
