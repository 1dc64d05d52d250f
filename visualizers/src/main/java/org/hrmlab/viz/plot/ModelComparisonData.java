package org.hrmlab.viz.plot;

import java.util.List;

/**
 * Two or more models side by side: participation ratios of each model's high- and low-level state (trained and
 * control) and their forward residuals per segment.
 *
 * @param models   the models, in the order given
 * @param estimate "naive" or "bias-corrected"
 * @param subtitle the settings the analyses share
 */
public record ModelComparisonData(List<ComparedModel> models, String estimate, String subtitle) {
    public ModelComparisonData {
        models = List.copyOf(models);
    }
}
