package org.hrmlab.app.inspector;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;

import org.hrmlab.app.engine.StepAction;

/** The inspector's transport row: stepping, run to halt, stop, play/pause and speed. */
public final class StepControls extends HBox {
    private final InspectorViewModel vm;
    public StepControls(InspectorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("step-controls");
        setSpacing(6);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        createView();
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
        play.setMinWidth(USE_PREF_SIZE);
        play.setFocusTraversable(false);
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

        var spacer = new javafx.scene.layout.Pane();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(back, stepL, stepH, stepSegment, halt, stop, sep(), play, speed, speedLabel, spacer,
                new DeviceChooser(vm));
        for (var b : new Button[] {stepL, stepH, stepSegment, halt}) {
            b.disableProperty().bind(vm.busyProperty().or(vm.puzzleProperty().isNull()));
        }
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        var b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        b.setMinWidth(USE_PREF_SIZE);
        return b;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
