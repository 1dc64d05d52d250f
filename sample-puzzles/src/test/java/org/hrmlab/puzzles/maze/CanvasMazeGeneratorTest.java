package org.hrmlab.puzzles.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.hrmlab.puzzles.Grid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.MazePuzzle;
import org.junit.jupiter.api.Test;

class CanvasMazeGeneratorTest {
    private static CanvasMazeGenerator generator(long seed) {
        return new CanvasMazeGenerator(15, new int[] {5, 9, 15}, MazeGenerator.DEFAULT_LOOP_FRACTION,
                side -> MazeDifficulty.preset("hard", side, side), seed);
    }

    @Test
    void placesMazesOfEachSideOnTheCanvasWithTheirShortestPathKept() {
        CanvasMazeGenerator gen = generator(5);
        Set<Integer> sides = new TreeSet<>();
        Set<Integer> smallCorners = new TreeSet<>();
        for (int i = 0; i < 60; i++) {
            MazePuzzle m = gen.next("m" + i);
            assertEquals(15, m.maze().rows());
            assertEquals(15, m.maze().cols());
            int[] box = openBox(m.maze());
            int side = box[2] - box[0] + 1;
            assertEquals(side, box[3] - box[1] + 1, "a placed maze is square");
            sides.add(side);
            if (side == 5) {
                smallCorners.add(box[0] * 100 + box[1]);
            }
            MazeSolver.Solution s = MazeSolver.solve(m.maze());
            assertTrue(s.unique());
            assertEquals(s.length(), m.rating());
            assertEquals(s.solved(), m.solution());
            assertNull(MazeSolver.checkAnswer(m.maze(), m.solution()));
            assertTrue(m.rating() >= MazeDifficulty.preset("hard", side, side).minPathLength(),
                    "path " + m.rating() + " in a " + side + "-maze");
        }
        assertEquals(Set.of(5, 9, 15), sides);
        assertTrue(smallCorners.size() > 3, "small mazes are placed all over the canvas: " + smallCorners);
        assertTrue(smallCorners.stream().allMatch(k -> k / 100 % 2 == 0 && k % 100 % 2 == 0),
                "corridors stay on even coordinates: " + smallCorners);
    }

    @Test
    void theSameSeedGivesTheSameMazes() {
        CanvasMazeGenerator a = generator(9);
        CanvasMazeGenerator b = generator(9);
        CanvasMazeGenerator c = generator(10);
        boolean differs = false;
        for (int i = 0; i < 10; i++) {
            MazePuzzle x = a.next("m");
            assertEquals(x, b.next("m"));
            differs |= !x.equals(c.next("m"));
        }
        assertTrue(differs);
    }

    @Test
    void rejectsSidesThatDoNotFit() {
        assertThrows(IllegalArgumentException.class, () -> new CanvasMazeGenerator(9, new int[] {5, 11}, 0,
                side -> MazeDifficulty.any(), 1));
        assertThrows(IllegalArgumentException.class, () -> new CanvasMazeGenerator(9, new int[0], 0,
                side -> MazeDifficulty.any(), 1));
    }

    /** @return {top, left, bottom, right} of the cells that are not walls */
    private static int[] openBox(Grid g) {
        int[] box = {g.rows(), g.cols(), -1, -1};
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                if (g.get(r, c) != MazeCell.WALL.code()) {
                    box[0] = Math.min(box[0], r);
                    box[1] = Math.min(box[1], c);
                    box[2] = Math.max(box[2], r);
                    box[3] = Math.max(box[3], c);
                }
            }
        }
        return box;
    }
}
