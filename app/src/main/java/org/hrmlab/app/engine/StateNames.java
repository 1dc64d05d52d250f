package org.hrmlab.app.engine;

import org.hrmlab.engine.ModelFamily;

/**
 * What the lab calls the two states a model carries. The HRM's are zL (low level) and zH (high level); TRM keeps its
 * latent z in the zL slot and its answer y in the zH slot (hrm-reference.md §6.1), and the lab names them so.
 *
 * @param zL      the zL slot's name in titles and legends: {@code zL}, or {@code z (latent)}
 * @param zH      the zH slot's name: {@code zH}, or {@code y (answer)}
 * @param zLShort the zL slot's symbol where space is short (readings, PR): {@code zL}, or {@code z}
 * @param zHShort the zH slot's symbol: {@code zH}, or {@code y}
 * @param lUpdate an update of the zL slot: {@code L-update}, or {@code latent update}
 * @param hUpdate an update of the zH slot: {@code H-update}, or {@code answer update}
 */
public record StateNames(String zL, String zH, String zLShort, String zHShort, String lUpdate, String hUpdate) {
    /** The HRM's names. */
    public static final StateNames HRM = new StateNames("zL", "zH", "zL", "zH", "L-update", "H-update");
    /** TRM's names (the TRM paper's: z the latent reasoning, y the current answer). */
    public static final StateNames TRM = new StateNames("z (latent)", "y (answer)", "z", "y", "latent update",
            "answer update");

    /** @return the names of a model family ({@link #HRM} for null) */
    public static StateNames of(ModelFamily family) {
        return family == ModelFamily.TRM ? TRM : HRM;
    }

    /** @return the name of a slot by its key, {@code "zL"} or {@code "zH"} */
    public String name(String key) {
        return switch (key) {
            case "zL" -> zL;
            case "zH" -> zH;
            default -> throw new IllegalArgumentException("no state '" + key + "'");
        };
    }
}
