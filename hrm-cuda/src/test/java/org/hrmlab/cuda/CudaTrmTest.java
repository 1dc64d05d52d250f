package org.hrmlab.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.junit.jupiter.api.Test;

/**
 * TRM's MLP variant on the CUDA backend, where no GPU is needed to tell: a model made for another number of positions
 * (the token mixing's width is the sequence) is refused in one line before the device is touched, as on the CPU.
 */
class CudaTrmTest {
    @Test
    void refusesTheMlpVariantAtAnotherSequenceLengthInOneLineBeforeTouchingTheDevice() throws Exception {
        Path ckpt = TestData.TRM_GOLDEN.resolve("trm-mlp-small/checkpoint/step_0");
        ModelCheckpoint m = CheckpointLoader.load(ckpt);
        var other = m.config().withSeqLen(m.config().seqLen() + 1);
        var e = assertThrows(IllegalArgumentException.class, () -> new CudaHrmModel(null, other, m.weights()));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(true, e.getMessage().endsWith("TRM's MLP variant runs at the sequence length it was made for"),
                e.getMessage());
    }
}
