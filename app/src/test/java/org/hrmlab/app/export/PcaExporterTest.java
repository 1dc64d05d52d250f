package org.hrmlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.app.inspector.InspectorViewModel;
import org.hrmlab.app.engine.StepAction;
import org.hrmlab.app.engine.fake.FakeStepper;
import org.hrmlab.app.puzzle.SamplePuzzles;
import org.hrmlab.app.shell.Notices;
import org.hrmlab.viz.export.FigureExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcaExporterTest {
    @TempDir
    Path dir;

    private static TrajectoryPca fittedRun() {
        try (var vm = new InspectorViewModel(new FakeStepper(0, 32), Runnable::run, Runnable::run, new Notices())) {
            vm.loadPuzzle(SamplePuzzles.sudoku());
            vm.forward(StepAction.SEGMENT);
            vm.forward(StepAction.SEGMENT);
            return vm.pcaProperty().get();
        }
    }

    @Test
    void writesBothFiguresInEveryFormatTheDataAndAManifest() throws Exception {
        TrajectoryPca pca = fittedRun();
        List<String> files = PcaExporter.write(pca, 4, Map.of("puzzle", "sudoku sample"), dir);
        for (String name : List.of("pca_zH.svg", "pca_zH.pdf", "pca_zH.png", "pca_zL.svg", "pca_zL.pdf", "pca_zL.png",
                "pca_points.csv", "pca_variance.csv", "manifest.json")) {
            assertTrue(files.contains(name), name);
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        assertEquals(FigureExporter.DEFAULT_DPI, FigureExporter.readPngDpi(dir.resolve("pca_zH.png")), 0.5);
        String svg = Files.readString(dir.resolve("pca_zH.svg"));
        assertTrue(svg.contains("PC1 ("), "explained variance on the axis, as text");
        List<String> points = Files.readAllLines(dir.resolve("pca_points.csv"));
        assertEquals("update,segment_end,zL_pc1,zL_pc2,zH_pc1,zH_pc2", points.get(0));
        assertEquals(1 + pca.updates(), points.size());
        assertTrue(points.get(7).startsWith("6,true,"), points.get(7));
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"cursor\" : 4"), manifest);
        assertTrue(manifest.contains("sudoku sample"));
        assertTrue(manifest.contains("\"samples\" : 12"), manifest);
    }

    @Test
    void refusesAResultThatIsNotFitted() {
        assertThrows(IllegalArgumentException.class,
                () -> PcaExporter.write(TrajectoryPca.notFitted(1, 2, new int[0]), 0, Map.of(), dir));
    }
}
