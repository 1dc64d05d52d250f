/**
 * The HRM forward computation on the CPU: embeddings, post-norm transformer blocks with RoPE attention and SwiGLU, the
 * L- and H-modules with input injection, and the output and Q heads (hrm-reference.md §1.3-1.7). Work buffers are
 * allocated once per (batch, sequence) shape and reused, so stepping allocates nothing. The blocks' arithmetic is in
 * {@code org.hrmlab.engine.cpu}.
 */
package org.hrmlab.engine.model;
