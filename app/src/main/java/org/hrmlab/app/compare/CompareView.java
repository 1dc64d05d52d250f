package org.hrmlab.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.inspector.PlaybackClock;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.app.shell.ThemeModel;

/**
 * The Compare screen: two models on one puzzle side by side (A left, B right), one cursor aligned by ACT segment.
 * Top: the shared puzzle (only puzzles both models take) and the screen's one-line message; middle: the two
 * {@link SlotView}s; bottom: the transport (by A's update, by segment, play) and where each side is. Keys: ← → one
 * update of A, Ctrl+← → one segment, Space play, Home/End. Only draws.
 */
public final class CompareView extends BorderPane {
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "compare-export");
        t.setDaemon(true);
        return t;
    });

    private final CompareViewModel vm;
    private final ThemeModel theme;
    private final Notices notices;
    private final SlotView slotA;
    private final SlotView slotB;
    private final ComboBox<LabPuzzle> puzzles = new ComboBox<>();
    private final ComboBox<DecodeMode> decode = new ComboBox<>();
    private final Label message = new Label();
    private final Label cursorLine = new Label();
    private final PlaybackClock clock;
    private boolean syncing;

    /**
     * @param recent  the recently opened models (for the slots' model menus)
     * @param notices where exports report what they wrote
     */
    public CompareView(CompareViewModel vm, ThemeModel theme, Supplier<List<Path>> recent, Notices notices) {
        this.vm = vm;
        this.theme = theme;
        this.notices = notices;
        this.clock = new PlaybackClock(vm.speedProperty()::get, vm::tick);
        slotA = new SlotView(vm.a(), vm, recent);
        slotB = new SlotView(vm.b(), vm, recent);
        setId("compare-view");
        getStyleClass().add("compare-view");
        createView();
        bindViewModel();
    }

    /** The screen is shown: A gets the inspector's model if it has none. */
    public void activate() {
        vm.activate();
    }

    SlotView slotA() {
        return slotA;
    }

    SlotView slotB() {
        return slotB;
    }

    private void createView() {
        puzzles.setId("compare-puzzle");
        puzzles.setItems(vm.offeredPuzzles());
        puzzles.setPromptText("a puzzle both models take");
        puzzles.setCellFactory(l -> new PuzzleCell());
        puzzles.setButtonCell(new PuzzleCell());
        puzzles.setPrefWidth(260);
        puzzles.setOnAction(e -> {
            var p = puzzles.getValue();
            if (!syncing && p != null && p != vm.getPuzzle()) {
                vm.choosePuzzle(p);
            }
        });
        var fromLab = new Button("Inspector's puzzle");
        fromLab.setId("compare-lab-puzzle");
        fromLab.setTooltip(new Tooltip("Run both models on the puzzle the inspector shows"));
        fromLab.setOnAction(e -> vm.chooseLabPuzzle());
        var export = new MenuButton("Export");
        export.setId("compare-export");
        var png = new Menu("Grids side by side as PNG");
        for (int dpi : new int[] {96, 150, 300}) {
            png.getItems().add(item(dpi + " DPI\u2026", () -> chooseGridsFile(dpi)));
        }
        export.getItems().addAll(png, item("Figures and data (PNG, SVG, PDF, CSV, manifest)\u2026",
                this::chooseFolder));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        decode.setId("compare-decode");
        decode.getItems().setAll(DecodeMode.values());
        decode.setValue(vm.getDecodeMode());
        showDecodeNames();
        decode.setOnAction(e -> {
            if (!syncing && decode.getValue() != null) {
                vm.setDecodeMode(decode.getValue());
            }
        });
        var bar = new HBox(8, new Label("Puzzle"), puzzles, fromLab, new Label("Decode"), decode, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        message.setId("compare-message");
        message.getStyleClass().add("readings");
        message.setMaxWidth(Double.MAX_VALUE);
        var top = new VBox(4, bar, message);
        top.setPadding(new Insets(6, 10, 2, 10));
        setTop(top);

        var sides = new GridPane();
        sides.setHgap(6);
        var half = new ColumnConstraints();
        half.setPercentWidth(50);
        sides.getColumnConstraints().addAll(half, half);
        var all = new RowConstraints();
        all.setVgrow(Priority.ALWAYS);
        sides.getRowConstraints().add(all);
        sides.add(slotA, 0, 0);
        sides.add(slotB, 1, 0);
        for (var side : List.of(slotA, slotB)) {
            side.setMinWidth(0);
            side.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }
        setCenter(sides);

        cursorLine.setId("compare-cursor");
        cursorLine.getStyleClass().add("readings");
        var bottom = new VBox(4, controls(), cursorLine);
        bottom.setPadding(new Insets(4, 10, 8, 10));
        bottom.getStyleClass().add("timeline-pane");
        setBottom(bottom);
    }

    private HBox controls() {
        var home = button("|\u25C0", "compare-home", "To the initial state (Home)", vm::home);
        var backSegment = button("\u25C0\u25C0 Segment", "compare-back-segment", "Back to the last segment end "
                + "(Ctrl+\u2190)", () -> vm.back(CompareViewModel.Move.SEGMENT));
        var back = button("\u25C0", "compare-back", "Back one update of A (\u2190)",
                () -> vm.back(CompareViewModel.Move.UPDATE));
        var step = button("\u25B6", "compare-step", "One update of A (\u2192); B shows its latest update at or before",
                () -> vm.forward(CompareViewModel.Move.UPDATE));
        var segment = button("Segment \u25B6\u25B6", "compare-segment", "To the next segment end (Ctrl+\u2192)",
                () -> vm.forward(CompareViewModel.Move.SEGMENT));
        var end = button("\u25B6|", "compare-end", "To the last update (End)", vm::toEnd);
        var play = new ToggleButton();
        play.setId("compare-play");
        play.setFocusTraversable(false);
        play.selectedProperty().bindBidirectional(vm.playingProperty());
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("\u275A\u275A Pause")
                .otherwise("\u25B6 Play"));
        var speed = new Slider(1, 30, vm.speedProperty().get());
        speed.setPrefWidth(90);
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.setTooltip(new Tooltip("Playback speed, updates of A per second"));
        var row = new HBox(6, home, backSegment, back, step, segment, end, play, speed);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("step-controls");
        return row;
    }

    private void bindViewModel() {
        vm.messageProperty().addListener((o, was, now) -> message.setText(now));
        message.setText(vm.messageProperty().get());
        vm.cursorLineProperty().addListener((o, was, now) -> cursorLine.setText(now));
        vm.cursorProperty().addListener((o, was, now) -> showCursor(now));
        vm.puzzleProperty().addListener((o, was, now) -> {
            syncing = true;
            puzzles.setValue(now);
            syncing = false;
        });
        vm.decodeModeProperty().addListener((o, was, now) -> {
            syncing = true;
            decode.setValue(now);
            syncing = false;
        });
        vm.a().modelProperty().addListener(o -> showDecodeNames());
        vm.b().modelProperty().addListener(o -> showDecodeNames());
        vm.a().traceProperty().addListener(o -> showSpan());
        vm.b().traceProperty().addListener(o -> showSpan());
        vm.playingProperty().addListener((o, was, now) -> {
            if (now) {
                clock.start();
            } else {
                clock.stop();
            }
        });
        theme.gridThemeProperty().addListener((o, was, now) -> {
            slotA.setTheme(now);
            slotB.setTheme(now);
        });
        slotA.setTheme(theme.getGridTheme());
        slotB.setTheme(theme.getGridTheme());
        showSpan();
        showCursor(vm.getCursor());
    }

    /**
     * Labels the decode modes with both models' state names: {@code Low state (zL)} for two HRMs,
     * {@code Low state (zL) / Latent (z)} for an HRM beside a TRM.
     */
    private void showDecodeNames() {
        var names = new java.util.LinkedHashSet<StateNames>();
        for (var slot : List.of(vm.a(), vm.b())) {
            names.add(slot.getModel() == null ? StateNames.HRM : slot.getModel().names());
        }
        decode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DecodeMode m) {
                return m == null ? "" : String.join(" / ", names.stream().map(m::label).toList());
            }

            @Override
            public DecodeMode fromString(String s) {
                return DecodeMode.DIRECT;
            }
        });
        var tip = new StringBuilder("Both sides' grids (and a cell's confidence) come from the chosen read-out:");
        for (DecodeMode m : DecodeMode.values()) {
            tip.append("\n").append(String.join(" / ", names.stream().map(m::label).toList())).append(": ")
                    .append(String.join(" / ", names.stream().map(m::formula).toList()));
        }
        decode.setTooltip(new Tooltip(tip.toString()));
        var shown = decode.getValue();
        boolean was = syncing;
        syncing = true;
        decode.setValue(null);
        decode.setValue(shown);
        syncing = was;
    }

    private void showCursor(AlignedCursor c) {
        slotA.showCursor(c);
        slotB.showCursor(c);
    }

    /** Both sides' plots span the longer run's segments, so that their segments line up. */
    private void showSpan() {
        int span = Math.max(vm.a().traceProperty().get().spanSegments(), vm.b().traceProperty().get().spanSegments());
        slotA.setSpan(span);
        slotB.setSpan(span);
    }

    /**
     * The screen's keys, wherever the focus is (the lab window hands them over while this screen is shown): ← → one
     * update of A, with Ctrl a segment; Space play; Home, End. Not while typing or choosing.
     */
    public void keyPressed(KeyEvent e) {
        var focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof Spinner || focus instanceof ComboBoxBase) {
            return;
        }
        var move = e.isControlDown() || e.isShortcutDown() ? CompareViewModel.Move.SEGMENT
                : CompareViewModel.Move.UPDATE;
        if (e.getCode() == KeyCode.RIGHT) {
            vm.forward(move);
        } else if (e.getCode() == KeyCode.LEFT) {
            vm.back(move);
        } else if (e.getCode() == KeyCode.SPACE) {
            vm.togglePlay();
        } else if (e.getCode() == KeyCode.HOME) {
            vm.home();
        } else if (e.getCode() == KeyCode.END) {
            vm.toEnd();
        } else {
            return;
        }
        e.consume();
    }

    private void chooseGridsFile(int dpi) {
        var chooser = new FileChooser();
        chooser.setTitle("Export both grids as PNG (" + dpi + " DPI)");
        chooser.setInitialFileName("compare_grids.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        var f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            exportGrids(f.toPath(), dpi);
        }
    }

    private void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Export the comparison into folder");
        var dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            exportAll(dir.toPath(), 300);
        }
    }

    /** Writes both grids side by side as one PNG at {@code dpi}; drawn here, written on a background thread. */
    public void exportGrids(Path file, int dpi) {
        var image = CompareExport.renderGrids(CompareExport.View.of(vm), theme.getGridTheme(), dpi);
        WRITER.execute(() -> {
            try {
                CompareExport.writeGrids(image, file, dpi);
                Platform.runLater(() -> notices.info("Wrote " + file));
            } catch (java.io.IOException | RuntimeException e) {
                Platform.runLater(() -> notices.error(file + ": " + e.getMessage()));
            }
        });
    }

    /** Writes the grids, the Q figure, its data and the manifest into {@code dir} on a background thread. */
    public void exportAll(Path dir, int dpi) {
        var view = CompareExport.View.of(vm);
        var image = CompareExport.renderGrids(view, theme.getGridTheme(), dpi);
        WRITER.execute(() -> {
            try {
                var files = CompareExport.write(view, image, dpi, dir);
                Platform.runLater(() -> notices.info("Wrote " + files.size() + " comparison files to " + dir));
            } catch (java.io.IOException | RuntimeException e) {
                Platform.runLater(() -> notices.error("comparison export to " + dir + " failed: " + e.getMessage()));
            }
        });
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

    private static MenuItem item(String text, Runnable action) {
        var i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Names a puzzle in the list. */
    private static final class PuzzleCell extends ListCell<LabPuzzle> {
        @Override
        protected void updateItem(LabPuzzle p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.name());
        }
    }
}
