package org.hrmlab.app.inspector;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** Chooses the board's heat overlay: none, state change or confidence (one segmented row of toggles). */
public final class OverlayChooser extends HBox {
    private final ObjectProperty<OverlayLayer> layer;
    private final ToggleGroup group = new ToggleGroup();

    public OverlayChooser(ObjectProperty<OverlayLayer> layer) {
        this.layer = layer;
        getStyleClass().add("overlay-chooser");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(0);
        setPadding(new Insets(6, 10, 0, 12));
        createView();
    }

    private void createView() {
        var title = new Label("Overlay  ");
        title.getStyleClass().add("panel-title");
        getChildren().addAll(title,
                toggle(OverlayLayer.NONE, Styles.LEFT_PILL, "The board alone"),
                toggle(OverlayLayer.STATE_CHANGE, Styles.CENTER_PILL, "How far each cell's state moved at this "
                        + "update: \u2016z\u209c \u2212 z\u209c\u208b\u2081\u2016 over the hidden axis, for zL at an "
                        + "L-update and zH at an H-update; scaled to the largest so far in this run"),
                toggle(OverlayLayer.CONFIDENCE, Styles.RIGHT_PILL, "The probability (softmax) of each cell's "
                        + "decoded token"));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            } else {
                layer.set((OverlayLayer) now.getUserData());
            }
        });
        layer.addListener((o, was, now) -> select(now));
        select(layer.get());
    }

    private ToggleButton toggle(OverlayLayer value, String pill, String tip) {
        var b = new ToggleButton(value.label());
        b.setId("overlay-" + value.cliName());
        b.setUserData(value);
        b.setToggleGroup(group);
        b.setFocusTraversable(false);
        b.getStyleClass().addAll(pill, Styles.SMALL);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void select(OverlayLayer value) {
        for (var t : group.getToggles()) {
            if (t.getUserData() == value && !t.isSelected()) {
                group.selectToggle(t);
            }
        }
    }
}
