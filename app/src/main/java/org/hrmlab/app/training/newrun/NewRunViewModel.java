package org.hrmlab.app.training.newrun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.hrmlab.app.training.DeviceChoice;
import org.hrmlab.app.training.TrainingViewModel;
import org.hrmlab.engine.train.DatasetException;
import org.hrmlab.engine.train.TrainingConfig;
import org.hrmlab.puzzles.PuzzleKind;

/**
 * "New training run": choose the puzzles (kind, size, difficulty, how many), a model preset, the device and the run's
 * length; the lab makes the dataset and writes the config into a new run folder off the FX thread, shows the config as
 * fields checked by the config reader on every edit, and starts the run through the training screen's child process.
 */
public final class NewRunViewModel {
    /** Where the wizard is. */
    public enum Phase {
        /** The user chooses puzzles, model and length. */
        CHOOSING,
        /** The dataset is being made and the config written. */
        GENERATING,
        /** The config is written and can be edited before the start. */
        EDITING,
        /** The run was handed to the training screen. */
        STARTED
    }

    // Properties

    private final ObjectProperty<PuzzleKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> size = new SimpleObjectProperty<>();
    private final StringProperty difficulty = new SimpleStringProperty();
    private final ObjectProperty<Integer> trainCount = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> testCount = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> augment = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelPreset> preset = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> maxSteps = new SimpleObjectProperty<>(0);
    private final ObjectProperty<Path> runsFolder = new SimpleObjectProperty<>(
            Path.of(System.getProperty("user.home"), "hrmlab-runs"));
    private final StringProperty runName = new SimpleStringProperty();
    private final ObservableList<Integer> sizes = FXCollections.observableArrayList();
    private final ObservableList<String> difficulties = FXCollections.observableArrayList();
    private final List<ModelPreset> presets = ModelPreset.all();
    private final ReadOnlyObjectWrapper<KindWording> wording = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CHOOSING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> runFolder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConfigSheet> sheet = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sheetProblem = new ReadOnlyStringWrapper("");

    private final TrainingViewModel training;
    private final Executor background;
    private final Executor fx;

    /**
     * @param training   the training screen, which runs the started config as a child process
     * @param background where the dataset is made and files are written (not the FX thread)
     * @param fx         where results are applied ({@code Platform::runLater})
     */
    public NewRunViewModel(TrainingViewModel training, Executor background, Executor fx) {
        this.training = Objects.requireNonNull(training, "training");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        kind.addListener((o, was, now) -> kindChosen(now));
        preset.addListener((o, was, now) -> epochs.set(now == null ? null : now.epochs()));
        size.addListener((o, was, now) -> runName.set(recipe().name()));
        difficulty.addListener((o, was, now) -> runName.set(recipe().name()));
        kind.set(PuzzleKind.SUDOKU);
    }

    public ObjectProperty<PuzzleKind> kindProperty() {
        return kind;
    }

    /** Sudoku: 4, 6 or 9; maze: the side; ARC: the canvas side. */
    public ObjectProperty<Integer> sizeProperty() {
        return size;
    }

    /** A generator preset; unused for ARC. */
    public StringProperty difficultyProperty() {
        return difficulty;
    }

    /** Training puzzles (ARC: tasks). */
    public ObjectProperty<Integer> trainCountProperty() {
        return trainCount;
    }

    /** Test puzzles (ARC: held-out tasks). */
    public ObjectProperty<Integer> testCountProperty() {
        return testCount;
    }

    /** Augmentations; what they are depends on the kind ({@link #wordingProperty()}). */
    public ObjectProperty<Integer> augmentProperty() {
        return augment;
    }

    public ObjectProperty<ModelPreset> presetProperty() {
        return preset;
    }

    /** Where the run trains: the training screen's choice, which its resume uses too. */
    public ObjectProperty<DeviceChoice> deviceProperty() {
        return training.deviceProperty();
    }

    public ObjectProperty<Integer> epochsProperty() {
        return epochs;
    }

    /** Stop after this many steps; 0 runs the whole schedule. */
    public ObjectProperty<Integer> maxStepsProperty() {
        return maxSteps;
    }

    /** The folder that holds the run folders (default {@code ~/hrmlab-runs}). */
    public ObjectProperty<Path> runsFolderProperty() {
        return runsFolder;
    }

    /** The run folder's name; a taken name gets {@code -2}, {@code -3}, ... */
    public StringProperty runNameProperty() {
        return runName;
    }

    /** The sizes of the chosen kind. */
    public ObservableList<Integer> sizes() {
        return sizes;
    }

    /** The difficulties of the chosen kind (none for ARC). */
    public ObservableList<String> difficulties() {
        return difficulties;
    }

    public List<ModelPreset> presets() {
        return presets;
    }

    /** What the counts and augmentations mean for the chosen kind. */
    public ReadOnlyObjectProperty<KindWording> wordingProperty() {
        return wording.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase getPhase() {
        return phase.get();
    }

    /** One line: what is happening, what was made, or what went wrong ({@link #failedProperty()}). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The commands that made the dataset, as one would type them, and the notes they printed. */
    public ObservableList<String> log() {
        return log;
    }

    /** The run folder that was made (null before). */
    public ReadOnlyObjectProperty<Path> runFolderProperty() {
        return runFolder.getReadOnlyProperty();
    }

    /** The written config as editable fields (null before it is written). */
    public ReadOnlyObjectProperty<ConfigSheet> sheetProperty() {
        return sheet.getReadOnlyProperty();
    }

    /** The config reader's line for the sheet as edited; empty while it reads. */
    public ReadOnlyStringProperty sheetProblemProperty() {
        return sheetProblem.getReadOnlyProperty();
    }

    /** @return the dataset the form describes */
    public DatasetRecipe recipe() {
        return new DatasetRecipe(kind.get(), orZero(size.get()), difficulty.get() == null ? "" : difficulty.get(),
                orZero(trainCount.get()), orZero(testCount.get()), orZero(augment.get()));
    }

    // Commands

    /** Makes the dataset and writes the config in a new run folder, off the FX thread. */
    public void generate() {
        if (phase.get() == Phase.GENERATING) {
            return;
        }
        DatasetRecipe recipe = recipe();
        ModelPreset model = preset.get();
        int length = orZero(epochs.get());
        long stopAfter = orZero(maxSteps.get());
        Path folder = runsFolder.get();
        String name = runName.get() == null ? "" : runName.get().strip();
        try {
            recipe.check();
            checkRun(model, length, stopAfter, folder, name);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        phase.set(Phase.GENERATING);
        failed.set(false);
        message.set("Making the dataset\u2026");
        log.clear();
        sheet.set(null);
        background.execute(() -> {
            try {
                Path run = RunFolders.fresh(folder, name);
                List<String> notes = DatasetMaker.make(recipe, run, line -> fx.execute(() -> ran(line)));
                Path file = run.resolve("config.yaml");
                TrainingConfig config = model.config(file, run.resolve("data"), length, stopAfter);
                config.write(file);
                ConfigSheet written = ConfigSheet.of(config, file);
                fx.execute(() -> written(run, written, notes));
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> {
                    phase.set(Phase.CHOOSING);
                    fail(oneLine(e));
                });
            }
        });
    }

    /** Back to the choices; the run folder made so far stays on disk. */
    public void back() {
        if (phase.get() == Phase.EDITING || phase.get() == Phase.STARTED) {
            phase.set(Phase.CHOOSING);
            sheet.set(null);
            sheetProblem.set("");
            failed.set(false);
            message.set("");
            log.clear();
            runName.set(recipe().name());
        }
    }

    /**
     * Writes the edited config and starts the run in the training screen. A config the reader refuses is not
     * started: its line is in {@link #sheetProblemProperty()}.
     */
    public void start() {
        ConfigSheet s = sheet.get();
        if (phase.get() != Phase.EDITING || s == null) {
            return;
        }
        if (training.isActive()) {
            fail("a training run is still going: stop it before starting another");
            return;
        }
        TrainingConfig config;
        try {
            config = s.check();
        } catch (DatasetException e) {
            sheetProblem.set(e.getMessage());
            fail(e.getMessage());
            return;
        }
        Path run = runFolder.get();
        background.execute(() -> {
            try {
                config.write(s.file());
                fx.execute(() -> {
                    training.configProperty().set(s.file());
                    training.outDirProperty().set(run);
                    training.start();
                    phase.set(Phase.STARTED);
                    failed.set(false);
                    message.set("Started: " + s.file());
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> fail("cannot write " + s.file() + ": " + oneLine(e)));
            }
        });
    }

    // Internals

    private void kindChosen(PuzzleKind k) {
        DatasetRecipe d = DatasetRecipe.defaults(k);
        sizes.setAll(DatasetRecipe.sizes(k));
        difficulties.setAll(DatasetRecipe.difficulties(k));
        wording.set(KindWording.of(k));
        size.set(d.size());
        difficulty.set(k == PuzzleKind.ARC ? null : d.difficulty());
        trainCount.set(d.train());
        testCount.set(d.test());
        augment.set(d.augment());
        preset.set(presets.stream().filter(p -> p.name().startsWith(k.id())).findFirst()
                .orElse(presets.get(presets.size() - 1)));
        runName.set(d.name());
    }

    private static void checkRun(ModelPreset model, int length, long stopAfter, Path folder, String name) {
        if (model == null) {
            throw new IllegalArgumentException("choose a model preset");
        }
        if (length < 1 || stopAfter < 0) {
            throw new IllegalArgumentException("the run needs at least one epoch, and steps of 0 (all) or more");
        }
        if (folder == null || name.isEmpty()) {
            throw new IllegalArgumentException("choose a runs folder and a run name");
        }
        if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("run name '" + name + "': a plain folder name, without / or \\");
        }
    }

    private void ran(String commandLine) {
        log.add(commandLine);
        message.set("Running " + commandLine);
    }

    private void written(Path run, ConfigSheet written, List<String> notes) {
        log.addAll(notes);
        runFolder.set(run);
        runName.set(run.getFileName().toString());
        for (ConfigField f : written.fields()) {
            f.valueProperty().addListener((o, was, now) -> recheck());
        }
        sheet.set(written);
        sheetProblem.set("");
        phase.set(Phase.EDITING);
        failed.set(false);
        message.set("Dataset in " + run.resolve("data") + "; config in " + written.file()
                + ". Check the fields, then Start.");
    }

    private void recheck() {
        ConfigSheet s = sheet.get();
        try {
            if (s != null) {
                s.check();
            }
            sheetProblem.set("");
        } catch (DatasetException e) {
            sheetProblem.set(e.getMessage());
        }
    }

    private void fail(String line) {
        failed.set(true);
        message.set(line);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
