/** Engine speed measurements for {@code hrmlab bench}: update latencies as shares of the machine's GEMM rate. */
package org.hrmlab.engine.bench;
