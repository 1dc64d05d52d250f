package org.hrmlab.app.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.analysis.SampleUnit;
import org.hrmlab.engine.analysis.StateSampler;
import org.hrmlab.viz.grid.HeatmapData;

/**
 * A {@link StepperPort} that keeps, for every update of the current run, zL and zH mean-pooled over the non-prefix
 * positions, and hands a {@link PooledTrajectory} snapshot to {@code sink} after each start and step. Steps are
 * taken one L-update at a time from the wrapped port, so every update's full frame passes through here; the result
 * is the same as the wrapped port's own multi-update step. Seeks do not touch the trajectory. Called on the engine
 * thread only, like any port.
 */
public final class PooledStateRecorder implements StepperPort {
    private final StepperPort port;
    private final Consumer<PooledTrajectory> sink;
    private final List<double[]> zL = new ArrayList<>();
    private final List<double[]> zH = new ArrayList<>();
    private final List<Integer> segmentEnds = new ArrayList<>();
    private long generation;
    private int prefix;
    private StateSampler sampler;

    /**
     * @param port the stepper that does the work
     * @param sink receives every new snapshot, on the engine thread; it must return quickly
     */
    public PooledStateRecorder(StepperPort port, Consumer<PooledTrajectory> sink) {
        this.port = Objects.requireNonNull(port, "port");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public ModelInfo loadModel(Path checkpoint) {
        return modelChanged(port.loadModel(checkpoint));
    }

    @Override
    public ModelInfo useShipped(String name) {
        return modelChanged(port.useShipped(name));
    }

    private ModelInfo modelChanged(ModelInfo info) {
        newRun();
        sink.accept(PooledTrajectory.empty(generation));
        return info;
    }

    @Override
    public ModelInfo model() {
        return port.model();
    }

    @Override
    public LabFrame start(LabPuzzle puzzle, InferenceSettings settings) {
        LabFrame first = port.start(puzzle, settings);
        newRun();
        record(first);
        publish();
        return first;
    }

    @Override
    public InferenceSettings settings() {
        return port.settings();
    }

    @Override
    public StepResult step(StepAction action) {
        List<LabFrame> recorded = new ArrayList<>();
        LabFrame last = null;
        while (!port.halted()) {
            StepResult one = port.step(StepAction.L_UPDATE);
            if (one.isEmpty()) {
                break;
            }
            recorded.addAll(one.recorded());
            last = one.current();
            record(last);
            boolean done = switch (action) {
                case L_UPDATE -> true;
                case H_UPDATE -> last.kind() == UpdateKind.H;
                case SEGMENT -> last.segmentEnd();
            };
            if (done) {
                break;
            }
        }
        if (last == null) {
            return port.step(action);
        }
        publish();
        return new StepResult(recorded, last);
    }

    @Override
    public boolean halted() {
        return port.halted();
    }

    @Override
    public int recordedCount() {
        return port.recordedCount();
    }

    @Override
    public LabFrame seek(int index) {
        return port.seek(index);
    }

    @Override
    public void close() {
        port.close();
    }

    private void newRun() {
        generation++;
        zL.clear();
        zH.clear();
        segmentEnds.clear();
        sampler = null;
        prefix = port.model().puzzlePrefix();
    }

    /** Appends {@code frame}'s pooled states, first filling any updates this recorder has not seen. */
    private void record(LabFrame frame) {
        for (int missing = zL.size(); missing < frame.index(); missing++) {
            append(port.seek(missing));
        }
        if (frame.index() == zL.size()) {
            append(frame.hasStates() ? frame : port.seek(frame.index()));
        }
    }

    private void append(LabFrame frame) {
        HeatmapData l = frame.zL();
        HeatmapData h = frame.zH();
        if (sampler == null) {
            int[] kept = IntStream.range(Math.min(prefix, h.rows() - 1), h.rows()).toArray();
            sampler = new StateSampler(SampleUnit.MEAN_POOLED, kept, h.cols());
        }
        zL.add(sampler.meanPooled(l.valuesView(), 0));
        zH.add(sampler.meanPooled(h.valuesView(), 0));
        if (frame.segmentEnd()) {
            segmentEnds.add(frame.index());
        }
    }

    private void publish() {
        sink.accept(new PooledTrajectory(generation, zL, zH,
                segmentEnds.stream().mapToInt(Integer::intValue).toArray(), prefix));
    }

    @Override
    public String useDevice(String spec) {
        return port.useDevice(spec);
    }
}
