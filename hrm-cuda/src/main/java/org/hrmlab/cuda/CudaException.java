package org.hrmlab.cuda;

import org.hrmlab.engine.compute.DeviceUnavailableException;

/** A CUDA, cuBLAS or library-loading failure, as one line naming the operation and the error. */
public final class CudaException extends DeviceUnavailableException {
    /** @param message one line, such as {@code cuda: cuMemAlloc: CUDA_ERROR_OUT_OF_MEMORY} */
    public CudaException(String message) {
        super(message);
    }
}
