package org.hrmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingConfigTest {
    @TempDir
    Path dir;

    private TrainingConfig read(String yaml) throws Exception {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return TrainingConfig.read(file);
    }

    private String problem(String yaml) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        DatasetException e = assertThrows(DatasetException.class, () -> TrainingConfig.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void everythingLeftOutTakesTheReferenceDefault() throws Exception {
        TrainingConfig c = read("data_path: data\n");
        assertEquals(new TrainingConfig.Arch(512, 8, 4, 4, 4, 2, 2, 16, 0.1, 512, "rope", 1e-5, 10000,
                org.hrmlab.engine.ModelFamily.HRM, 0, false, false), c.arch());
        assertEquals(new TrainingConfig.Optim(1e-4, 1.0, 2000, 0.9, 0.95, 0.1, 1e-2, 0.1, 0), c.optimiser());
        assertEquals("stablemax_cross_entropy", c.lossType());
        assertEquals(dir.resolve("data"), c.dataPath());
        assertEquals(768, c.globalBatchSize());
        assertEquals(100000, c.epochs());
        assertEquals(0, c.evalInterval());
        assertTrue(c.checkpointEveryEval());
        assertEquals(0, c.checkpointInterval());
        assertEquals(0, c.maxSteps());
        assertEquals(1, c.logInterval());
        assertEquals(0, c.evalLimit());
        assertEquals(0, c.seed());
        assertNull(c.initCheckpoint());
    }

    @Test
    void aFieldWrittenAsNullKeepsItsDefault() throws Exception {
        TrainingConfig c = read("data_path: data\nepochs: null\narch: {hidden_size: 64, num_heads: null}\n");
        assertEquals(100000, c.epochs());
        assertEquals(8, c.arch().numHeads());
        assertEquals(64, c.arch().puzzleEmbNdim(), "puzzle_emb_ndim follows hidden_size unless given");
    }

    @Test
    void theReferencesBookkeepingFieldsAreAcceptedAndIgnored() throws Exception {
        TrainingConfig c = read("""
                project_name: Sudoku-extreme-1k-aug-1000 ACT-torch
                run_name: HierarchicalReasoningModel_ACTV1 amphibian-turaco
                checkpoint_path: null
                eval_save_outputs: []
                data_path: data/sudoku
                arch:
                  name: hrm.hrm_act_v1@HierarchicalReasoningModel_ACTV1
                  forward_dtype: bfloat16
                  loss: {name: losses@ACTLossHead, loss_type: softmax_cross_entropy}
                  hidden_size: 64
                  num_heads: 2
                """);
        assertEquals("softmax_cross_entropy", c.lossType());
        assertEquals(dir.resolve("data/sudoku"), c.dataPath());
        assertEquals(64, c.arch().hiddenSize());
    }

    @Test
    void theFlatLossTypeSpellingIsRead() throws Exception {
        assertEquals("softmax_cross_entropy",
                read("data_path: d\narch: {loss_type: softmax_cross_entropy}\n").lossType());
    }

    @Test
    void anUnknownFieldIsNamedByItsPathAtEveryLevel() throws Exception {
        assertEquals("unknown field 'bogus'", problem("data_path: d\nbogus: 1\n"));
        assertEquals("unknown field 'arch.foo'", problem("data_path: d\narch: {hidden_size: 64, foo: 1}\n"));
        assertEquals("unknown field 'arch.loss.bar'", problem("data_path: d\narch: {loss: {bar: x}}\n"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithWhatWasGiven() throws Exception {
        assertEquals("field 'epochs' must be an integer, got 'many'", problem("data_path: d\nepochs: many\n"));
        assertEquals("field 'arch.hidden_size' must be an integer, got '1.5'",
                problem("data_path: d\narch: {hidden_size: 1.5}\n"));
        assertEquals("field 'lr' must be a number, got 'fast'", problem("data_path: d\nlr: fast\n"));
        assertEquals("field 'arch' must be a mapping of fields, got '5'", problem("data_path: d\narch: 5\n"));
        assertEquals("field 'arch.H_layers' must be an integer, got '[1,2]'",
                problem("data_path: d\narch: {H_layers: [1, 2]}\n"));
        assertEquals("field 'checkpoint_every_eval' must be true or false, got 'maybe'",
                problem("data_path: d\ncheckpoint_every_eval: maybe\n"));
    }

    @Test
    void badValuesAreOneLineEach() throws Exception {
        assertEquals("field 'data_path' is required", problem("epochs: 3\n"));
        assertEquals("expected a YAML mapping", problem("- a\n- b\n"));
        assertTrue(problem("data_path: d\narch: {hidden_size: 30, num_heads: 4}\n")
                .startsWith("arch: hidden_size 30 is not a multiple of num_heads 4"));
        assertTrue(problem("data_path: d\narch: {loss: {loss_type: hinge}}\n").contains("got 'hinge'"));
        assertEquals("global_batch_size and epochs must be positive", problem("data_path: d\nepochs: 0\n"));
        assertTrue(problem("data_path: [d\n").startsWith("cannot read YAML: "));
    }

    @Test
    void numbersWrittenWithoutADotAreNumbers() throws Exception {
        assertEquals(1e-4, read("data_path: d\nlr: 1e-4\n").optimiser().lr());
    }

    @Test
    void whatIsWrittenReadsBackTheSameFromAnotherFolder() throws Exception {
        TrainingConfig c = read("""
                data_path: ../data/maze
                init_checkpoint: runs/a/step_4.safetensors
                arch: {hidden_size: 48, num_heads: 3, expansion: 2.5, H_layers: 2, L_layers: 3, H_cycles: 3,
                       L_cycles: 4, halt_max_steps: 5, halt_exploration_prob: 0.25, puzzle_emb_ndim: 0,
                       pos_encodings: learned+rope, rms_norm_eps: 1.0e-6, rope_theta: 500.0,
                       loss: {loss_type: softmax_cross_entropy}}
                global_batch_size: 12
                epochs: 7
                eval_interval: 2
                checkpoint_every_eval: false
                checkpoint_interval: 9
                max_steps: 40
                log_interval: 3
                eval_limit: 11
                lr: 3.0e-3
                lr_min_ratio: 0.01
                lr_warmup_steps: 50
                beta1: 0.8
                beta2: 0.9
                weight_decay: 1.0
                puzzle_emb_lr: 0.05
                puzzle_emb_weight_decay: 0.2
                seed: 17
                """);
        Path elsewhere = dir.resolve("runs/new/config.yaml");
        c.write(elsewhere);
        String text = Files.readString(elsewhere);
        assertTrue(text.contains("data_path: ../../../data/maze"), text);
        assertTrue(text.contains("H_layers: 2"), text);
        assertTrue(text.contains("loss_type: softmax_cross_entropy"), text);
        TrainingConfig back = TrainingConfig.read(elsewhere);
        assertEquals(c, back);
        assertEquals(text, back.toYaml(elsewhere), "writing what was read gives the same text");
    }

    @Test
    void aPathThatLooksLikeANumberStaysAPath() throws Exception {
        TrainingConfig c = read("data_path: '2024'\n");
        Path file = dir.resolve("again.yaml");
        c.write(file);
        assertEquals(dir.resolve("2024"), TrainingConfig.read(file).dataPath());
    }

    @Test
    void theWrittenDefaultsReadBackToTheDefaults() throws Exception {
        TrainingConfig c = read("data_path: data\n");
        Path file = dir.resolve("again.yaml");
        c.write(file);
        assertEquals(c, TrainingConfig.read(file));
        assertTrue(Files.readString(file).contains("puzzle_emb_ndim: 512"), "every field is written out");
    }
}
