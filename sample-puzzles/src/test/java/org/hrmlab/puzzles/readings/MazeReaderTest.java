package org.hrmlab.puzzles.readings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MazeReaderTest {
    private static final String[] MAZE = {
        "#####",
        "#S  #",
        "# # #",
        "#  G#",
        "#####"};

    private static int[] grid(String... lines) {
        return String.join("", lines).chars().toArray();
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
        assertEquals(4, both.added());
        assertEquals(0, both.removed());
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
        assertEquals(1, direct.added());
        assertEquals(9, direct.removed());
    }
}
