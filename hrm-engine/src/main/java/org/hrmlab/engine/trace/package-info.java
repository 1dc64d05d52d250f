/**
 * Trace files: every update's zL, zH and logits, each segment's Q logits, and the step schedule, in the layout of
 * the reference golden fixtures (see docs/cli.md "Trace files"), streamed to disk so memory stays flat.
 */
package org.hrmlab.engine.trace;
