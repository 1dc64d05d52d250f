/**
 * The HRM forward pass on NVIDIA GPUs: the machine's own CUDA driver ({@code libcuda.so.1}) and cuBLAS
 * ({@code libcublas.so.13}, else {@code .12}), reached through Java's Foreign Function and Memory API; kernels from
 * PTX embedded in the jar. Weights and states live on the GPU; one stream; GEMMs in cuBLAS, small kernels for the rest.
 */
package org.hrmlab.cuda;
