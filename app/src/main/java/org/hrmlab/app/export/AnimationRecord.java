package org.hrmlab.app.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.LabFrame;
import org.hrmlab.app.engine.OverlayScale;
import org.hrmlab.app.engine.UpdateKind;
import org.hrmlab.app.inspector.BoardOverlays;
import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.app.inspector.PlotSet;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.viz.export.CsvTable;
import org.hrmlab.viz.export.ExportManifest;

/** The data written beside an animation: {@code manifest.json} (how it was made) and {@code frames.csv}. Pure. */
final class AnimationRecord {
    static final String MANIFEST = "manifest.json";
    static final String TABLE = "frames.csv";
    static final String OVERLAY_TABLE = "overlay.csv";

    private AnimationRecord() {
    }

    /** One row per frame: frame number, update index, kind (init, L or H), segment, token accuracy if known. */
    static CsvTable table(LabPuzzle puzzle, List<LabFrame> frames) {
        var table = new CsvTable("frame", "update", "kind", "segment", "h_cycle", "l_step", "segment_end",
                "token_accuracy");
        for (int i = 0; i < frames.size(); i++) {
            var f = frames.get(i);
            table.add(i, f.index(), kindName(f.kind()), f.segment(), f.hCycle(), f.lStep(), f.segmentEnd(),
                    accuracy(puzzle, f));
        }
        return table;
    }

    /**
     * One row per cell of each frame's overlay: frame number, update, kind, row, column, the value and the top of the
     * scale it was coloured on. Frames without cells (the initial state) have no rows.
     */
    static CsvTable overlayTable(List<LabFrame> frames, OverlayLayer layer, OverlayScale scale) {
        var table = new CsvTable("frame", "update", "kind", "row", "col", "value", "scale_max");
        for (int i = 0; i < frames.size(); i++) {
            var f = frames.get(i);
            var o = BoardOverlays.of(f, layer, scale);
            for (int c = 0; c < o.rows() * o.cols(); c++) {
                table.add(i, f.index(), kindName(f.kind()), c / o.cols(), c % o.cols(), o.at(c), o.max());
            }
        }
        return table;
    }

    /** The manifest of an export of {@code frames} from {@code source} into {@code output}. */
    static ExportManifest manifest(String program, AnimationSource source, AnimationSettings settings,
                                   List<LabFrame> frames, String output, int width, int height, OverlayScale scale) {
        var puzzle = source.puzzle();
        Map<String, Object> puzzleEntry = new LinkedHashMap<>();
        puzzleEntry.put("name", puzzle.name());
        puzzleEntry.put("kind", puzzle.kind().name().toLowerCase());
        puzzleEntry.put("rows", puzzle.input().rows());
        puzzleEntry.put("cols", puzzle.input().cols());
        puzzleEntry.put("answer_known", puzzle.hasAnswer());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", source.model());
        model.put("checkpoint", source.checkpoint());
        model.put("checkpoint_sha256", source.checkpointSha256());
        var inf = source.inference();
        Map<String, Object> inference = new LinkedHashMap<>();
        inference.put("h_cycles", inf.hCycles());
        inference.put("l_cycles", inf.lCycles());
        inference.put("max_segments", inf.maxSegments());
        inference.put("q_halting", inf.qHalting());
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", settings.format().cliName());
        export.put("frames", settings.frames().filter().cliName());
        export.put("from_update", settings.frames().from());
        export.put("to_update", settings.frames().to() == FrameSelection.LAST ? null : settings.frames().to());
        export.put("fps", settings.fps());
        export.put("gif_delay_centiseconds", GifAnimationWriter.delayCentiseconds(settings.fps()));
        export.put("dpi", settings.dpi());
        export.put("width_px", width);
        export.put("height_px", height);
        export.put("theme", settings.theme().dark() ? "dark" : "light");
        export.put("overlay", settings.overlay().cliName());
        if (settings.overlay() != OverlayLayer.NONE) {
            Map<String, Object> overlay = new LinkedHashMap<>();
            overlay.put("layer", settings.overlay().cliName());
            overlay.put("scale", settings.overlay() == OverlayLayer.CONFIDENCE ? "probability, 0 to 1"
                    : "0 to the largest per-cell change of the recorded run, per update kind");
            overlay.put("run_scale_max_l", scale.maxL());
            overlay.put("run_scale_max_h", scale.maxH());
            overlay.put("colour_map", "viridis");
            overlay.put("table", OVERLAY_TABLE);
            export.put("overlay_settings", overlay);
        }
        return new ExportManifest()
                .put("program", program)
                .put("created", java.time.Instant.now().toString())
                .put("puzzle", puzzleEntry)
                .put("model", model)
                .put("decode_mode", decodeName(inf.decodeMode()))
                .put("decoded", inf.decodeMode().formula(source.names()))
                .put("inference", inference)
                .put("settings", export)
                .put("output", output)
                .put("table", TABLE)
                .put("recorded_updates", source.timeline().size())
                .put("frame_count", frames.size())
                .put("frame_updates", frames.stream().map(LabFrame::index).toList());
    }

    /** Fraction of cells equal to the known answer; NaN when the answer is unknown. */
    static double accuracy(LabPuzzle puzzle, LabFrame frame) {
        return puzzle.hasAnswer() ? PlotSet.accuracy(frame.decoded(), puzzle.answer()) : Double.NaN;
    }

    /** The decode mode as {@code --decode} names it. */
    static String decodeName(DecodeMode mode) {
        return mode.cliName();
    }

    private static String kindName(UpdateKind kind) {
        return kind == UpdateKind.INIT ? "init" : kind.name();
    }
}
