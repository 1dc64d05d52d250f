package org.hrmlab.engine.compute;

/**
 * The device chosen for a request, and the line that says which and why ({@code device: cuda:0 (NVIDIA H200, ...)},
 * {@code device: cpu (no usable GPU: cuda: no NVIDIA driver, libcuda.so.1 not found)}).
 *
 * @param device the device to run on
 * @param line   one line for stderr or a status bar
 */
public record DeviceSelection(ComputeDevice device, String line) {
}
