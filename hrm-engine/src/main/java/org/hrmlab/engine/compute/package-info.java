/**
 * Where the model runs and the interface its math runs behind. The devices a user can choose ({@code auto},
 * {@code cpu}, {@code cuda[:N]}), the backends behind them (the CPU engine, built in; others found through
 * {@link java.util.ServiceLoader}, such as the CUDA backend of the {@code hrm-cuda} module on Java 22+), and the
 * one-line reasons when a device cannot be used. {@link org.hrmlab.engine.compute.ModelOps} and
 * {@link org.hrmlab.engine.compute.Network} are the operations of one forward and its backward on a backend's arrays,
 * written against by {@code model.ModelForward}: the CPU provides them ({@code model.CpuModelOps}); the CUDA model does
 * not yet (see the {@code model} package description for what its port takes).
 */
package org.hrmlab.engine.compute;
