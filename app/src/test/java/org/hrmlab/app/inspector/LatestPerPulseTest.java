package org.hrmlab.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Only the newest value of a burst is drawn, once per armed pulse. */
class LatestPerPulseTest {
    private final List<String> drawn = new ArrayList<>();
    private final List<Runnable> pulses = new ArrayList<>();
    private final LatestPerPulse<String> draws = new LatestPerPulse<>(drawn::add, pulses::add);

    private void pulse() {
        var due = List.copyOf(pulses);
        pulses.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aBurstArmsOnePulseAndDrawsOnlyTheNewest() {
        draws.offer("a");
        draws.offer("b");
        draws.offer("c");
        assertEquals(1, pulses.size());
        assertTrue(draws.isPending());
        assertEquals(List.of(), drawn);
        pulse();
        assertEquals(List.of("c"), drawn);
        assertFalse(draws.isPending());
    }

    @Test
    void aQuietPulseDrawsNothingAndTheNextOfferArmsAgain() {
        draws.offer("a");
        pulse();
        pulse();
        assertEquals(List.of("a"), drawn);
        draws.offer("b");
        assertEquals(1, pulses.size());
        pulse();
        assertEquals(List.of("a", "b"), drawn);
    }

    @Test
    void anOfferWhileDrawingIsKeptForTheNextPulse() {
        var nested = new ArrayList<String>();
        var holder = new ArrayList<LatestPerPulse<String>>();
        var reentrant = new LatestPerPulse<String>(v -> {
            nested.add(v);
            if (v.equals("first")) {
                holder.get(0).offer("second");
            }
        }, pulses::add);
        holder.add(reentrant);
        reentrant.offer("first");
        pulse();
        assertEquals(List.of("first"), nested);
        assertEquals(1, pulses.size());
        pulse();
        assertEquals(List.of("first", "second"), nested);
    }

    @Test
    void drawsImmediatelyWithAnImmediateScheduler() {
        var now = new LatestPerPulse<String>(drawn::add, Runnable::run);
        now.offer("x");
        now.offer("y");
        assertEquals(List.of("x", "y"), drawn);
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> draws.offer(null));
    }
}
