package org.hrmlab.app.inspector;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.StepAction;

/** The inspector's tool bar: stepping, playback, decode mode and the inference overrides. */
public final class StepControls extends ToolBar {
    private final InspectorViewModel vm;
    private final Spinner<Integer> hCycles = spinner(1, 16);
    private final Spinner<Integer> lCycles = spinner(1, 16);
    private final Spinner<Integer> maxSegments = spinner(1, 64);
    private final CheckBox qHalting = new CheckBox("Q-halt");
    private final ComboBox<DecodeMode> decode = new ComboBox<>();

    public StepControls(InspectorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("step-controls");
        createView();
        bindViewModel();
    }

    private void createView() {
        var back = button("\u25C0", "back-button", "Back one update (\u2190; Shift: H-update, Ctrl: segment)",
                () -> vm.back(StepAction.L_UPDATE));
        var stepL = button("L \u25B6", "step-l-button", "One L-update (\u2192)", () -> vm.forward(StepAction.L_UPDATE));
        var stepH = button("H \u25B6", "step-h-button", "To the next H-update (Shift+\u2192)",
                () -> vm.forward(StepAction.H_UPDATE));
        var stepSegment = button("Segment \u25B6\u25B6", "step-segment-button", "To the end of the segment (Ctrl+\u2192)",
                () -> vm.forward(StepAction.SEGMENT));
        var halt = button("Run to halt", "run-button", "Run segments until the model halts", vm::runToHalt);
        halt.getStyleClass().add(Styles.ACCENT);
        var stop = button("\u25A0", "stop-button", "Stop running and playing", vm::stop);
        var play = new ToggleButton("\u25B6 Play");
        play.setId("play-button");
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.selectedProperty().bindBidirectional(vm.playingProperty());
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("\u275A\u275A Pause").otherwise("\u25B6 Play"));
        var speed = new Slider(1, 60, vm.speedProperty().get());
        speed.setId("speed-slider");
        speed.setPrefWidth(90);
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.setTooltip(new Tooltip("Playback speed, updates per second"));
        var speedLabel = new Label();
        speedLabel.textProperty().bind(Bindings.format("%.0f/s", vm.speedProperty()));
        speedLabel.setMinWidth(34);

        decode.getItems().setAll(DecodeMode.values());
        decode.setId("decode-mode");
        decode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DecodeMode m) {
                return m == null ? "" : m.label();
            }

            @Override
            public DecodeMode fromString(String s) {
                return DecodeMode.DIRECT;
            }
        });
        decode.setTooltip(new Tooltip("Direct: argmax(lm_head(zH)); Paper Fig. 7: one preliminary H-update first"));
        hCycles.setId("h-cycles");
        lCycles.setId("l-cycles");
        maxSegments.setId("max-segments");
        qHalting.setId("q-halting");
        var rerun = button("Rerun", "rerun-button", "Rerun the puzzle with these overrides", this::applyOverrides);
        getItems().addAll(back, stepL, stepH, stepSegment, halt, stop, sep(), play, speed, speedLabel, sep(),
                new Label("Decode"), decode, sep(), new Label("H"), hCycles, new Label("L"), lCycles,
                new Label("segments \u2264"), maxSegments, qHalting, rerun);
        for (var b : new Button[] {stepL, stepH, stepSegment, halt}) {
            b.disableProperty().bind(vm.busyProperty().or(vm.puzzleProperty().isNull()));
        }
    }

    private void bindViewModel() {
        vm.settingsProperty().addListener((o, was, now) -> showSettings(now));
        showSettings(vm.getSettings());
        decode.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.getSettings().decodeMode()) {
                vm.setDecodeMode(now);
            }
        });
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

    private static Spinner<Integer> spinner(int min, int max) {
        var s = new Spinner<Integer>(min, max, min);
        s.setPrefWidth(68);
        s.setEditable(true);
        return s;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        var b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
