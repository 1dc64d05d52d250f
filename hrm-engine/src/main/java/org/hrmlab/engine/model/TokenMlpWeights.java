package org.hrmlab.engine.model;

import org.hrmlab.engine.cpu.BlockWeights;
import org.hrmlab.engine.cpu.NativeArray;

/**
 * The weights of one TRM MLP-variant block. The token-mixing ones keep the reference's {@code [out, in]} layout, as
 * they multiply the {@code [S, D]} state from the left; the channel SwiGLU's are a {@link BlockWeights} without
 * attention.
 *
 * @param gate    {@code [interT, S]}: the first half of {@code mlp_t.gate_up_proj}
 * @param up      {@code [interT, S]}: its second half
 * @param down    {@code [S, interT]}: {@code mlp_t.down_proj}
 * @param channel the channel SwiGLU ({@code mlp.gate_up_proj}, {@code mlp.down_proj})
 */
record TokenMlpWeights(NativeArray gate, NativeArray up, NativeArray down, BlockWeights channel) {
}
