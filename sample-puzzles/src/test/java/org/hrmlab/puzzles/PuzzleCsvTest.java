package org.hrmlab.puzzles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PuzzleCsvTest {
    private static final String CSV = "source,question,answer,rating\na,q0,x0,7\nb,q1,x1,2.6\nc,q2,x2,\n";

    @Test
    void readsRatingsAsWholeNumbersAndAnEmptyOneAsUnknown() throws Exception {
        List<Long> ratings = PuzzleCsv.readPuzzles(reader(CSV), "r.csv", row -> row.ratingValue("r.csv"));
        assertEquals(List.of(7L, 3L, -1L), ratings);
    }

    @Test
    void namesTheFileAndLineOfARatingThatIsNoNumber() {
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class, () -> PuzzleCsv.readPuzzles(
                reader(CSV + "d,q3,x3,high\n"), "r.csv", row -> row.ratingValue("r.csv")));
        assertTrue(e.getMessage().startsWith("r.csv: line 5 (row 3): rating 'high' is not a number"), e.getMessage());
    }

    @Test
    void parsesOnlyTheSelectedRowAndCountsTheRowsWhenItIsMissing() throws Exception {
        assertEquals("q1", PuzzleCsv.readPuzzle(reader(CSV + "bad,row\n"), "r.csv", 1, row -> {
            assertEquals(1, row.index());
            return row.question();
        }));
        PuzzleFormatException e = assertThrows(PuzzleFormatException.class,
                () -> PuzzleCsv.readPuzzle(reader(CSV), "r.csv", 3, PuzzleCsv.Row::question));
        assertTrue(e.getMessage().contains("r.csv: #3: no such row (the file has 3 rows)"), e.getMessage());
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
