package org.hrmlab.app.compare;

import java.util.Locale;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.engine.HaltRule;

/** The one-line readings of a Compare slot, states named by the model's family. Pure. */
final class SlotReadout {
    private SlotReadout() {
    }

    /**
     * @return e.g. "update 9 of 18 · L-update (segment 2, H cycle 1, L step 3)", a TRM's "latent update" and "answer
     *         update" named as the inspector names them
     */
    static String update(LabFrame f, int last, SlotModel model) {
        StateNames names = model == null ? StateNames.HRM : model.names();
        var b = new StringBuilder("update ").append(f.index()).append(" of ").append(last).append(" \u00b7 ");
        if (f.kind() == UpdateKind.INIT) {
            b.append("initial state");
        } else {
            b.append(f.kind() == UpdateKind.L ? names.lUpdate() : names.hUpdate()).append(" (segment ")
                    .append(f.segment()).append(", H cycle ").append(f.hCycle());
            if (f.kind() == UpdateKind.L) {
                b.append(", L step ").append(f.lStep());
            }
            b.append(')');
        }
        if (f.segmentEnd()) {
            b.append(" \u00b7 segment end");
        }
        if (f.verdict() == Verdict.RIGHT) {
            b.append(" \u00b7 solved");
        }
        if (f.halted()) {
            b.append(" \u00b7 halted");
        }
        return b.toString();
    }

    /**
     * @return the Q logits of the last segment end at or before {@code f} compared as the model's rule compares them,
     *         e.g. "Q after segment 1: q_halt -1.340 ≤ 0 → go on" (TRM), "... q_halt 0.500 > q_continue 0.100 → halt"
     */
    static String q(LabFrame f, SegmentQ q) {
        int s = f.kind() == UpdateKind.INIT ? 0 : f.segmentEnd() ? f.segment() : f.segment() - 1;
        if (s < 1 || s > q.segments()) {
            return "Q: no segment finished yet";
        }
        boolean halts = q.halts(s);
        String decision = halts ? "halt" : "go on";
        String compared = q.rule() == HaltRule.HALT_POSITIVE ? "0"
                : String.format(Locale.ROOT, "q_continue %.3f", q.qContinue(s));
        return String.format(Locale.ROOT, "Q after segment %d: q_halt %.3f %s %s \u2192 %s", s, q.qHalt(s),
                halts ? ">" : "\u2264", compared, decision);
    }

    /** @return e.g. "halted by Q after 2 segments · 12 updates" */
    static String runLine(SlotTrace t) {
        int updates = Math.max(0, t.recorded() - 1);
        int segments = t.q().segments();
        if (segments == 0) {
            return updates + " updates";
        }
        String how = t.q().halts(segments) ? "halted by Q after " + segments + " segment" + (segments == 1 ? "" : "s")
                : "stopped at the limit of " + segments + " segment" + (segments == 1 ? "" : "s");
        return how + " \u00b7 " + updates + " updates";
    }
}
