package org.hrmlab.engine.compute;

import java.util.Map;
import org.hrmlab.engine.HostTensor;
import org.hrmlab.engine.HrmConfig;
import org.hrmlab.engine.model.HrmModel;

/** A device that can run models: the CPU, or one GPU of a backend. */
public interface ComputeDevice {
    /** @return the name a user types: {@code cpu}, {@code cuda:0} */
    String id();

    /** @return one line for people: {@code cuda:0 (NVIDIA H200, 139.8 GiB, driver 13.0, cuBLAS 13.1)} */
    String description();

    /**
     * @param config  the architecture with {@code seqLen > 0}
     * @param weights tensors under the reference key names (not modified)
     * @return the model on this device; close it to release what it holds there
     * @throws DeviceUnavailableException when the device fails (one line, naming the operation)
     */
    HrmModel open(HrmConfig config, Map<String, HostTensor> weights);

    /**
     * Measures this device's float32 GEMM rate in the mode models use, for benchmarks that report their speed as a
     * share of it.
     *
     * @param n square size
     * @return GFLOP/s of an {@code n×n·n×n} product into a preallocated output, median of several
     */
    double gemmGflops(int n);

    /**
     * The operations a trainer runs on ({@code model.ModelForward} over them): the model's math for one batch size with
     * slots for the activations of a segment's differentiable part (HRM: one application per module; TRM: L_cycles + 1
     * of its one network), on this device.
     *
     * @param config the architecture with {@code seqLen > 0}
     * @param params flat row-major tensors under the reference key names (not modified; copied)
     * @param batch  rows per batch
     * @throws DeviceUnavailableException when the device fails or cannot train this architecture (one line)
     */
    ModelOps<?> trainingOps(HrmConfig config, Map<String, float[]> params, int batch);

    /**
     * @return how many examples to run at once for this architecture: what fits in about half the device's free
     *         memory (at most 1,024) on a GPU; 16 on the CPU, where larger batches gain little
     */
    default int batchFor(HrmConfig config) {
        return 16;
    }

    /** @return bytes of work memory one example of a batch needs on a device that keeps every buffer (see hrm-cuda) */
    static long bytesPerExample(HrmConfig c) {
        long s = c.totalSeqLen();
        long d = c.hiddenSize();
        long floats = 12 * s * d + (long) c.numHeads() * s * s + 3 * s * c.mlpInterSize() + s * c.vocabSize() + d;
        return floats * Float.BYTES;
    }

    /** The CPU engine (OpenBLAS GEMMs on native memory). */
    ComputeDevice CPU = new ComputeDevice() {
        @Override
        public String id() {
            return "cpu";
        }

        @Override
        public String description() {
            return "cpu (OpenBLAS, " + Runtime.getRuntime().availableProcessors() + " cores)";
        }

        @Override
        public HrmModel open(HrmConfig config, Map<String, HostTensor> weights) {
            return HrmModel.onCpu(config, weights);
        }

        @Override
        public double gemmGflops(int n) {
            return org.hrmlab.engine.bench.EngineBenchmark.cpuGemmGflops(n);
        }

        @Override
        public ModelOps<?> trainingOps(HrmConfig config, Map<String, float[]> params, int batch) {
            return org.hrmlab.engine.model.CpuModelOps.forTraining(config, params, batch);
        }

        @Override
        public String toString() {
            return id();
        }
    };
}
