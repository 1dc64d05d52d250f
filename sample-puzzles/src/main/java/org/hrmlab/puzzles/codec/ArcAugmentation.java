package org.hrmlab.puzzles.codec;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrmlab.puzzles.ArcPair;
import org.hrmlab.puzzles.ArcTask;
import org.hrmlab.puzzles.Grid;

/**
 * One ARC task variant of the reference builder: a dihedral transform and a colour permutation applied to every grid
 * of a task. The variant's name is {@code <task>_t<id>_<10 digits>} (e.g. {@code 007bbfb7_t3_0381952746}); the
 * original keeps the bare task id. {@link #invert(Grid)} maps a prediction on the variant back to the original task.
 *
 * @param transform the dihedral transform
 * @param colours   the colour permutation
 */
public record ArcAugmentation(Dihedral transform, ArcColourPermutation colours) {
    private static final Pattern SUFFIX = Pattern.compile("^(.*)_t([0-7])_([0-9]{10})$");

    /** @return the augmentation that changes nothing (the original task) */
    public static ArcAugmentation identity() {
        return new ArcAugmentation(Dihedral.IDENTITY, ArcColourPermutation.identity());
    }

    /** @return a transform id uniform in 0..7 and a random colour permutation */
    public static ArcAugmentation random(Random rng) {
        Dihedral t = Dihedral.of(rng.nextInt(8));
        return new ArcAugmentation(t, ArcColourPermutation.random(rng));
    }

    /** @return the grid with colours mapped, then transformed (the two commute) */
    public Grid apply(Grid g) {
        return transform.apply(colours.apply(g));
    }

    /** @return the original grid of which {@code g} is the augmented version */
    public Grid invert(Grid g) {
        return colours.inverse().apply(transform.inverse().apply(g));
    }

    /** @return the task with every grid augmented and its id renamed to the variant name */
    public ArcTask apply(ArcTask task) {
        return new ArcTask(variantName(task.id()), task.train().stream().map(this::apply).toList(),
                task.test().stream().map(this::apply).toList());
    }

    private ArcPair apply(ArcPair p) {
        return new ArcPair(apply(p.input()), p.output() == null ? null : apply(p.output()));
    }

    /** @return {@code t<id>_<digits>} */
    public String suffix() {
        return "t" + transform.id() + "_" + colours.digits();
    }

    /** @return {@code <taskId>_t<id>_<digits>} */
    public String variantName(String taskId) {
        return taskId + "_" + suffix();
    }

    /**
     * @param name an identifier from a reference ARC dataset
     * @return the augmentation its name encodes; the identity for a bare task id
     */
    public static ArcAugmentation fromName(String name) {
        Matcher m = SUFFIX.matcher(name);
        return m.matches() ? new ArcAugmentation(Dihedral.of(Integer.parseInt(m.group(2))),
                ArcColourPermutation.parse(m.group(3))) : identity();
    }

    /** @return the task id of a variant name (the name itself for an original) */
    public static String taskId(String name) {
        Matcher m = SUFFIX.matcher(name);
        return m.matches() ? m.group(1) : name;
    }

    /** @return the augmentation if the name carries one */
    public static Optional<ArcAugmentation> parseSuffix(String name) {
        Matcher m = SUFFIX.matcher(name);
        return m.matches() ? Optional.of(fromName(name)) : Optional.empty();
    }
}
