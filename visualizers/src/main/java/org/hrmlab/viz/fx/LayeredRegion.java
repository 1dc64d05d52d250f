package org.hrmlab.viz.fx;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A region whose children are stacked, full-size drawing layers (canvases), so that a view can repaint one layer (a
 * cursor, grid lines) without redrawing the others.
 */
public abstract class LayeredRegion extends Region {
    private final double prefWidth;
    private final double prefHeight;

    /** @param prefWidth preferred width; @param prefHeight preferred height (minimum 10 x 10) */
    protected LayeredRegion(double prefWidth, double prefHeight) {
        this.prefWidth = prefWidth;
        this.prefHeight = prefHeight;
    }

    /** Adds the layers, bottom first. */
    protected final void addLayers(Node... layers) {
        getChildren().addAll(layers);
    }

    @Override
    protected void layoutChildren() {
        for (Node layer : getChildren()) {
            layer.relocate(0, 0);
            layer.resize(getWidth(), getHeight());
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return prefWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeight;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 10;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 10;
    }
}
