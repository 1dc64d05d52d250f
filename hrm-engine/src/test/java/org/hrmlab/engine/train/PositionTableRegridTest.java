package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.hrmlab.engine.HostTensor;
import org.junit.jupiter.api.Test;

/** Learned positions carried from one square grid to another: edges to edges, parity kept, prefix rows kept. */
class PositionTableRegridTest {
    private static int[] rows(int newSide, int oldSide) {
        return IntStream.range(0, newSide).map(i -> PositionTableRegrid.sourceIndex(i, newSide, oldSide)).toArray();
    }

    @Test
    void aLargerGridTakesEachRowFromTheNearerEdgeAndRepeatsTheInnermostTwo() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 2, 3, 4, 5, 6}, rows(9, 7));
        assertArrayEquals(new int[] {0, 1, 2, 3, 2, 3, 2, 3, 4, 3, 4, 3, 4, 5, 6}, rows(15, 7));
        for (int i = 0; i < 15; i++) {
            assertEquals(i % 2, rows(15, 7)[i] % 2, "row " + i + " keeps its parity");
        }
    }

    @Test
    void aSmallerGridTakesTheRowsNearItsEdgesAndTheSameGridIsUnchanged() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 6, 7, 8}, rows(7, 9));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, rows(7, 7));
    }

    @Test
    void theTableIsRegriddedCellByCellBehindItsPrefixRows() {
        assertArrayEquals(new int[] {0, 1, 1}, rows(3, 2));
        // one prefix row (values 0, 1), then a 2x2 grid whose cell k holds (10k, 10k + 1)
        float[] old = {0, 1, 0, 1, 10, 11, 20, 21, 30, 31};
        HostTensor out = PositionTableRegrid.regrid(new HostTensor(new long[] {5, 2}, old), 1, 2, 3);
        assertArrayEquals(new long[] {10, 2}, out.shape());
        assertArrayEquals(new float[] {0, 1, 0, 1, 10, 11, 10, 11, 20, 21, 30, 31, 30, 31, 20, 21, 30, 31, 30, 31},
                out.data());
    }

    @Test
    void aTableThatIsNotItsGridIsRefused() {
        var table = new HostTensor(new long[] {5, 2}, new float[10]);
        assertThrows(IllegalArgumentException.class, () -> PositionTableRegrid.regrid(table, 0, 2, 3));
        assertEquals(-1, PositionTableRegrid.side(6));
        assertEquals(7, PositionTableRegrid.side(49));
    }
}
