package org.hrmlab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hrmlab.app.analysis.AnalysisExport;
import org.hrmlab.viz.export.FigureFormat;
import picocli.CommandLine.Option;

/**
 * The figure options of the commands that draw figures ({@code analyze}, {@code compare}): {@code --formats},
 * {@code --dpi}, {@code --width-pt} and {@code --height-pt}. A manifest's {@code figure} object can stand in for them
 * when a command repeats an earlier run.
 */
final class FigureOutputOptions {
    @Option(names = "--formats", defaultValue = "svg,pdf,png", split = ",", paramLabel = "F",
            converter = OptionConverters.FigureFormats.class, description = "figure formats (default svg,pdf,png)")
    Set<FigureFormat> formats;

    @Option(names = "--dpi", defaultValue = "300", converter = OptionConverters.Positive.class,
            description = "PNG resolution (default 300)")
    int dpi;

    @Option(names = "--width-pt", defaultValue = "480", description = "figure width in points (default 480)")
    double widthPt;

    @Option(names = "--height-pt", defaultValue = "320", description = "figure height in points (default 320)")
    double heightPt;

    /** @return these options as export options, with or without absolute residual norms */
    AnalysisExport.Options exportOptions(boolean absoluteResiduals) {
        return new AnalysisExport.Options(EnumSet.copyOf(formats), dpi, widthPt, heightPt, absoluteResiduals);
    }

    /**
     * Takes the values a manifest's {@code figure} object gives; those it leaves out stay as they are.
     *
     * @throws IllegalArgumentException when its {@code formats} names an unknown format
     */
    void replay(JsonNode figure) {
        if (figure.path("formats").isArray()) {
            List<String> names = new ArrayList<>();
            figure.get("formats").forEach(n -> names.add(n.asText()));
            formats = FigureFormat.parseList(String.join(",", names));
        }
        dpi = figure.path("dpi").asInt(dpi);
        widthPt = figure.path("width_pt").asDouble(widthPt);
        heightPt = figure.path("height_pt").asDouble(heightPt);
    }
}
