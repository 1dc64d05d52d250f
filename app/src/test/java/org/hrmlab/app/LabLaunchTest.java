package org.hrmlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrmlab.puzzles.PuzzleKind;
import org.junit.jupiter.api.Test;

/** {@code hrmlab --checkpoint C [--puzzle P]}: what the lab opens on, checked before a window appears. */
class LabLaunchTest {
    @Test
    void opensOnTheGivenModelAndPuzzle() {
        LabLaunch l = LabLaunch.parse("--checkpoint", TestData.SUDOKU_SMALL_CHECKPOINT.toString(),
                "--puzzle=" + TestData.MAGICTOUR_CSV + "#2");
        assertNotNull(l.checkpoint());
        assertEquals("step_0", l.name());
        assertEquals(PuzzleKind.SUDOKU, l.puzzle().kind());
        assertEquals(81, l.puzzle().input().size());
    }

    @Test
    void opensOnAShippedModelByName() {
        LabLaunch l = LabLaunch.parse("--checkpoint", "shipped:trm-sudoku-9x9", "--puzzle", "bundled:sudoku/9x9-hard#2");
        assertNotNull(l.checkpoint());
        assertEquals("shipped:trm-sudoku-9x9", l.name());
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> LabLaunch.parse("--checkpoint", "shipped:sudoku-99x99"));
        assertTrue(unknown.getMessage().contains("no shipped model sudoku-99x99"), unknown.getMessage());
        assertEquals(1, unknown.getMessage().lines().count());
    }

    @Test
    void noArgumentsOpenTheDefaultsAndCommandsAreNotLaunches() {
        assertSame(LabLaunch.DEFAULT, LabLaunch.parse());
        assertNull(LabLaunch.parse("trace", "--checkpoint", "x"));
    }

    @Test
    void badFilesAreOneLineNamingTheFile() {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> LabLaunch.parse("--checkpoint", "/nonexistent/model.safetensors"));
        assertTrue(missing.getMessage().contains("/nonexistent/model.safetensors"), missing.getMessage());
        assertEquals(1, missing.getMessage().lines().count());
        var puzzle = assertThrows(IllegalArgumentException.class, () -> LabLaunch.parse("--puzzle", "/nope.csv"));
        assertTrue(puzzle.getMessage().contains("/nope.csv"), puzzle.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabLaunch.parse("--puzzle"));
        assertThrows(IllegalArgumentException.class, () -> LabLaunch.parse("--checkpoint", "a", "--speed", "2"));
    }
}
