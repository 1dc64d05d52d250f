package org.hrmlab.app.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hrmlab.app.puzzle.BundledLabPuzzles;
import org.hrmlab.app.puzzle.LabPuzzle;
import org.hrmlab.puzzles.BundledPuzzles;
import org.hrmlab.viz.grid.GridTheme;

/** The {@code hrmlab animate} command line that draws an exported overlay's board again, headless. Pure. */
final class OverlayCommand {
    private static final Pattern NUMBERED = Pattern.compile("(.+) #(\\d+)");

    private OverlayCommand() {
    }

    /**
     * @return {@code hrmlab animate} with the run's model, puzzle and settings, one frame (the update), the layer and
     *         the DPI; the puzzle is {@code <puzzle file>} when it is not a bundled one
     */
    static List<String> animate(OverlaySnapshot s, double dpi, GridTheme theme) {
        var inf = s.inference();
        String spec = bundledSpec(s.puzzle());
        int u = s.frame().index();
        List<String> args = new ArrayList<>(List.of("hrmlab", "animate", "--checkpoint", s.checkpoint(), "--puzzle",
                spec == null ? "<puzzle file>" : spec, "--segments", Integer.toString(inf.maxSegments()),
                "--h-cycles", Integer.toString(inf.hCycles()), "--l-cycles", Integer.toString(inf.lCycles()),
                "--decode", AnimationRecord.decodeName(inf.decodeMode()), "--from", Integer.toString(u), "--to",
                Integer.toString(u), "--format", "png", "--dpi", Long.toString(Math.round(dpi)), "--theme",
                theme.dark() ? "dark" : "light", "--overlay", s.layer().cliName()));
        if (inf.qHalting()) {
            args.add("--q-halt");
        }
        args.addAll(List.of("--out", "<folder>"));
        return args;
    }

    /** @return {@code bundled:SET#K} when {@code p} is one of the bundled puzzles as shipped, else null */
    static String bundledSpec(LabPuzzle p) {
        boolean shipped = BundledLabPuzzles.catalogue().stream().anyMatch(b -> b.equals(p));
        if (!shipped) {
            return null;
        }
        var m = NUMBERED.matcher(p.name());
        String set = m.matches() ? m.group(1) : p.name();
        String index = m.matches() ? m.group(2) : "0";
        boolean bundled = BundledPuzzles.list().stream().anyMatch(e -> e.name().toLowerCase(Locale.ROOT)
                .equals(set.toLowerCase(Locale.ROOT)));
        return bundled ? "bundled:" + set + "#" + index : null;
    }
}
