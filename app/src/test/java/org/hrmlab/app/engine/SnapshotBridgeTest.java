package org.hrmlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.viz.grid.HeatmapData;
import org.junit.jupiter.api.Test;

class SnapshotBridgeTest {

    static LabFrame frame(int index) {
        return new LabFrame(index, UpdateKind.L, 1, 1, 1, CellGrid.filled(1, 1, 0), new float[0], HeatmapData.EMPTY,
                HeatmapData.EMPTY, 0.1, Double.NaN, Double.NaN, Double.NaN, false, false, Verdict.UNKNOWN);
    }

    @Test
    void framesAreLatestWinsAndEventsAllArriveInOrder() {
        var pending = new ArrayDeque<Runnable>();
        var deliveries = new ArrayList<SnapshotBridge.Delivery>();
        var bridge = new SnapshotBridge(pending::add, deliveries::add);
        bridge.publish(new EngineEvent.Busy(true));
        for (int i = 1; i <= 50; i++) {
            bridge.publish(new EngineEvent.Recorded(1, List.of(frame(i).lite()),
                    List.of(new FrameReading.Unread(Double.NaN)), false));
            bridge.offerFrame(1, frame(i), FrameStats.NONE);
        }
        bridge.publish(new EngineEvent.Busy(false));
        assertEquals(1, pending.size(), "one drain is scheduled however much is published");
        pending.poll().run();
        assertEquals(1, deliveries.size());
        var d = deliveries.get(0);
        assertEquals(52, d.events().size());
        assertInstanceOf(EngineEvent.Busy.class, d.events().get(0));
        for (int i = 1; i <= 50; i++) {
            assertEquals(i, ((EngineEvent.Recorded) d.events().get(i)).frames().get(0).index());
        }
        assertEquals(50, d.frame().frame().index(), "only the newest full frame survives");
    }

    @Test
    void aDrainWithNothingNewDeliversNothingAndTheNextPublishSchedulesAgain() {
        var pending = new ArrayDeque<Runnable>();
        var deliveries = new ArrayList<SnapshotBridge.Delivery>();
        var bridge = new SnapshotBridge(pending::add, deliveries::add);
        bridge.offerFrame(2, frame(3), FrameStats.NONE);
        pending.poll().run();
        bridge.offerFrame(2, frame(4), FrameStats.NONE);
        assertEquals(1, pending.size());
        pending.poll().run();
        assertEquals(2, deliveries.size());
        assertEquals(4, deliveries.get(1).frame().frame().index());
        assertEquals(0, deliveries.get(1).events().size());
        assertNull(null);
    }
}
