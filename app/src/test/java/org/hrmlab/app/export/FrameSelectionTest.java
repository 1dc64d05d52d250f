package org.hrmlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.Verdict;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.viz.grid.HeatmapData;
import org.junit.jupiter.api.Test;

class FrameSelectionTest {
    /** Two segments of H cycles 2, L cycles 2: L L H L L H per segment, after the initial state. */
    static List<LabFrame> timeline() {
        List<LabFrame> t = new ArrayList<>();
        t.add(frame(0, UpdateKind.INIT, 0, 0, 0, false));
        int index = 1;
        for (int s = 1; s <= 2; s++) {
            for (int h = 1; h <= 2; h++) {
                for (int l = 1; l <= 2; l++) {
                    t.add(frame(index++, UpdateKind.L, s, h, l, false));
                }
                t.add(frame(index++, UpdateKind.H, s, h, 0, h == 2));
            }
        }
        return t;
    }

    static LabFrame frame(int index, UpdateKind kind, int segment, int h, int l, boolean end) {
        return new LabFrame(index, kind, segment, h, l, CellGrid.filled(2, 2, index % 4), new float[0],
                HeatmapData.EMPTY, HeatmapData.EMPTY, Double.NaN, Double.NaN, Double.NaN, Double.NaN, end, false,
                Verdict.UNKNOWN);
    }

    private static List<Integer> updates(FrameSelection s) {
        return s.select(timeline()).stream().map(LabFrame::index).toList();
    }

    @Test
    void keepsTheInitialStateAndTheChosenKindOfUpdate() {
        assertEquals(13, updates(FrameSelection.of(FrameFilter.ALL)).size());
        assertEquals(List.of(0, 3, 6, 9, 12), updates(FrameSelection.of(FrameFilter.H_UPDATES)));
        assertEquals(List.of(0, 6, 12), updates(FrameSelection.of(FrameFilter.SEGMENT_ENDS)));
    }

    @Test
    void restrictsToAnInclusiveUpdateRange() {
        assertEquals(List.of(4, 5, 6, 7), updates(new FrameSelection(FrameFilter.ALL, 4, 7)));
        assertEquals(List.of(6, 9), updates(new FrameSelection(FrameFilter.H_UPDATES, 4, 11)));
        assertEquals(List.of(), updates(new FrameSelection(FrameFilter.SEGMENT_ENDS, 7, 11)));
        assertThrows(IllegalArgumentException.class, () -> new FrameSelection(FrameFilter.ALL, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new FrameSelection(FrameFilter.ALL, -1, 4));
    }

    @Test
    void parsesTheCommandLineNames() {
        assertEquals(FrameFilter.H_UPDATES, FrameFilter.parse("h"));
        assertEquals(FrameFilter.SEGMENT_ENDS, FrameFilter.parse("Segments"));
        assertEquals(AnimationFormat.PNG_SEQUENCE, AnimationFormat.parse("png"));
        assertThrows(IllegalArgumentException.class, () -> FrameFilter.parse("odd"));
    }
}
