package org.hrmlab.engine.model;

/**
 * The recurrent carry of a batch and its input embedding, with the work buffers to update them, wherever the model
 * keeps them (host or device memory). Made by {@link HrmModel#newState(int)} and used only with that model, from one
 * thread. Shapes as in {@link HrmModel}.
 */
public interface HrmState extends AutoCloseable {
    /** @return the batch size B */
    int batch();

    /** @return {@code S}, prefix plus grid positions */
    int positions();

    /** Copies zL out. @param out {@code [B·S·D]} (modified) */
    void copyZL(float[] out);

    /** Copies zH out. @param out {@code [B·S·D]} (modified) */
    void copyZH(float[] out);

    /** Sets the carry. @param zl {@code [B·S·D]} @param zh same shape (neither modified) */
    void setCarry(float[] zl, float[] zh);

    /** Copies one batch row's carry out. @param zl, zh {@code [S·D]} (modified) */
    void copyRow(int row, float[] zl, float[] zh);

    /** Sets one batch row's carry. @param zl, zh {@code [S·D]} (not modified) */
    void setRow(int row, float[] zl, float[] zh);

    /** Sets the input embedding x̃ directly (a trainer that computes it itself). @param x {@code [B·S·D]} */
    void setEmbedding(float[] x);

    /** Copies the input embedding x̃ out. @param out {@code [B·S·D]} (modified) */
    void copyEmbedding(float[] out);

    /** Releases the state's buffers (device memory); idempotent. The CPU state has nothing to release. */
    @Override
    default void close() {
    }
}
