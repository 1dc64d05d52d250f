package org.hrmlab.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.hrmlab.engine.ModelFamily;
import org.junit.jupiter.api.Test;

class StateNamesTest {
    @Test
    void aTrmsSlotsAreItsLatentAndAnswerAndAnHrmsKeepTheirNames() {
        assertSame(StateNames.TRM, StateNames.of(ModelFamily.TRM));
        assertSame(StateNames.HRM, StateNames.of(ModelFamily.HRM));
        assertSame(StateNames.HRM, StateNames.of(null));
        assertEquals("z (latent)", StateNames.TRM.name("zL"));
        assertEquals("y (answer)", StateNames.TRM.name("zH"));
        assertEquals("zH", StateNames.HRM.name("zH"));
        var info = new ModelInfo("m", "src", 8, 1, InferenceSettings.DEFAULTS, null);
        assertSame(StateNames.HRM, info.stateNames(), "a model of unknown family is an HRM");
        assertSame(StateNames.TRM, new ModelInfo("m", "src", 8, 16, InferenceSettings.DEFAULTS, null, null,
                ModelFamily.TRM).stateNames());
    }
}
