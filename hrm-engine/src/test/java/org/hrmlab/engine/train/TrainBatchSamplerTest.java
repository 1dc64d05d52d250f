package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.hrmlab.engine.loss.ActLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainBatchSamplerTest {
    @Test
    void eachGroupOncePerEpochAndLabelsMapped(@TempDir Path tmp) throws Exception {
        PuzzleDataset data = PuzzleDataset.open(TinyDatasets.reverse(tmp, 5, 7, 10, 1, 2, 3), "train");
        TrainBatchSampler s = new TrainBatchSampler(data, 3, 9, 1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            TrainingBatch b = s.next();
            assertEquals(3, b.size());
            for (int r = 0; r < 3; r++) {
                seen.add(java.util.Arrays.toString(java.util.Arrays.copyOfRange(b.inputs(), r * 5, r * 5 + 5)));
            }
        }
        assertEquals(9, seen.size(), "9 distinct groups in the first 3 batches of an epoch");
        assertEquals(1, s.position().iteration());
        s.next(); // 10 groups / 3: the short tail is dropped, the next iteration starts
        assertEquals(2, s.position().iteration());
    }

    @Test
    void seekReplaysExactly(@TempDir Path tmp) throws Exception {
        PuzzleDataset data = PuzzleDataset.open(TinyDatasets.reverse(tmp, 5, 7, 6, 3, 2, 3), "train");
        TrainBatchSampler a = new TrainBatchSampler(data, 4, 1, 2);
        for (int i = 0; i < 3; i++) {
            a.next();
        }
        TrainBatchSampler b = new TrainBatchSampler(data, 4, 1, 2);
        b.seek(a.position());
        TrainingBatch x = a.next();
        TrainingBatch y = b.next();
        assertArrayEquals(x.inputs(), y.inputs());
        assertArrayEquals(x.labels(), y.labels());
    }

    @Test
    void paddedBatchesUseBlankIdAndIgnoredLabels(@TempDir Path tmp) throws Exception {
        PuzzleDataset data = PuzzleDataset.open(TinyDatasets.reverse(tmp, 4, 7, 3, 1, 2, 3), "train");
        TrainingBatch b = data.batch(new int[] {2}, new int[] {2}, 2);
        assertEquals(1, b.puzzleIds()[0]);
        assertEquals(0, b.puzzleIds()[1]);
        for (int t = 4; t < 8; t++) {
            assertEquals(0, b.inputs()[t]);
            assertEquals(ActLoss.IGNORE_LABEL_ID, b.labels()[t]);
        }
        assertTrue(b.labels()[0] >= 2);
        assertEquals(2, data.puzzleOfExample(2));
    }
}
