/**
 * Where the model runs: the devices a user can choose ({@code auto}, {@code cpu}, {@code cuda[:N]}), the backends
 * behind them (ND4J on the CPU, built in; others found through {@link java.util.ServiceLoader}, such as the CUDA
 * backend of the {@code hrm-cuda} module on Java 22+), and the one-line reasons when a device cannot be used.
 */
package org.hrmlab.engine.compute;
