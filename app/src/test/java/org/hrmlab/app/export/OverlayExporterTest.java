package org.hrmlab.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import org.hrmlab.app.cli.HrmLabCommand;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.engine.hrm.HrmEngineStepper;
import org.hrmlab.app.inspector.InspectorViewModel;
import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.shell.FxTestSupport;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.viz.grid.GridTheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The overlay export on the shipped maze model: board PNG at its DPI, figures, data and manifest; the figures drawn
 * again from the data; and the board drawn again, headless, by the {@code hrmlab animate} command the manifest names.
 */
class OverlayExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DPI = 120;

    @TempDir
    Path dir;

    private InspectorViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void run() {
        vm = new InspectorViewModel(new HrmEngineStepper(DefaultModels.shipped()), Runnable::run, Runnable::run,
                new Notices());
        vm.loadPuzzle(BundledLabPuzzles.named("maze/5x5-hard #0"));
        vm.runToHalt();
        vm.seek(4);
        vm.overlayLayerProperty().set(OverlayLayer.STATE_CHANGE);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private List<String> export(OverlaySnapshot s, Path out) {
        return FxTestSupport.onFx(() -> {
            BufferedImage board = GridExporter.render(s.board(), s.overlay(), GridTheme.LIGHT, GridExporter.WIDTH,
                    GridExporter.HEIGHT, DPI);
            return OverlayExporter.write(s, board, GridTheme.LIGHT, DPI, out);
        });
    }

    @Test
    void writesTheBoardTheFiguresTheDataAndAManifest() throws Exception {
        var s = OverlaySnapshot.ofInspector(vm);
        assertNotNull(s);
        assertEquals(UpdateKind.L, s.frame().kind(), "L, L, H, then update 4 is an L-update");
        List<String> files = export(s, dir);
        for (String f : files) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(List.of("board_overlay.png", "overlay.svg", "overlay.pdf", "overlay.png", "overlay.csv",
                "overlay.json", "manifest.json"), files);
        assertEquals(DPI, PngWriter.readDpi(dir.resolve("board_overlay.png")), 0.5);
        assertEquals(DPI, PngWriter.readDpi(dir.resolve("overlay.png")), 0.5);

        List<String> rows = Files.readAllLines(dir.resolve("overlay.csv"));
        assertEquals("row,col,decoded,value,state_change,confidence", rows.get(0));
        assertEquals(26, rows.size(), "one row per cell of the 5x5 maze");
        float[] change = s.frame().stateChange().values();
        float[] p = s.frame().confidence();
        for (int i = 0; i < 25; i++) {
            String[] cell = rows.get(i + 1).split(",", -1);
            assertEquals(i / 5, Integer.parseInt(cell[0]));
            assertEquals(i % 5, Integer.parseInt(cell[1]));
            assertEquals(change[i], Float.parseFloat(cell[3]), "the overlay's value is the state change");
            assertEquals(change[i], Float.parseFloat(cell[4]));
            assertEquals(p[i], Float.parseFloat(cell[5]));
        }

        JsonNode m = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertEquals(4, m.path("update").path("index").asInt());
        assertEquals("change", m.path("overlay").path("layer").asText());
        assertEquals(vm.getOverlayScale().maxL(), m.path("overlay").path("scale_max").floatValue());
        assertEquals(64, m.path("model").path("checkpoint_sha256").asText().length());
        assertEquals("bundled:maze/5x5-hard#0", m.path("puzzle").path("spec").asText());
        assertEquals(files, strings(m.path("files")));
        assertEquals(120, m.path("figure").path("dpi").asInt());
        String svg = Files.readString(dir.resolve("overlay.svg"));
        assertTrue(svg.contains(">S</text>") && svg.contains(">G</text>"), "start and goal are labelled as text");
    }

    @Test
    void theFiguresAreDrawnAgainFromTheirData() throws Exception {
        var s = OverlaySnapshot.ofInspector(vm);
        export(s, dir);
        assertEquals(OverlayFigure.data(s), OverlayFigure.read(dir.resolve("overlay.json")),
                "overlay.json holds everything the figure is drawn from");
        BufferedImage before = ImageIO.read(dir.resolve("overlay.png").toFile());
        for (String f : List.of("overlay.svg", "overlay.pdf", "overlay.png")) {
            Files.delete(dir.resolve(f));
        }
        assertEquals(List.of("overlay.svg", "overlay.pdf", "overlay.png"), OverlayExporter.regenerate(dir));
        BufferedImage after = ImageIO.read(dir.resolve("overlay.png").toFile());
        assertEquals(before.getWidth(), after.getWidth());
        assertArrayEquals(pixels(before), pixels(after), "the same figure, pixel for pixel");
        assertTrue(Files.size(dir.resolve("overlay.svg")) > 0 && Files.size(dir.resolve("overlay.pdf")) > 0);
    }

    @Test
    void theManifestsCommandDrawsTheSameBoardHeadless() throws Exception {
        vm.overlayLayerProperty().set(OverlayLayer.CONFIDENCE);
        var s = OverlaySnapshot.ofInspector(vm);
        Path gui = dir.resolve("gui");
        export(s, gui);
        JsonNode m = JSON.readTree(gui.resolve("manifest.json").toFile());
        List<String> command = strings(m.path("regenerate").path("board"));
        assertEquals(List.of("hrmlab", "animate"), command.subList(0, 2));
        Path cli = dir.resolve("cli");
        List<String> args = new ArrayList<>();
        for (String a : command.subList(1, command.size())) {
            args.add(a.equals("<folder>") ? cli.toString() : a);
        }
        var err = new StringWriter();
        var line = HrmLabCommand.commandLine();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        assertEquals(0, line.execute(args.toArray(String[]::new)), err.toString());

        JsonNode cliManifest = JSON.readTree(cli.resolve("manifest.json").toFile());
        assertEquals("confidence", cliManifest.path("settings").path("overlay").asText());
        assertEquals(List.of(4), ints(cliManifest.path("frame_updates")));
        List<String> cliRows = Files.readAllLines(cli.resolve("overlay.csv"));
        List<String> guiRows = Files.readAllLines(gui.resolve("overlay.csv"));
        assertEquals(26, cliRows.size());
        for (int i = 1; i < 26; i++) {
            assertEquals(guiRows.get(i).split(",", -1)[3], cliRows.get(i).split(",", -1)[5], "cell " + (i - 1));
        }
        BufferedImage want = ImageIO.read(gui.resolve("board_overlay.png").toFile());
        BufferedImage got = ImageIO.read(cli.resolve("frame_0000.png").toFile());
        assertEquals(want.getWidth(), got.getWidth());
        int[] a = pixels(want);
        int[] b = pixels(got);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += (a[i] & 0xffffff) == (b[i] & 0xffffff) ? 1 : 0;
        }
        assertTrue(same > 0.999 * a.length, "the board drawn again: " + same + " of " + a.length + " pixels");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
