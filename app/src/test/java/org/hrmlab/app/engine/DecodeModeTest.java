package org.hrmlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.hrmlab.engine.step.Readout;
import org.junit.jupiter.api.Test;

/** The decode modes are named after the model's states and map one to one onto the engine's read-outs. */
class DecodeModeTest {
    @Test
    void labelsUseTheFamilysStateNames() {
        assertEquals("Direct (zH)", DecodeMode.DIRECT.label(StateNames.HRM));
        assertEquals("Answer (y)", DecodeMode.DIRECT.label(StateNames.TRM));
        assertEquals("Paper Fig. 7", DecodeMode.PAPER_FIG7.label(StateNames.TRM));
        assertEquals("Low state (zL)", DecodeMode.LATENT.label(StateNames.HRM));
        assertEquals("Latent (z)", DecodeMode.LATENT.label(StateNames.TRM));
        assertEquals("Low state (zL)", DecodeMode.LATENT.label());
        assertEquals("argmax(lm_head(z))", DecodeMode.LATENT.formula(StateNames.TRM));
        assertEquals("argmax(lm_head(zH))", DecodeMode.DIRECT.formula(StateNames.HRM));
    }

    @Test
    void eachModeIsOneReadoutUnderOneCommandLineName() {
        assertEquals(List.of(Readout.HIGH_STATE, Readout.PREVIEW_H_UPDATE, Readout.LOW_STATE),
                Arrays.stream(DecodeMode.values()).map(DecodeMode::readout).toList());
        assertEquals(List.of("direct", "paper", "latent"),
                Arrays.stream(DecodeMode.values()).map(DecodeMode::cliName).toList());
    }
}
