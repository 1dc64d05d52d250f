package org.hrmlab.engine;

/** When the Q head votes to halt at a segment end (compared on logits, as the reference's ACT wrapper does). */
public enum HaltRule {
    /** The HRM's rule (and TRM's with {@code no_ACT_continue: false}): {@code q_halt > q_continue}. */
    HALT_ABOVE_CONTINUE("q_halt > q_continue"),
    /** TRM's default ({@code no_ACT_continue: true}): {@code q_halt > 0}; the continue logit is not used. */
    HALT_POSITIVE("q_halt > 0");

    private final String text;

    HaltRule(String text) {
        this.text = text;
    }

    /** @return true if the logits vote to halt under this rule */
    public boolean halts(double qHalt, double qContinue) {
        return this == HALT_POSITIVE ? qHalt > 0 : qHalt > qContinue;
    }

    /** @return the rule as people read it: {@code q_halt > q_continue} or {@code q_halt > 0} */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
