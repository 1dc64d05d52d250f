package org.hrmlab.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.compute.TestBackends;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.model.Moments;
import org.hrmlab.engine.model.ParityWeights;
import org.hrmlab.engine.step.Readout;
import org.hrmlab.engine.trace.TraceRecorder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming participation ratio (batched, no traces) gives the trace-based analysis' numbers: the same PR,
 * bias-corrected PR, N and curve in the same seeded order, and the same PCA spectrum.
 */
class StreamingParticipationTest {
    static final HrmConfig CONFIG = HrmConfig.builder().seqLen(16).vocabSize(7).numPuzzleIdentifiers(3)
            .hiddenSize(32).numHeads(2).hLayers(1).lLayers(1).haltMaxSteps(3).build();
    static final int PUZZLES = 7;

    @TempDir
    Path dir;

    private static List<int[]> tokens() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < PUZZLES; i++) {
            int[] t = ParityWeights.tokens(CONFIG.seqLen(), CONFIG.vocabSize(), 50 + i);
            for (int j = 0; j < t.length; j++) {
                t[j] = 1 + t[j] % (CONFIG.vocabSize() - 1);
            }
            out.add(t);
        }
        return out;
    }

    private static int[] ids() {
        int[] ids = new int[PUZZLES];
        for (int i = 0; i < PUZZLES; i++) {
            ids[i] = i % CONFIG.numPuzzleIdentifiers();
        }
        return ids;
    }

    private AnalysisResult traced(Map<String, HostTensor> w, AnalysisSettings settings) throws Exception {
        List<Path> dirs = new ArrayList<>();
        try (HrmModel model = HrmModel.onCpu(CONFIG, w)) {
            for (int i = 0; i < PUZZLES; i++) {
                Path d = dir.resolve("t" + i);
                TraceRecorder.record(model, tokens().get(i), ids()[i], null, CONFIG.haltMaxSteps(), Readout.HIGH_STATE, d,
                        Map.of());
                dirs.add(d);
            }
        }
        return TraceAnalysis.run(dirs, List.of(), settings);
    }

    @Tag(TestBackends.TAG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hrmlab.engine.compute.TestBackends#names")
    void theBackendsStatisticsMatchTheHostsOnTheSameStates(String backend) {
        Map<String, HostTensor> w = ParityWeights.random(CONFIG, 11);
        StreamingParticipation.Result device;
        StreamingParticipation.Result host;
        try (HrmModel model = TestBackends.open(backend, CONFIG, w)) {
            device = StreamingParticipation.run(model, tokens(), ids(), UpdateSelection.H_UPDATES, 4, List.of(3), 5, 2);
            host = StreamingParticipation.run(model, tokens(), ids(), UpdateSelection.H_UPDATES, 4, List.of(3), 5, 2,
                    true);
        }
        System.out.printf(java.util.Locale.ROOT, "parity | %s | streamed PR on the device vs the host: zH %.6f vs "
                + "%.6f, zL %.6f vs %.6f, N %d%n", backend, device.pr().overall().get(Latent.Z_H).naive(),
                host.pr().overall().get(Latent.Z_H).naive(), device.pr().overall().get(Latent.Z_L).naive(),
                host.pr().overall().get(Latent.Z_L).naive(), device.samples());
        assertEquals(host.samples(), device.samples());
        for (int i = 0; i < host.pr().curve().size(); i++) {
            var a = host.pr().curve().get(i).pr();
            var b = device.pr().curve().get(i).pr();
            assertEquals(a.samples(), b.samples());
            assertEquals(a.naive(), b.naive(), 1e-9 * a.naive());
        }
        for (Latent latent : Latent.values()) {
            double[] va = host.fits().get(latent).explainedVariance();
            double[] vb = device.fits().get(latent).explainedVariance();
            assertEquals(va[0], vb[0], 1e-9 * va[0]);
            assertEquals(va[1], vb[1], 1e-9 * va[1]);
        }
    }

    @Test
    void matchesTheTraceBasedAnalysis() throws Exception {
        String backend = "cpu";
        Map<String, HostTensor> w = ParityWeights.random(CONFIG, 9);
        AnalysisSettings settings = AnalysisSettings.defaults().withPcaSampleUnit(SampleUnit.PER_TOKEN);
        settings = new AnalysisSettings(settings.sampleUnit(), SampleUnit.PER_TOKEN, settings.prUpdates(),
                settings.prUpdates(), false, false, 0, List.of(2, 5), 2, PcaScope.POOLED, 2, 77, Precision.FLOAT64);
        StreamingParticipation.Result streamed;
        try (HrmModel model = TestBackends.open(backend, CONFIG, w)) {
            streamed = StreamingParticipation.run(model, tokens(), ids(), UpdateSelection.SEGMENT_ENDS, 3,
                    List.of(2, 5), 77, 2);
        }
        ParticipationAnalysis.Outcome want = ParticipationAnalysis.run(TraceAnalysis.open(traceDirs(w)), settings, 2);
        assertEquals(want.summary().order(), streamed.pr().order());
        assertEquals(want.summary().curve().size(), streamed.pr().curve().size());
        for (int i = 0; i < want.summary().curve().size(); i++) {
            PrCurvePoint a = want.summary().curve().get(i);
            PrCurvePoint b = streamed.pr().curve().get(i);
            assertEquals(a.trajectories(), b.trajectories());
            assertEquals(a.latent(), b.latent());
            assertEquals(a.pr().samples(), b.pr().samples());
            assertEquals(a.pr().naive(), b.pr().naive(), 1e-4 * a.pr().naive(), "PR at " + a.trajectories());
            assertEquals(a.pr().corrected(), b.pr().corrected(), 1e-4 * a.pr().corrected());
        }
        for (Latent latent : Latent.values()) {
            double[] va = want.fits().get(latent).explainedVariance();
            double[] vb = streamed.fits().get(latent).explainedVariance();
            for (int k = 0; k < 2; k++) {
                assertEquals(va[k], vb[k], 1e-4 * va[k], latent + " component " + k);
            }
        }
        assertEquals(PUZZLES * CONFIG.haltMaxSteps() * CONFIG.seqLen(), streamed.samples());
    }

    private List<Path> traceDirs(Map<String, HostTensor> w) throws Exception {
        traced(w, AnalysisSettings.defaults());
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < PUZZLES; i++) {
            dirs.add(dir.resolve("t" + i));
        }
        return dirs;
    }

    @Test
    void momentsMergeExactly() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        int d = 3;
        double[][] x = new double[40][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                row[i] = rng.nextGaussian() * (i + 1) + 5;
            }
        }
        Moments all = of(x, 0, 40);
        Moments merged = of(x, 0, 7).merge(of(x, 7, 31)).merge(of(x, 31, 40));
        assertEquals(all.count(), merged.count());
        for (int i = 0; i < d * d; i++) {
            assertEquals(all.scatter()[i], merged.scatter()[i], 1e-9);
        }
        for (int i = 0; i < d; i++) {
            assertEquals(all.mean()[i], merged.mean()[i], 1e-12);
        }
        assertTrue(all.covariance()[0] > 0.5);
    }

    private static Moments of(double[][] x, int from, int to) {
        int d = x[0].length;
        double[] sum = new double[d];
        double[] prod = new double[d * d];
        for (int r = from; r < to; r++) {
            for (int i = 0; i < d; i++) {
                sum[i] += x[r][i];
                for (int j = 0; j < d; j++) {
                    prod[i * d + j] += x[r][i] * x[r][j];
                }
            }
        }
        return Moments.ofShiftedSums(to - from, new double[d], sum, prod);
    }
}
