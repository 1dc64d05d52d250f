/** Colour maps and palettes for figures: pure functions on {@code java.awt.Color}, no toolkit needed. */
package org.hrmlab.viz.color;
