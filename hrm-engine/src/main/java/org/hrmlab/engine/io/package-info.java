/**
 * Model files: the reference implementation's torch checkpoints (read safely, never executing pickle globals) and
 * HRM Lab's own safetensors format.
 */
package org.hrmlab.engine.io;
