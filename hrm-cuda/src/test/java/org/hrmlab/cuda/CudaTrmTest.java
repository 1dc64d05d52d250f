package org.hrmlab.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.junit.jupiter.api.Test;

/** TRM on the CUDA backend, where no GPU is needed to tell: the MLP variant is refused in one line. */
class CudaTrmTest {
    @Test
    void refusesTheMlpVariantInOneLineBeforeTouchingTheDevice() throws Exception {
        Path ckpt = TestData.TRM_GOLDEN.resolve("trm-mlp-small/checkpoint/step_0");
        ModelCheckpoint m = CheckpointLoader.load(ckpt);
        CudaException e = assertThrows(CudaException.class, () -> new CudaHrmModel(null, m.config(), m.weights()));
        assertEquals("cuda: TRM's MLP variant (mlp_t) runs on the CPU only for now", e.getMessage());
    }
}
