package org.hrmlab.viz.grid;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Shows a {@link HeatmapData} as an image stretched over the region, one pixel per value, no smoothing.
 * The image is reused while the shape stays the same.
 */
public final class HeatmapView extends Region {
    private final ImageView imageView = new ImageView();
    private WritableImage image;
    private int[] pixels = new int[0];
    private float lastScale = Float.NaN;

    public HeatmapView() {
        getStyleClass().add("heatmap-view");
        imageView.setSmooth(false);
        imageView.setPreserveRatio(false);
        getChildren().add(imageView);
        setMinSize(40, 30);
    }

    /** Shows {@code data}; an empty map clears the view. Call on the FX thread. */
    public void show(HeatmapData data) {
        if (data.isEmpty()) {
            imageView.setImage(null);
            return;
        }
        if (image == null || (int) image.getWidth() != data.cols() || (int) image.getHeight() != data.rows()) {
            image = new WritableImage(data.cols(), data.rows());
            pixels = new int[data.rows() * data.cols()];
        }
        float[] values = data.valuesView();
        lastScale = HeatmapColors.robustScale(values);
        HeatmapColors.toArgb(values, lastScale, pixels);
        image.getPixelWriter().setPixels(0, 0, data.cols(), data.rows(), PixelFormat.getIntArgbInstance(), pixels, 0,
                data.cols());
        imageView.setImage(image);
    }

    /** Shows pixels mapped elsewhere (off the FX thread); an empty map clears the view. Call on the FX thread. */
    public void show(HeatmapPixels p) {
        if (p.isEmpty()) {
            imageView.setImage(null);
            return;
        }
        if (image == null || (int) image.getWidth() != p.cols() || (int) image.getHeight() != p.rows()) {
            image = new WritableImage(p.cols(), p.rows());
            pixels = new int[0];
        }
        lastScale = p.scale();
        image.getPixelWriter().setPixels(0, 0, p.cols(), p.rows(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.cols());
        imageView.setImage(image);
    }

    /** The colour scale (value mapped to full red) of the last map shown. */
    public float lastScale() {
        return lastScale;
    }

    @Override
    protected void layoutChildren() {
        var in = getInsets();
        imageView.setLayoutX(in.getLeft());
        imageView.setLayoutY(in.getTop());
        imageView.setFitWidth(Math.max(1, getWidth() - in.getLeft() - in.getRight()));
        imageView.setFitHeight(Math.max(1, getHeight() - in.getTop() - in.getBottom()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 140;
    }
}
