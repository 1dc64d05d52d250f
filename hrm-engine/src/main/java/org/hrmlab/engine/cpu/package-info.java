/**
 * The CPU engine's compute primitives under {@code model.CpuModelOps}, the CPU implementation of the model's one
 * forward and backward, which inference ({@code model.CpuHrmModel}) and training ({@code train.FinalStep}) share: the post-norm attention block forward and backward ({@link
 * org.hrmlab.engine.cpu.AttentionBlock}) on native memory ({@link org.hrmlab.engine.cpu.NativeArray}), row-major
 * OpenBLAS GEMMs with offsets and leading dimensions ({@link org.hrmlab.engine.cpu.Gemm}), the element-wise passes
 * ({@link org.hrmlab.engine.cpu.Kernels}: the JDK Vector API when {@code jdk.incubator.vector} is loaded, plain loops
 * otherwise), and the engine's threads ({@link org.hrmlab.engine.cpu.Workers}: one per core; OpenBLAS itself stays
 * single-threaded). Buffers are allocated once per shape ({@link org.hrmlab.engine.cpu.BlockActivations},
 * {@link org.hrmlab.engine.cpu.Scratch}, {@link org.hrmlab.engine.cpu.BackwardBuffers}).
 */
package org.hrmlab.engine.cpu;
