/**
 * The CPU engine's compute primitives, shared by inference ({@code model.Nd4jHrmModel}) and training
 * ({@code train.FinalStep}): the post-norm attention block forward and backward ({@link
 * org.hrmlab.engine.cpu.AttentionBlock}) on native memory ({@link org.hrmlab.engine.cpu.NativeArray}), row-major
 * OpenBLAS GEMMs with offsets and leading dimensions ({@link org.hrmlab.engine.cpu.Gemm}), the element-wise passes
 * ({@link org.hrmlab.engine.cpu.Kernels}: the JDK Vector API when {@code jdk.incubator.vector} is loaded, plain loops
 * otherwise), and the engine's threads ({@link org.hrmlab.engine.cpu.Workers}: one per core; OpenBLAS itself stays
 * single-threaded). Buffers are allocated once per shape ({@link org.hrmlab.engine.cpu.BlockActivations},
 * {@link org.hrmlab.engine.cpu.Scratch}, {@link org.hrmlab.engine.cpu.BackwardBuffers}).
 */
package org.hrmlab.engine.cpu;
