package org.hrmlab.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.app.puzzle.CellGrid;
import org.hrmlab.puzzles.MazeCell;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.viz.export.CsvTable;
import org.hrmlab.viz.grid.HeatOverlay;
import org.hrmlab.viz.plot.OverlayFigureData;

/**
 * The data of an overlay export and the figure drawn from it: {@code overlay.csv} (one row per cell),
 * {@code overlay.json} (everything the figure is drawn from, so {@link #read} re-draws it) and the figure's data
 * record. Pure.
 */
final class OverlayFigure {
    static final String TABLE = "overlay.csv";
    static final String DATA = "overlay.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OverlayFigure() {
    }

    /** The heat-map figure of {@code s}: its overlay, each cell's decoded text, a title and the settings. */
    static OverlayFigureData data(OverlaySnapshot s) {
        var frame = s.frame();
        var overlay = s.overlay();
        String what = s.layer() == OverlayLayer.STATE_CHANGE ? "State change" : "Confidence";
        String title = what + " at update " + frame.index() + (frame.kind() == UpdateKind.INIT ? ""
                : " (" + frame.kind() + "-update)");
        String subtitle = s.model() + " \u00b7 " + s.puzzle().name() + " \u00b7 segment " + frame.segment()
                + ", H-cycle " + frame.hCycle() + ", L-step " + frame.lStep() + " \u00b7 " + overlay.scaleNote();
        return new OverlayFigureData(overlay, overlay.isEmpty() ? new String[0] : labels(s.puzzle().kind(),
                frame.decoded()), title, subtitle);
    }

    /** @return the text of each cell of a decoded grid: a Sudoku digit (blank: none), a maze character, a colour */
    static String[] labels(PuzzleKind kind, CellGrid grid) {
        String[] out = new String[grid.size()];
        for (int i = 0; i < out.length; i++) {
            int v = grid.at(i);
            out[i] = switch (kind) {
                case SUDOKU -> v == 0 ? "" : Integer.toString(v);
                case MAZE -> MazeCell.ofCode(v) == MazeCell.OPEN ? "" : String.valueOf(MazeCell.ofCode(v).symbol());
                case ARC -> Integer.toString(v);
            };
        }
        return out;
    }

    /** One row per cell: position, the decoded text, the overlay's value and both per-cell readings. */
    static CsvTable table(OverlaySnapshot s) {
        var frame = s.frame();
        var grid = frame.decoded();
        var overlay = s.overlay();
        float[] p = frame.confidence();
        var change = frame.stateChange();
        String[] text = labels(s.puzzle().kind(), grid);
        var t = new CsvTable("row", "col", "decoded", "value", "state_change", "confidence");
        for (int i = 0; i < grid.size(); i++) {
            t.add(i / grid.cols(), i % grid.cols(), text[i], overlay.isEmpty() ? Float.NaN : overlay.at(i),
                    change.isEmpty() ? Float.NaN : change.at(i), p.length == 0 ? Float.NaN : p[i]);
        }
        return t;
    }

    /** What {@code overlay.json} holds: the figure's data, values as rows of cells. */
    static Map<String, Object> json(OverlaySnapshot s, OverlayFigureData d) {
        var o = d.overlay();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("update", s.frame().index());
        m.put("kind", s.frame().kind().name());
        m.put("layer", s.layer().cliName());
        m.put("rows", o.rows());
        m.put("cols", o.cols());
        m.put("scale_max", o.max());
        m.put("legend_title", o.title());
        m.put("scale_note", o.scaleNote());
        m.put("title", d.title());
        m.put("subtitle", d.subtitle());
        m.put("values", rows(o.values(), o.cols()));
        m.put("labels", rows(d.labels(), o.cols()));
        return m;
    }

    /** Reads {@code overlay.json} back into the figure's data. */
    static OverlayFigureData read(Path file) throws IOException {
        JsonNode n = JSON.readTree(file.toFile());
        int rows = n.path("rows").asInt();
        int cols = n.path("cols").asInt();
        float[] values = new float[rows * cols];
        List<String> labels = new ArrayList<>();
        int i = 0;
        for (JsonNode row : n.path("values")) {
            for (JsonNode v : row) {
                values[i++] = v.isNumber() ? v.floatValue() : Float.NaN;
            }
        }
        for (JsonNode row : n.path("labels")) {
            row.forEach(v -> labels.add(v.asText()));
        }
        var overlay = new HeatOverlay(rows, cols, values, n.path("scale_max").asDouble(), n.path("legend_title")
                .asText(), n.path("scale_note").asText());
        return new OverlayFigureData(overlay, labels.toArray(new String[0]), n.path("title").asText(),
                n.path("subtitle").asText());
    }

    private static List<List<Object>> rows(float[] values, int cols) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; cols > 0 && r < values.length / cols; r++) {
            List<Object> row = new ArrayList<>(cols);
            for (int c = 0; c < cols; c++) {
                float v = values[r * cols + c];
                row.add(Float.isNaN(v) ? null : v);
            }
            out.add(row);
        }
        return out;
    }

    private static List<List<String>> rows(String[] labels, int cols) {
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; cols > 0 && r < labels.length / cols; r++) {
            out.add(List.of(labels).subList(r * cols, (r + 1) * cols));
        }
        return out;
    }
}
