package org.hrmlab.viz.plot;

/**
 * One bar of a participation-ratio chart.
 *
 * @param group   e.g. "trained" or "untrained"
 * @param latent  e.g. "zL" or "zH"
 * @param value   the PR shown
 * @param samples N, shown with the bar
 */
public record PrBar(String group, String latent, double value, long samples) {
}
