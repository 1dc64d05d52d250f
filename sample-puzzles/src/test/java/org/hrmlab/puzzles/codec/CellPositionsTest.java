package org.hrmlab.puzzles.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.SudokuShape;
import org.junit.jupiter.api.Test;

/** Where each codec puts a grid's cells in the token sequence, and per-position values read back at the cells. */
class CellPositionsTest {
    @Test
    void sudokuAndMazeCellsFillTheSequenceRowMajor() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                new SudokuCodec(SudokuShape.FOUR).cellPositions(4, 4));
        var maze = new MazeCodec(2, 3);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, maze.cellPositions(2, 3));
        assertArrayEquals(new float[] {0.5f, 1, 2, 3, 4, 5.5f},
                maze.atCells(new float[] {0.5f, 1, 2, 3, 4, 5.5f}, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> maze.cellPositions(3, 3));
        assertThrows(IllegalArgumentException.class, () -> maze.atCells(new float[5], 2, 3));
    }

    @Test
    void anArcGridSitsTopLeftOnTheCanvasWithRowsOneSideApart() {
        var codec = ArcCodec.of(4);
        assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6}, codec.cellPositions(2, 3));
        float[] perPosition = new float[16];
        for (int p = 0; p < 16; p++) {
            perPosition[p] = p / 10f;
        }
        assertArrayEquals(new float[] {0, 0.1f, 0.2f, 0.4f, 0.5f, 0.6f}, codec.atCells(perPosition, 2, 3));
        assertArrayEquals(new int[0], codec.cellPositions(0, 0));
        assertThrows(IllegalArgumentException.class, () -> codec.cellPositions(5, 1));
    }

    @Test
    void positionsAreWhereEncodePutsEachCell() {
        Grid arc = Grid.of(new int[][] {{3, 1, 4}, {1, 5, 9}});
        var codec = ArcCodec.INSTANCE;
        int[] tokens = codec.encode(arc);
        int[] positions = codec.cellPositions(2, 3);
        assertEquals(32, positions[5], "row 1, column 2 of the 30x30 canvas: 30 + 2");
        for (int i = 0; i < positions.length; i++) {
            assertEquals(arc.at(i) + ArcCodec.COLOUR_OFFSET, tokens[positions[i]]);
        }
        Grid maze = Grid.of(new int[][] {{0, 1, 2}, {1, 3, 1}});
        var mazeCodec = new MazeCodec(2, 3);
        int[] mazeTokens = mazeCodec.encode(maze);
        int[] mazePositions = mazeCodec.cellPositions(2, 3);
        for (int i = 0; i < mazePositions.length; i++) {
            assertEquals(maze.at(i) + 1, mazeTokens[mazePositions[i]]);
        }
    }
}
