/**
 * The training screen: launches {@code hrmlab train --config F --out DIR [--resume]} as a child process, reads its
 * {@link org.hrmlab.engine.train.TrainingEvent} lines, draws live curves with progress (step / total steps) and the
 * trainer's ETA, stops the process tree, resumes and opens the run's checkpoints. A new run's dataset and config
 * are made by {@link org.hrmlab.app.training.newrun}.
 */
package org.hrmlab.app.training;
