package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.hrmlab.app.TestData;
import org.hrmlab.app.export.GifFrames;
import org.hrmlab.app.export.PngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hrmlab animate} end to end on a bundled Sudoku with the tiny golden-fixture model. */
class AnimateCommandTest {
    static final Path CKPT = TestData.SUDOKU_SMALL_CHECKPOINT;
    static final String PUZZLE = "bundled:sudoku/9x9-easy#0";

    @TempDir
    Path dir;

    @Test
    void writesAGifOfTheHUpdatesWithManifestAndTable() throws Exception {
        Path gif = dir.resolve("anim.gif");
        CliRun run = CliRun.of("animate", "--checkpoint", CKPT.toString(), "--puzzle", PUZZLE, "--out", gif.toString(),
                "--segments", "2", "--frames", "h", "--fps", "5");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = Json.MAPPER.readTree(run.out());
        // 2 segments of H_cycles 2 x (L_cycles 2 + 1): 12 updates after the initial state, 4 of them H-updates.
        assertEquals(13, summary.get("recorded_updates").asInt());
        assertEquals(5, summary.get("frames").asInt());

        GifFrames frames = GifFrames.read(gif);
        assertEquals(5, frames.count());
        assertEquals(List.of(20, 20, 20, 20, 20), frames.delays());
        assertEquals(0, frames.loops());
        BufferedImage first = frames.images().get(0);
        assertEquals(600, first.getWidth());
        assertEquals(0xffffff, first.getRGB(2, 2) & 0xFFFFFF, "the light theme's background");

        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals(List.of(0, 3, 6, 9, 12), ints(manifest.get("frame_updates")));
        assertEquals(64, manifest.get("model").get("checkpoint_sha256").asText().length());
        assertEquals("direct", manifest.get("decode_mode").asText());
        assertEquals("h", manifest.get("settings").get("frames").asText());
        assertEquals(20, manifest.get("settings").get("gif_delay_centiseconds").asInt());
        assertEquals("sudoku", manifest.get("puzzle").get("kind").asText());

        List<String> rows = Files.readAllLines(dir.resolve("frames.csv"));
        assertEquals("frame,update,kind,segment,h_cycle,l_step,segment_end,token_accuracy", rows.get(0));
        assertEquals(6, rows.size());
        assertTrue(rows.get(1).startsWith("0,0,init,0,"), rows.get(1));
        assertTrue(rows.get(5).startsWith("4,12,H,2,2,0,true,"), rows.get(5));
        double accuracy = Double.parseDouble(rows.get(5).substring(rows.get(5).lastIndexOf(',') + 1));
        assertTrue(accuracy >= 0 && accuracy <= 1, rows.get(5));
    }

    @Test
    void gifFramesMatchThePngSequenceOfTheSameUpdates() throws Exception {
        Path gif = dir.resolve("g/anim.gif");
        Path pngs = dir.resolve("p");
        String[] common = {"--checkpoint", CKPT.toString(), "--puzzle", PUZZLE, "--segments", "1", "--frames",
            "segments", "--dpi", "150"};
        CliRun a = CliRun.of(concat(common, "--out", gif.toString()));
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.of(concat(common, "--out", pngs.toString(), "--format", "png"));
        assertEquals(0, b.exitCode(), b.err());

        GifFrames frames = GifFrames.read(gif);
        assertEquals(2, frames.count(), "the initial state and the one segment end");
        for (int i = 0; i < 2; i++) {
            Path png = pngs.resolve(String.format("frame_%04d.png", i));
            assertEquals(150, PngWriter.readDpi(png), 0.1);
            BufferedImage want = ImageIO.read(png.toFile());
            BufferedImage got = frames.images().get(i);
            assertEquals(938, want.getWidth());
            assertEquals(want.getWidth(), got.getWidth());
            int same = 0;
            for (int y = 0; y < want.getHeight(); y++) {
                for (int x = 0; x < want.getWidth(); x++) {
                    same += (want.getRGB(x, y) & 0xFFFFFF) == (got.getRGB(x, y) & 0xFFFFFF) ? 1 : 0;
                }
            }
            double share = same / (double) (want.getWidth() * want.getHeight());
            assertTrue(share > 0.995, "frame " + i + ": only " + share + " of the pixels keep their colour");
        }
        assertTrue(Files.exists(pngs.resolve("manifest.json")));
        assertEquals(3, Files.readAllLines(pngs.resolve("frames.csv")).size());
    }

    @Test
    void anOverlayIsDrawnOnEveryFrameAndItsValuesWrittenBeside() throws Exception {
        Path plain = dir.resolve("plain");
        Path heat = dir.resolve("heat");
        String[] common = {"--checkpoint", CKPT.toString(), "--puzzle", PUZZLE, "--segments", "1", "--frames",
            "h", "--format", "png"};
        CliRun a = CliRun.of(concat(common, "--out", plain.toString()));
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.of(concat(common, "--out", heat.toString(), "--overlay", "change"));
        assertEquals(0, b.exitCode(), b.err());
        assertEquals("change", Json.MAPPER.readTree(b.out()).get("overlay").asText());
        assertFalse(Files.exists(plain.resolve("overlay.csv")), "no overlay, no overlay table");

        JsonNode manifest = Json.MAPPER.readTree(heat.resolve("manifest.json").toFile());
        JsonNode overlay = manifest.get("settings").get("overlay_settings");
        assertEquals("change", manifest.get("settings").get("overlay").asText());
        assertTrue(overlay.get("run_scale_max_h").asDouble() > 0, overlay.toString());
        List<String> rows = Files.readAllLines(heat.resolve("overlay.csv"));
        assertEquals("frame,update,kind,row,col,value,scale_max", rows.get(0));
        assertEquals(1 + 2 * 81, rows.size(), "two H-updates of 81 cells; the initial state has no change");
        assertTrue(rows.get(1).startsWith("1,3,H,0,0,"), rows.get(1));
        double top = overlay.get("run_scale_max_h").asDouble();
        for (String row : rows.subList(1, rows.size())) {
            String[] cell = row.split(",");
            double v = Double.parseDouble(cell[5]);
            assertTrue(v >= 0 && v <= top + 1e-6, row);
            assertEquals(top, Double.parseDouble(cell[6]), 1e-6, "every frame on the run's one scale");
        }
        BufferedImage without = ImageIO.read(plain.resolve("frame_0001.png").toFile());
        BufferedImage with = ImageIO.read(heat.resolve("frame_0001.png").toFile());
        int changed = 0;
        for (int y = 0; y < with.getHeight(); y++) {
            for (int x = 0; x < with.getWidth(); x++) {
                changed += with.getRGB(x, y) != without.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(changed > with.getWidth() * with.getHeight() / 3, "the overlay covers the board: " + changed);
    }

    /**
     * {@code --decode latent} draws lm_head(zL) (TRM: z) on every frame: other boards and other confidences than the
     * direct decode's, and the manifest records it, so that the figure can be made again.
     */
    @Test
    void theLatentDecodeDrawsTheLowStateAndTheManifestRecordsIt() throws Exception {
        Path direct = dir.resolve("direct");
        Path latent = dir.resolve("latent");
        String[] common = {"--checkpoint", CKPT.toString(), "--puzzle", PUZZLE, "--segments", "1", "--frames",
            "h", "--format", "png", "--overlay", "confidence"};
        CliRun a = CliRun.of(concat(common, "--out", direct.toString()));
        assertEquals(0, a.exitCode(), a.err());
        CliRun b = CliRun.of(concat(common, "--out", latent.toString(), "--decode", "latent"));
        assertEquals(0, b.exitCode(), b.err());
        assertEquals(3, Json.MAPPER.readTree(b.out()).get("frames").asInt(), "the initial state and two H-updates");
        for (int i = 0; i < 3; i++) {
            assertTrue(Files.size(latent.resolve(String.format("frame_%04d.png", i))) > 0, "frame " + i);
        }
        JsonNode manifest = Json.MAPPER.readTree(latent.resolve("manifest.json").toFile());
        assertEquals("latent", manifest.get("decode_mode").asText());
        assertEquals("argmax(lm_head(zL))", manifest.get("decoded").asText());
        assertEquals("direct", Json.MAPPER.readTree(direct.resolve("manifest.json").toFile()).get("decode_mode")
                .asText());
        List<String> latentCells = Files.readAllLines(latent.resolve("overlay.csv"));
        List<String> directCells = Files.readAllLines(direct.resolve("overlay.csv"));
        assertEquals(directCells.size(), latentCells.size());
        assertFalse(directCells.equals(latentCells), "the confidence overlay follows the decode");
        BufferedImage d = ImageIO.read(direct.resolve("frame_0002.png").toFile());
        BufferedImage l = ImageIO.read(latent.resolve("frame_0002.png").toFile());
        int changed = 0;
        for (int y = 0; y < d.getHeight(); y++) {
            for (int x = 0; x < d.getWidth(); x++) {
                changed += d.getRGB(x, y) != l.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(changed > 0, "the latent board is drawn differently from the answer's");
    }

    @Test
    void anUnknownDecodeIsOneUsageLineListingTheThree() {
        CliRun run = CliRun.of("animate", "--checkpoint", CKPT.toString(), "--puzzle", PUZZLE, "--out",
                dir.resolve("z.gif").toString(), "--decode", "z");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--decode") && run.err().contains("'z' is not one of direct, paper, latent"),
                run.err());
        assertFalse(Files.exists(dir.resolve("z.gif")));
    }

    @Test
    void aMissingCheckpointExitsWithStatusTwoAndOneLineNamingIt() throws Exception {
        Path missing = dir.resolve("no-such-model.safetensors");
        Path gif = dir.resolve("x.gif");
        CliRun run = CliRun.of("animate", "--checkpoint", missing.toString(), "--puzzle", PUZZLE, "--out",
                gif.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(missing.toString()), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(gif));
    }

    @Test
    void anUnwritableOutputExitsWithStatusTwoAndOneLine() throws Exception {
        Path blocker = dir.resolve("plain-file");
        Files.writeString(blocker, "in the way");
        Path gif = blocker.resolve("anim.gif");
        CliRun run = CliRun.of("animate", "--checkpoint", CKPT.toString(), "--puzzle", PUZZLE, "--out", gif.toString(),
                "--segments", "1");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("cannot write " + blocker), run.err());
    }

    @Test
    void badSettingsExitWithStatusTwoBeforeAnythingRuns() {
        for (String[] bad : new String[][] {{"--frames", "odd"}, {"--fps", "0"}, {"--dpi", "5000"},
            {"--decode", "sideways"}, {"--from", "9", "--to", "3"}, {"--overlay", "heat"}}) {
            CliRun run = CliRun.of(concat(new String[] {"--checkpoint", CKPT.toString(), "--puzzle", PUZZLE,
                "--out", dir.resolve("y.gif").toString()}, bad));
            assertEquals(2, run.exitCode(), String.join(" ", bad) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("hrmlab animate: ") && run.err().contains(bad[0]), run.err());
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length + 1];
        all[0] = "animate";
        System.arraycopy(head, 0, all, 1, head.length);
        System.arraycopy(tail, 0, all, 1 + head.length, tail.length);
        return all;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Test
    void aPuzzleTheModelDoesNotTakeIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path maze = org.hrmlab.app.TestModels.importedMaze30(dir.resolve("maze27m.safetensors"));
        Path gif = dir.resolve("never.gif");
        CliRun run = CliRun.of("animate", "--checkpoint", maze.toString(), "--puzzle", "bundled:sudoku/4x4-easy#0",
                "--out", gif.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("maze27m.safetensors") && run.err().contains("30x30 mazes"), run.err());
        assertFalse(Files.exists(gif));
        assertFalse(Files.exists(dir.resolve("manifest.json")));
    }
}
