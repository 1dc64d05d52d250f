package org.hrmlab.app.inspector;

import java.util.Objects;
import java.util.function.DoubleSupplier;

import javafx.animation.AnimationTimer;

/**
 * Plays a screen's cursor forward: while started, runs its tick once per owed step, at the speed (steps per second)
 * read each pulse. At most one step is owed ahead, so a slow pulse does not make playback jump. FX thread only; used
 * by the Inspector and the Compare screen.
 */
public final class PlaybackClock extends AnimationTimer {
    private final DoubleSupplier speed;
    private final Runnable tick;
    private long last = -1;
    private double owed;

    /**
     * @param speed the playback speed in steps per second, read at every pulse
     * @param tick  advances the cursor one step
     */
    public PlaybackClock(DoubleSupplier speed, Runnable tick) {
        this.speed = Objects.requireNonNull(speed, "speed");
        this.tick = Objects.requireNonNull(tick, "tick");
    }

    @Override
    public void start() {
        last = -1;
        owed = 0;
        super.start();
    }

    @Override
    public void handle(long now) {
        if (last >= 0) {
            owed += (now - last) / 1e9 * speed.getAsDouble();
        }
        last = now;
        if (owed >= 1) {
            owed = Math.min(owed - 1, 1);
            tick.run();
        }
    }
}
