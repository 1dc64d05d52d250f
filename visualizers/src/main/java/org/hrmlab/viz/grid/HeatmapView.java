package org.hrmlab.viz.grid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Shows a {@link HeatmapData} as an image stretched over the region, one pixel per value, no smoothing.
 * The image shares a {@link PixelBuffer} with the view and is reused while the shape stays the same, so showing
 * already-mapped {@link HeatmapPixels} costs the FX thread one bulk copy, no per-pixel format conversion.
 */
public final class HeatmapView extends Region {
    private final ImageView imageView = new ImageView();
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    private float lastScale = Float.NaN;

    public HeatmapView() {
        getStyleClass().add("heatmap-view");
        imageView.setSmooth(false);
        imageView.setPreserveRatio(false);
        getChildren().add(imageView);
        setMinSize(40, 30);
    }

    /** Maps {@code data} to colours here and shows it; an empty map clears the view. Call on the FX thread. */
    public void show(HeatmapData data) {
        show(HeatmapPixels.of(data));
    }

    /** Shows pixels mapped elsewhere (off the FX thread); an empty map clears the view. Call on the FX thread. */
    public void show(HeatmapPixels p) {
        if (p.isEmpty()) {
            imageView.setImage(null);
            return;
        }
        if (buffer == null || buffer.getWidth() != p.cols() || buffer.getHeight() != p.rows()) {
            var ints = ByteBuffer.allocateDirect(p.argb().length * Integer.BYTES).order(ByteOrder.nativeOrder())
                    .asIntBuffer();
            buffer = new PixelBuffer<>(p.cols(), p.rows(), ints, PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        lastScale = p.scale();
        buffer.updateBuffer(b -> {
            // The colour map is opaque, so straight ARGB equals premultiplied ARGB.
            b.getBuffer().clear();
            b.getBuffer().put(p.argb());
            return null;
        });
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
