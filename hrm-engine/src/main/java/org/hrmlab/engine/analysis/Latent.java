package org.hrmlab.engine.analysis;

/** The two recurrent states of the HRM and the trace file each is stored in. */
public enum Latent {
    /** The low-level (fast) state z_L, updated by L-steps. */
    Z_L("zL", 'L'),
    /** The high-level (slow) state z_H, updated by H-steps. */
    Z_H("zH", 'H');

    private final String label;
    private final char updateKind;

    Latent(String label, char updateKind) {
        this.label = label;
        this.updateKind = updateKind;
    }

    /** @return the short name used in files and figures: {@code zL} or {@code zH} */
    public String label() {
        return label;
    }

    /** @return the trace step kind that updates this state: {@code 'L'} or {@code 'H'} */
    public char updateKind() {
        return updateKind;
    }

    /** @return the trace file holding this state, e.g. {@code zL.npy} */
    public String fileName() {
        return label + ".npy";
    }
}
