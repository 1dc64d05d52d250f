package org.hrmlab.app.inspector;

import java.awt.Color;
import java.nio.file.Path;
import java.util.function.BiConsumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;

import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.shell.ThemeModel;
import org.hrmlab.viz.fx.PathProgressLayer;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.plot.TrajectoryChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;

/**
 * The inspector's live PCA panel: the current run's zH or zL trajectory (a toggle) on its first two principal
 * components, the path up to the time cursor drawn strong, segment ends marked, the cursor's point ringed, and a
 * caption with the explained variance and what was fitted. A new fit replaces the chart; the chart itself shows the
 * whole path, and the strong path and the ring are drawn over it by a {@link PathProgressLayer}, so a cursor move
 * neither redraws the chart nor costs more on a longer run.
 */
public final class PcaPanel extends BorderPane {
    private final InspectorViewModel vm;
    private final ToggleGroup latents = new ToggleGroup();
    private final StackPane plotArea = new StackPane();
    /** The chart with the path up to the cursor over it. */
    private final StackPane chartStack = new StackPane();
    private final PathProgressLayer progress = new PathProgressLayer();
    private final Label message = new Label();
    private final Label caption = new Label();
    private final Button export = new Button("Export\u2026");
    private GridTheme theme = GridTheme.LIGHT;
    private TrajectoryChart chart;
    private ChartViewer viewer;

    /**
     * @param vm       the inspector (its PCA result and cursor)
     * @param theme    the lab's theme (chart background and text)
     * @param exporter writes the figures of a result into a folder; null hides the export button
     */
    public PcaPanel(InspectorViewModel vm, ThemeModel theme, BiConsumer<TrajectoryPca, Path> exporter) {
        this.vm = vm;
        setId("pca-panel");
        getStyleClass().add("pca-panel");
        var title = new Label("PCA trajectory");
        title.getStyleClass().add("panel-title");
        var bar = new HBox(6, title);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (String latent : PcaChartData.LATENTS) {
            var button = new ToggleButton(latent);
            button.setId("pca-" + latent.toLowerCase());
            button.setUserData(latent);
            button.setToggleGroup(latents);
            bar.getChildren().add(button);
        }
        latents.getToggles().get(0).setSelected(true);
        latents.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                showFit();
            }
        });
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().add(spacer);
        if (exporter != null) {
            export.setId("pca-export");
            export.setOnAction(e -> chooseFolder(exporter));
            bar.getChildren().add(export);
        }
        message.getStyleClass().add("placeholder-label");
        caption.getStyleClass().add("pca-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        setTop(bar);
        chartStack.setId("pca-chart");
        chartStack.setMinSize(80, 60);
        chartStack.setVisible(false);
        chartStack.getChildren().add(progress);
        plotArea.getChildren().addAll(chartStack, message);
        setCenter(plotArea);
        setBottom(caption);
        setPadding(new Insets(2));

        vm.pcaProperty().addListener((o, was, now) -> showFit());
        vm.cursorProperty().addListener((o, was, now) -> showCursor());
        theme.gridThemeProperty().addListener((o, was, now) -> {
            this.theme = now;
            showFit();
        });
        this.theme = theme.getGridTheme();
        showFit();
    }

    /** @return the latent shown, {@code "zH"} or {@code "zL"} */
    public String shownLatent() {
        return (String) latents.getSelectedToggle().getUserData();
    }

    /** @return the number of points of the trajectory drawn (0 before the first fit) */
    public int shownPoints() {
        return chart == null ? 0 : chart.data().size();
    }

    /** @return the number of points drawn strong (the path up to the cursor) */
    public int strongPoints() {
        return chart == null ? 0 : progress.cursor() + 1;
    }

    /** @return the layer that draws the path up to the cursor over the chart */
    public PathProgressLayer progressLayer() {
        return progress;
    }

    /** @return the chart on screen, or null before the first fit */
    public TrajectoryChart chart() {
        return chart;
    }

    private void showFit() {
        TrajectoryPca pca = vm.pcaProperty().get();
        caption.setText(PcaChartData.caption(pca));
        caption.setTooltip(pca.fitted() ? new javafx.scene.control.Tooltip(pca.fitLabel()) : null);
        export.setDisable(!pca.fitted());
        if (!pca.fitted()) {
            chart = null;
            chartStack.setVisible(false);
            progress.setPoints(new double[0], new double[0]);
            message.setText("Step the model: the PCA is fitted on this run's updates.");
            message.setVisible(true);
            return;
        }
        var shown = new TrajectoryChart(PcaChartData.of(pca, shownLatent()));
        shown.useCompactStyle(awt(theme.background()), awt(theme.cell()), awt(theme.gridLine()),
                awt(theme.givenText()));
        shown.setCursor(-1);
        chart = shown;
        progress.setPoints(new double[0], new double[0]);
        progress.setStyle(fx(shown.data().colour()), 2, 3, theme.givenText());
        shown.chart().addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED && chart == shown) {
                placePath();
            }
        });
        if (viewer == null) {
            viewer = new ChartViewer(shown.chart(), false);
            viewer.setMinSize(80, 60);
            chartStack.getChildren().add(0, viewer);
        } else {
            viewer.setChart(shown.chart());
        }
        chartStack.setVisible(true);
        message.setVisible(false);
    }

    /** After the chart is drawn (a new fit, a new size): where its points are, for the path up to the cursor. */
    private void placePath() {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getDataArea().isEmpty()) {
            return;
        }
        var area = info.getPlotInfo().getDataArea();
        var plot = chart.chart().getXYPlot();
        var data = chart.data();
        double[] x = new double[data.size()];
        double[] y = new double[data.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = plot.getDomainAxis().valueToJava2D(data.x()[i], area, plot.getDomainAxisEdge());
            y[i] = plot.getRangeAxis().valueToJava2D(data.y()[i], area, plot.getRangeAxisEdge());
        }
        progress.setPoints(x, y);
        progress.setCursor(vm.getCursor());
    }

    private void showCursor() {
        if (chart != null) {
            progress.setCursor(vm.getCursor());
        }
    }

    private void chooseFolder(BiConsumer<TrajectoryPca, Path> exporter) {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Export PCA figures into folder");
        var dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            exporter.accept(vm.pcaProperty().get(), dir.toPath());
        }
    }

    private static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    private static Color awt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
