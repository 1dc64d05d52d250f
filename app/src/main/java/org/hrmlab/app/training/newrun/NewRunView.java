package org.hrmlab.app.training.newrun;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;

import org.hrmlab.app.training.DeviceChoiceBox;
import org.hrmlab.app.training.newrun.NewRunViewModel.Phase;
import org.hrmlab.puzzles.PuzzleKind;

/**
 * The "New training run" pane of the training screen: on the left the puzzles, model preset, device and length, and
 * the commands that made the dataset; on the right the written config as a ControlsFX {@link PropertySheet}, every
 * field with its explanation (on its name's tooltip, and below the sheet for the field being edited), and the config
 * reader's line for a bad edit.
 */
public final class NewRunView extends BorderPane {
    private static final String HELP_PROMPT = "Click into a field, or hover its name, to see what it does.";

    private final NewRunViewModel vm;
    private final Runnable onClose;
    private final PropertySheet sheet = new PropertySheet();
    private final Label help = new Label(HELP_PROMPT);

    /**
     * @param vm      the wizard
     * @param onClose called by Cancel (the training screen shows its curves again)
     */
    public NewRunView(NewRunViewModel vm, Runnable onClose) {
        this.vm = vm;
        this.onClose = onClose;
        getStyleClass().add("new-run-view");
        createView();
    }

    private void createView() {
        var choosing = Bindings.createBooleanBinding(() -> vm.getPhase() == Phase.CHOOSING, vm.phaseProperty());
        var form = form();
        form.disableProperty().bind(choosing.not());
        var generate = button("Make dataset and config", "newrun-generate", vm::generate);
        generate.getStyleClass().add(Styles.ACCENT);
        generate.disableProperty().bind(choosing.not());
        var cancel = button("Cancel", "newrun-cancel", onClose);
        var progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("newrun-progress");
        progress.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.GENERATING));
        var actions = new HBox(8, generate, cancel, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        var log = new ListView<>(vm.log());
        log.setId("newrun-log");
        log.setPrefHeight(110);
        var left = new VBox(10, title("1. Puzzles, model and length"), form, actions, log);
        left.setPadding(new Insets(0, 12, 0, 0));
        var scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(470);
        setLeft(scroll);
        setCenter(configPane());
        var message = new Label();
        message.setId("newrun-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, was, now) -> style(message, now));
        setBottom(message);
        BorderPane.setMargin(message, new Insets(8, 0, 0, 0));
        setPadding(new Insets(16));
    }

    private GridPane form() {
        var kind = new ChoiceBox<PuzzleKind>();
        kind.setId("newrun-kind");
        kind.getItems().setAll(PuzzleKind.values());
        kind.setConverter(converter(PuzzleKind::label));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        var size = new ComboBox<>(vm.sizes());
        size.setId("newrun-size");
        size.setConverter(converter(n -> n + "x" + n));
        size.valueProperty().bindBidirectional(vm.sizeProperty());
        var difficulty = new ChoiceBox<>(vm.difficulties());
        difficulty.setId("newrun-difficulty");
        difficulty.valueProperty().bindBidirectional(vm.difficultyProperty());
        difficulty.disableProperty().bind(Bindings.isEmpty(vm.difficulties()));
        var preset = new ComboBox<ModelPreset>();
        preset.setId("newrun-preset");
        preset.getItems().setAll(vm.presets());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        var presetText = wrapped(Bindings.createStringBinding(
                () -> vm.presetProperty().get() == null ? "" : vm.presetProperty().get().description(),
                vm.presetProperty()));
        var device = new DeviceChoiceBox(vm.deviceProperty(), "newrun-device");
        var folder = new TextField();
        folder.setId("newrun-folder");
        Bindings.bindBidirectional(folder.textProperty(), vm.runsFolderProperty(), converter(Path::toString,
                text -> text.isBlank() ? null : Path.of(text.strip())));
        var browse = button("Browse\u2026", "newrun-browse", this::chooseFolder);
        var name = new TextField();
        name.setId("newrun-name");
        name.textProperty().bindBidirectional(vm.runNameProperty());

        var grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        int row = 0;
        grid.add(wrapped(Bindings.createStringBinding(() -> vm.wordingProperty().get().hint(),
                vm.wordingProperty())), 0, row++, 3, 1);
        grid.addRow(row++, new Label("Puzzles"), kind);
        grid.addRow(row++, worded(KindWording::size), size);
        grid.addRow(row++, new Label("Difficulty"), difficulty);
        grid.addRow(row++, worded(KindWording::train), spinner("newrun-train", 1, 1_000_000, vm.trainCountProperty()));
        grid.addRow(row++, worded(KindWording::test), spinner("newrun-test", 1, 1_000_000, vm.testCountProperty()));
        grid.addRow(row++, worded(KindWording::augment), spinner("newrun-augment", 0, 10_000, vm.augmentProperty()));
        grid.addRow(row++, new Label("Model preset"), preset);
        grid.add(presetText, 1, row++, 2, 1);
        grid.addRow(row++, new Label("Device"), device);
        grid.addRow(row++, new Label("Epochs"), spinner("newrun-epochs", 1, 10_000_000, vm.epochsProperty()));
        grid.addRow(row++, new Label("Stop after steps"), spinner("newrun-max-steps", 0, Integer.MAX_VALUE,
                vm.maxStepsProperty()));
        grid.add(new Label("0 = all the epochs' steps"), 1, row++, 2, 1);
        grid.addRow(row++, new Label("Runs folder"), folder, browse);
        grid.addRow(row, new Label("Run name"), name);
        var labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        GridPane.setHgrow(folder, Priority.ALWAYS);
        return grid;
    }

    private VBox configPane() {
        sheet.setId("newrun-sheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setCategoryComparator(Comparator.comparingInt(ConfigFieldHelp.CATEGORIES::indexOf));
        sheet.setPropertyEditorFactory(item -> editor((ConfigFieldItem) item));
        vm.sheetProperty().addListener((o, was, now) -> {
            sheet.getItems().setAll(now == null ? List.of() : now.fields().stream().map(ConfigFieldItem::new).toList());
            help.setText(HELP_PROMPT);
        });
        VBox.setVgrow(sheet, Priority.ALWAYS);
        help.setId("newrun-help");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        var problem = new Label();
        problem.setId("newrun-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.sheetProblemProperty());
        BooleanBinding editing = vm.phaseProperty().isEqualTo(Phase.EDITING);
        var start = button("Start training", "newrun-start", vm::start);
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(editing.not().or(vm.sheetProblemProperty().isNotEmpty()));
        var back = button("Back", "newrun-back", vm::back);
        back.disableProperty().bind(editing.not());
        var buttons = new HBox(8, start, back);
        var pane = new VBox(10, title("2. The config, before the start"), sheet, help, problem, buttons);
        pane.disableProperty().bind(vm.sheetProperty().isNull());
        return pane;
    }

    private PropertyEditor<?> editor(ConfigFieldItem item) {
        ConfigField field = item.field();
        PropertyEditor<?> editor = switch (field.editor()) {
            case FLAG -> Editors.createCheckEditor(item);
            case CHOICE -> Editors.createChoiceEditor(item, field.choices());
            case TEXT -> Editors.createTextEditor(item);
        };
        Node node = editor.getEditor();
        node.setId("config-" + field.path().replace('.', '-'));
        node.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                help.setText(field.path() + ": " + field.description());
            }
        });
        return editor;
    }

    private void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Runs folder");
        Path current = vm.runsFolderProperty().get();
        if (current != null && current.toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toFile());
        }
        var chosen = chooser.showDialog(getScene().getWindow());
        if (chosen != null) {
            vm.runsFolderProperty().set(chosen.toPath());
        }
    }

    private Label worded(Function<KindWording, String> text) {
        var label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> text.apply(vm.wordingProperty().get()),
                vm.wordingProperty()));
        return label;
    }

    private static Spinner<Integer> spinner(String id, int min, int max,
                                            ObjectProperty<Integer> value) {
        var spinner = new Spinner<Integer>(min, max, value.get() == null ? min : value.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        return spinner;
    }

    private static Label wrapped(ObservableValue<String> text) {
        var label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private static Label title(String text) {
        var label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static void style(Label label, boolean failed) {
        label.getStyleClass().remove(Styles.DANGER);
        if (failed) {
            label.getStyleClass().add(Styles.DANGER);
        }
    }

    private static Button button(String text, String id, Runnable action) {
        var b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return converter(show, text -> {
            throw new UnsupportedOperationException("a choice is not typed");
        });
    }

    private static <T> StringConverter<T> converter(Function<T, String> show,
                                                    Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                return parse.apply(text);
            }
        };
    }
}
