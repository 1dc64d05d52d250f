/**
 * Grid exports: a PNG with its DPI recorded, and animations of a run (an animated GIF or a numbered PNG sequence,
 * with {@code manifest.json} and {@code frames.csv} beside them) from the lab's dialog and {@code hrmlab animate}.
 */
package org.hrmlab.app.export;
