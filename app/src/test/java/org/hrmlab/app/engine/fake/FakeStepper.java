package org.hrmlab.app.engine.fake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;

import org.hrmlab.app.engine.CellChange;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.ModelInfo;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.StepResult;
import org.hrmlab.app.engine.StepperException;
import org.hrmlab.app.engine.StepperPort;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.app.puzzle.LabPuzzle;

/**
 * A deterministic stand-in for the HRM stepper, for tests of the lab's plumbing (threads, timeline, views) without a
 * model. Every frame is a pure function of (puzzle, settings, index), so seeking is free and two runs give equal
 * frames. Q-halting stops one segment after the answer becomes right. {@link #loadModel} only checks that the file
 * exists and renames the script; it reads no weights.
 */
public final class FakeStepper implements StepperPort {
    /** Seed of every scripted run. */
    public static final long DEFAULT_SEED = 12345L;

    private final long delayMillisPerUpdate;
    private final int hidden;
    private ModelInfo model;
    private LabPuzzle puzzle;
    private InferenceSettings settings;
    private Script script;
    private FakeStates states;
    private int count;
    private boolean halted;

    /** A fake with no delay and hidden size 512, like the reference model. */
    public FakeStepper() {
        this(0, 512);
    }

    /** A fake that sleeps {@code delayMillisPerUpdate} per update, to feel like a real model. */
    public FakeStepper(long delayMillisPerUpdate, int hidden) {
        this.delayMillisPerUpdate = delayMillisPerUpdate;
        this.hidden = hidden;
        this.model = new ModelInfo("scripted test stepper", "test stand-in (no model)", hidden, 1,
                InferenceSettings.DEFAULTS, null);
    }

    @Override
    public ModelInfo loadModel(Path checkpoint) {
        if (!Files.isRegularFile(checkpoint)) {
            throw new StepperException(checkpoint + ": no such checkpoint file");
        }
        model = new ModelInfo(checkpoint.getFileName().toString(), checkpoint.toString(), hidden, 1,
                InferenceSettings.DEFAULTS, null);
        puzzle = null;
        return model;
    }

    @Override
    public ModelInfo model() {
        return model;
    }

    @Override
    public InferenceSettings settings() {
        return settings;
    }

    @Override
    public LabFrame start(LabPuzzle newPuzzle, InferenceSettings newSettings) {
        puzzle = Objects.requireNonNull(newPuzzle, "puzzle");
        settings = Objects.requireNonNull(newSettings, "settings");
        script = switch (puzzle.kind()) {
            case SUDOKU -> new SudokuScript(puzzle, DEFAULT_SEED);
            case MAZE -> new MazeScript(puzzle);
            case ARC -> new ArcScript(puzzle, DEFAULT_SEED);
        };
        int positions = 1 + puzzle.input().size();
        states = new FakeStates(positions, hidden, puzzle.input().cells(), DEFAULT_SEED);
        count = 1;
        halted = false;
        return frame(0, true);
    }

    @Override
    public StepResult step(StepAction action) {
        requireRun();
        var recorded = new ArrayList<LabFrame>();
        LabFrame last = null;
        while (!halted) {
            pause();
            last = frame(count, true);
            count++;
            halted = last.halted();
            recorded.add(last.lite());
            boolean done = switch (action) {
                case L_UPDATE -> true;
                case H_UPDATE -> last.kind() == UpdateKind.H;
                case SEGMENT -> last.segmentEnd();
            };
            if (done) {
                break;
            }
        }
        return new StepResult(recorded, last == null ? frame(count - 1, true) : last);
    }

    @Override
    public boolean halted() {
        return halted;
    }

    @Override
    public int recordedCount() {
        return count;
    }

    @Override
    public LabFrame seek(int index) {
        requireRun();
        if (index < 0 || index >= count) {
            throw new StepperException("update " + index + " is not recorded (0.." + (count - 1) + ")");
        }
        return frame(index, true);
    }

    private void requireRun() {
        if (script == null || puzzle == null) {
            throw new StepperException("no puzzle loaded");
        }
    }

    private void pause() {
        if (delayMillisPerUpdate > 0) {
            try {
                Thread.sleep(delayMillisPerUpdate);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    LabFrame frame(int index, boolean withStates) {
        var clock = Clock.at(index, settings);
        double decodeTime = clock.scriptTime(settings);
        if (settings.decodeMode() == org.hrmlab.app.engine.DecodeMode.PAPER_FIG7) {
            decodeTime += 1.0 / settings.hCycles();
        }
        var decoded = script.decode(decodeTime);
        var answer = script.answer();
        var verdict = answer.isEmpty() ? Verdict.UNKNOWN
                : answer.equals(decoded.grid()) ? Verdict.RIGHT : Verdict.WRONG;
        double qHalt = Double.NaN;
        double qContinue = Double.NaN;
        boolean stop = false;
        if (clock.segmentEnd()) {
            double lead = clock.segment() - Math.ceil(script.solvedAt());
            qHalt = Double.isFinite(lead) ? 1.5 * lead - 0.5 : -4 + 0.1 * clock.segment();
            qContinue = Double.isFinite(lead) ? 0.2 - 0.3 * lead : 1.5;
            stop = clock.segment() >= settings.maxSegments() || (settings.qHalting() && qHalt > qContinue);
        }
        var zL = withStates ? states.zL(clock.thetaL()) : org.hrmlab.viz.grid.HeatmapData.EMPTY;
        var zH = withStates ? states.zH(clock.thetaH()) : org.hrmlab.viz.grid.HeatmapData.EMPTY;
        double resL = clock.kind() == UpdateKind.L ? FakeStates.residual(clock.lastDeltaL()) : Double.NaN;
        double resH = clock.kind() == UpdateKind.H ? FakeStates.residual(clock.lastDeltaH()) : Double.NaN;
        CellGrid grid = decoded.grid();
        return new LabFrame(index, clock.kind(), clock.segment(), clock.hCycle(), clock.lStep(), grid,
                decoded.confidence(), change(index, clock.kind(), grid.size()), zL, zH, resL, resH, qHalt, qContinue,
                clock.segmentEnd(), stop, verdict);
    }

    /**
     * A scripted per-cell state change: {@code |sin(0.37·index + 1.3·cell)| · (1 + index / 20)}, four times larger at
     * H-updates; none at the initial state.
     */
    static CellChange change(int index, UpdateKind kind, int cells) {
        if (kind == UpdateKind.INIT || cells == 0) {
            return CellChange.NONE;
        }
        float[] v = new float[cells];
        for (int i = 0; i < cells; i++) {
            v[i] = (float) (Math.abs(Math.sin(0.37 * index + 1.3 * i)) * (1 + index / 20.0)
                    * (kind == UpdateKind.H ? 4 : 1));
        }
        return CellChange.of(v);
    }
}
