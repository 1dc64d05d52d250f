package org.hrmlab.engine.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.hrmlab.engine.TestData;
import org.hrmlab.engine.io.CheckpointLoader;
import org.hrmlab.engine.io.ModelCheckpoint;
import org.hrmlab.engine.model.HrmModel;
import org.hrmlab.engine.step.HrmStepper;
import org.hrmlab.engine.step.Readout;
import org.hrmlab.engine.step.StepSnapshot;
import org.hrmlab.puzzles.io.Npy;
import org.hrmlab.puzzles.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace records the read-out it was asked for besides the high state's: {@code readout.npy}, named in the manifest. */
class TraceRecorderReadoutTest {
    static final Path CASE = TestData.HRM_GOLDEN.resolve("sudoku-small");

    @TempDir
    Path dir;

    @Test
    void theLowStateReadoutOfEveryUpdateIsWrittenAndNamed() throws Exception {
        ModelCheckpoint ckpt = CheckpointLoader.load(CASE.resolve("checkpoint/step_0"));
        int[] tokens = Npy.read(CASE.resolve("golden/inputs.npy")).toInts();
        HrmModel model = HrmModel.onCpu(ckpt.config().withSeqLen(tokens.length).withCycles(2, 2, 1), ckpt.weights());
        TraceRecorder.record(model, tokens, 0, null, 1, Readout.LOW_STATE, dir.resolve("low"), Map.of());
        TraceRecorder.record(model, tokens, 0, null, 1, Readout.HIGH_STATE, dir.resolve("plain"), Map.of());

        NpyArray readout = Npy.read(dir.resolve("low/readout.npy"));
        assertArrayEquals(new long[] {6, tokens.length}, readout.shape());
        HrmStepper stepper = new HrmStepper(model, tokens, 0, 1);
        stepper.setReadout(Readout.LOW_STATE);
        int[] all = readout.toInts();
        for (int i = 0; i < 6; i++) {
            StepSnapshot s = stepper.step();
            assertArrayEquals(s.readoutPredicted(), Arrays.copyOfRange(all, i * tokens.length,
                    (i + 1) * tokens.length), "update " + i);
        }
        ObjectMapper json = new ObjectMapper();
        assertEquals("low_state", json.readTree(dir.resolve("low/manifest.json").toFile()).get("readout").asText());
        JsonNode plain = json.readTree(dir.resolve("plain/manifest.json").toFile());
        assertNull(plain.get("readout"));
        assertFalse(Files.exists(dir.resolve("plain/readout.npy")));
    }
}
