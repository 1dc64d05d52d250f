/** Array file formats shared by datasets and traces: NumPy {@code .npy}. */
package org.hrmlab.puzzles.io;
