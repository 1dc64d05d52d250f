package org.hrmlab.viz.export;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The figure formats HRM Lab writes. */
public enum FigureFormat {
    /** Scalable vector graphics with text kept as {@code <text>} elements. */
    SVG("svg"),
    /** PDF with vector graphics and text. */
    PDF("pdf"),
    /** PNG raster at a requested DPI (recorded in the pHYs chunk). */
    PNG("png");

    private final String extension;

    FigureFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file extension without the dot */
    public String extension() {
        return extension;
    }

    /**
     * @param list comma-separated format names, e.g. {@code svg,pdf,png}
     * @throws IllegalArgumentException naming an unknown format
     */
    public static Set<FigureFormat> parseList(String list) {
        Set<FigureFormat> out = EnumSet.noneOf(FigureFormat.class);
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            FigureFormat found = null;
            for (FigureFormat f : values()) {
                if (f.extension.equals(p)) {
                    found = f;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown figure format '" + part.trim() + "' (use svg, pdf, png)");
            }
            out.add(found);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no figure format given (use svg, pdf, png)");
        }
        return out;
    }
}
