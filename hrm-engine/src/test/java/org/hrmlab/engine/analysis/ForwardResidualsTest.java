package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardResidualsTest {
    @Test
    void aFixedPointHasZeroResiduals(@TempDir Path tmp) throws IOException {
        SyntheticTraces.StateGenerator constant = (latent, step, state) -> Arrays.fill(state, 0.5f);
        Path dir = SyntheticTraces.write(tmp.resolve("t"), 2, 2, 2, 1, 6, 4, 3, constant, null);
        TraceReader t = TraceReader.open(dir);
        Map<Latent, ResidualSeries> r = ForwardResiduals.of(t, t.keptPositions(false, true, 0));
        for (ResidualSeries s : r.values()) {
            for (double v : s.relative()) {
                assertEquals(0.0, v, 0.0);
            }
        }
        assertArrayEquals(new int[] {1, 3, 4, 6, 7, 9, 10}, r.get(Latent.Z_L).steps());
        assertArrayEquals(new int[] {2, 5, 8, 11}, r.get(Latent.Z_H).steps());
    }

    @Test
    void relativeResidualOfAScaledStateIsTheScaleChange(@TempDir Path tmp) throws IOException {
        SyntheticTraces.StateGenerator growing = (latent, step, state) -> {
            for (int i = 0; i < state.length; i++) {
                state[i] = (float) ((i % 3 + 1) * Math.pow(2, step));
            }
        };
        Path dir = SyntheticTraces.write(tmp.resolve("t"), 1, 1, 2, 0, 3, 2, 3, growing, null);
        TraceReader t = TraceReader.open(dir);
        ResidualSeries l = ForwardResiduals.of(t, Latent.Z_L, t.keptPositions(false, true, 0));
        // zL at step 0 is 1x, at step 1 is 2x the same pattern: ||2z - z|| / ||z|| = 1
        assertEquals(1.0, l.relative()[0], 1e-6);
        assertEquals(2 * l.norm()[0] / 2, l.norm()[0], 0);
    }

    @Test
    void matchesADirectComputationOnTheGoldenTrace() throws IOException {
        TraceReader t = TraceReader.open(TraceReaderTest.GOLDEN);
        ResidualSeries h = ForwardResiduals.of(t, Latent.Z_H, t.keptPositions(false, true, 0));
        float[] a = t.state(Latent.Z_H, 2);
        float[] b = t.state(Latent.Z_H, 5);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (b[i] - a[i]) * (double) (b[i] - a[i]);
            norm += a[i] * (double) a[i];
        }
        assertEquals(5, h.steps()[1]);
        assertEquals(Math.sqrt(diff / norm), h.relative()[1], 1e-9);
    }
}
