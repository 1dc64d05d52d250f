package org.hrmlab.app.puzzle;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.hrmlab.app.shell.ThemeModel;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.viz.fx.ResizableCanvas;
import org.hrmlab.viz.grid.ArcBoard;
import org.hrmlab.viz.grid.ArcPalette;
import org.hrmlab.viz.grid.ArcRenderer;
import org.hrmlab.viz.grid.ColorGrid;
import org.hrmlab.viz.grid.GridGeometry;
import org.hrmlab.viz.grid.MazeBoard;
import org.hrmlab.viz.grid.MazeRenderer;
import org.hrmlab.viz.grid.SudokuBoard;
import org.hrmlab.viz.grid.SudokuRenderer;

/** The puzzle editor: click cells to paint with the chosen brush; digits 0-9 on the keyboard pick the brush. */
public final class PuzzleEditorView extends BorderPane {
    private static final double MARGIN = 16;
    private final PuzzleEditorViewModel vm;
    private final ThemeModel theme;
    private final ResizableCanvas canvas = new ResizableCanvas();
    private final FlowPane brushes = new FlowPane(6, 6);
    private final ToggleGroup brushGroup = new ToggleGroup();
    private final Spinner<Integer> rows = new Spinner<>(1, PuzzleEditorViewModel.MAX_SIDE, 5);
    private final Spinner<Integer> cols = new Spinner<>(1, PuzzleEditorViewModel.MAX_SIDE, 5);
    private final VBox sizeBox = new VBox(6);
    private final VBox targetBox = new VBox(6);
    private final Label title = new Label();
    private final Label validation = new Label();

    public PuzzleEditorView(PuzzleEditorViewModel vm, ThemeModel theme) {
        this.vm = vm;
        this.theme = theme;
        getStyleClass().add("editor-view");
        createView();
        bindViewModel();
    }

    private void createView() {
        canvas.setId("editor-canvas");
        canvas.setPainter(this::paint);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::click);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::click);
        var center = new StackPane(canvas);
        center.setMinSize(200, 200);
        setCenter(center);

        var newMenu = new MenuButton("New");
        for (var kind : PuzzleKind.values()) {
            var item = new MenuItem(kind.label());
            item.setOnAction(e -> vm.newPuzzle(kind));
            newMenu.getItems().add(item);
        }
        var clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        var run = new Button("Run in inspector");
        run.setId("editor-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> vm.run());
        var resize = new Button("Resize");
        resize.setOnAction(e -> vm.resize(rows.getValue(), cols.getValue()));
        rows.setPrefWidth(80);
        cols.setPrefWidth(80);
        rows.setEditable(true);
        cols.setEditable(true);
        sizeBox.getChildren().addAll(new Label("Rows \u00d7 columns"), new HBox(6, rows, cols, resize));
        var targetGroup = new ToggleGroup();
        var input = new RadioButton("paint input");
        var expected = new RadioButton("paint expected output");
        input.setToggleGroup(targetGroup);
        expected.setToggleGroup(targetGroup);
        input.setSelected(true);
        targetGroup.selectedToggleProperty().addListener((o, was, now) -> vm.targetProperty().set(
                now == expected ? PuzzleEditorViewModel.Target.EXPECTED : PuzzleEditorViewModel.Target.INPUT));
        targetBox.getChildren().addAll(input, expected);
        title.getStyleClass().add(Styles.TITLE_4);
        validation.setId("editor-validation");
        validation.setWrapText(true);
        brushes.setPrefWrapLength(220);
        var side = new VBox(12, title, new HBox(8, newMenu, clear), new Label("Brush (keys 0-9)"), brushes,
                targetBox, sizeBox, validation, run);
        side.setPadding(new Insets(16));
        side.setPrefWidth(280);
        side.getStyleClass().add("editor-side");
        setRight(side);
        addEventFilter(KeyEvent.KEY_TYPED, this::typed);
    }

    private void bindViewModel() {
        vm.puzzleProperty().addListener((o, was, now) -> puzzleChanged(was, now));
        vm.targetProperty().addListener((o, was, now) -> canvas.repaint());
        vm.brushProperty().addListener((o, was, now) -> selectBrush(now.intValue()));
        validation.textProperty().bind(vm.validationProperty());
        theme.gridThemeProperty().addListener((o, was, now) -> canvas.repaint());
        puzzleChanged(null, vm.getPuzzle());
    }

    private void puzzleChanged(LabPuzzle was, LabPuzzle now) {
        title.setText(now.name());
        if (was == null || was.kind() != now.kind() || was.input().rows() != now.input().rows()) {
            buildBrushes(now);
        }
        sizeBox.setVisible(now.kind() != PuzzleKind.SUDOKU);
        sizeBox.setManaged(now.kind() != PuzzleKind.SUDOKU);
        targetBox.setVisible(now.kind() == PuzzleKind.ARC);
        targetBox.setManaged(now.kind() == PuzzleKind.ARC);
        var grid = vm.editedGrid();
        rows.getValueFactory().setValue(Math.max(1, grid.rows()));
        cols.getValueFactory().setValue(Math.max(1, grid.cols()));
        canvas.repaint();
    }

    private void buildBrushes(LabPuzzle p) {
        brushes.getChildren().clear();
        brushGroup.getToggles().clear();
        switch (p.kind()) {
            case SUDOKU -> {
                for (int d = 0; d <= p.input().rows(); d++) {
                    addBrush(d == 0 ? "erase" : Integer.toString(d), d, null);
                }
            }
            case MAZE -> {
                addBrush("wall", MazeCell.WALL.code(), theme.getGridTheme().wall());
                addBrush("open", MazeCell.OPEN.code(), theme.getGridTheme().open());
                addBrush("start S", MazeCell.START.code(), theme.getGridTheme().start());
                addBrush("goal G", MazeCell.GOAL.code(), theme.getGridTheme().goal());
            }
            case ARC -> {
                for (int c = 0; c < ArcPalette.SIZE; c++) {
                    addBrush(Integer.toString(c), c, ArcPalette.color(c));
                }
            }
            default -> { }
        }
        selectBrush(vm.brushProperty().get());
    }

    private void addBrush(String text, int value, Color swatch) {
        var b = new ToggleButton(text);
        b.setUserData(value);
        b.setToggleGroup(brushGroup);
        b.setId("brush-" + value);
        if (swatch != null) {
            var r = new Rectangle(12, 12, swatch);
            r.setStroke(Color.GRAY);
            b.setGraphic(r);
        }
        b.setOnAction(e -> vm.brushProperty().set(value));
        brushes.getChildren().add(b);
    }

    private void selectBrush(int value) {
        for (var t : brushGroup.getToggles()) {
            t.setSelected(Integer.valueOf(value).equals(t.getUserData()));
        }
    }

    private void typed(KeyEvent e) {
        String ch = e.getCharacter();
        if (ch.length() == 1 && Character.isDigit(ch.charAt(0)) && vm.getPuzzle().kind() != PuzzleKind.MAZE) {
            vm.brushProperty().set(ch.charAt(0) - '0');
            e.consume();
        }
    }

    private void click(MouseEvent e) {
        int index = cellAt(e.getX(), e.getY());
        if (index >= 0 && (e.getEventType() == MouseEvent.MOUSE_PRESSED || vm.editedGrid().at(index)
                != vm.brushProperty().get())) {
            vm.paint(index);
        }
    }

    private int cellAt(double x, double y) {
        var p = vm.getPuzzle();
        if (p.kind() != PuzzleKind.ARC) {
            return GridGeometry.fit(canvas.getWidth(), canvas.getHeight(), p.input().rows(), p.input().cols(), MARGIN)
                    .cellAt(x, y);
        }
        String wanted = vm.targetProperty().get() == PuzzleEditorViewModel.Target.EXPECTED ? "expected" : "input";
        for (var panel : ArcRenderer.layout(arcBoard(p), canvas.getWidth(), canvas.getHeight())) {
            if (panel.title().equals(wanted)) {
                return panel.geometry().cellAt(x, y);
            }
        }
        return -1;
    }

    private static ArcBoard arcBoard(LabPuzzle p) {
        var in = new ColorGrid(p.input().rows(), p.input().cols(), p.input().cells());
        var out = p.answer().isEmpty() ? ColorGrid.EMPTY
                : new ColorGrid(p.answer().rows(), p.answer().cols(), p.answer().cells());
        return new ArcBoard(in, ColorGrid.EMPTY, out);
    }

    private void paint(GraphicsContext g, double w, double h) {
        var t = theme.getGridTheme();
        var p = vm.getPuzzle();
        g.setFill(t.background());
        g.fillRect(0, 0, w, h);
        var in = p.input();
        switch (p.kind()) {
            case SUDOKU -> SudokuRenderer.draw(g, GridGeometry.fit(w, h, in.rows(), in.cols(), MARGIN),
                    SudokuBoard.of(in.rows(), in.cells(), p.givens()), t);
            case MAZE -> MazeRenderer.draw(g, GridGeometry.fit(w, h, in.rows(), in.cols(), MARGIN),
                    MazeBoard.of(in.rows(), in.cols(), in.cells(), new boolean[in.size()]), t);
            case ARC -> ArcRenderer.draw(g, w, h, arcBoard(p), t);
            default -> { }
        }
    }
}
