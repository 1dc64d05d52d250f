package org.hrmlab.app.engine.hrm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hrmlab.app.engine.CellChange;
import org.hrmlab.app.engine.DecodeMode;
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
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.compute.DeviceSelection;
import org.hrmlab.engine.compute.DeviceUnavailableException;
import org.hrmlab.engine.compute.Devices;
import org.hrmlab.engine.io.CheckpointException;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.io.ModelInputs;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.step.HrmStepper;
import org.hrmlab.engine.step.StepSnapshot;
import org.hrmlab.viz.grid.HeatmapData;

/**
 * The lab's {@link StepperPort} on the real engine: an {@link HrmStepper} per run, frames built from its snapshots.
 * Until the user loads a checkpoint, each puzzle kind runs on its shipped default model ({@link DefaultModels}).
 * Called on the engine thread only.
 */
public final class HrmEngineStepper implements StepperPort {
    private final DefaultModels defaults;
    private ModelCheckpoint userModel;
    private ModelCheckpoint active;
    /** The shipped model the last run that started ran on, and its own settings (until then: the defaults). */
    private ModelCheckpoint ranOn;
    private InferenceSettings ranOnOwn = InferenceSettings.DEFAULTS;
    private ModelInfo info;
    private LabPuzzle puzzle;
    private InferenceSettings settings;
    private HrmStepper stepper;
    private HrmModel model;
    private ComputeDevice device;
    private int recorded;
    private boolean halted;

    /** @param defaults the shipped models used until a checkpoint is loaded */
    public HrmEngineStepper(DefaultModels defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.info = perPuzzleInfo();
    }

    private static ModelInfo perPuzzleInfo() {
        return new ModelInfo("default models", "shipped with HRM Lab (per puzzle kind and size)", 0, 0,
                InferenceSettings.DEFAULTS, null);
    }

    @Override
    public ModelInfo loadModel(Path checkpoint) {
        try {
            return useModel(CheckpointLoader.load(checkpoint), DefaultModels.fileName(checkpoint));
        } catch (CheckpointException e) {
            throw new StepperException(e.getMessage());
        }
    }

    @Override
    public ModelInfo useShipped(String name) {
        if (name != null) {
            try {
                return loadModel(DefaultModels.extracted(name));
            } catch (java.io.IOException e) {
                throw new StepperException(e.getMessage());
            }
        }
        userModel = null;
        active = null;
        ranOn = null;
        ranOnOwn = InferenceSettings.DEFAULTS;
        info = perPuzzleInfo();
        closeModel();
        return info;
    }

    /** Uses an already loaded checkpoint, as {@link #loadModel} does; the current run is discarded. */
    public ModelInfo useModel(ModelCheckpoint checkpoint, String name) {
        userModel = Objects.requireNonNull(checkpoint, "checkpoint");
        active = userModel;
        info = infoOf(userModel, name);
        closeModel();
        return info;
    }

    @Override
    public String useDevice(String spec) {
        try {
            DeviceSelection chosen = Devices.select(spec);
            device = chosen.device();
            return chosen.line();
        } catch (DeviceUnavailableException | IllegalArgumentException e) {
            throw new StepperException(e.getMessage() + "; the model stays on "
                    + (device == null ? "the device chosen before" : device.id()));
        }
    }

    @Override
    public ModelInfo model() {
        return info;
    }

    @Override
    public LabFrame start(LabPuzzle newPuzzle, InferenceSettings newSettings) {
        puzzle = Objects.requireNonNull(newPuzzle, "puzzle");
        settings = Objects.requireNonNull(newSettings, "settings");
        if (userModel == null) {
            active = defaults.forPuzzle(puzzle);
            info = infoOf(active, defaults.name(puzzle));
            if (active != ranOn && settings.sameRecursion(ranOnOwn)) {
                settings = settings.withRecursionOf(info.defaults());
            }
        }
        HrmConfig c = active.config();
        String misfit = info.mismatch(puzzle);
        if (misfit != null) {
            throw new StepperException(misfit + ": open a puzzle that fits, or another model");
        }
        int[] tokens = LabPuzzleTokens.encode(puzzle, info.inputs().seqLen());
        int maxToken = Arrays.stream(tokens).max().orElse(0);
        if (maxToken >= c.vocabSize()) {
            throw new StepperException(info.name() + " has a vocabulary of " + c.vocabSize() + " tokens; this "
                    + puzzle.kind().name().toLowerCase() + " puzzle needs " + (maxToken + 1)
                    + ": load a model trained on this kind of puzzle");
        }
        if (c.seqLen() > 0 && c.seqLen() != tokens.length) {
            throw new StepperException(info.name() + " was trained on " + c.seqLen() + " cells; the puzzle has "
                    + tokens.length);
        }
        HrmConfig run = c.withSeqLen(tokens.length).withCycles(settings.hCycles(), settings.lCycles(),
                settings.maxSegments());
        if (device == null) {
            useDevice("auto");
        }
        closeModel();
        try {
            model = device.open(run, active.weights());
        } catch (DeviceUnavailableException e) {
            throw new StepperException(e.getMessage() + " (choose cpu under Device to go on)");
        }
        stepper = new HrmStepper(model, tokens, active.puzzleIdFor(puzzle.name()), settings.maxSegments());
        stepper.setReadout(settings.decodeMode().readout());
        recorded = 1;
        halted = false;
        if (userModel == null) {
            ranOn = active;
            ranOnOwn = info.defaults();
        }
        return frame(stepper.initialSnapshot());
    }

    /**
     * {@inheritDoc} Until a checkpoint is loaded, a puzzle that goes to another shipped model than the last run's
     * runs with that model's own cycles and most segments, unless the settings given differ from the last model's own
     * (the user's overrides stay).
     */
    @Override
    public InferenceSettings settings() {
        return settings;
    }

    @Override
    public StepResult step(StepAction action) {
        requireRun();
        if (stepper.updatesDone() != recorded - 1) {
            stepper.seek(recorded - 2);
        }
        List<LabFrame> frames = new ArrayList<>();
        LabFrame last = null;
        while (!halted && stepper.nextKind() != null) {
            StepSnapshot s = stepper.step();
            recorded++;
            halted = (settings.qHalting() && s.endsSegment() && s.wantsToHalt()) || stepper.nextKind() == null;
            last = frame(s);
            frames.add(last.lite());
            boolean done = switch (action) {
                case L_UPDATE -> true;
                case H_UPDATE -> s.kind() == org.hrmlab.engine.step.UpdateKind.H;
                case SEGMENT -> s.endsSegment();
            };
            if (done) {
                break;
            }
        }
        return new StepResult(frames, last == null ? seek(recorded - 1) : last);
    }

    @Override
    public boolean halted() {
        return halted;
    }

    @Override
    public int recordedCount() {
        return recorded;
    }

    @Override
    public LabFrame seek(int index) {
        requireRun();
        if (index < 0 || index >= recorded) {
            throw new StepperException("update " + index + " is not recorded (0.." + (recorded - 1) + ")");
        }
        if (index == 0) {
            return frame(stepper.initialSnapshot());
        }
        return frame(stepper.seek(index - 1));
    }

    @Override
    public void close() {
        closeModel();
    }

    private void closeModel() {
        if (model != null) {
            model.close();
            model = null;
            stepper = null;
        }
    }

    private void requireRun() {
        if (stepper == null) {
            throw new StepperException("no puzzle loaded");
        }
    }

    private LabFrame frame(StepSnapshot s) {
        CellGrid decoded = LabPuzzleTokens.decode(puzzle, s.shownPredicted());
        float[] confidence = LabPuzzleTokens.atCells(puzzle, decoded, s.shownConfidence());
        CellChange change = s.kind() == null ? CellChange.NONE
                : CellChange.of(LabPuzzleTokens.atCells(puzzle, decoded, s.positionChange()));
        UpdateKind kind = s.kind() == null ? UpdateKind.INIT
                : s.kind() == org.hrmlab.engine.step.UpdateKind.L ? UpdateKind.L : UpdateKind.H;
        int index = s.index() + 1;
        boolean isHalted = index == recorded - 1 && halted;
        return new LabFrame(index, kind, s.kind() == null ? 0 : s.segment() + 1,
                s.kind() == null ? 0 : s.hCycle() + 1, s.lStep() < 0 ? 0 : s.lStep() + 1, decoded, confidence,
                change, new HeatmapData(s.positions(), s.hidden(), s.zL()),
                new HeatmapData(s.positions(), s.hidden(), s.zH()),
                kind == UpdateKind.L ? s.changeL() : Double.NaN, kind == UpdateKind.H ? s.changeH() : Double.NaN,
                s.endsSegment() ? s.qHalt() : Double.NaN, s.endsSegment() ? s.qContinue() : Double.NaN,
                s.endsSegment(), isHalted, verdict(decoded));
    }

    private Verdict verdict(CellGrid decoded) {
        if (!puzzle.hasAnswer()) {
            return Verdict.UNKNOWN;
        }
        CellGrid answer = puzzle.answer();
        boolean right = answer.rows() == decoded.rows() && answer.cols() == decoded.cols()
                && Arrays.equals(answer.cells(), decoded.cells());
        return right ? Verdict.RIGHT : Verdict.WRONG;
    }

    private static ModelInfo infoOf(ModelCheckpoint m, String name) {
        HrmConfig c = m.config();
        return new ModelInfo(name, DefaultModels.describe(m.source()), c.hiddenSize(), c.puzzleEmbLen(),
                new InferenceSettings(c.hCycles(), c.lCycles(), c.haltMaxSteps(), true, DecodeMode.DIRECT), m.sha256(),
                ModelInputs.of(m).named(name), c.family());
    }
}
