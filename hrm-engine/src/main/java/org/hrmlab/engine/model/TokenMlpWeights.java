package org.hrmlab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of one TRM MLP-variant block. The token-mixing ones keep the reference's {@code [out, in]} layout, as
 * they multiply the {@code [S, D]} state from the left; the channel ones are transposed to {@code [in, out]} as in
 * {@link LayerWeights}.
 *
 * @param gate         {@code [interT, S]}: the first half of {@code mlp_t.gate_up_proj}
 * @param up           {@code [interT, S]}: its second half
 * @param down         {@code [S, interT]}: {@code mlp_t.down_proj}
 * @param channelGateT {@code [hidden, inter]}
 * @param channelUpT   {@code [hidden, inter]}
 * @param channelDownT {@code [inter, hidden]}
 */
record TokenMlpWeights(INDArray gate, INDArray up, INDArray down, INDArray channelGateT, INDArray channelUpT,
                       INDArray channelDownT) {
}
