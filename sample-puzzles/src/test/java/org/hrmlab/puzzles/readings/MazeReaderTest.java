package org.hrmlab.puzzles.readings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.puzzles.MazeCell;
import org.junit.jupiter.api.Test;

class MazeReaderTest {
    private static final String[] MAZE = {
        "#####",
        "#S  #",
        "# # #",
        "#  G#",
        "#####"};

    private static int[] grid(String... lines) {
        return String.join("", lines).chars().map(ch -> MazeCell.ofSymbol((char) ch).code()).toArray();
    }

    @Test
    void shortestRouteIsRecognised() {
        MazeReader reader = new MazeReader(grid(MAZE), 5, 5);
        assertEquals(4, reader.shortestLength());
        MazeReading r = reader.next(grid("#####", "#Soo#", "# #o#", "#  G#", "#####"));
        assertTrue(r.connected());
        assertTrue(r.shortest());
        assertTrue(r.exact());
        assertEquals(3, r.pathCells());
        assertEquals(1, r.components());
    }

    @Test
    void extraCellsAndBrokenPathsAreRead() {
        MazeReader reader = new MazeReader(grid(MAZE), 5, 5);
        MazeReading broken = reader.next(grid("#####", "#So #", "# # #", "#o G#", "#####"));
        assertFalse(broken.connected());
        assertEquals(-1, broken.pathLength());
        assertEquals(2, broken.components());
        MazeReading both = reader.next(grid("#####", "#Soo#", "#o#o#", "#ooG#", "#####"));
        assertTrue(both.connected());
        assertTrue(both.shortest());
        assertFalse(both.exact());
        assertEquals(4, both.addedCount());
        assertEquals(0, both.removedCount());
        assertTrue(both.added()[11] && !both.added()[7]);
        assertEquals(2, both.components(), "path cells only; S and G do not join components");
    }

    @Test
    void aLongerRouteIsNotShortest() {
        MazeReader reader = new MazeReader(grid("#######", "#S G  #", "# ### #", "#     #", "#######"), 5, 7);
        assertEquals(2, reader.shortestLength());
        MazeReading detour = reader.next(grid("#######", "#S Goo#", "#o###o#", "#ooooo#", "#######"));
        assertTrue(detour.connected());
        assertEquals(10, detour.pathLength());
        assertFalse(detour.shortest());
        assertFalse(detour.exact());
        MazeReading direct = reader.next(grid("#######", "#SoG  #", "# ### #", "#     #", "#######"));
        assertTrue(direct.shortest());
        assertTrue(direct.exact());
        assertEquals(1, direct.addedCount());
        assertEquals(9, direct.removedCount());
    }

    @Test
    void onlyOpenCellsArePathCells() {
        MazeReader reader = new MazeReader(grid(MAZE), 5, 5);
        MazeReading r = reader.next(grid("#####", "#Soo#", "#o#o#", "#  G#", "oo###"));
        assertEquals(4, r.pathCells(), "path on walls does not count");
        assertFalse(r.path()[20]);
    }

    @Test
    void aMazeWithoutStartOrGoalIsNeverConnected() {
        MazeReader reader = new MazeReader(grid("#####", "#   #", "# # #", "#  G#", "#####"), 5, 5);
        assertEquals(-1, reader.shortestLength());
        MazeReading r = reader.next(grid("#####", "#oo #", "# # #", "#  G#", "#####"));
        assertFalse(r.connected());
        assertEquals(2, r.pathCells());
        assertEquals(1, r.components());
    }
}
