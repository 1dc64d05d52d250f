package org.hrmlab.app.export;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.viz.grid.GridTheme;

/**
 * "Export animation": format, frames (all updates, H-updates or segment ends, within an update range), fps and DPI,
 * then a file or folder; shows progress and can cancel. The outcome goes to the lab's notices. FX thread.
 */
public final class AnimationDialog {
    private static final int DEFAULT_FPS = 4;

    private final AnimationSource source;
    private final GridTheme theme;
    private final AnimationExporter exporter;
    private final Notices notices;
    private final Stage stage = new Stage();
    private final ChoiceBox<AnimationFormat> format = new ChoiceBox<>();
    private final ChoiceBox<FrameFilter> filter = new ChoiceBox<>();
    private final Spinner<Integer> from;
    private final Spinner<Integer> to;
    /** The update range at a glance (ControlsFX); the spinners give exact values, and each follows the other. */
    private final org.controlsfx.control.RangeSlider range;
    private final Spinner<Integer> fps = new Spinner<>(1, (int) GifAnimationWriter.MAX_FPS, DEFAULT_FPS);
    private final ChoiceBox<Integer> dpi = new ChoiceBox<>();
    private final ChoiceBox<OverlayLayer> overlay = new ChoiceBox<>();
    private final Label count = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button export = new Button("Export\u2026");
    private final Button cancel = new Button("Close");
    private AnimationJob job;

    /**
     * A dialog over {@code owner} for exporting {@code source} drawn in {@code theme}; call {@link #show()}.
     */
    public AnimationDialog(Window owner, AnimationSource source, GridTheme theme, AnimationExporter exporter,
                           Notices notices) {
        this(owner, source, theme, OverlayLayer.NONE, exporter, notices);
    }

    /** As above, with the board overlay chosen at first ({@code overlayLayer}: the inspector's). */
    public AnimationDialog(Window owner, AnimationSource source, GridTheme theme, OverlayLayer overlayLayer,
                           AnimationExporter exporter, Notices notices) {
        this.source = source;
        this.theme = theme;
        this.exporter = exporter;
        this.notices = notices;
        int last = source.timeline().size() - 1;
        from = new Spinner<>(0, last, 0);
        to = new Spinner<>(0, last, last);
        range = new org.controlsfx.control.RangeSlider(0, Math.max(1, last), 0, Math.max(0, last));
        range.setId("animation-range");
        range.setPrefWidth(220);
        range.setBlockIncrement(1);
        range.lowValueProperty().addListener((o, was, now) -> {
            int v = (int) Math.round(now.doubleValue());
            if (from.getValue() != v) {
                from.getValueFactory().setValue(v);
            }
        });
        range.highValueProperty().addListener((o, was, now) -> {
            int v = (int) Math.round(now.doubleValue());
            if (to.getValue() != v) {
                to.getValueFactory().setValue(v);
            }
        });
        from.valueProperty().addListener((o, was, now) -> {
            if (Math.round(range.getLowValue()) != now) {
                range.setLowValue(now);
            }
        });
        to.valueProperty().addListener((o, was, now) -> {
            if (Math.round(range.getHighValue()) != now) {
                range.setHighValue(now);
            }
        });
        format.getItems().setAll(AnimationFormat.values());
        format.setValue(AnimationFormat.GIF);
        filter.getItems().setAll(FrameFilter.values());
        filter.setValue(FrameFilter.ALL);
        dpi.getItems().setAll(96, 150, 300);
        dpi.setValue(96);
        overlay.getItems().setAll(OverlayLayer.values());
        overlay.setValue(overlayLayer);
        overlay.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(OverlayLayer layer) {
                return layer == null ? "" : layer.label();
            }

            @Override
            public OverlayLayer fromString(String s) {
                return OverlayLayer.NONE;
            }
        });
        for (var s : new Spinner<?>[] {from, to, fps}) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        filter.valueProperty().addListener((o, was, now) -> updateCount());
        from.valueProperty().addListener((o, was, now) -> updateCount());
        to.valueProperty().addListener((o, was, now) -> updateCount());
        format.valueProperty().addListener((o, was, now) -> setRunning(job != null));
        setRunning(false);
        updateCount();
        export.setDefaultButton(true);
        export.setOnAction(e -> chooseAndExport());
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> cancelOrClose());
        progress.setMaxWidth(Double.MAX_VALUE);
        format.setId("animation-format");
        filter.setId("animation-frames");
        fps.setId("animation-fps");
        dpi.setId("animation-dpi");
        overlay.setId("animation-overlay");
        count.setId("animation-count");
        export.setId("animation-export");
        stage.setScene(new Scene(layout()));
        stage.setTitle("Export animation");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setOnCloseRequest(e -> cancelOrClose());
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    /** Opens the dialog (window-modal). */
    public void show() {
        stage.show();
    }

    /** The settings the controls hold now. */
    public AnimationSettings settings() {
        int a = from.getValue();
        int b = Math.max(a, to.getValue());
        return new AnimationSettings(format.getValue(), new FrameSelection(filter.getValue(), a, b), fps.getValue(),
                dpi.getValue(), theme, overlay.getValue());
    }

    /** Starts the export to {@code out} with the current settings (the Export button asks for {@code out}). */
    public AnimationJob exportTo(Path out) {
        job = exporter.start(source, settings(), out);
        var running = job;
        progress.setProgress(0);
        running.writtenProperty().addListener((o, was, now) -> progress.setProgress(now.doubleValue()
                / running.total()));
        setRunning(true);
        running.result().whenComplete((r, e) -> Platform.runLater(() -> finished(running, r, e)));
        return running;
    }

    private void finished(AnimationJob running, AnimationResult r, Throwable e) {
        if (job != running) {
            return;
        }
        job = null;
        setRunning(false);
        var cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause == null) {
            notices.info("Wrote " + r.frames() + " frames to " + r.output());
            stage.close();
        } else if (cause instanceof CancellationException) {
            progress.setProgress(0);
            notices.info("Animation export cancelled");
        } else {
            progress.setProgress(0);
            notices.error(running.output() + ": " + cause.getMessage());
        }
    }

    private void chooseAndExport() {
        Path out;
        if (format.getValue() == AnimationFormat.GIF) {
            var chooser = new FileChooser();
            chooser.setTitle("Export animation as GIF");
            chooser.setInitialFileName(safeName(source.puzzle().name()) + ".gif");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GIF", "*.gif"));
            var f = chooser.showSaveDialog(stage);
            out = f == null ? null : f.toPath();
        } else {
            var chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the frames");
            var d = chooser.showDialog(stage);
            out = d == null ? null : d.toPath();
        }
        if (out == null) {
            return;
        }
        try {
            exportTo(out);
        } catch (IllegalArgumentException e) {
            notices.error(e.getMessage());
        }
    }

    private void cancelOrClose() {
        if (job != null) {
            job.cancel();
        } else {
            stage.close();
        }
    }

    private void setRunning(boolean running) {
        export.setDisable(running || count.getText().startsWith("0 "));
        cancel.setText(running ? "Cancel" : "Close");
        for (var c : new javafx.scene.Node[] {format, filter, from, to, fps, dpi, overlay}) {
            c.setDisable(running || (c == fps && format.getValue() != AnimationFormat.GIF));
        }
    }

    private void updateCount() {
        int a = from.getValue();
        int b = Math.max(a, to.getValue());
        int n = new FrameSelection(filter.getValue(), a, b).select(source.timeline()).size();
        count.setText(n + (n == 1 ? " frame" : " frames"));
        export.setDisable(n == 0);
    }

    private GridPane layout() {
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(14));
        int row = 0;
        grid.addRow(row++, new Label("Format"), format);
        grid.addRow(row++, new Label("Frames"), filter);
        grid.addRow(row++, new Label("Updates"), new HBox(6, from, new Label("to"), to));
        grid.addRow(row++, new Label(""), range);
        grid.addRow(row++, new Label(""), count);
        grid.addRow(row++, new Label("Frames per second"), fps);
        grid.addRow(row++, new Label("DPI"), dpi);
        grid.addRow(row++, new Label("Overlay"), overlay);
        grid.add(progress, 0, row++, 2, 1);
        var buttons = new HBox(8, export, cancel);
        grid.add(buttons, 0, row, 2, 1);
        return grid;
    }

    private static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isEmpty() ? "animation" : s;
    }
}
