package org.hrmlab.app.compare;

import java.util.Objects;
import java.util.function.Function;

import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.engine.HaltRule;
import org.hrmlab.engine.ModelFamily;

/**
 * The model in one slot of the Compare screen, as the FX thread needs it: its names, its family (which names its
 * states: HRM zH/zL, TRM y/z), its halting rule, which puzzles it takes and with which schedule it runs them. Made on
 * the slot's worker when the model is loaded; immutable, and its functions are pure lookups.
 *
 * @param name     what the screen calls the model (file name, or the shipped models)
 * @param source   the file it was read from, or a description for the shipped models
 * @param sha256   the file's SHA-256, or null for the shipped models
 * @param family   HRM or TRM
 * @param haltRule when its Q head halts
 * @param takes    what puzzles it takes, in words ("9x9 Sudokus (81 tokens)")
 * @param refusal  why it does not take a puzzle (one line), or null if it takes it
 * @param settings the schedule it runs a puzzle with: its own cycles and segment limit
 */
public record SlotModel(String name, String source, String sha256, ModelFamily family, HaltRule haltRule,
                        String takes, Function<LabPuzzle, String> refusal, Function<LabPuzzle, InferenceSettings> settings) {

    public SlotModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(haltRule, "haltRule");
        Objects.requireNonNull(takes, "takes");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(settings, "settings");
    }

    /** @return why this model does not take {@code puzzle}, or null if it does */
    public String refuses(LabPuzzle puzzle) {
        return refusal.apply(puzzle);
    }

    /** @return the schedule this model runs {@code puzzle} with */
    public InferenceSettings settingsFor(LabPuzzle puzzle) {
        return settings.apply(puzzle);
    }

    /** @return how the lab names this model's states: zL/zH, or TRM's z (latent) / y (answer) */
    public StateNames names() {
        return StateNames.of(family);
    }

    /** @return the family's symbol for the state held as zH: {@code zH}, or TRM's answer {@code y} */
    public String highState() {
        return names().zHShort();
    }

    /** @return the family's symbol for the state held as zL: {@code zL}, or TRM's latent {@code z} */
    public String lowState() {
        return names().zLShort();
    }

    /** @return one line: "HRM · zH (high level), zL (low level)" or "TRM · y (answer), z (latent)" */
    public String familyLine() {
        return family == ModelFamily.TRM ? "TRM \u00b7 " + names().zH() + ", " + names().zL()
                : "HRM \u00b7 " + names().zH() + " (high level), " + names().zL() + " (low level)";
    }
}
