/**
 * The HRM and TRM forward computation, written once: the update order for stepping and for training
 * ({@link org.hrmlab.engine.model.ModelForward}: L- and H-updates with input injection, the no-grad part of a segment,
 * its differentiable part with activations kept, and the backward through heads, updates and embedding) against the
 * backend interface {@link org.hrmlab.engine.compute.ModelOps}. Its CPU implementation is
 * {@link org.hrmlab.engine.model.CpuModelOps} (embeddings, post-norm blocks with RoPE attention and SwiGLU or TRM's
 * token-mixing MLP, the output and Q heads, hrm-reference.md §1.3-1.7, each with its backward), on parameters shared
 * by all batch sizes ({@code CpuWeights}); {@link org.hrmlab.engine.model.CpuHrmModel} steps on it and the trainer
 * ({@code train.FinalStep}) trains on it. Work buffers are allocated once per batch size and reused, so stepping
 * allocates nothing. The blocks' arithmetic is in {@code org.hrmlab.engine.cpu}.
 *
 * <p>What remains for one model on every backend: the CUDA model ({@code hrm-cuda}'s {@code CudaHrmModel}) still runs
 * its own update order on its own kernels. To port it, it implements {@code ModelOps<MemorySegment>} (device
 * streams; sums and copies are its existing element-wise kernels; its L/H block stacks become two
 * {@link org.hrmlab.engine.compute.Network}s whose no-grad forward is today's; {@code heads} is its lm_head GEMM and
 * Q head) and steps through {@code ModelForward} as {@code CpuHrmModel} does. Training on the GPU then adds only
 * backward kernels behind the same interface: the kept forward and backward of the attention block (the CPU's
 * {@code cpu.AttentionBlock#backward} is the reference), the heads' and the embedding's backward (host code here,
 * {@code InputEmbedding#backward}, {@code QHead#backward}), and TRM's token-mixing block (the CPU's
 * {@code cpu.TokenMlpBlock#backward}). The trainer ({@code train.FinalStep}) is written against {@code CpuModelOps} only where it
 * creates it.
 */
package org.hrmlab.engine.model;
