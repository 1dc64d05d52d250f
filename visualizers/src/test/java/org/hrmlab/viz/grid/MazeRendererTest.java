package org.hrmlab.viz.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.hrmlab.puzzles.MazeCell;
import org.junit.jupiter.api.Test;

class MazeRendererTest {
    private static final GridTheme T = GridTheme.DARK;
    private static final int WALL = MazeCell.WALL.code();
    private static final int OPEN = MazeCell.OPEN.code();
    private static final int START = MazeCell.START.code();
    private static final int GOAL = MazeCell.GOAL.code();

    @Test
    void wallsStartGoalPathAndFadedCellsHaveTheirColours() {
        int[] cells = {START, OPEN, WALL, OPEN, OPEN, GOAL};
        boolean[] path = {false, true, false, false, false, false};
        float[] fade = {0, 0, 0, 1f, 0.5f, 0};
        var b = new MazeBoard(2, 3, cells, path, new boolean[6], fade);
        assertEquals(T.start(), MazeRenderer.fillOf(b, 0, T));
        assertEquals(T.path(), MazeRenderer.fillOf(b, 1, T));
        assertEquals(T.wall(), MazeRenderer.fillOf(b, 2, T));
        assertEquals(T.removed(), MazeRenderer.fillOf(b, 3, T));
        var half = MazeRenderer.fillOf(b, 4, T);
        assertNotEquals(T.removed(), half);
        assertNotEquals(T.open(), half);
        assertEquals(T.goal(), MazeRenderer.fillOf(b, 5, T));
        assertEquals("S", MazeRenderer.labelOf(b, 0));
        assertEquals("G", MazeRenderer.labelOf(b, 5));
        assertEquals("", MazeRenderer.labelOf(b, 1));
    }

    @Test
    void openCellWithoutFadeIsOpen() {
        var b = MazeBoard.of(1, 2, new int[] {OPEN, WALL}, new boolean[2]);
        assertEquals(T.open(), MazeRenderer.fillOf(b, 0, T));
    }
}
