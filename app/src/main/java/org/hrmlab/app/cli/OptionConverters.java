package org.hrmlab.app.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hrmlab.app.engine.DecodeMode;
import org.hrmlab.app.engine.hrm.DefaultModels;
import org.hrmlab.app.export.AnimationFormat;
import org.hrmlab.app.export.FrameFilter;
import org.hrmlab.app.inspector.OverlayLayer;
import org.hrmlab.engine.analysis.PcaScope;
import org.hrmlab.engine.analysis.Precision;
import org.hrmlab.engine.analysis.SampleUnit;
import org.hrmlab.engine.analysis.UpdateSelection;
import org.hrmlab.engine.compute.DeviceSpec;
import org.hrmlab.engine.io.Safetensors.StoredType;
import org.hrmlab.puzzles.PuzzleKind;
import org.hrmlab.viz.export.FigureFormat;
import org.hrmlab.viz.grid.GridTheme;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of option values that are one of a few names ({@code --unit per-token},
 * {@code --frames h}, {@code --theme dark}, ...), a count ({@code --dpi 300}) or have a small syntax of their own
 * ({@code --device cuda:1}). A bad value is a usage error: picocli reports it as one line naming the option, exit
 * status 2 (see {@link HrmLabCommand#commandLine()}).
 */
final class OptionConverters {
    private OptionConverters() {
    }

    /**
     * A value that is one of a fixed set of names, case-insensitive.
     *
     * @param <T> the value type
     */
    abstract static class Named<T> implements ITypeConverter<T> {
        private final Supplier<Map<String, T>> values;
        private Map<String, T> byName;

        Named(Map<String, T> byName) {
            this(() -> byName);
        }

        /** @param values the names, made on first use (picocli makes every converter when the command line is built) */
        Named(Supplier<Map<String, T>> values) {
            this.values = values;
        }

        private Map<String, T> byName() {
            if (byName == null) {
                byName = values.get();
            }
            return byName;
        }

        @Override
        public T convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        /**
         * The same as {@link #convert}, for values read from elsewhere (a manifest) that are bad input too.
         *
         * @throws IllegalArgumentException {@code 'VALUE' is not one of a, b, c}
         */
        T parse(String value) {
            T t = byName().get(value.trim().toLowerCase(Locale.ROOT));
            if (t == null) {
                throw new IllegalArgumentException("'" + value + "' is not one of " + String.join(", ",
                        byName().keySet()));
            }
            return t;
        }

        /** @return the name of {@code value} on the command line */
        String nameOf(T value) {
            return byName().entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
        }

        /** @return every constant under its command-line name, given by {@code name} */
        static <E extends Enum<E>> Map<String, E> names(Class<E> type, Function<E, String> name) {
            Map<String, E> out = new LinkedHashMap<>();
            for (E e : type.getEnumConstants()) {
                out.put(name.apply(e), e);
            }
            return out;
        }

        /** @return every constant under its lower-case name with {@code -} for {@code _} ({@code per-token}) */
        static <E extends Enum<E>> Map<String, E> kebab(Class<E> type) {
            return names(type, e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** {@code --unit}, {@code --pca-unit}: per-token, mean-pooled, flattened. */
    static final class SampleUnits extends Named<SampleUnit> {
        SampleUnits() {
            super(kebab(SampleUnit.class));
        }
    }

    /** {@code --updates}, {@code --pca-updates}: segment-ends, h-updates, all-updates. */
    static final class UpdateSelections extends Named<UpdateSelection> {
        UpdateSelections() {
            super(kebab(UpdateSelection.class));
        }
    }

    /** {@code --pca-scope}: pooled, per-trajectory. */
    static final class PcaScopes extends Named<PcaScope> {
        PcaScopes() {
            super(kebab(PcaScope.class));
        }
    }

    /** {@code --precision}: float64, mixed. */
    static final class Precisions extends Named<Precision> {
        Precisions() {
            super(kebab(Precision.class));
        }
    }

    /** {@code --dtype}: f32, bf16. */
    static final class StoredTypes extends Named<StoredType> {
        StoredTypes() {
            super(kebab(StoredType.class));
        }
    }

    /** One of {@code --formats svg,pdf,png} (the option splits the list). */
    static final class FigureFormats extends Named<FigureFormat> {
        FigureFormats() {
            super(names(FigureFormat.class, FigureFormat::extension));
        }
    }

    /** {@code animate --format}: gif, png. */
    static final class AnimationFormats extends Named<AnimationFormat> {
        AnimationFormats() {
            super(names(AnimationFormat.class, AnimationFormat::cliName));
        }
    }

    /** {@code animate --frames}: all, h, segments. */
    static final class FrameFilters extends Named<FrameFilter> {
        FrameFilters() {
            super(names(FrameFilter.class, FrameFilter::cliName));
        }
    }

    /** {@code animate --decode}, {@code trace --decode}: direct, paper, latent. */
    static final class DecodeModes extends Named<DecodeMode> {
        DecodeModes() {
            super(names(DecodeMode.class, DecodeMode::cliName));
        }
    }

    /** {@code animate --theme}: light, dark. */
    static final class GridThemes extends Named<GridTheme> {
        /** The themes are JavaFX colours: made on first use, so commands without boards run where JavaFX is not. */
        GridThemes() {
            super(GridThemes::themes);
        }

        private static Map<String, GridTheme> themes() {
            Map<String, GridTheme> out = new LinkedHashMap<>();
            out.put("light", GridTheme.LIGHT);
            out.put("dark", GridTheme.DARK);
            return out;
        }
    }

    /** {@code animate --overlay}: none, change, confidence. */
    static final class OverlayLayers extends Named<OverlayLayer> {
        OverlayLayers() {
            super(names(OverlayLayer.class, OverlayLayer::cliName));
        }
    }

    /** {@code dataset --kind}: sudoku, maze, arc. */
    static final class PuzzleKinds extends Named<PuzzleKind> {
        PuzzleKinds() {
            super(names(PuzzleKind.class, PuzzleKind::id));
        }
    }

    /** A count of at least 1 ({@code --dpi 300}, one of {@code --batch 1,4}). */
    /** A duration: a positive number with the unit s, m or h ({@code 90s}, {@code 8m}, {@code 2.5h}). */
    static final class Durations implements ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([smh])")
                    .matcher(value.trim());
            if (m.matches()) {
                double seconds = Double.parseDouble(m.group(1))
                        * switch (m.group(2)) {
                            case "h" -> 3600;
                            case "m" -> 60;
                            default -> 1;
                        };
                if (seconds > 0) {
                    return java.time.Duration.ofMillis(Math.round(seconds * 1000));
                }
            }
            throw new TypeConversionException("'" + value + "' is not a duration such as 90s, 8m or 2h");
        }
    }

    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the usage error
            }
            throw new TypeConversionException("'" + value + "' is not a whole number >= 1");
        }
    }

    /** {@code --device auto|cpu|cuda[:N]}: checked when read, opened when first used. */
    static final class DeviceSpecs implements ITypeConverter<DeviceSpec> {
        @Override
        public DeviceSpec convert(String value) {
            try {
                return DeviceSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * {@code --checkpoint}: a file, or {@code shipped:NAME} for a model shipped with the lab ({@code shipped:maze-7x7};
     * {@link DefaultModels#ALL}), which opens from a copy that messages and manifests name {@code shipped:NAME} again.
     */
    static final class CheckpointPaths implements ITypeConverter<java.nio.file.Path> {
        @Override
        public java.nio.file.Path convert(String value) {
            try {
                return DefaultModels.checkpointPath(value);
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
