package org.hrmlab.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.inspector.BoardCanvas;
import org.hrmlab.app.inspector.BoardSnapshot;
import org.hrmlab.app.inspector.LatestPerPulse;
import org.hrmlab.app.inspector.PlotSet;
import org.hrmlab.engine.HaltRule;
import org.hrmlab.viz.fx.SeriesPlot;
import org.hrmlab.viz.grid.GridTheme;

/**
 * One side of the Compare screen: the model (open a checkpoint, the inspector's model or the shipped ones, or drop a
 * checkpoint here), its family and schedule, the decoded grid at the cursor, its state trajectory, its Q logits per
 * segment and its forward residuals, both plots on the shared segment axis, and two lines about the update shown.
 * Only draws: a cursor move redraws the board (once per pulse) and moves the plots' cursors and the path's ring.
 */
final class SlotView extends VBox {
    private final CompareSlot slot;
    private final CompareViewModel vm;
    private final Supplier<List<Path>> recent;
    private final String id;
    private final Label model = new Label();
    private final Label family = new Label();
    private final Label schedule = new Label();
    private final Label status = new Label();
    private final BoardCanvas board = new BoardCanvas();
    private final TrajectoryView trajectory;
    private final SeriesPlot qPlot = new SeriesPlot();
    private final SeriesPlot residualPlot = new SeriesPlot();
    private final Label readout = new Label();
    private final Label qLine = new Label();
    private final LatestPerPulse<BoardSnapshot> boardDraws =
            new LatestPerPulse<>(board::show, javafx.application.Platform::runLater);
    private PlotSet drawnPlots;
    private int drawnSteps;
    private double span = -1;

    /**
     * @param recent the recently opened models, offered in the model menu
     */
    SlotView(CompareSlot slot, CompareViewModel vm, Supplier<List<Path>> recent) {
        this.slot = slot;
        this.vm = vm;
        this.recent = recent;
        this.id = "compare-" + slot.label().toLowerCase(Locale.ROOT);
        this.trajectory = new TrajectoryView(id);
        setId(id);
        getStyleClass().add("compare-slot");
        createView();
        bindSlot();
    }

    BoardCanvas board() {
        return board;
    }

    TrajectoryView trajectory() {
        return trajectory;
    }

    SeriesPlot qPlot() {
        return qPlot;
    }

    SeriesPlot residualPlot() {
        return residualPlot;
    }

    /** The plots' x range in segments, shared by both sides so that their segments line up. */
    void setSpan(double segments) {
        double s = Math.max(1, segments);
        if (s == span) {
            return;
        }
        span = s;
        qPlot.setXRange(0, span);
        residualPlot.setXRange(0, span);
        showQ(slot.traceProperty().get(), slot.getModel());
    }

    void setTheme(GridTheme t) {
        board.setTheme(t);
        qPlot.setTheme(t);
        residualPlot.setTheme(t);
        trajectory.setTheme(t);
    }

    /** Moves the plots' cursors and the path's ring to the cursor (constant work). */
    void showCursor(AlignedCursor c) {
        qPlot.setCursor(c.position());
        residualPlot.setCursor(c.position());
        trajectory.setCursor(slot.getShown());
    }

    private void createView() {
        var tag = new Label(slot.label());
        tag.getStyleClass().add("compare-tag");
        model.setId(id + "-model");
        model.getStyleClass().add("panel-title");
        var open = new MenuButton("Model");
        open.setId(id + "-open");
        open.setOnShowing(e -> fillModelMenu(open));
        open.getItems().add(new MenuItem("Open checkpoint\u2026"));
        var spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var head = new HBox(8, tag, model, spacer, open);
        head.setAlignment(Pos.CENTER_LEFT);
        family.setId(id + "-family");
        schedule.setId(id + "-schedule");
        status.setId(id + "-status");
        status.getStyleClass().add("readings");
        readout.setId(id + "-readout");
        qLine.setId(id + "-q");
        for (var l : new Label[] {model, family, schedule, status, readout, qLine}) {
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinWidth(0);
        }

        qPlot.setNiceYRange(true);
        residualPlot.setTitle("Forward residual (log), x: segments");
        residualPlot.setLogY(true);
        residualPlot.setNiceYRange(true);
        // Its own style class: the inspector's board stays the one ".board-canvas" in the window.
        board.getStyleClass().setAll("compare-board");
        board.setId(id + "-board");
        var boardPane = new StackPane(board);
        boardPane.getStyleClass().add("board-pane");
        var grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.add(boardPane, 0, 0);
        grid.add(trajectory, 1, 0);
        grid.add(qPlot, 0, 1);
        grid.add(residualPlot, 1, 1);
        var cc = new ColumnConstraints();
        cc.setPercentWidth(50);
        cc.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(cc, cc);
        var top = new RowConstraints(120, 260, Double.MAX_VALUE);
        top.setVgrow(Priority.ALWAYS);
        var bottom = new RowConstraints(90, 170, Double.MAX_VALUE);
        bottom.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().addAll(top, bottom);
        for (var n : List.of(boardPane, trajectory, qPlot, residualPlot)) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(head, family, schedule, status, grid, readout, qLine);
        setSpacing(3);
        setPadding(new Insets(6));

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> {
            var files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.<java.io.File>of();
            if (!files.isEmpty()) {
                vm.open(slot, files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private void fillModelMenu(MenuButton menu) {
        menu.getItems().setAll(item("Open checkpoint\u2026", id + "-open-file", this::chooseCheckpoint),
                item("The inspector's model", id + "-open-lab", () -> vm.useLabModel(slot)),
                item("Shipped models (per puzzle kind and size)", id + "-open-shipped", () -> vm.useShippedModels(slot)),
                item("Shipped TRM (4\u00d74 Sudoku)", id + "-open-shipped-trm", () -> vm.useShippedTrm(slot)),
                item("Shipped TRM (9\u00d79 Sudoku)", id + "-open-shipped-trm-9x9", () -> vm.useShippedTrm9x9(slot)));
        var paths = recent.get();
        if (!paths.isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
            for (Path p : paths) {
                menu.getItems().add(item(p.toString(), null, () -> vm.open(slot, p)));
            }
        }
    }

    private void chooseCheckpoint() {
        var chooser = new FileChooser();
        chooser.setTitle("Open checkpoint for " + slot.label()
                + " (HRM Lab model, or a reference step_N with all_config.yaml beside it)");
        var f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.open(slot, f.toPath());
        }
    }

    private void bindSlot() {
        slot.modelProperty().addListener((o, was, now) -> showModel(now));
        slot.statusProperty().addListener((o, was, now) -> status.setText(now));
        slot.boardProperty().addListener((o, was, now) -> boardDraws.offer(now));
        slot.readoutProperty().addListener((o, was, now) -> readout.setText(now));
        slot.qLineProperty().addListener((o, was, now) -> qLine.setText(now));
        slot.traceProperty().addListener((o, was, now) -> showTrace(now));
        slot.pcaProperty().addListener((o, was, now) -> trajectory.show(now));
        slot.shownProperty().addListener((o, was, now) -> trajectory.setCursor(now.intValue()));
        showModel(slot.getModel());
        status.setText(slot.statusProperty().get());
        board.show(slot.boardProperty().get());
        showTrace(slot.traceProperty().get());
    }

    private void showModel(SlotModel m) {
        model.setText(m == null ? "(no model)" : m.name());
        model.setTooltip(m == null ? null : new javafx.scene.control.Tooltip(m.source()));
        family.setText(m == null ? "" : m.familyLine());
        var names = m == null ? StateNames.HRM : m.names();
        trajectory.setStateNames(names.zH(), names.zL());
        var rule = m == null ? HaltRule.HALT_ABOVE_CONTINUE : m.haltRule();
        qPlot.setTitle("Q logits \u00b7 halts if " + rule.text());
        residualPlot.setTitle("Forward residual of " + names.zLShort() + " and " + names.zHShort()
                + " (log), x: segments");
        schedule.setText(m == null ? "" : "takes " + m.takes());
        drawnPlots = null;
        showTrace(slot.traceProperty().get());
    }

    /** The plots of a grown run: residual points appended (only the new ones), the few Q points redrawn. */
    private void showTrace(SlotTrace t) {
        var m = slot.getModel();
        if (m != null && t.recorded() > 0) {
            schedule.setText("takes " + m.takes() + " \u00b7 " + t.updatesPerSegment() + " updates per segment, up to "
                    + t.maxSegments() + " segments");
        }
        showQ(t, m);
        int n = t.updatesPerSegment();
        var p = t.plots();
        if (p == drawnPlots) {
            return;
        }
        if (p.continues(drawnPlots) && n == drawnSteps) {
            append(0, p.residualL(), drawnPlots.residualL(), n);
            append(1, p.residualH(), drawnPlots.residualH(), n);
            residualPlot.appendMarkers(scaled(p.segmentEndCurve().xFrom(drawnPlots.segmentEndCurve().size()), n));
        } else {
            var names = m == null ? StateNames.HRM : m.names();
            residualPlot.setSeries(List.of(
                    new SeriesPlot.Series(names.zL(), SeriesPlot.seriesColor(0), scaled(p.residualL().x(), n),
                            p.residualL().y(), false),
                    new SeriesPlot.Series(names.zH(), SeriesPlot.seriesColor(1), scaled(p.residualH().x(), n),
                            p.residualH().y(), true)));
            residualPlot.setMarkers(scaled(p.segmentEnds(), n));
        }
        drawnPlots = p;
        drawnSteps = n;
    }

    private void showQ(SlotTrace t, SlotModel m) {
        var q = t.q();
        double[] x = q.segmentNumbers();
        var series = new java.util.ArrayList<SeriesPlot.Series>();
        series.add(new SeriesPlot.Series("q_halt", SeriesPlot.seriesColor(2), x, q.qHalts(), true));
        if (m == null || m.haltRule() == HaltRule.HALT_ABOVE_CONTINUE) {
            series.add(new SeriesPlot.Series("q_continue", SeriesPlot.seriesColor(3), x, q.qContinues(), true));
        } else if (x.length > 0) {
            series.add(new SeriesPlot.Series("q_halt = 0", SeriesPlot.seriesColor(4), new double[] {0, span},
                    new double[] {0, 0}, false));
        }
        qPlot.setSeries(series);
    }

    private void append(int series, PlotSet.Curve now, PlotSet.Curve was, int n) {
        if (now.size() > was.size()) {
            residualPlot.appendPoints(series, scaled(now.xFrom(was.size()), n), now.yFrom(was.size()));
        }
    }

    /** Update indices to segments: update {@code i} of a schedule of {@code n} sits at {@code i / n}. */
    private static double[] scaled(double[] updates, int n) {
        double[] x = new double[updates.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = updates[i] / n;
        }
        return x;
    }

    private static MenuItem item(String text, String itemId, Runnable action) {
        var i = new MenuItem(text);
        if (itemId != null) {
            i.setId(itemId);
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
