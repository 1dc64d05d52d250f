package org.hrmlab.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.hrmlab.app.shell.ThemeModel;
import org.hrmlab.app.training.newrun.NewRunView;
import org.hrmlab.app.training.newrun.NewRunViewModel;
import org.hrmlab.engine.train.TrainingEvent;
import org.hrmlab.viz.fx.SeriesPlot;

/**
 * The training screen: choose config, folder and device, start/stop/resume the child run, watch its progress (step / total,
 * a progress bar and the ETA) and curves; or "New training run…", which makes the dataset and config first
 * ({@link NewRunView}) and starts the run here.
 */
public final class TrainingView extends BorderPane {
    private final TrainingViewModel vm;
    private final NewRunViewModel newRun;
    private final ThemeModel theme;
    private final SeriesPlot lossPlot = new SeriesPlot();
    private final SeriesPlot accuracyPlot = new SeriesPlot();
    private final TextField configField = new TextField();
    private final TextField outField = new TextField();
    private final HBox plots = new HBox(12, lossPlot, accuracyPlot);
    private VBox controls;
    private NewRunView newRunView;

    /**
     * @param vm     the run
     * @param newRun the "New training run" wizard, which hands its run to {@code vm}
     * @param theme  the plots' colours
     */
    public TrainingView(TrainingViewModel vm, NewRunViewModel newRun, ThemeModel theme) {
        this.vm = vm;
        this.newRun = newRun;
        this.theme = theme;
        getStyleClass().add("training-view");
        createView();
        bindViewModel();
    }

    private void createView() {
        configField.setId("train-config");
        outField.setId("train-out");
        configField.setPromptText("training config (YAML)");
        outField.setPromptText("run folder");
        var browseConfig = new Button("Browse\u2026");
        browseConfig.setOnAction(e -> chooseConfig());
        var browseOut = new Button("Browse\u2026");
        browseOut.setOnAction(e -> chooseOut());
        var form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Config"), configField, browseConfig);
        form.addRow(1, new Label("Output folder"), outField, browseOut);
        form.addRow(2, new Label("Device"), new DeviceChoiceBox(vm.deviceProperty(), "train-device"));
        GridPane.setHgrow(configField, Priority.ALWAYS);
        GridPane.setHgrow(outField, Priority.ALWAYS);

        var newRunButton = button("New training run\u2026", "train-new", this::showNewRun);
        var start = button("Start", "train-start", vm::start);
        start.getStyleClass().add(Styles.ACCENT);
        var stop = button("Stop", "train-stop", vm::stop);
        stop.getStyleClass().add(Styles.DANGER);
        var resume = button("Resume", "train-resume", vm::resume);
        var openLatest = button("Open newest checkpoint", "train-open-latest", vm::openLatestCheckpoint);
        var openOther = button("Open checkpoint\u2026", "train-open", this::chooseCheckpoint);
        var active = Bindings.createBooleanBinding(vm::isActive, vm.stateProperty());
        start.disableProperty().bind(active);
        newRunButton.disableProperty().bind(active);
        resume.disableProperty().bind(active);
        stop.disableProperty().bind(active.not());
        openLatest.disableProperty().bind(vm.latestCheckpointProperty().isNull());
        var buttons = new HBox(8, newRunButton, start, stop, resume, openLatest, openOther);
        buttons.setAlignment(Pos.CENTER_LEFT);

        var progress = new ProgressBar();
        progress.setId("train-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.stateProperty().isNotEqualTo(TrainingViewModel.State.IDLE));
        HBox.setHgrow(progress, Priority.ALWAYS);
        var eta = new Label();
        eta.setId("train-eta");
        eta.textProperty().bind(vm.etaProperty());
        eta.setMinWidth(110);
        var state = new Label();
        state.setId("train-state");
        state.getStyleClass().add(Styles.TEXT_BOLD);
        state.textProperty().bind(Bindings.convert(vm.stateProperty()));
        state.setMinWidth(90);
        var progressRow = new HBox(10, state, progress, eta);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        var status = new Label();
        status.setId("train-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        vm.stateProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("crashed"), now == TrainingViewModel.State.CRASHED));
        status.getStyleClass().add("train-status");

        controls = new VBox(10, form, buttons, progressRow, status);
        controls.setPadding(new Insets(16));
        setTop(controls);
        lossPlot.setTitle("Loss (log)");
        lossPlot.setLogY(true);
        accuracyPlot.setTitle("Accuracy (train window; eval dots)");
        HBox.setHgrow(lossPlot, Priority.ALWAYS);
        HBox.setHgrow(accuracyPlot, Priority.ALWAYS);
        plots.setPadding(new Insets(0, 16, 16, 16));
        setCenter(plots);
        newRun.phaseProperty().addListener((o, was, now) -> {
            if (now == NewRunViewModel.Phase.STARTED) {
                showRun();
            }
        });
    }

    private void showNewRun() {
        if (newRun.getPhase() == NewRunViewModel.Phase.STARTED) {
            newRun.back();
        }
        if (newRunView == null) {
            newRunView = new NewRunView(newRun, this::showRun);
        }
        setTop(null);
        setCenter(newRunView);
    }

    private void showRun() {
        setTop(controls);
        setCenter(plots);
    }

    private void bindViewModel() {
        bindPath(configField, vm.configProperty());
        bindPath(outField, vm.outDirProperty());
        vm.trainLines().addListener((ListChangeListener<TrainingEvent.Train>) c -> showCurves());
        vm.evalLines().addListener((ListChangeListener<TrainingEvent.Eval>) c -> showCurves());
        theme.gridThemeProperty().addListener((o, was, now) -> {
            lossPlot.setTheme(now);
            accuracyPlot.setTheme(now);
        });
        lossPlot.setTheme(theme.getGridTheme());
        accuracyPlot.setTheme(theme.getGridTheme());
        showCurves();
    }

    private static void bindPath(TextField field, javafx.beans.property.ObjectProperty<Path> property) {
        field.setText(property.get() == null ? "" : property.get().toString());
        property.addListener((o, was, now) -> {
            String text = now == null ? "" : now.toString();
            if (!text.equals(field.getText())) {
                field.setText(text);
            }
        });
        field.textProperty().addListener((o, was, now) -> property.set(now.isBlank() ? null : Path.of(now.strip())));
    }

    private void showCurves() {
        var train = vm.trainLines();
        var eval = vm.evalLines();
        lossPlot.setSeries(List.of(
                series("loss", 0, train, TrainingEvent.Train::step, TrainingEvent.Train::loss, false),
                series("lm_loss", 1, train, TrainingEvent.Train::step, TrainingEvent.Train::lmLoss, false),
                series("q_loss", 3, train, TrainingEvent.Train::step, TrainingEvent.Train::qLoss, false)));
        accuracyPlot.setSeries(List.of(
                series("exact", 2, train, TrainingEvent.Train::step, t -> orNaN(t.exactAccuracy()), false),
                series("token", 0, train, TrainingEvent.Train::step, t -> orNaN(t.tokenAccuracy()), false),
                series("eval exact", 4, eval, TrainingEvent.Eval::step, TrainingEvent.Eval::exactAccuracy, true)));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static <T> SeriesPlot.Series series(String name, int color, List<T> events, ToDoubleFunction<T> x,
                                                ToDoubleFunction<T> y, boolean points) {
        double[] xs = new double[events.size()];
        double[] ys = new double[events.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x.applyAsDouble(events.get(i));
            ys[i] = y.applyAsDouble(events.get(i));
        }
        return new SeriesPlot.Series(name, SeriesPlot.seriesColor(color), xs, ys, points);
    }

    private void chooseConfig() {
        var chooser = new FileChooser();
        chooser.setTitle("Training config");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        var f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.configProperty().set(f.toPath());
        }
    }

    private void chooseOut() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Run folder");
        var f = chooser.showDialog(getScene().getWindow());
        if (f != null) {
            vm.outDirProperty().set(f.toPath());
        }
    }

    private void chooseCheckpoint() {
        var chooser = new FileChooser();
        chooser.setTitle("Open checkpoint");
        var out = vm.outDirProperty().get();
        if (out != null && out.resolve("checkpoints").toFile().isDirectory()) {
            chooser.setInitialDirectory(out.resolve("checkpoints").toFile());
        }
        var f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.openCheckpoint(f.toPath());
        }
    }

    private static Button button(String text, String id, Runnable action) {
        var b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
