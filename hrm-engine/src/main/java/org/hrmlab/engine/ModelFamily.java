package org.hrmlab.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The model families HRM Lab opens and steps. Both share the input embedding, the post-norm blocks, the heads, the
 * carry and the update schedule; they differ in which network makes the H-update.
 */
public enum ModelFamily {
    /**
     * The Hierarchical Reasoning Model (arXiv 2506.21734): two networks, {@code zL ← L(zL + zH + x̃)} and
     * {@code zH ← H(zH + zL)}.
     */
    HRM("hrm"),
    /**
     * The Tiny Recursive Model (arXiv 2510.04871): one network ({@code L_level}) for both updates, the latent
     * {@code z = zL ← net(zL + zH + x̃)} and the answer {@code y = zH ← net(zH + zL)}.
     */
    TRM("trm");

    private final String id;

    ModelFamily(String id) {
        this.id = id;
    }

    /** @return the lower-case name files and the CLI use: {@code hrm}, {@code trm} */
    @JsonValue
    public String id() {
        return id;
    }

    /** @return what the family calls the state held as zH: {@code zH} (HRM), {@code y} (TRM: the answer) */
    public String highState() {
        return this == HRM ? "zH" : "y";
    }

    /** @return what the family calls the state held as zL: {@code zL} (HRM), {@code z} (TRM: the latent) */
    public String lowState() {
        return this == HRM ? "zL" : "z";
    }

    /** @return the family named {@code id} (case-insensitive) @throws IllegalArgumentException for another name */
    @JsonCreator
    public static ModelFamily of(String id) {
        for (ModelFamily f : values()) {
            if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("model family must be 'hrm' or 'trm', got '" + id + "'");
    }
}
