package org.hrmlab.app.inspector;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;

/**
 * Runs requested actions once, at the start of the next pulse (before CSS, layout and rendering), then stops, so an
 * idle window costs no pulses. Requests made while one is pending join it. FX thread only.
 */
final class NextPulse extends AnimationTimer {
    private final List<Runnable> requested = new ArrayList<>();

    /** Runs {@code action} at the next pulse. */
    void request(Runnable action) {
        requested.add(action);
        if (requested.size() == 1) {
            start();
        }
    }

    @Override
    public void handle(long now) {
        stop();
        var actions = List.copyOf(requested);
        requested.clear();
        actions.forEach(Runnable::run);
    }
}
