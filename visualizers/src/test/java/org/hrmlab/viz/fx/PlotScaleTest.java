package org.hrmlab.viz.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlotScaleTest {

    @Test
    void linearScaleMapsEndsToPixelEnds() {
        var s = PlotScale.of(0, 10, 100, 200, false);
        assertEquals(100, s.toPixel(0), 1e-9);
        assertEquals(150, s.toPixel(5), 1e-9);
        assertEquals(200, s.toPixel(10), 1e-9);
    }

    @Test
    void logScaleMapsDecadesEvenly() {
        var s = PlotScale.of(0.01, 1, 0, 100, true);
        assertEquals(50, s.toPixel(0.1), 1e-9);
        assertTrue(Double.isNaN(s.toPixel(-1)));
        assertEquals(List.of(0.01, 0.1, 1.0), s.ticks(5).stream().map(t -> Math.round(t * 1000) / 1000.0).toList());
    }

    @Test
    void ticksAreRoundAndInside() {
        var ticks = PlotScale.of(0.13, 0.92, 0, 1, false).ticks(4);
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8), ticks.stream().map(t -> Math.round(t * 10) / 10.0).toList());
        assertEquals(5, PlotScale.niceStep(3.2));
        assertEquals(0.02, PlotScale.niceStep(0.017), 1e-12);
    }

    @Test
    void degenerateRangeIsWidened() {
        var s = PlotScale.of(3, 3, 0, 10, false);
        assertTrue(s.max() > s.min());
        assertEquals(5, s.toPixel(3), 1e-9);
    }

    @Test
    void timelineGeometryRoundTrips() {
        for (int i = 0; i < 37; i++) {
            assertEquals(i, TimelineScrubber.indexAt(TimelineScrubber.xOf(i, 37, 500), 37, 500));
        }
        assertEquals(0, TimelineScrubber.indexAt(-40, 37, 500));
        assertEquals(36, TimelineScrubber.indexAt(900, 37, 500));
        assertEquals(-1, TimelineScrubber.indexAt(10, 0, 500));
    }
}
