package org.hrmlab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One post-norm transformer block's weights, transposed to {@code [in, out]} so that {@code y = x · W}.
 *
 * @param qkvT  {@code [hidden, 3·heads·headDim]}: columns Q | K | V, head-major inside each
 * @param oT    {@code [hidden, hidden]}
 * @param gateT {@code [hidden, inter]}: the first half of the reference's gate_up projection
 * @param upT   {@code [hidden, inter]}: the second half
 * @param downT {@code [inter, hidden]}
 */
record LayerWeights(INDArray qkvT, INDArray oT, INDArray gateT, INDArray upT, INDArray downT) {
}
