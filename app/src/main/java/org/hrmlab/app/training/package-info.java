/**
 * The training screen: launches {@code hrmlab train --config F --out DIR [--resume]} as a child process, reads its
 * JSON lines (docs/cli.md "Training"), draws live curves with progress and ETA, stops the process tree, resumes and
 * opens the run's checkpoints.
 */
package org.hrmlab.app.training;
