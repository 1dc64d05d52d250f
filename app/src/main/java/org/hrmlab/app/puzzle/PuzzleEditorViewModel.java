package org.hrmlab.app.puzzle;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.hrmlab.app.shell.Notices;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.puzzles.maze.MazeSolver;
import org.hrmlab.puzzles.sudoku.SudokuRules;

/**
 * The puzzle editor: a working copy that clicks paint with the current brush (a digit, a maze cell or an ARC colour),
 * ARC grids that can be resized (input and expected output separately), live validation, and "run" which hands the
 * puzzle, with its answer recomputed where a solver exists (sample-puzzles' Sudoku solver for every board size, its
 * maze solver), to the inspector.
 */
public final class PuzzleEditorViewModel {
    /** Which grid of an ARC puzzle the brush paints. */
    public enum Target {
        INPUT, EXPECTED
    }

    public static final int MAX_SIDE = 30;
    private static final int WALL = MazeCell.WALL.code();
    private static final int OPEN = MazeCell.OPEN.code();
    private static final int START = MazeCell.START.code();
    private static final int GOAL = MazeCell.GOAL.code();

    private final ReadOnlyObjectWrapper<LabPuzzle> puzzle = new ReadOnlyObjectWrapper<>(SamplePuzzles.sudoku());
    private final IntegerProperty brush = new SimpleIntegerProperty(1);
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.INPUT);
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");
    private final Notices notices;
    private final Consumer<LabPuzzle> runner;

    /** @param runner receives the puzzle to run (the inspector's {@code loadPuzzle}) */
    public PuzzleEditorViewModel(Notices notices, Consumer<LabPuzzle> runner) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.runner = Objects.requireNonNull(runner, "runner");
        puzzle.addListener((o, was, now) -> validate());
        validate();
    }

    // Properties

    public ReadOnlyObjectProperty<LabPuzzle> puzzleProperty() {
        return puzzle.getReadOnlyProperty();
    }

    public LabPuzzle getPuzzle() {
        return puzzle.get();
    }

    /** The value a click paints. */
    public IntegerProperty brushProperty() {
        return brush;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    // Commands

    /** Starts editing a copy of {@code p}. */
    public void edit(LabPuzzle p) {
        puzzle.set(Objects.requireNonNull(p, "puzzle"));
        target.set(Target.INPUT);
        brush.set(switch (p.kind()) {
            case SUDOKU -> 1;
            case MAZE -> WALL;
            case ARC -> 1;
        });
    }

    public void newPuzzle(PuzzleKind kind) {
        edit(SamplePuzzles.blank(kind));
    }

    /**
     * Paints cell {@code index} of the target grid with the brush. S and G stay unique in a maze; a Sudoku takes the
     * digits of its size only.
     */
    public void paint(int index) {
        var p = puzzle.get();
        var grid = editedGrid();
        if (index < 0 || index >= grid.size()) {
            return;
        }
        int value = brush.get();
        if (p.kind() == PuzzleKind.MAZE) {
            if (grid.at(index) == value) {
                value = value == WALL ? OPEN : grid.at(index);
            }
            if (value == START || value == GOAL) {
                int[] cells = grid.cells();
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] == value) {
                        cells[i] = OPEN;
                    }
                }
                grid = new CellGrid(grid.rows(), grid.cols(), cells);
            }
        } else if (p.kind() == PuzzleKind.SUDOKU) {
            if (value > grid.rows()) {
                return;
            }
            if (grid.at(index) == value) {
                value = 0;
            }
        }
        setEditedGrid(grid.with(index, value));
    }

    /** Resizes the target grid (ARC and maze), keeping the top-left overlap. */
    public void resize(int rows, int cols) {
        var p = puzzle.get();
        if (p.kind() == PuzzleKind.SUDOKU) {
            return;
        }
        if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
            notices.error("grid size must be 1.." + MAX_SIDE + " on each side, got " + rows + "x" + cols);
            return;
        }
        int fill = p.kind() == PuzzleKind.MAZE ? OPEN : 0;
        var grid = editedGrid();
        if (grid.isEmpty()) {
            grid = CellGrid.filled(rows, cols, fill);
        }
        setEditedGrid(grid.resized(rows, cols, fill));
    }

    public void clear() {
        var p = puzzle.get();
        var grid = editedGrid();
        int fill = p.kind() == PuzzleKind.MAZE ? OPEN : 0;
        setEditedGrid(CellGrid.filled(Math.max(1, grid.rows()), Math.max(1, grid.cols()), fill));
    }

    /** Sends the puzzle to the inspector, with its answer recomputed for Sudoku and maze. */
    public void run() {
        var p = puzzle.get();
        var answer = p.kind() == PuzzleKind.ARC ? p.answer() : p.solve();
        if (answer.isEmpty() && p.kind() != PuzzleKind.ARC) {
            notices.info(p.name() + ": no solution; running without a known answer");
        }
        runner.accept(p.withAnswer(answer));
    }

    /** The grid the brush edits now. */
    public CellGrid editedGrid() {
        var p = puzzle.get();
        return p.kind() == PuzzleKind.ARC && target.get() == Target.EXPECTED ? p.answer() : p.input();
    }

    private void setEditedGrid(CellGrid grid) {
        var p = puzzle.get();
        if (p.kind() == PuzzleKind.ARC && target.get() == Target.EXPECTED) {
            puzzle.set(p.withAnswer(grid));
        } else if (p.kind() == PuzzleKind.ARC) {
            puzzle.set(p.withInput(grid));
        } else {
            puzzle.set(p.withInput(grid).withAnswer(CellGrid.EMPTY));
        }
    }

    private void validate() {
        var p = puzzle.get();
        validation.set(switch (p.kind()) {
            case SUDOKU -> {
                var shape = p.sudokuShape();
                int conflicts = shape == null ? 0 : SudokuRules.conflicts(shape, p.input().cells()).count();
                int clues = 0;
                for (int v : p.input().cells()) {
                    clues += v != 0 ? 1 : 0;
                }
                yield clues + " clues" + (conflicts > 0 ? " \u00b7 " + conflicts + " cells in conflict" : "");
            }
            case MAZE -> {
                String ends = MazeSolver.checkEndpoints(p.input().toGrid());
                yield ends != null ? ends : p.solve().isEmpty() ? "no path from S to G" : "S reaches G";
            }
            case ARC -> "input " + p.input().rows() + "\u00d7" + p.input().cols() + " \u00b7 expected "
                    + (p.answer().isEmpty() ? "none" : p.answer().rows() + "\u00d7" + p.answer().cols());
        });
    }
}
