package org.hrmlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.export.AnimationFormat;
import org.hrmlab.app.export.FrameFilter;
import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.engine.analysis.PcaScope;
import org.hrmlab.engine.analysis.Precision;
import org.hrmlab.engine.analysis.SampleUnit;
import org.hrmlab.engine.analysis.UpdateSelection;
import org.hrmlab.engine.compute.DeviceSpec;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.viz.export.FigureFormat;
import org.hrmlab.viz.grid.GridTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/** Option values read by converters: the names each takes, and a bad value as one usage line with exit status 2. */
class OptionConvertersTest {
    private static <T> T convert(ITypeConverter<T> converter, String value) throws Exception {
        return converter.convert(value);
    }

    private static String refused(ITypeConverter<?> converter, String value) {
        return assertThrows(TypeConversionException.class, () -> converter.convert(value)).getMessage();
    }

    @Test
    void namedValuesTakeTheirCommandLineNamesInAnyCase() throws Exception {
        assertEquals(SampleUnit.PER_TOKEN, convert(new OptionConverters.SampleUnits(), "per-token"));
        assertEquals(SampleUnit.MEAN_POOLED, convert(new OptionConverters.SampleUnits(), " Mean-Pooled "));
        assertEquals(UpdateSelection.H_UPDATES, convert(new OptionConverters.UpdateSelections(), "h-updates"));
        assertEquals(PcaScope.PER_TRAJECTORY, convert(new OptionConverters.PcaScopes(), "per-trajectory"));
        assertEquals(Precision.MIXED, convert(new OptionConverters.Precisions(), "mixed"));
        assertEquals(FigureFormat.PDF, convert(new OptionConverters.FigureFormats(), "PDF"));
        assertEquals(AnimationFormat.PNG_SEQUENCE, convert(new OptionConverters.AnimationFormats(), "png"));
        assertEquals(FrameFilter.SEGMENT_ENDS, convert(new OptionConverters.FrameFilters(), "segments"));
        assertEquals(DecodeMode.PAPER_FIG7, convert(new OptionConverters.DecodeModes(), "paper"));
        assertEquals(DecodeMode.LATENT, convert(new OptionConverters.DecodeModes(), "Latent"));
        assertEquals(GridTheme.DARK, convert(new OptionConverters.GridThemes(), "dark"));
        assertEquals(OverlayLayer.STATE_CHANGE, convert(new OptionConverters.OverlayLayers(), "Change"));
        assertEquals(PuzzleKind.ARC, convert(new OptionConverters.PuzzleKinds(), "arc"));
        assertEquals(BenchCommand.Architecture.TINY, convert(new BenchCommand.Architectures(), "tiny"));
        assertEquals("per-token", new OptionConverters.SampleUnits().nameOf(SampleUnit.PER_TOKEN));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertEquals("'per-cell' is not one of per-token, mean-pooled, flattened",
                refused(new OptionConverters.SampleUnits(), "per-cell"));
        assertEquals("'tiff' is not one of svg, pdf, png", refused(new OptionConverters.FigureFormats(), "tiff"));
        assertEquals("'odd' is not one of all, h, segments", refused(new OptionConverters.FrameFilters(), "odd"));
        assertEquals("'sideways' is not one of direct, paper, latent", refused(new OptionConverters.DecodeModes(), "sideways"));
        assertEquals("'sepia' is not one of light, dark", refused(new OptionConverters.GridThemes(), "sepia"));
        assertEquals("'heat' is not one of none, change, confidence",
                refused(new OptionConverters.OverlayLayers(), "heat"));
        assertEquals("'chess' is not one of sudoku, maze, arc", refused(new OptionConverters.PuzzleKinds(), "chess"));
        assertEquals("'' is not one of gif, png", refused(new OptionConverters.AnimationFormats(), ""));
        assertEquals("'nope' is not one of hrm-27m, tiny, small-64, small-128",
                refused(new BenchCommand.Architectures(), "nope"));
        assertThrows(IllegalArgumentException.class, () -> new OptionConverters.UpdateSelections().parse("every"),
                "parse, for values read from files, throws the bad-input exception the commands map to exit 2");
    }

    @Test
    void countsAreWholeNumbersOfAtLeastOne() throws Exception {
        assertEquals(300, convert(new OptionConverters.Positive(), "300"));
        assertEquals(1, convert(new OptionConverters.Positive(), " 1 "));
        for (String bad : new String[] {"0", "-3", "1.5", "many", ""}) {
            assertEquals("'" + bad + "' is not a whole number >= 1", refused(new OptionConverters.Positive(), bad));
        }
    }

    @Test
    void timeLimitsAreDurationsWithAUnit() throws Exception {
        assertEquals(java.time.Duration.ofSeconds(90), convert(new OptionConverters.Durations(), "90s"));
        assertEquals(java.time.Duration.ofMinutes(8), convert(new OptionConverters.Durations(), " 8m "));
        assertEquals(java.time.Duration.ofMinutes(150), convert(new OptionConverters.Durations(), "2.5h"));
        for (String bad : new String[] {"0s", "8", "m", "-1m", "1d", ""}) {
            assertEquals("'" + bad + "' is not a duration such as 90s, 8m or 2h",
                    refused(new OptionConverters.Durations(), bad));
        }
    }

    @Test
    void devicesAreCheckedWhenReadAndOpenedLater() throws Exception {
        assertEquals(DeviceSpec.AUTO, convert(new OptionConverters.DeviceSpecs(), "auto"));
        assertEquals(DeviceSpec.CPU, convert(new OptionConverters.DeviceSpecs(), "CPU"));
        assertEquals(new DeviceSpec("cuda", 1), convert(new OptionConverters.DeviceSpecs(), "cuda:1"));
        assertEquals("device 'tpu' is not one of auto|cpu|cuda[:N]", refused(new OptionConverters.DeviceSpecs(), "tpu"));
        assertEquals("device 'cuda:x': the GPU number must be 0, 1, ...",
                refused(new OptionConverters.DeviceSpecs(), "cuda:x"));
    }

    /** Each command's typed options, read from good values (parsed only; nothing runs). */
    @Test
    void commandsReceiveTypedValues() {
        ParseResult analyze = HrmLabCommand.commandLine().parseArgs("analyze", "--out", "o", "--unit", "flattened",
                "--pca-updates", "h-updates", "--pca-scope", "per-trajectory", "--precision", "mixed", "--formats",
                "png,svg", "--dpi", "150", "--device", "cpu").subcommand();
        assertEquals(SampleUnit.FLATTENED, analyze.matchedOptionValue("--unit", null));
        assertEquals(UpdateSelection.H_UPDATES, analyze.matchedOptionValue("--pca-updates", null));
        assertEquals(PcaScope.PER_TRAJECTORY, analyze.matchedOptionValue("--pca-scope", null));
        assertEquals(Precision.MIXED, analyze.matchedOptionValue("--precision", null));
        assertEquals(Set.of(FigureFormat.PNG, FigureFormat.SVG), Set.copyOf(analyze.matchedOptionValue("--formats",
                List.<FigureFormat>of())));
        assertEquals(150, analyze.<Integer>matchedOptionValue("--dpi", 0));
        assertEquals(DeviceSpec.CPU, analyze.matchedOptionValue("--device", null));

        ParseResult animate = HrmLabCommand.commandLine().parseArgs("animate", "--checkpoint", "c", "--puzzle", "p",
                "--out", "o", "--format", "gif", "--frames", "h", "--decode", "paper", "--theme", "dark").subcommand();
        assertEquals(AnimationFormat.GIF, animate.matchedOptionValue("--format", null));
        assertEquals(FrameFilter.H_UPDATES, animate.matchedOptionValue("--frames", null));
        assertEquals(DecodeMode.PAPER_FIG7, animate.matchedOptionValue("--decode", null));
        assertEquals(GridTheme.DARK, animate.matchedOptionValue("--theme", null));

        ParseResult bench = HrmLabCommand.commandLine().parseArgs("bench", "--config", "tiny", "--batch", "1,4",
                "--seq", "82,901").subcommand();
        assertEquals(BenchCommand.Architecture.TINY, bench.matchedOptionValue("--config", null));
        assertEquals(List.of(1, 4), bench.matchedOptionValue("--batch", List.of()));

        ParseResult generate = HrmLabCommand.commandLine().parseArgs("dataset", "generate", "--kind", "maze",
                "--count", "3", "--size", "9", "--out", "x.csv").subcommand().subcommand();
        assertEquals(PuzzleKind.MAZE, generate.matchedOptionValue("--kind", null));
        assertEquals(3, generate.<Integer>matchedOptionValue("--count", 0));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("--unit", "per-cell", List.of("analyze", "--out", "o")),
                Arguments.of("--pca-unit", "cells", List.of("analyze", "--out", "o")),
                Arguments.of("--updates", "every", List.of("analyze", "--out", "o")),
                Arguments.of("--pca-updates", "every", List.of("analyze", "--out", "o")),
                Arguments.of("--pca-scope", "global", List.of("analyze", "--out", "o")),
                Arguments.of("--precision", "float16", List.of("analyze", "--out", "o")),
                Arguments.of("--formats", "svg,tiff", List.of("analyze", "--out", "o")),
                Arguments.of("--dpi", "0", List.of("analyze", "--out", "o")),
                Arguments.of("--device", "tpu", List.of("analyze", "--out", "o")),
                Arguments.of("--device", "cuda:-1", List.of("trace", "--checkpoint", "c", "--out", "o")),
                Arguments.of("--format", "mp4", List.of("animate", "--checkpoint", "c", "--puzzle", "p", "--out", "o")),
                Arguments.of("--frames", "odd", List.of("animate", "--checkpoint", "c", "--puzzle", "p", "--out", "o")),
                Arguments.of("--decode", "sideways", List.of("animate", "--checkpoint", "c", "--puzzle", "p", "--out",
                        "o")),
                Arguments.of("--theme", "sepia", List.of("animate", "--checkpoint", "c", "--puzzle", "p", "--out", "o")),
                Arguments.of("--formats", "tiff", List.of("compare", "--analysis", "a,b", "--out", "o")),
                Arguments.of("--dpi", "-1", List.of("compare", "--analysis", "a,b", "--out", "o")),
                Arguments.of("--config", "nope", List.of("bench")),
                Arguments.of("--batch", "1,0", List.of("bench")),
                Arguments.of("--kind", "chess", List.of("dataset", "build", "--from", "x.csv", "--out", "o")),
                Arguments.of("--kind", "chess", List.of("dataset", "generate", "--count", "1", "--size", "9", "--out",
                        "x.csv")),
                Arguments.of("--count", "0", List.of("dataset", "generate", "--kind", "sudoku", "--size", "9", "--out",
                        "x.csv")));
    }

    @ParameterizedTest(name = "{2} {0} {1}")
    @MethodSource("badValues")
    void aBadValueIsOneUsageLineAndExitTwo(String option, String value, List<String> command) {
        String[] args = Stream.concat(command.stream(), Stream.of(option, value)).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("'" + option + "'") && run.err().contains("'" + value.split(",")[
                value.split(",").length - 1] + "'"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
    }
}
