package org.hrmlab.app.export;

import java.util.Locale;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;

/** Which recorded updates become animation frames. The initial state (update 0) is always the first frame. */
public enum FrameFilter {
    /** Every L- and H-update. */
    ALL("all", "All updates"),
    /** Only H-updates: one frame per H cycle. */
    H_UPDATES("h", "H-updates"),
    /** Only the last update of each ACT segment. */
    SEGMENT_ENDS("segments", "Segment ends");

    private final String cliName;
    private final String label;

    FrameFilter(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** The name on the command line ({@code --frames all|h|segments}). */
    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    /** Whether {@code frame} is kept. */
    public boolean keeps(LabFrame frame) {
        if (frame.kind() == UpdateKind.INIT) {
            return true;
        }
        return switch (this) {
            case ALL -> true;
            case H_UPDATES -> frame.kind() == UpdateKind.H;
            case SEGMENT_ENDS -> frame.segmentEnd();
        };
    }

    /** The filter named {@code name} on the command line. */
    public static FrameFilter parse(String name) {
        for (var f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("frames must be all, h or segments, got '" + name + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
