package org.hrmlab.engine.compute;

import java.util.Map;

/**
 * One module's stack of post-norm blocks (the HRM's L or H level; TRM's one network) applied in place to a residual
 * stream {@code [B·S, D]} held in a backend's array type {@code A} ({@code NativeArray} on the CPU, device memory on
 * a GPU), for a batch size fixed when the network was made.
 *
 * <p>A forward either keeps nothing (the no-grad updates, and stepping) or keeps the activations of one
 * <em>application</em> in a numbered slot, so that {@link #backward} can run later: the HRM keeps one application
 * per level (its 1-step gradient), TRM keeps L_cycles + 1 (its whole last recursion through the same network).
 * Weight gradients live in the network and are summed over backward calls until one starts afresh.
 *
 * @param <A> the backend's array type
 */
public interface Network<A> {
    /** Keep no activations: the no-grad forward. */
    int NO_GRAD = -1;

    /**
     * Applies the network to {@code x} in place: {@code x ← net(x)}.
     *
     * @param x           {@code [B·S, D]} (modified)
     * @param application the slot that keeps the activations for {@link #backward} ({@code 0 ≤ slot < slots}), or
     *                    {@link #NO_GRAD}
     */
    void forward(A x, int application);

    /**
     * Back-propagates through one kept application.
     *
     * @param dy          {@code [B·S, D]} d loss / d output; replaced by d loss / d input
     * @param application a slot filled by an earlier {@link #forward}
     * @param accumulate  true to add the weight gradients to those of earlier calls, false to start them afresh
     */
    void backward(A dy, int application, boolean accumulate);

    /**
     * Copies the weight gradients into {@code out} under the reference keys ({@code L_level.layers.0.…}), each in
     * the reference's layout ({@code [out, in]} for projections); arrays in {@code out} may be reused across calls.
     */
    void gradientsTo(Map<String, float[]> out);
}
