package org.hrmlab.app.inspector;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Draws only the newest of a burst of values, once per pulse. {@link #offer} keeps the latest value and arms a
 * trigger the first time; when the trigger fires, {@link #drain} draws that one value. Values offered in between
 * replace each other and are never drawn. Single-threaded (the FX thread) and toolkit-free: the trigger is any
 * scheduler of the drain, in the view one that runs it at the next pulse ({@link NextPulse}).
 *
 * @param <T> the immutable snapshot drawn
 */
public final class LatestPerPulse<T> {
    private final Consumer<? super T> draw;
    private final Consumer<Runnable> scheduler;
    private T pending;
    private boolean armed;

    /**
     * @param draw draws one snapshot
     * @param scheduler runs the given drain later, once (it is handed one drain per arming)
     */
    public LatestPerPulse(Consumer<? super T> draw, Consumer<Runnable> scheduler) {
        this.draw = Objects.requireNonNull(draw, "draw");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Replaces the value waiting to be drawn; arms the trigger if it is not armed yet. */
    public void offer(T value) {
        pending = Objects.requireNonNull(value, "value");
        if (!armed) {
            armed = true;
            scheduler.accept(this::drain);
        }
    }

    /** Draws the newest offered value, if any, and disarms. */
    public void drain() {
        armed = false;
        T value = pending;
        pending = null;
        if (value != null) {
            draw.accept(value);
        }
    }

    /** Whether a value waits to be drawn. */
    public boolean isPending() {
        return pending != null;
    }
}
