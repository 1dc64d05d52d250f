package org.hrmlab.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.bench.EngineBenchmark;
import org.hrmlab.engine.bench.TrainingBenchmark;
import org.hrmlab.engine.compute.ComputeDevice;
import org.hrmlab.engine.cpu.Kernels;
import org.hrmlab.engine.cpu.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hrmlab bench}: engine speed on this machine, as shares of the GEMM rate measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure L-update, H-update and segment times (or, with --train, training steps) against this"
                + " machine's GEMM rate.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", defaultValue = "hrm-27m", paramLabel = "NAME", converter = Architectures.class,
            description = "architecture: hrm-27m (reference: hidden 512, 8 heads, 4+4 layers), small-64 (the Sudoku and"
                    + " maze presets' model: hidden 64, 2 heads, 1+1 layers, no puzzle embedding), small-128 (the ARC"
                    + " preset's: hidden 128, 4 heads, 1+1 layers, one puzzle-embedding token) or tiny")
    Architecture config;

    @Option(names = "--seq", split = ",", defaultValue = "82,901", paramLabel = "S",
            description = "positions including the puzzle prefix (82 = Sudoku, 901 = maze/ARC)")
    List<Integer> seqs;

    @Option(names = "--batch", split = ",", defaultValue = "1", paramLabel = "B",
            converter = OptionConverters.Positive.class, description = "examples per update (a list measures each)")
    List<Integer> batches;

    @Option(names = "--train", description = "measure training steps (examples x segments per second) instead")
    boolean train;

    @Option(names = "--repeats", defaultValue = "7", paramLabel = "N", description = "timed runs per figure (>= 5)")
    int repeats;

    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() {
        HrmConfig base = config.model;
        for (int s : seqs) {
            if (s <= base.puzzleEmbLen()) {
                throw new BadInputException("--seq " + s + " leaves no grid positions");
            }
        }
        ComputeDevice on = device.resolve(spec.commandLine().getErr());
        boolean cpu = on == ComputeDevice.CPU;
        EngineBenchmark bench = new EngineBenchmark(cpu ? 2 : 5, repeats);
        int gemmSize = cpu ? 1024 : 4096;
        double gemm = on.gemmGflops(gemmSize);
        List<Map<String, Object>> results = train ? trainingResults(on, base, gemm) : new ArrayList<>();
        for (int s : train ? List.<Integer>of() : seqs) {
            for (int batch : batches) {
                results.add(updateResult(bench.measure(on, base, s, batch, gemm)));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", train ? "train" : "inference");
        out.put("config", Map.of("name", config.cliName, "hidden", base.hiddenSize(), "heads", base.numHeads(),
                "H_layers", base.hLayers(), "L_layers", base.lLayers(), "puzzle_emb_len", base.puzzleEmbLen(),
                "H_cycles", base.hCycles(), "L_cycles", base.lCycles()));
        if (cpu) {
            out.put("threads", Workers.shared().count());
            out.put("cpu_kernels", Kernels.get().name());
            String core = System.getenv("OPENBLAS_CORETYPE");
            out.put("openblas_coretype", core == null || core.isBlank() ? "detected" : core);
        }
        out.put("backend", cpu ? "cpu" : "cuda");
        out.put("device", on.description());
        out.put("gemm_gflops", gemm);
        out.put("gemm_size", gemmSize);
        out.put("results", results);
        Json.print(spec.commandLine().getOut(), out);
        return 0;
    }

    /** The architectures measured, under their {@code --config} names. */
    enum Architecture {
        /** The reference's 27M HRM (Sudoku sizes). */
        HRM_27M("hrm-27m", HrmConfig.reference27M(81, 11, 1)),
        /** A small HRM for quick runs: hidden 64, 4 heads, 2+2 layers. */
        TINY("tiny", HrmConfig.builder().seqLen(81).vocabSize(11).hiddenSize(64).numHeads(4).hLayers(2).lLayers(2)
                .build()),
        /** The Sudoku and maze presets' model: hidden 64, 2 heads, 1+1 layers, learned positions, no puzzle embedding. */
        SMALL_64("small-64", HrmConfig.builder().seqLen(81).vocabSize(11).puzzleEmbNdim(0).hiddenSize(64).numHeads(2)
                .hLayers(1).lLayers(1).posEncodings("learned+rope").build()),
        /** The ARC preset's model: hidden 128, 4 heads, 1+1 layers, learned positions, one puzzle-embedding token. */
        SMALL_128("small-128", HrmConfig.builder().seqLen(81).vocabSize(12).hiddenSize(128).numHeads(4).hLayers(1)
                .lLayers(1).posEncodings("learned+rope").build());

        final String cliName;
        final HrmConfig model;

        Architecture(String cliName, HrmConfig model) {
            this.cliName = cliName;
            this.model = model;
        }
    }

    /** {@code --config}: hrm-27m, tiny, small-64, small-128. */
    static final class Architectures extends OptionConverters.Named<Architecture> {
        Architectures() {
            super(names(Architecture.class, a -> a.cliName));
        }
    }

    private List<Map<String, Object>> trainingResults(ComputeDevice on, HrmConfig base, double gemm) {
        TrainingBenchmark bench = new TrainingBenchmark(1, Math.max(3, repeats / 2));
        List<Map<String, Object>> results = new ArrayList<>();
        for (TrainingBenchmark.Result r : bench.measureAll(on, base, seqs, batches, gemm)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq_len", r.seqLen());
            m.put("batch", r.batch());
            m.put("step_ms", r.stepMs());
            m.put("examples_segments_per_second", r.examplesSegmentsPerSec());
            m.put("step_gflops", r.gflops());
            m.put("step_share_of_gemm", r.shareOfGemm());
            results.add(m);
        }
        return results;
    }

    private static Map<String, Object> updateResult(EngineBenchmark.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq_len", r.seqLen());
        m.put("batch", r.batch());
        m.put("l_update_ms", r.lUpdateMs());
        m.put("h_update_ms", r.hUpdateMs());
        m.put("segment_ms", r.segmentMs());
        m.put("l_update_gflops", r.lUpdateGflops());
        m.put("l_update_share_of_gemm", r.shareOfGemm());
        m.put("heap_growth_bytes_over_200_updates", r.heapGrowthBytes());
        return m;
    }
}
