/**
 * Figure and data export: one chart drawn into SVG (real text elements, JFreeSVG), PDF (JFreePDF) and PNG (DPI in
 * the pHYs chunk), the data behind it as CSV (and NPY for arrays), and a {@code manifest.json} describing how the
 * figure was made.
 */
package org.hrmlab.viz.export;
