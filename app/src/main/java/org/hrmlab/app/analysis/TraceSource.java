package org.hrmlab.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code hrmlab analyze --checkpoint C --dataset D --count N} gets its traces: records N puzzles of D with the
 * model of C (and with the same architecture freshly initialised, for the control) as trace directories in the
 * layout of docs/cli.md. The model side plugs an implementation into
 * {@link org.hrmlab.app.cli.AnalyzeCommand#setTraceSource(TraceSource)}; until then the contract form reports that it
 * is not available and {@code --traces} is the way in.
 */
public interface TraceSource {
    /**
     * Records traces.
     *
     * @param checkpoint a checkpoint (reference or HRM Lab model)
     * @param dataset    a dataset file or folder
     * @param count      how many puzzles (the first {@code count}, in dataset order)
     * @param control    whether to use freshly initialised weights of the same architecture (seeded) instead
     * @param seed       the seed of the control's initialisation
     * @param outDir     where to write one trace directory per puzzle
     * @param device     where the model runs (asked once the inputs are found to fit, so that bad input is reported
     *                   before anything else)
     * @return the trace directories, in puzzle order
     */
    List<Path> record(Path checkpoint, Path dataset, int count, boolean control, long seed, Path outDir,
                      java.util.function.Supplier<org.hrmlab.engine.compute.ComputeDevice> device) throws IOException;

    /** @return a source that always fails with a usage error explaining the missing recorder */
    static TraceSource unavailable() {
        return (checkpoint, dataset, count, control, seed, outDir, device) -> {
            throw new IllegalArgumentException("--checkpoint/--dataset need the model's trace recorder, which this "
                    + "build does not have yet; record traces with 'hrmlab trace' and pass --traces DIR,...");
        };
    }
}
