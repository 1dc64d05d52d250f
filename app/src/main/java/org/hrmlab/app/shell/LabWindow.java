package org.hrmlab.app.shell;

import java.nio.file.Path;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

import org.hrmlab.app.LabContext;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.export.AnimationDialog;
import org.hrmlab.app.export.AnimationFormat;
import org.hrmlab.app.export.AnimationJob;
import org.hrmlab.app.export.AnimationSettings;
import org.hrmlab.app.export.AnimationSource;
import org.hrmlab.app.export.FrameFilter;
import org.hrmlab.app.export.FrameSelection;
import org.hrmlab.app.inspector.InspectorView;
import org.hrmlab.app.inspector.PcaPanel;
import org.hrmlab.app.puzzle.DatasetBrowserView;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.app.puzzle.PuzzleEditorView;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.training.TrainingView;

/** The lab window's content: menu bar, the four screens as tabs, and notifications on top. */
public final class LabWindow extends StackPane {
    private final LabContext ctx;
    private final TabPane tabs = new TabPane();
    private final Tab inspectorTab;
    private final Tab editorTab;
    private final InspectorView inspectorView;
    private final Tab compareTab;
    private final org.hrmlab.app.compare.CompareView compareView;

    public LabWindow(LabContext ctx) {
        this.ctx = ctx;
        getStyleClass().add("lab-window");
        inspectorView = new InspectorView(ctx.inspector(), ctx.theme());
        inspectorView.setPcaPanel(new PcaPanel(ctx.inspector(), ctx.theme(), this::exportPca));
        inspectorTab = tab("Inspector", "tab-inspector", inspectorView);
        editorTab = tab("Puzzle editor", "tab-editor", new PuzzleEditorView(ctx.editor(), ctx.theme()));
        var trainingTab = tab("Training", "tab-training", new TrainingView(ctx.training(), ctx.newRun(), ctx.theme()));
        var datasetsTab = tab("Puzzles", "tab-puzzles",
                new DatasetBrowserView(ctx.library(), this::inspect, this::edit, this::choosePuzzleFile,
                        this::choosePuzzleFolder));
        compareView = new org.hrmlab.app.compare.CompareView(ctx.compare(), ctx.theme(),
                () -> ctx.library().recent().models(), ctx.notices());
        compareTab = tab("Compare", "tab-compare", compareView);
        tabs.getTabs().addAll(inspectorTab, editorTab, trainingTab, datasetsTab, compareTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == compareTab) {
                compareView.activate();
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var main = new BorderPane(tabs);
        main.setTop(menuBar());
        getChildren().addAll(main, new NotificationArea(ctx.notices()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles();
            if (done) {
                e.getDragboard().getFiles().forEach(f -> openDropped(f.toPath()));
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /**
     * Opens a dropped file: a checkpoint (a {@code .safetensors} model, or a file with {@code all_config.yaml} beside
     * it) as the model; anything else as puzzles, the first one in the inspector.
     */
    public void openDropped(Path file) {
        boolean checkpoint = file.getFileName().toString().endsWith(".safetensors")
                || (java.nio.file.Files.isRegularFile(file)
                        && java.nio.file.Files.exists(file.resolveSibling("all_config.yaml")));
        if (checkpoint) {
            openModel(file);
        } else {
            ctx.library().open(file, this::inspect);
        }
    }

    private void openModel(Path file) {
        ctx.inspector().loadModel(file);
        ctx.library().recent().addModel(file);
        tabs.getSelectionModel().select(inspectorTab);
    }

    private void useShipped(String name) {
        ctx.inspector().useShipped(name);
        tabs.getSelectionModel().select(inspectorTab);
    }

    private void choosePuzzleFile() {
        var chooser = new FileChooser();
        chooser.setTitle("Open puzzles (Sudoku or maze CSV, ARC task JSON, puzzle text)");
        var f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            ctx.library().open(f.toPath(), null);
        }
    }

    private void choosePuzzleFolder() {
        var chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Open a folder of puzzles (ARC tasks) or a dataset in the reference layout");
        var f = chooser.showDialog(getScene().getWindow());
        if (f != null) {
            ctx.library().open(f.toPath(), null);
        }
    }

    private Menu recentMenu() {
        var menu = new Menu("Open recent");
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            for (Path p : ctx.library().recent().models()) {
                menu.getItems().add(item("Model: " + p, () -> openModel(p)));
            }
            for (Path p : ctx.library().recent().puzzles()) {
                menu.getItems().add(item("Puzzles: " + p, () -> ctx.library().open(p, this::inspect)));
            }
            if (menu.getItems().isEmpty()) {
                var none = new MenuItem("(nothing opened yet)");
                none.setDisable(true);
                menu.getItems().add(none);
            }
        });
        menu.getItems().add(new MenuItem("(nothing opened yet)"));
        return menu;
    }

    public InspectorView inspectorView() {
        return inspectorView;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** A scene for this window with the lab's stylesheet. */
    public Scene createScene(double width, double height) {
        ctx.theme().apply();
        var scene = new Scene(this, width, height);
        var css = LabWindow.class.getResource("/org/hrmlab/app/lab.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        ctx.theme().gridThemeProperty().addListener((o, was, now) -> pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("dark"), now.dark()));
        return scene;
    }

    private void exportPca(TrajectoryPca pca, Path dir) {
        var vm = ctx.inspector();
        var provenance = new java.util.LinkedHashMap<String, Object>();
        provenance.put("puzzle", vm.getPuzzle() == null ? "" : vm.getPuzzle().name());
        provenance.put("model", vm.modelProperty().get().name());
        provenance.put("model_source", vm.modelProperty().get().source());
        provenance.put("checkpoint_sha256", vm.modelProperty().get().sha256());
        provenance.put("inference", vm.getSettings());
        ctx.pcaExporter().export(pca, vm.getCursor(), provenance, dir);
    }

    private void inspect(LabPuzzle p) {
        ctx.inspector().loadPuzzle(p);
        tabs.getSelectionModel().select(inspectorTab);
    }

    private void edit(LabPuzzle p) {
        ctx.editor().edit(p);
        tabs.getSelectionModel().select(editorTab);
    }

    private MenuBar menuBar() {
        var vm = ctx.inspector();
        var openCheckpoint = item("Open checkpoint\u2026", this::chooseCheckpoint);
        var samples = new Menu("Open sample puzzle");
        for (var p : org.hrmlab.app.puzzle.BundledLabPuzzles.catalogue()) {
            samples.getItems().add(item(p.name(), () -> inspect(p)));
        }
        var editCurrent = item("Edit current puzzle", () -> {
            if (vm.getPuzzle() != null) {
                edit(vm.getPuzzle());
            }
        });
        var exportPng = new Menu("Export grid as PNG");
        for (int dpi : new int[] {96, 150, 300}) {
            exportPng.getItems().add(item(dpi + " DPI\u2026", () -> exportPng(dpi)));
        }
        var exportOverlay = new Menu("Export board overlay (PNG, SVG, PDF, data)");
        exportOverlay.setId("export-overlay");
        for (int dpi : new int[] {96, 150, 300}) {
            exportOverlay.getItems().add(item(dpi + " DPI\u2026", () -> exportOverlay(dpi)));
        }
        var exportSeq = item("Export animation (GIF or PNG sequence)\u2026", this::exportAnimation);
        exportSeq.setId("export-animation");
        var quit = item("Quit", () -> getScene().getWindow().hide());
        var openPuzzles = item("Open puzzle file\u2026", this::choosePuzzleFile);
        var shipped = new Menu("Open shipped model");
        shipped.setId("open-shipped-model");
        shipped.getItems().add(item("Default models (each puzzle on the one that fits it)", () -> useShipped(null)));
        shipped.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        for (String name : org.hrmlab.app.engine.hrm.DefaultModels.ALL) {
            shipped.getItems().add(item(name, () -> useShipped(name)));
        }
        var file = new Menu("File", null, openCheckpoint, shipped, openPuzzles, recentMenu(), samples, editCurrent,
                new javafx.scene.control.SeparatorMenuItem(),
                exportPng, exportOverlay, exportSeq, new javafx.scene.control.SeparatorMenuItem(), quit);
        var run = new Menu("Run", null,
                item("L-update\t\u2192", () -> vm.forward(StepAction.L_UPDATE)),
                item("To next H-update\tShift+\u2192", () -> vm.forward(StepAction.H_UPDATE)),
                item("To segment end\tCtrl+\u2192", () -> vm.forward(StepAction.SEGMENT)),
                item("Back one update\t\u2190", () -> vm.back(StepAction.L_UPDATE)),
                item("Run to halt", vm::runToHalt),
                item("Play / pause\tSpace", vm::togglePlay),
                item("Stop", vm::stop),
                item("Rerun", vm::rerun));
        var dark = new CheckMenuItem("Dark theme");
        dark.setId("dark-theme");
        dark.selectedProperty().addListener((o, was, now) -> ctx.theme().setDark(now));
        var view = new Menu("View", null, dark,
                item("Compare two models\u2026", () -> tabs.getSelectionModel().select(compareTab)));
        var help = new Menu("Help", null, item("Keyboard shortcuts", this::showShortcuts));
        var bar = new MenuBar(file, run, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private void keyPressed(KeyEvent e) {
        if (tabs.getSelectionModel().getSelectedItem() == compareTab) {
            compareView.keyPressed(e);
            return;
        }
        if (tabs.getSelectionModel().getSelectedItem() != inspectorTab) {
            return;
        }
        var focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof Spinner || focus instanceof ComboBoxBase) {
            return;
        }
        var vm = ctx.inspector();
        var action = e.isControlDown() || e.isShortcutDown() ? StepAction.SEGMENT
                : e.isShiftDown() ? StepAction.H_UPDATE : StepAction.L_UPDATE;
        if (e.getCode() == KeyCode.RIGHT) {
            vm.forward(action);
        } else if (e.getCode() == KeyCode.LEFT) {
            vm.back(action);
        } else if (e.getCode() == KeyCode.SPACE) {
            vm.togglePlay();
        } else if (e.getCode() == KeyCode.HOME) {
            vm.seek(0);
        } else if (e.getCode() == KeyCode.END) {
            vm.seek(Integer.MAX_VALUE);
        } else {
            return;
        }
        e.consume();
    }

    private void chooseCheckpoint() {
        var chooser = new FileChooser();
        chooser.setTitle("Open checkpoint");
        var f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            openModel(f.toPath());
        }
    }

    private void exportPng(int dpi) {
        var chooser = new FileChooser();
        chooser.setTitle("Export grid as PNG (" + dpi + " DPI)");
        chooser.setInitialFileName("grid_update_" + Math.max(0, ctx.inspector().getCursor()) + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        var f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            ctx.exporter().exportPng(ctx.inspector().boardProperty().get(), ctx.theme().getGridTheme(), f.toPath(),
                    dpi);
        }
    }

    private void exportOverlay(int dpi) {
        var snapshot = org.hrmlab.app.export.OverlaySnapshot.ofInspector(ctx.inspector());
        if (snapshot == null) {
            ctx.notices().error("nothing to export: run a puzzle and choose an overlay above the board (state change "
                    + "or confidence)");
            return;
        }
        var chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Folder for the overlay of update " + snapshot.frame().index() + " (" + dpi + " DPI)");
        var d = chooser.showDialog(getScene().getWindow());
        if (d != null) {
            ctx.overlayExporter().export(snapshot, ctx.theme().getGridTheme(), dpi, d.toPath());
        }
    }

    private void exportAnimation() {
        var source = AnimationSource.ofInspector(ctx.inspector());
        if (source == null) {
            ctx.notices().error("nothing to export: load a puzzle and step it first");
            return;
        }
        new AnimationDialog(getScene().getWindow(), source, ctx.theme().getGridTheme(),
                ctx.inspector().overlayLayerProperty().get(), ctx.animations(), ctx.notices()).show();
    }

    /** Writes every recorded update as {@code dir/frame_0000.png ...} with manifest.json and frames.csv. */
    public AnimationJob exportSequenceTo(Path dir, double dpi) {
        var settings = new AnimationSettings(AnimationFormat.PNG_SEQUENCE, FrameSelection.of(FrameFilter.ALL), 4,
                dpi, ctx.theme().getGridTheme());
        var source = AnimationSource.ofInspector(ctx.inspector());
        if (source == null) {
            throw new IllegalStateException("nothing to export: load a puzzle and step it first");
        }
        return ctx.animations().start(source, settings, dir);
    }

    private void showShortcuts() {
        var alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Stepping (Inspector tab)");
        alert.setContentText("""
                \u2192  one L-update forward (replays recorded updates first)
                Shift+\u2192  to the next H-update
                Ctrl+\u2192  to the end of the segment
                \u2190 / Shift+\u2190 / Ctrl+\u2190  back by an update, H-update, segment
                Space  play / pause      Home / End  first / last update""");
        alert.initOwner(getScene().getWindow());
        alert.show();
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        var t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private static MenuItem item(String text, Runnable action) {
        var i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }
}
