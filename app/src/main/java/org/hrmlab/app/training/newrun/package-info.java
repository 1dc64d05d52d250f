/**
 * "New training run" in the training screen: puzzles, model preset and length; the dataset made with the
 * {@code hrmlab dataset} commands in this process, off the FX thread; the written config shown as a ControlsFX
 * property sheet that the config reader checks on every edit; and the start handed to the training screen's child
 * process.
 */
package org.hrmlab.app.training.newrun;
