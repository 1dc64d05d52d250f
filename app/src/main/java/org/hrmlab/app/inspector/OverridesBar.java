package org.hrmlab.app.inspector;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.StateNames;

/** The inspector's top bar: the model and puzzle in use, the decode mode and the inference overrides. */
public final class OverridesBar extends ToolBar {
    private final InspectorViewModel vm;
    private final Spinner<Integer> hCycles = spinner(1, 16, "h-cycles");
    private final Spinner<Integer> lCycles = spinner(1, 16, "l-cycles");
    private final Spinner<Integer> maxSegments = spinner(1, 64, "max-segments");
    private final CheckBox qHalting = new CheckBox("Q-halting");
    private final ComboBox<DecodeMode> decode = new ComboBox<>();
    private final Label model = new Label();

    public OverridesBar(InspectorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("overrides-bar");
        createView();
        bindViewModel();
    }

    private void createView() {
        model.setId("model-label");
        model.getStyleClass().add("model-label");
        decode.getItems().setAll(DecodeMode.values());
        decode.setId("decode-mode");
        showDecodeNames(StateNames.HRM);
        qHalting.setId("q-halting");
        qHalting.setTooltip(new Tooltip("Halt when the Q head says so (q_halt > q_continue; q_halt > 0 for a TRM); "
                + "otherwise run all segments"));
        var rerun = new Button("Rerun");
        rerun.setId("rerun-button");
        rerun.setTooltip(new Tooltip("Rerun the puzzle to its halt with these overrides"));
        rerun.setOnAction(e -> applyOverrides());
        rerun.setMinWidth(USE_PREF_SIZE);
        var spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(model, spacer, new Label("Decode"), decode, new Separator(Orientation.VERTICAL),
                new Label("H cycles"), hCycles, new Label("L cycles"), lCycles, new Label("max segments"),
                maxSegments, qHalting, rerun);
    }

    private void bindViewModel() {
        vm.settingsProperty().addListener((o, was, now) -> showSettings(now));
        vm.modelProperty().addListener((o, was, now) -> showModel());
        vm.puzzleProperty().addListener((o, was, now) -> showModel());
        showSettings(vm.getSettings());
        showModel();
        decode.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.getSettings().decodeMode()) {
                vm.setDecodeMode(now);
            }
        });
    }

    /** Labels the decode modes with the model's state names (TRM: {@code Answer (y)}, {@code Latent (z)}). */
    private void showDecodeNames(StateNames names) {
        decode.setConverter(new StringConverter<>() {
            @Override
            public String toString(DecodeMode m) {
                return m == null ? "" : m.label(names);
            }

            @Override
            public DecodeMode fromString(String s) {
                return DecodeMode.DIRECT;
            }
        });
        var tip = new StringBuilder();
        for (DecodeMode m : DecodeMode.values()) {
            tip.append(tip.isEmpty() ? "" : "\n").append(m.label(names)).append(": ").append(m.formula(names));
        }
        decode.setTooltip(new Tooltip(tip.toString()));
        var shown = decode.getValue();
        decode.setValue(null);
        decode.setValue(shown);
    }

    private void showModel() {
        var m = vm.modelProperty().get();
        showDecodeNames(m == null ? StateNames.HRM : m.stateNames());
        var p = vm.getPuzzle();
        model.setText((m == null ? "no model" : m.name()) + (p == null ? "" : "  \u00b7  " + p.name()));
        model.setTooltip(new Tooltip(m == null ? "" : m.source()));
    }

    private void showSettings(InferenceSettings s) {
        hCycles.getValueFactory().setValue(s.hCycles());
        lCycles.getValueFactory().setValue(s.lCycles());
        maxSegments.getValueFactory().setValue(s.maxSegments());
        qHalting.setSelected(s.qHalting());
        decode.setValue(s.decodeMode());
    }

    private void applyOverrides() {
        vm.applySettings(new InferenceSettings(hCycles.getValue(), lCycles.getValue(), maxSegments.getValue(),
                qHalting.isSelected(), decode.getValue() == null ? DecodeMode.DIRECT : decode.getValue()));
    }

    private static Spinner<Integer> spinner(int min, int max, String id) {
        var s = new Spinner<Integer>(min, max, min);
        s.setId(id);
        s.setPrefWidth(74);
        s.setMinWidth(74);
        s.setEditable(true);
        return s;
    }
}
