package org.hrmlab.app.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hrmlab.app.cli.BadInputException;
import org.hrmlab.engine.ModelFamily;
import org.hrmlab.engine.analysis.TraceReader;
import org.hrmlab.engine.analysis.SampleUnit;
import org.hrmlab.engine.analysis.TraceStep;
import org.hrmlab.engine.analysis.UpdateSelection;
import org.hrmlab.engine.io.FileHashes;
import org.hrmlab.viz.export.CsvTable;
import org.hrmlab.viz.export.ExportManifest;
import org.hrmlab.viz.export.FigureExporter;
import org.hrmlab.viz.plot.AnalysisCharts;
import org.hrmlab.viz.plot.ComparedModel;
import org.hrmlab.viz.plot.ModelComparisonData;

/**
 * Puts the results of two or more {@code hrmlab analyze} folders side by side (HRM beside TRM, or two checkpoints of
 * one run): participation ratios of each model's high-level state (HRM's zH, TRM's answer y) and low-level state (zL,
 * TRM's latent z), trained and untrained, and the forward residuals per ACT segment. Reads what {@code analyze} wrote
 * ({@code manifest.json} and {@code residuals.csv} of a trace analysis, or {@code participation.json} of a streamed
 * one); computes nothing about the models again.
 */
public final class ModelComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelComparison() {
    }

    /**
     * One analysis folder as the comparison uses it.
     *
     * @param folder         the analysis folder
     * @param resultFile     the file the numbers came from ({@code manifest.json} or {@code participation.json})
     * @param family         the model family recorded in it
     * @param label          the name shown in the figures
     * @param settings       the analysis settings in words (compared across folders)
     * @param model          the numbers
     */
    public record Input(Path folder, Path resultFile, ModelFamily family, String label, String settings,
            ComparedModel model) {

        /** @return the same input shown under another name */
        public Input withLabel(String name) {
            ComparedModel m = model;
            return new Input(folder, resultFile, family, name, settings, new ComparedModel(name, m.highState(),
                    m.lowState(), m.prHigh(), m.prLow(), m.controlHigh(), m.controlLow(), m.segments(),
                    m.residualHigh(), m.residualLow()));
        }
    }

    /**
     * Gives inputs that share a name their folder's name too, so that every model is told apart in the figures.
     *
     * @throws BadInputException when names chosen by the user repeat
     */
    public static List<Input> distinctLabels(List<Input> inputs, boolean chosenByUser) {
        List<Input> out = new ArrayList<>(inputs);
        for (int i = 0; i < out.size(); i++) {
            String name = out.get(i).label();
            long same = out.stream().filter(x -> x.label().equals(name)).count();
            if (same > 1 && chosenByUser) {
                throw new BadInputException("--label: '" + name + "' names two models; give each its own name");
            }
            if (same > 1) {
                for (int j = 0; j < out.size(); j++) {
                    if (out.get(j).label().equals(name)) {
                        out.set(j, out.get(j).withLabel(name + " [" + out.get(j).folder().getFileName() + "]"));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Reads one analysis folder.
     *
     * @param folder    written by {@code hrmlab analyze}
     * @param label     the name to show, or null for the family and checkpoint name
     * @param corrected use the bias-corrected PR estimate
     * @throws BadInputException one line naming the folder or file and what is wrong with it
     */
    public static Input read(Path folder, String label, boolean corrected) throws BadInputException, IOException {
        Path streamed = folder.resolve("participation.json");
        Path traced = folder.resolve("manifest.json");
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": no such analysis folder");
        }
        if (Files.isRegularFile(streamed)) {
            return readStreamed(folder, streamed, label, corrected);
        }
        if (!Files.isRegularFile(traced)) {
            throw new BadInputException(folder + ": not an analysis folder (no manifest.json or participation.json "
                    + "from hrmlab analyze)");
        }
        return readTraced(folder, traced, label, corrected);
    }

    /**
     * Writes the comparison figures (every requested format), their data as CSV and {@code manifest.json}.
     *
     * @param inputs     the analyses, in the order to show
     * @param estimate   "naive" or "bias-corrected"
     * @param out        the output folder
     * @param options    figure formats and sizes
     * @param provenance entries for the manifest only the caller knows (command line)
     * @return the headline numbers and the files written, for the command line's JSON
     */
    public static Map<String, Object> write(List<Input> inputs, String estimate, Path out,
            AnalysisExport.Options options, Map<String, Object> provenance) throws IOException {
        Files.createDirectories(out);
        ModelComparisonData data = new ModelComparisonData(inputs.stream().map(Input::model).toList(), estimate,
                subtitle(inputs));
        List<String> files = new ArrayList<>();
        figure(AnalysisCharts.participationRatioComparison(data), out, "compare_pr", options, files);
        List<ComparedModel> withResiduals = data.models().stream().filter(m -> m.segments().length > 0).toList();
        if (!withResiduals.isEmpty()) {
            String without = data.models().size() == withResiduals.size() ? "" : "; not shown (analysed with "
                    + "--stream, no residuals): " + String.join(", ", data.models().stream()
                    .filter(m -> m.segments().length == 0).map(ComparedModel::name).toList());
            figure(AnalysisCharts.residualsBySegment(new ModelComparisonData(withResiduals, estimate,
                    "||z_i - z_(i-1)|| / ||z_(i-1)|| over non-prefix positions, mean over each segment's updates and "
                    + "every trajectory" + without)), out, "compare_residuals", options, files);
        }
        CsvTable pr = new CsvTable("model", "family", "level", "state", "pr_trained", "pr_untrained");
        CsvTable res = new CsvTable("model", "family", "level", "state", "segment", "mean_relative_residual");
        List<Map<String, Object>> results = new ArrayList<>();
        for (Input in : inputs) {
            ComparedModel m = in.model();
            pr.add(m.name(), in.family().id(), "high", m.highState(), m.prHigh(), m.controlHigh());
            pr.add(m.name(), in.family().id(), "low", m.lowState(), m.prLow(), m.controlLow());
            for (int s = 0; s < m.segments().length; s++) {
                res.add(m.name(), in.family().id(), "high", m.highState(), (int) m.segments()[s], m.residualHigh()[s]);
                res.add(m.name(), in.family().id(), "low", m.lowState(), (int) m.segments()[s], m.residualLow()[s]);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", m.name());
            r.put("family", in.family().id());
            r.put("pr_" + m.highState(), m.prHigh());
            r.put("pr_" + m.lowState(), m.prLow());
            r.put("ratio_high_over_low", m.ratio());
            r.put("control_ratio_high_over_low", m.hasControl() ? m.controlHigh() / m.controlLow() : null);
            results.add(r);
        }
        pr.write(out.resolve("compare_pr.csv"));
        files.add("compare_pr.csv");
        if (res.rowCount() > 0) {
            res.write(out.resolve("compare_residuals.csv"));
            files.add("compare_residuals.csv");
        }
        ExportManifest manifest = new ExportManifest();
        manifest.put("program", AnalysisExport.PROGRAM_VERSION);
        manifest.put("date", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
        provenance.forEach(manifest::put);
        List<Map<String, Object>> analyses = new ArrayList<>();
        for (Input in : inputs) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("folder", in.folder().toAbsolutePath().normalize().toString());
            a.put("label", in.label());
            a.put("settings", in.settings());
            a.put("result_file", in.resultFile().getFileName().toString());
            a.put("result_sha256", FileHashes.sha256(in.resultFile()));
            analyses.add(a);
        }
        manifest.put("analyses", analyses);
        manifest.put("estimate", estimate);
        manifest.put("figure", Map.of("formats", options.formats().stream().map(f -> f.extension()).toList(),
                "dpi", options.dpi(), "width_pt", options.widthPt(), "height_pt", options.heightPt()));
        manifest.put("results", results);
        manifest.put("files", files);
        manifest.write(out.resolve("manifest.json"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("out", out.toString());
        json.put("estimate", estimate);
        json.put("models", results);
        json.put("files", files);
        return json;
    }

    private static Input readStreamed(Path folder, Path file, String label, boolean corrected)
            throws BadInputException, IOException {
        JsonNode root = parse(file);
        ModelFamily family = family(file, root.path("family").asText("hrm"));
        String estimate = corrected ? "corrected" : "naive";
        double[] trained = prPair(file, root.path("trained"), "pr_zH", "pr_zL", estimate);
        double[] control = root.has("control") ? prPair(file, root.get("control"), "pr_zH", "pr_zL", estimate)
                : new double[] {Double.NaN, Double.NaN};
        String name = label != null ? label : defaultLabel(family, root.path("checkpoint").asText(folder.toString()));
        String settings = prSettings(SampleUnit.PER_TOKEN.description(), root.path("settings").path("updates")
                .asText(), false, false);
        return new Input(folder, file, family, name, settings, new ComparedModel(name, family.highState(),
                family.lowState(), trained[0], trained[1], control[0], control[1], new double[0], new double[0],
                new double[0]));
    }

    private static Input readTraced(Path folder, Path file, String label, boolean corrected)
            throws BadInputException, IOException {
        JsonNode root = parse(file);
        JsonNode results = root.path("results");
        if (!results.has("pr") || !root.path("traces").isArray() || root.path("traces").isEmpty()) {
            throw new BadInputException(file + ": not a manifest of hrmlab analyze (no results.pr or traces)");
        }
        JsonNode firstTrace = root.get("traces").get(0);
        ModelFamily family = family(file, firstTrace.path("config").path("family").asText("hrm"));
        String estimate = corrected ? "corrected" : "naive";
        double[] trained = prPair(file, results.get("pr"), "zH", "zL", estimate);
        double[] control = results.path("control_pr").isObject()
                ? prPair(file, results.get("control_pr"), "zH", "zL", estimate)
                : new double[] {Double.NaN, Double.NaN};
        String name = label != null ? label : defaultLabel(family, firstTrace.path("checkpoint").asText(
                folder.toString()));
        double[][] perSegment = residualsPerSegment(folder, root.get("traces"));
        JsonNode st = root.path("settings");
        String settings;
        try {
            settings = prSettings(SampleUnit.valueOf(st.path("sampleUnit").asText()).description(),
                    UpdateSelection.valueOf(st.path("prUpdates").asText()).description(),
                    st.path("includePrefix").asBoolean(), st.path("includePad").asBoolean());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": settings.sampleUnit or settings.prUpdates is not one analyze writes");
        }
        return new Input(folder, file, family, name, settings,
                new ComparedModel(name, family.highState(), family.lowState(), trained[0], trained[1], control[0],
                        control[1], perSegment[0], perSegment[1], perSegment[2]));
    }

    /**
     * Mean relative residual of each latent over the updates of each segment and every trajectory, from
     * {@code residuals.csv} and each trace's step schedule.
     *
     * @return {segments (1-based), zH means, zL means}
     */
    private static double[][] residualsPerSegment(Path folder, JsonNode traces) throws BadInputException,
            IOException {
        Path csv = folder.resolve("residuals.csv");
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException(csv + ": no such file (the analysis folder is incomplete)");
        }
        Map<String, List<TraceStep>> schedules = new HashMap<>();
        for (JsonNode t : traces) {
            Path dir = Path.of(t.path("directory").asText());
            try {
                schedules.put(t.path("name").asText(), TraceReader.open(dir).steps());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInputException(dir + ": trace folder of " + folder + " is missing (the residuals per "
                        + "segment need each trace's steps.json)");
            }
        }
        Map<Integer, double[]> high = new TreeMap<>();
        Map<Integer, double[]> low = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length < 4) {
                continue;
            }
            List<TraceStep> steps = schedules.get(f[0]);
            int step;
            double relative;
            try {
                step = Integer.parseInt(f[2]);
                relative = Double.parseDouble(f[3]);
            } catch (NumberFormatException e) {
                throw new BadInputException(csv + ": line " + (i + 1) + " is not trajectory,latent,step,relative,...");
            }
            if (steps == null || step < 0 || step >= steps.size()) {
                throw new BadInputException(csv + ": line " + (i + 1) + " names a step no trace of the analysis has");
            }
            Map<Integer, double[]> sums = f[1].equals("zH") ? high : low;
            double[] acc = sums.computeIfAbsent(steps.get(step).segment(), k -> new double[2]);
            acc[0] += relative;
            acc[1]++;
        }
        List<Integer> segments = new ArrayList<>(high.keySet());
        segments.retainAll(low.keySet());
        double[][] out = new double[3][segments.size()];
        for (int s = 0; s < segments.size(); s++) {
            int seg = segments.get(s);
            out[0][s] = seg + 1;
            out[1][s] = high.get(seg)[0] / high.get(seg)[1];
            out[2][s] = low.get(seg)[0] / low.get(seg)[1];
        }
        return out;
    }

    private static double[] prPair(Path file, JsonNode node, String high, String low, String estimate)
            throws BadInputException {
        JsonNode h = node.path(high).path(estimate);
        JsonNode l = node.path(low).path(estimate);
        if (!h.isNumber() || !l.isNumber()) {
            throw new BadInputException(file + ": no " + estimate + " participation ratios of " + high + " and " + low);
        }
        return new double[] {h.asDouble(), l.asDouble()};
    }

    private static JsonNode parse(Path file) throws BadInputException {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static ModelFamily family(Path file, String id) throws BadInputException {
        try {
            return ModelFamily.of(id);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    private static String defaultLabel(ModelFamily family, String checkpoint) {
        if (checkpoint.startsWith(org.hrmlab.app.engine.hrm.DefaultModels.SCHEME)) {
            return family.name() + " " + checkpoint;
        }
        Path p = Path.of(checkpoint);
        String name = p.getFileName() == null ? checkpoint : p.getFileName().toString();
        if (p.getParent() != null && p.getParent().getFileName() != null
                && (name.startsWith("step_") || name.startsWith("model."))) {
            name = p.getParent().getFileName() + "/" + name;
        }
        return family.name() + " " + name;
    }

    private static String prSettings(String unit, String updates, boolean prefix, boolean pad) {
        return "PR: " + unit + ", " + updates + (prefix ? "; prefix kept" : "; prefix excluded")
                + (pad ? "; PAD kept" : "; PAD excluded");
    }

    private static String subtitle(List<Input> inputs) {
        String first = inputs.get(0).settings();
        boolean same = inputs.stream().allMatch(i -> i.settings().equals(first));
        return same ? first : "PR settings differ between the analyses (see manifest.json): " + String.join(" | ",
                inputs.stream().map(i -> i.label() + ": " + i.settings()).toList());
    }

    private static void figure(org.jfree.chart.JFreeChart chart, Path out, String name, AnalysisExport.Options o,
            List<String> files) throws IOException {
        for (Path p : FigureExporter.export(chart, out, name, o.formats(), o.widthPt(), o.heightPt(), o.dpi())) {
            files.add(p.getFileName().toString());
        }
    }
}
