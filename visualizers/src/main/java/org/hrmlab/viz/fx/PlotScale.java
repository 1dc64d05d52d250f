package org.hrmlab.viz.fx;

import java.util.ArrayList;
import java.util.List;

/** Maps data values to pixels on one axis (linear or log10) and picks round tick values. Pure. */
public record PlotScale(double min, double max, double pixelMin, double pixelMax, boolean log) {

    /** A scale over [{@code min}, {@code max}]; degenerate or log-invalid ranges are widened. */
    public static PlotScale of(double min, double max, double pixelMin, double pixelMax, boolean log) {
        if (log) {
            min = min > 0 ? min : 1e-6;
            max = Math.max(max, min * 10);
            return new PlotScale(Math.log10(min), Math.log10(max), pixelMin, pixelMax, true);
        }
        if (!(max > min)) {
            double pad = Math.abs(min) > 0 ? Math.abs(min) * 0.5 : 1;
            min -= pad;
            max += pad;
        }
        return new PlotScale(min, max, pixelMin, pixelMax, false);
    }

    /** Pixel position of data value {@code v} (NaN for NaN or non-positive values on a log axis). */
    public double toPixel(double v) {
        double d = log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
        return pixelMin + (d - min) / (max - min) * (pixelMax - pixelMin);
    }

    /** Round tick values inside the range, at most about {@code target} of them. */
    public List<Double> ticks(int target) {
        var out = new ArrayList<Double>();
        if (log) {
            for (int e = (int) Math.ceil(min); e <= Math.floor(max); e++) {
                out.add(Math.pow(10, e));
            }
            return out;
        }
        double step = niceStep((max - min) / Math.max(1, target));
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
    public static double niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * p;
    }

    /** A short label for a tick value. */
    public static String label(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e4 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.0e", v);
        }
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        return String.format(java.util.Locale.ROOT, a >= 1 ? "%.1f" : "%.2g", v);
    }
}
