package org.hrmlab.cuda;

/**
 * A float32 array in device memory.
 *
 * @param pointer the device address ({@code CUdeviceptr})
 * @param length  number of floats
 */
record DeviceArray(long pointer, long length) {
    long bytes() {
        return length * Float.BYTES;
    }

    /** @return the address of element {@code index} */
    long at(long index) {
        return pointer + index * Float.BYTES;
    }
}
