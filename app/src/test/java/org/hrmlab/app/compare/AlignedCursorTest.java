package org.hrmlab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The aligned cursor: an HRM of 6 updates per segment (H 2 × (L 2 + 1)) beside a TRM of 8 (H 2 × (L 3 + 1)). */
class AlignedCursorTest {
    private static final int HRM = 6;
    private static final int TRM = 8;

    @Test
    void segmentEndsMeetAndEachSideShowsItsLatestUpdateAtOrBefore() {
        var end1 = AlignedCursor.endOf(1);
        assertEquals(6, end1.updateIndex(HRM));
        assertEquals(8, end1.updateIndex(TRM));
        assertEquals(12, AlignedCursor.endOf(2).updateIndex(HRM));
        assertEquals(16, AlignedCursor.endOf(2).updateIndex(TRM));

        var half = new AlignedCursor(2, 3, HRM);
        assertEquals(9, half.updateIndex(HRM));
        assertEquals(12, half.updateIndex(TRM), "half of segment 2 is TRM update 8 + 4");
        var first = new AlignedCursor(1, 1, HRM);
        assertEquals(1, first.updateIndex(HRM));
        assertEquals(1, first.updateIndex(TRM), "1/6 of a segment: TRM's update 1 (1/8) is the latest before");
        assertEquals(6, new AlignedCursor(1, 5, HRM).updateIndex(TRM), "5/6: TRM's 6/8 is before, 7/8 after");
        assertEquals(0, first.updateIndex(4), "a coarser schedule still shows the initial state at 1/6");
        assertEquals(0, AlignedCursor.START.updateIndex(TRM));
    }

    @Test
    void aSideThatHaltedOrHasNotGotThereShowsItsLastUpdate() {
        var half2 = new AlignedCursor(2, 3, HRM);
        assertEquals(8, half2.shownIndex(TRM, 9), "TRM halted after one segment (9 updates recorded)");
        assertEquals(9, half2.shownIndex(HRM, 19));
        assertEquals(-1, half2.shownIndex(HRM, 0), "no run: nothing shown");
        assertEquals(0, AlignedCursor.START.shownIndex(TRM, 1));
    }

    @Test
    void stepsByUpdateOfTheDrivingScheduleThroughSegmentsAndBack() {
        List<AlignedCursor> walk = new ArrayList<>();
        var c = AlignedCursor.START;
        walk.add(c);
        for (int i = 0; i < 2 * HRM; i++) {
            c = c.nextUpdate(HRM);
            walk.add(c);
        }
        for (int i = 0; i < walk.size(); i++) {
            assertEquals(i, walk.get(i).updateIndex(HRM), "forward step " + i);
            assertEquals(i * TRM / HRM, walk.get(i).updateIndex(TRM), "TRM at step " + i);
        }
        assertTrue(walk.get(HRM).sameTime(AlignedCursor.endOf(1)));
        for (int i = walk.size() - 1; i > 0; i--) {
            var back = walk.get(i).previousUpdate(HRM);
            assertTrue(back.sameTime(walk.get(i - 1)), "back from step " + i + " gave " + back);
        }
        assertSame(AlignedCursor.START, AlignedCursor.START.previousUpdate(HRM));
    }

    @Test
    void aCursorLaidOnAnotherScheduleStepsToTheNeighboursInTime() {
        var trmPoint = new AlignedCursor(1, 3, TRM);
        assertTrue(trmPoint.nextUpdate(HRM).sameTime(new AlignedCursor(1, 3, HRM)), "3/8 < 3/6");
        assertTrue(trmPoint.previousUpdate(HRM).sameTime(new AlignedCursor(1, 2, HRM)), "2/6 < 3/8");
        var exact = new AlignedCursor(1, 4, TRM);
        assertTrue(exact.previousUpdate(HRM).sameTime(new AlignedCursor(1, 2, HRM)), "before 4/8 = 3/6 is 2/6");
        assertTrue(exact.nextUpdate(HRM).sameTime(new AlignedCursor(1, 4, HRM)));
    }

    @Test
    void stepsBySegment() {
        var mid = new AlignedCursor(2, 3, HRM);
        assertTrue(mid.nextSegmentEnd().sameTime(AlignedCursor.endOf(2)));
        assertTrue(AlignedCursor.endOf(2).nextSegmentEnd().sameTime(AlignedCursor.endOf(3)));
        assertTrue(mid.previousSegmentEnd().sameTime(AlignedCursor.endOf(1)));
        assertTrue(AlignedCursor.endOf(2).previousSegmentEnd().sameTime(AlignedCursor.endOf(1)));
        assertSame(AlignedCursor.START, AlignedCursor.endOf(1).previousSegmentEnd());
        assertTrue(AlignedCursor.START.nextSegmentEnd().sameTime(AlignedCursor.endOf(1)));
    }

    @Test
    void ordersPointsInTimeAcrossSchedules() {
        assertTrue(new AlignedCursor(2, 3, HRM).sameTime(new AlignedCursor(2, 4, TRM)));
        assertTrue(new AlignedCursor(2, 3, HRM).compareTo(new AlignedCursor(2, 5, TRM)) < 0);
        assertTrue(AlignedCursor.endOf(1).compareTo(new AlignedCursor(2, 1, TRM)) < 0);
        assertEquals(1.5, new AlignedCursor(2, 3, HRM).position(), 1e-12);
        assertEquals(2.0, AlignedCursor.endOf(2).position(), 1e-12);
        assertEquals(0.0, AlignedCursor.START.position(), 1e-12);
        var hrmEnd = AlignedCursor.ofUpdate(18, HRM);
        var trmEnd = AlignedCursor.ofUpdate(8, TRM);
        assertTrue(hrmEnd.sameTime(AlignedCursor.endOf(3)));
        assertTrue(trmEnd.sameTime(AlignedCursor.endOf(1)));
        assertSame(hrmEnd, AlignedCursor.max(hrmEnd, trmEnd));
        assertSame(trmEnd, AlignedCursor.min(hrmEnd, trmEnd));
        assertSame(AlignedCursor.START, AlignedCursor.ofUpdate(0, HRM));
        assertEquals(new AlignedCursor(2, 1, HRM), AlignedCursor.ofUpdate(7, HRM));
    }

    @Test
    void refusesPointsThatAreNotInASegment() {
        assertThrows(IllegalArgumentException.class, () -> new AlignedCursor(0, 1, HRM));
        assertThrows(IllegalArgumentException.class, () -> new AlignedCursor(1, 0, HRM));
        assertThrows(IllegalArgumentException.class, () -> new AlignedCursor(1, 7, HRM));
        assertThrows(IllegalArgumentException.class, () -> new AlignedCursor(1, 1, 0));
    }
}
