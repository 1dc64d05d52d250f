package org.hrmlab.app.inspector;

import java.util.Locale;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.StateNames;
import org.hrmlab.app.engine.UpdateKind;

/** The one-line description of the frame at the cursor, in the loaded model's names of its states. Pure. */
public final class FrameReadings {
    private FrameReadings() {
    }

    /** @return the description for an HRM */
    public static String describe(LabFrame f, int recorded, BoardSnapshot board) {
        return describe(f, recorded, board, StateNames.HRM);
    }

    public static String describe(LabFrame f, int recorded, BoardSnapshot board, StateNames names) {
        var sb = new StringBuilder();
        sb.append("update ").append(f.index()).append('/').append(recorded - 1).append(" \u00b7 ");
        if (f.kind() == UpdateKind.INIT) {
            sb.append("initial state");
        } else {
            sb.append(f.kind() == UpdateKind.L ? names.lUpdate() : names.hUpdate())
                    .append(" (segment ").append(f.segment()).append(", H cycle ").append(f.hCycle());
            if (f.kind() == UpdateKind.L) {
                sb.append(", L step ").append(f.lStep());
            }
            sb.append(')');
        }
        if (Double.isFinite(f.residualL())) {
            sb.append(String.format(Locale.ROOT, " \u00b7 \u0394%s %.3g", names.zLShort(), f.residualL()));
        }
        if (Double.isFinite(f.residualH())) {
            sb.append(String.format(Locale.ROOT, " \u00b7 \u0394%s %.3g", names.zHShort(), f.residualH()));
        }
        if (f.segmentEnd()) {
            sb.append(String.format(Locale.ROOT, " \u00b7 Q halt %.2f / continue %.2f", f.haltProbability(),
                    f.continueProbability()));
        }
        if (f.halted()) {
            sb.append(" \u00b7 halted");
        }
        switch (f.verdict()) {
            case RIGHT -> sb.append(" \u00b7 answer right");
            case WRONG -> sb.append(" \u00b7 answer wrong");
            default -> { }
        }
        String extra = board.summary();
        if (!extra.isEmpty()) {
            sb.append(" \u00b7 ").append(extra);
        }
        return sb.toString();
    }
}
