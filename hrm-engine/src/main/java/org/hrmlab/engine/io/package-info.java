/**
 * Model files: the reference implementation's torch checkpoints (zip + pickle, read through an allow-list that never
 * executes pickle globals, storages streamed and bounds-checked) and HRM Lab's own safetensors format (written
 * atomically, read strictly). {@link org.hrmlab.engine.io.CheckpointLoader} is the entry point; every failure is a
 * one-line {@link org.hrmlab.engine.io.CheckpointException} naming the file.
 */
package org.hrmlab.engine.io;
