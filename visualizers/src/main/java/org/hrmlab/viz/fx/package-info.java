/** Small reusable JavaFX nodes for the lab: a resizable canvas, a light line plot and a timeline scrubber. */
package org.hrmlab.viz.fx;
