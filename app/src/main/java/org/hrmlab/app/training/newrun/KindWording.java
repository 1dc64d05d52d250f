package org.hrmlab.app.training.newrun;

import org.hrmlab.puzzles.PuzzleKind;

/**
 * What the wizard's counts and augmentations mean for one puzzle kind, in the words of {@code hrmlab dataset}.
 *
 * @param size    the size's label
 * @param train   the training count's label
 * @param test    the test count's label
 * @param augment the augmentations' label
 * @param hint    one line on where the puzzles come from and what the augmentations do
 */
public record KindWording(String size, String train, String test, String augment, String hint) {
    /** @return the wording for {@code kind} */
    public static KindWording of(PuzzleKind kind) {
        return switch (kind) {
            case SUDOKU -> new KindWording("Board", "Training puzzles", "Test puzzles", "Relabellings per puzzle",
                    "Generated Sudokus with unique answers; each training puzzle also appears with its digits "
                            + "relabelled. Test puzzles equal to a training puzzle up to symmetry are dropped.");
            case MAZE -> new KindWording("Maze side", "Training mazes", "Test mazes", "Dihedral (0 = off)",
                    "Generated mazes with a unique shortest path; above 0, each training maze also appears in its "
                            + "8 rotations and reflections. Test mazes equal to a training maze up to symmetry are "
                            + "dropped.");
            case ARC -> new KindWording("Canvas side", "Training tasks", "Held-out tasks", "Variants per task",
                    "The ARC-AGI tasks bundled with the lab whose grids fit the canvas: held-out tasks train on their "
                            + "demonstrations and test on their test inputs. Variants: rotations, reflections and "
                            + "colour permutations.");
        };
    }
}
