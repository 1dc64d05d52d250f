package org.hrmlab.app.training;

/**
 * Where a training run started from the lab runs: the {@code --device} it passes to {@code hrmlab train}. A run's
 * checkpoints are the same on every device, so a run started on one resumes on another.
 */
public enum DeviceChoice {
    /** The GPU when it can train the model, else the CPU ({@code hrmlab train} says which on stderr). */
    AUTO("auto", "Auto (the GPU when it can train, else the CPU)"),
    /** The CPU. */
    CPU("cpu", "CPU"),
    /** The first GPU; the run fails in one line when it cannot be used. */
    GPU("cuda:0", "GPU (cuda:0)");

    private final String spec;
    private final String label;

    DeviceChoice(String spec, String label) {
        this.spec = spec;
        this.label = label;
    }

    /** @return the value of {@code --device}: {@code auto}, {@code cpu}, {@code cuda:0} */
    public String spec() {
        return spec;
    }

    /** @return the choice as the screens show it */
    public String label() {
        return label;
    }
}
