package org.hrmlab.app.inspector;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;

import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.shell.ThemeModel;
import org.hrmlab.viz.fx.PathProgressLayer;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.plot.TrajectoryChart;
import org.jfree.chart.ChartRenderingInfo;

/**
 * The inspector's live PCA panel: the current run's zH or zL trajectory (a toggle; a TRM's y and z) on its first two principal
 * components, the path up to the time cursor drawn strong, segment ends marked, the cursor's point ringed, and a
 * caption with the explained variance and what was fitted. The chart of the whole path is drawn into an image on a
 * thread of its own ({@value #RENDER_THREAD}) when the fit, the latent, the theme or the size change, so its cost,
 * which grows with the run, stays off the FX thread; the path up to the cursor and the ring are drawn over it by a
 * {@link PathProgressLayer}, so a cursor move costs the same however long the run.
 */
public final class PcaPanel extends BorderPane {
    /** Name of the thread that draws the charts. */
    public static final String RENDER_THREAD = "pca-chart";
    private static final System.Logger LOG = System.getLogger(PcaPanel.class.getName());
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, RENDER_THREAD);
        t.setDaemon(true);
        return t;
    });

    /** What to draw (latest wins): a fit's latent in a theme at a size, numbered on the FX thread. */
    private record Request(long number, TrajectoryPca pca, String latent, StateNames names, GridTheme theme,
                           double width, double height, double scale) {
    }

    private final InspectorViewModel vm;
    private final ToggleGroup latents = new ToggleGroup();
    private final StackPane plotArea = new StackPane();
    /** The chart with the path up to the cursor over it. */
    private final StackPane chartStack = new StackPane();
    private final PathProgressLayer progress = new PathProgressLayer();
    private final Label message = new Label();
    private final Label caption = new Label();
    private final Button export = new Button("Export\u2026");
    private final ImageView picture = new ImageView();
    private GridTheme theme = GridTheme.LIGHT;
    private TrajectoryChart chart;
    /** The newest request (FX thread). */
    private long requested;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The render thread's chart, of this fit and latent: kept while they stay (new sizes and themes redraw it). */
    private TrajectoryChart drawing;
    private TrajectoryPca drawingPca;
    private String drawingLatent;
    private StateNames drawingNames;

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
        chartStack.setPrefSize(200, 150);
        chartStack.setVisible(false);
        picture.setManaged(false);
        chartStack.getChildren().addAll(picture, progress);
        chartStack.widthProperty().addListener(o -> requestPicture());
        chartStack.heightProperty().addListener(o -> requestPicture());
        plotArea.getChildren().addAll(chartStack, message);
        setCenter(plotArea);
        setBottom(caption);
        setPadding(new Insets(2));

        vm.pcaProperty().addListener((o, was, now) -> showFit());
        vm.modelProperty().addListener((o, was, now) -> {
            nameToggles();
            showFit();
        });
        nameToggles();
        vm.cursorProperty().addListener((o, was, now) -> showCursor());
        theme.gridThemeProperty().addListener((o, was, now) -> {
            this.theme = now;
            showFit();
        });
        this.theme = theme.getGridTheme();
        showFit();
    }

    /** Labels the toggles as the loaded model names its states (zH/zL, or TRM's y (answer) / z (latent)). */
    private void nameToggles() {
        StateNames names = names();
        for (var toggle : latents.getToggles()) {
            ((ToggleButton) toggle).setText(names.name((String) toggle.getUserData()));
        }
    }

    private StateNames names() {
        var model = vm.modelProperty().get();
        return model == null ? StateNames.HRM : model.stateNames();
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

    /**
     * @return the chart on screen, or null before the first fit; it is drawn on the render thread, so read its data
     *         but do not change it
     */
    public TrajectoryChart chart() {
        return chart;
    }

    private void showFit() {
        TrajectoryPca pca = vm.pcaProperty().get();
        caption.setText(PcaChartData.caption(pca, names()));
        caption.setTooltip(pca.fitted() ? new javafx.scene.control.Tooltip(pca.fitLabel()) : null);
        export.setDisable(!pca.fitted());
        if (!pca.fitted()) {
            requested++;
            chart = null;
            chartStack.setVisible(false);
            picture.setImage(null);
            progress.setPoints(new double[0], new double[0]);
            message.setText("Step the model: the PCA is fitted on this run's updates.");
            message.setVisible(true);
            return;
        }
        requestPicture();
    }

    /** Asks the render thread for the chart of the current fit, latent, theme and size (latest wins). */
    private void requestPicture() {
        TrajectoryPca pca = vm.pcaProperty().get();
        double w = chartStack.getWidth();
        double h = chartStack.getHeight();
        if (!pca.fitted() || w < 1 || h < 1) {
            return;
        }
        double scale = getScene() == null || getScene().getWindow() == null ? 1
                : Math.max(1, getScene().getWindow().getOutputScaleX());
        pending.set(new Request(++requested, pca, shownLatent(), names(), theme, w, h, scale));
        if (scheduled.compareAndSet(false, true)) {
            try {
                RENDERER.execute(this::render);
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "PCA chart thread stopped");
            }
        }
    }

    /** On the render thread: draws the newest request and hands the image and the points' pixels to the FX thread. */
    private void render() {
        scheduled.set(false);
        Request r = pending.getAndSet(null);
        if (r == null) {
            return;
        }
        try {
            if (drawing == null || drawingPca != r.pca() || !drawingLatent.equals(r.latent())
                    || drawingNames != r.names()) {
                drawing = new TrajectoryChart(PcaChartData.of(r.pca(), r.latent(), r.names()));
                drawingPca = r.pca();
                drawingLatent = r.latent();
                drawingNames = r.names();
            }
            var c = drawing;
            c.useCompactStyle(awt(r.theme().background()), awt(r.theme().cell()), awt(r.theme().gridLine()),
                    awt(r.theme().givenText()));
            c.setCursor(-1);
            int pw = (int) Math.ceil(r.width() * r.scale());
            int ph = (int) Math.ceil(r.height() * r.scale());
            var image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
            var g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(r.scale(), r.scale());
            var info = new ChartRenderingInfo(null);
            c.chart().draw(g, new Rectangle2D.Double(0, 0, r.width(), r.height()), null, info);
            g.dispose();
            var area = info.getPlotInfo().getDataArea();
            var plot = c.chart().getXYPlot();
            var d = c.data();
            double[] x = new double[d.size()];
            double[] y = new double[d.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = plot.getDomainAxis().valueToJava2D(d.x()[i], area, plot.getDomainAxisEdge());
                y[i] = plot.getRangeAxis().valueToJava2D(d.y()[i], area, plot.getRangeAxisEdge());
            }
            Image fxImage = SwingFXUtils.toFXImage(image, null);
            Platform.runLater(() -> showPicture(r, c, fxImage, x, y));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "drawing the PCA chart failed", e);
        }
    }

    /** On the FX thread: shows a drawn chart unless a newer one was asked for. */
    private void showPicture(Request r, TrajectoryChart drawn, Image image, double[] x, double[] y) {
        if (r.number() != requested) {
            return;
        }
        chart = drawn;
        picture.setImage(image);
        picture.setFitWidth(r.width());
        picture.setFitHeight(r.height());
        picture.relocate(0, 0);
        progress.setPoints(new double[0], new double[0]);
        progress.setStyle(fx(drawn.data().colour()), 2, 3, r.theme().givenText());
        progress.setPoints(x, y);
        progress.setCursor(vm.getCursor());
        chartStack.setVisible(true);
        message.setVisible(false);
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
