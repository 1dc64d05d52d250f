package org.hrmlab.app.inspector;

import java.util.List;
import java.util.Locale;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.hrmlab.app.engine.FrameStats;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.shell.ThemeModel;
import org.hrmlab.viz.fx.SeriesPlot;
import org.hrmlab.viz.fx.TimelineMarker;
import org.hrmlab.viz.fx.TimelineScrubber;
import org.hrmlab.viz.grid.GridTheme;
import org.hrmlab.viz.grid.HeatOverlay;
import org.hrmlab.viz.grid.HeatmapData;
import org.hrmlab.viz.grid.HeatmapView;

/**
 * The inspector screen: the decoded grid on the left; zL/zH heat maps (a TRM's z (latent) and y (answer)), residual
 * and Q plots, the PCA slot and the participation ratios on the right; the timeline scrubber and the readings below. Everything follows the cursor.
 * Only draws: a cursor move repaints the cursor layers, and new updates are appended to the plots and the timeline
 * (the view model's snapshots say what is new), so neither grows with the length of the timeline.
 */
public final class InspectorView extends BorderPane {
    private final InspectorViewModel vm;
    private final ThemeModel theme;
    private final BoardCanvas boardCanvas = new BoardCanvas();
    private final HeatmapView zLView = new HeatmapView();
    private final HeatmapView zHView = new HeatmapView();
    private final Label zLTitle = new Label("zL");
    private final Label zHTitle = new Label("zH");
    private final SeriesPlot residualPlot = new SeriesPlot();
    private final SeriesPlot qPlot = new SeriesPlot();
    private final TimelineScrubber scrubber = new TimelineScrubber();
    private final Label readings = new Label();
    private final Label prLabel = new Label("PR \u2014");
    private final StackPane pcaSlot = new StackPane();
    private final PlaybackClock clock;
    private final NextPulse nextPulse = new NextPulse();
    private final LatestPerPulse<BoardView> boardDraws =
            new LatestPerPulse<>(b -> boardCanvas.show(b.board(), b.overlay()), nextPulse::request);
    private final LatestPerPulse<States> statesDraws = new LatestPerPulse<>(this::showStates, nextPulse::request);
    private final LatestPerPulse<Boolean> timelineDraws = new LatestPerPulse<>(t -> showTimeline(),
            nextPulse::request);
    /** What the plots and the scrubber show, to append only what is new. */
    private PlotSet drawnPlots;
    private List<TimelineMarker> drawnMarkers = List.of();
    private StateNames names = StateNames.HRM;

    /** The board at the cursor and its overlay, drawn together. */
    private record BoardView(BoardSnapshot board, HeatOverlay overlay) {
    }

    /** The full frame at the cursor and what the engine side computed from it, drawn together. */
    private record States(LabFrame frame, FrameStats stats) {
    }

    public InspectorView(InspectorViewModel vm, ThemeModel theme) {
        this.vm = vm;
        this.theme = theme;
        this.clock = new PlaybackClock(vm.speedProperty()::get, vm::tick);
        getStyleClass().add("inspector-view");
        createView();
        bindViewModel();
        vm.modelProperty().addListener((o, was, now) -> renameStates());
        renameStates();
    }

    /** Names the states as the loaded model does (zL/zH, or TRM's z (latent) / y (answer)) and redraws their labels. */
    private void renameStates() {
        var model = vm.modelProperty().get();
        names = model == null ? StateNames.HRM : model.stateNames();
        showStates(new States(vm.statesFrameProperty().get(), vm.statsProperty().get()));
        drawnPlots = null;
        showTimeline();
    }

    /** @return the titles of the two heat maps, zL's then zH's, as shown */
    List<String> stateTitles() {
        return List.of(zLTitle.getText(), zHTitle.getText());
    }

    /** @return the legend names of the residual plot's series */
    List<String> residualSeriesNames() {
        return residualPlot.getSeries().stream().map(SeriesPlot.Series::name).toList();
    }

    /** Puts the analysis module's PCA chart into its slot. */
    public void setPcaPanel(Node panel) {
        pcaSlot.getChildren().setAll(panel);
    }

    public BoardCanvas boardCanvas() {
        return boardCanvas;
    }

    private void createView() {
        setTop(new OverridesBar(vm));
        var boardStack = new StackPane(boardCanvas);
        var boardPane = new BorderPane(boardStack);
        boardPane.setTop(new OverlayChooser(vm.overlayLayerProperty()));
        boardPane.getStyleClass().add("board-pane");
        boardPane.setMinSize(200, 200);

        residualPlot.setTitle("Forward residual \u2016\u0394z\u2016/\u2016z\u2016 (log)");
        residualPlot.setLogY(true);
        residualPlot.setNiceYRange(true);
        qPlot.setTitle("Q at segment ends, and token accuracy");
        qPlot.setNiceYRange(true);
        var placeholder = new Label("PCA trajectory\n(the analysis module's chart plugs in here)");
        placeholder.getStyleClass().add("placeholder-label");
        pcaSlot.getChildren().add(placeholder);
        pcaSlot.getStyleClass().add("pca-slot");
        prLabel.setId("pr-label");
        prLabel.getStyleClass().add("pr-label");

        var right = new GridPane();
        right.getStyleClass().add("panels");
        right.setHgap(8);
        right.setVgap(4);
        right.setPadding(new Insets(8));
        right.add(zLTitle, 0, 0);
        right.add(zHTitle, 1, 0);
        right.add(zLView, 0, 1);
        right.add(zHView, 1, 1);
        right.add(residualPlot, 0, 2);
        right.add(qPlot, 1, 2);
        right.add(pcaSlot, 0, 3);
        right.add(prLabel, 1, 3);
        zLTitle.getStyleClass().add("panel-title");
        zHTitle.getStyleClass().add("panel-title");
        var cc = new javafx.scene.layout.ColumnConstraints();
        cc.setPercentWidth(50);
        cc.setHgrow(Priority.ALWAYS);
        right.getColumnConstraints().addAll(cc, cc);
        var rc0 = new javafx.scene.layout.RowConstraints();
        var rcHeat = new javafx.scene.layout.RowConstraints(60, 160, Double.MAX_VALUE);
        rcHeat.setVgrow(Priority.ALWAYS);
        var rcPlot = new javafx.scene.layout.RowConstraints(80, 170, Double.MAX_VALUE);
        rcPlot.setVgrow(Priority.ALWAYS);
        var rcPca = new javafx.scene.layout.RowConstraints(170, 240, Double.MAX_VALUE);
        rcPca.setVgrow(Priority.ALWAYS);
        right.getRowConstraints().addAll(rc0, rcHeat, rcPlot, rcPca);
        for (Node n : List.of(zLView, zHView, residualPlot, qPlot, pcaSlot)) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        GridPane.setValignment(prLabel, javafx.geometry.VPos.TOP);

        var split = new SplitPane(boardPane, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        setCenter(split);

        scrubber.setId("timeline");
        readings.setId("readings");
        readings.getStyleClass().add("readings");
        readings.setMaxWidth(Double.MAX_VALUE);
        var bottom = new VBox(6, new StepControls(vm), scrubber, readings);
        bottom.setPadding(new Insets(6, 10, 8, 10));
        bottom.getStyleClass().add("timeline-pane");
        setBottom(bottom);
    }

    private void bindViewModel() {
        vm.boardProperty().addListener((o, was, now) -> boardDraws.offer(boardView()));
        vm.overlayProperty().addListener((o, was, now) -> boardDraws.offer(boardView()));
        vm.statsProperty().addListener((o, was, now) -> statesDraws.offer(new States(vm.statesFrameProperty().get(),
                now)));
        vm.readingsProperty().addListener((o, was, now) -> readings.setText(now));
        listen(vm.cursorProperty(), () -> timelineDraws.offer(true));
        listen(vm.markersProperty(), () -> timelineDraws.offer(true));
        listen(vm.plotsProperty(), () -> timelineDraws.offer(true));
        scrubber.setOnSeek(vm::seek);
        vm.playingProperty().addListener((o, was, now) -> {
            if (now) {
                clock.start();
            } else {
                clock.stop();
            }
        });
        theme.gridThemeProperty().addListener((o, was, now) -> applyTheme(now));
        applyTheme(theme.getGridTheme());
        boardCanvas.show(vm.boardProperty().get(), vm.overlayProperty().get());
        showStates(new States(vm.statesFrameProperty().get(), vm.statsProperty().get()));
        readings.setText(vm.readingsProperty().get());
        showTimeline();
    }

    private BoardView boardView() {
        return new BoardView(vm.boardProperty().get(), vm.overlayProperty().get());
    }

    private void listen(ObservableValue<?> value, Runnable action) {
        value.addListener((o, was, now) -> action.run());
    }

    private void applyTheme(GridTheme t) {
        boardCanvas.setTheme(t);
        residualPlot.setTheme(t);
        qPlot.setTheme(t);
        scrubber.setTheme(t);
    }

    /**
     * The scrubber, the plots and their cursors, once per pulse: the marks and points of new updates are appended,
     * everything is redrawn only for a new run or when the timeline's span changes (the run halted early).
     */
    private void showTimeline() {
        int span = vm.timelineSpan();
        scrubber.setLength(vm.timeline().size(), span);
        var markers = vm.markersProperty().get();
        if (markers instanceof TimelineMarkers.Snapshot s && s.continues(drawnMarkers)) {
            scrubber.addMarkers(markers.subList(drawnMarkers.size(), markers.size()));
        } else {
            scrubber.setMarkers(markers);
        }
        drawnMarkers = markers;
        scrubber.setCursor(vm.getCursor());
        showPlots(vm.plotsProperty().get(), span);
        residualPlot.setCursor(vm.getCursor());
        qPlot.setCursor(vm.getCursor());
    }

    private void showStates(States states) {
        showStates(states.frame(), states.stats());
        showStats(states.stats());
    }

    private void showStates(LabFrame frame, FrameStats stats) {
        var zL = frame == null ? HeatmapData.EMPTY : frame.zL();
        var zH = frame == null ? HeatmapData.EMPTY : frame.zH();
        if (stats != null && !stats.zHPixels().isEmpty()) {
            zLView.show(stats.zLPixels());
            zHView.show(stats.zHPixels());
        } else {
            zLView.show(zL);
            zHView.show(zH);
        }
        zLTitle.setText(title(names.zL(), zL, zLView));
        zHTitle.setText(title(names.zH(), zH, zHView));
    }

    private static String title(String name, HeatmapData data, HeatmapView view) {
        if (data.isEmpty()) {
            return name;
        }
        return String.format(Locale.ROOT, "%s  [%d positions \u00d7 %d hidden]  scale \u00b1%.2g", name, data.rows(),
                data.cols(), view.lastScale());
    }

    private void showStats(FrameStats s) {
        if (s == null || Double.isNaN(s.prH())) {
            prLabel.setText("PR \u2014");
            return;
        }
        prLabel.setText(String.format(Locale.ROOT,
                "Participation ratio at this update%nPR(%s) %.1f   PR(%s) %.1f   ratio %.2f%nN = %d position vectors,"
                        + " prefix excluded", names.zHShort(), s.prH(), names.zLShort(), s.prL(), s.prH() / s.prL(),
                s.samples()));
    }

    private void showPlots(PlotSet p, int span) {
        double xMax = Math.max(1, span - 1);
        residualPlot.setXRange(0, xMax);
        qPlot.setXRange(0, xMax);
        if (p == drawnPlots) {
            return;
        }
        if (p.continues(drawnPlots)) {
            var was = drawnPlots;
            append(residualPlot, 0, p.residualL(), was.residualL());
            append(residualPlot, 1, p.residualH(), was.residualH());
            append(qPlot, 0, p.haltProbability(), was.haltProbability());
            append(qPlot, 1, p.continueProbability(), was.continueProbability());
            append(qPlot, 2, p.accuracy(), was.accuracy());
            double[] ends = p.segmentEndCurve().xFrom(was.segmentEndCurve().size());
            residualPlot.appendMarkers(ends);
            qPlot.appendMarkers(ends);
            drawnPlots = p;
            return;
        }
        drawnPlots = p;
        residualPlot.setSeries(List.of(
                new SeriesPlot.Series(names.zL(), SeriesPlot.seriesColor(0), p.residualL().x(), p.residualL().y(),
                        false),
                new SeriesPlot.Series(names.zH(), SeriesPlot.seriesColor(1), p.residualH().x(), p.residualH().y(),
                        true)));
        qPlot.setSeries(List.of(
                new SeriesPlot.Series("halt", SeriesPlot.seriesColor(2), p.haltProbability().x(),
                        p.haltProbability().y(), true),
                new SeriesPlot.Series("continue", SeriesPlot.seriesColor(3), p.continueProbability().x(),
                        p.continueProbability().y(), true),
                new SeriesPlot.Series("accuracy", SeriesPlot.seriesColor(0), p.accuracy().x(), p.accuracy().y(),
                        false)));
        residualPlot.setMarkers(p.segmentEnds());
        qPlot.setMarkers(p.segmentEnds());
    }

    /** Draws the points of {@code now} that {@code was} did not have. */
    private static void append(SeriesPlot plot, int series, PlotSet.Curve now, PlotSet.Curve was) {
        if (now.size() > was.size()) {
            plot.appendPoints(series, now.xFrom(was.size()), now.yFrom(was.size()));
        }
    }
}
