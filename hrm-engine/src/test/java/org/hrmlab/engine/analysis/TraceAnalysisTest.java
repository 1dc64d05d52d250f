package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceAnalysisTest {
    @Test
    void equalNForBothLatentsAndACurveOverTrajectoryCounts(@TempDir Path tmp) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dirs.add(SyntheticTraces.write(tmp.resolve("t" + i), 3, 2, 2, 1, 10, 6, 4, SyntheticTraces.random(i),
                    new int[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 0}));
        }
        AnalysisSettings s = AnalysisSettings.defaults().withTrajectoryCounts(List.of(2, 4));
        AnalysisResult r = TraceAnalysis.run(dirs, List.of(), s);
        ParticipationRatio l = r.pr().overall().get(Latent.Z_L);
        ParticipationRatio h = r.pr().overall().get(Latent.Z_H);
        assertEquals(5 * 3 * 10, l.samples(), "5 trajectories x 3 segment ends x 10 kept positions");
        assertEquals(l.samples(), h.samples());
        assertEquals(6, l.dimension());
        assertEquals(List.of(2, 2, 4, 4, 5, 5), r.pr().curve().stream().map(PrCurvePoint::trajectories).toList());
        assertTrue(l.naive() > 1 && l.naive() <= 6);
        PcaTrajectories pca = r.pca().get(Latent.Z_H);
        assertEquals(5, pca.trajectories().size());
        assertEquals(18, pca.trajectories().get(0).points().length, "every update");
        assertEquals(2, pca.pooledFit().componentCount());
        assertEquals(11, r.residuals().get(0).get(Latent.Z_L).size(), "12 L-updates, the first has no predecessor");
        DecodedProgress d = r.decoding().get(0);
        assertNotNull(d);
        assertTrue(d.hasLabels());
        assertEquals(3, d.segments().size());
    }

    @Test
    void sameInputsGiveTheSameNumbers(@TempDir Path tmp) throws IOException {
        List<Path> dirs = List.of(TraceReaderTest.GOLDEN, TraceReaderTest.GOLDEN);
        AnalysisResult a = TraceAnalysis.run(dirs, List.of(), AnalysisSettings.defaults());
        AnalysisResult b = TraceAnalysis.run(dirs, List.of(), AnalysisSettings.defaults());
        assertEquals(a.pr(), b.pr());
        assertEquals(List.of("golden", "golden-2"), a.names());
    }

    @Test
    void flattenedSamplesUseTheGramRouteAndAgreeWithTheCovariance(@TempDir Path tmp) throws IOException {
        List<TraceReader> traces = TraceAnalysis.open(List.of(TraceReaderTest.GOLDEN));
        AnalysisSettings flat = AnalysisSettings.defaults().withSampleUnit(SampleUnit.FLATTENED)
                .withPrUpdates(UpdateSelection.ALL_UPDATES);
        PrSummary gram = ParticipationAnalysis.run(traces, flat);
        ParticipationRatio pr = gram.overall().get(Latent.Z_L);
        assertEquals(18, pr.samples());
        assertEquals(81 * 64, pr.dimension());
        try (CovarianceAccumulator cov = new CovarianceAccumulator(81 * 64)) {
            TraceReader t = traces.get(0);
            for (int s = 0; s < t.stepCount(); s++) {
                cov.add(t.state(Latent.Z_L, s), 0, 1);
            }
            assertEquals(cov.participationRatio().naive(), pr.naive(), 1e-6 * pr.naive());
        }
    }
}
