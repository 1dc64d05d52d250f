package org.hrmlab.cuda;

import java.util.Locale;

/**
 * Counts the device memory the backend holds, and refuses allocations past an optional limit (the setting
 * {@code hrmlab.cuda.memoryLimit}, such as {@code 512M}): a way to leave room for other programs on a shared GPU, and
 * to see how the program behaves when the GPU runs out of memory.
 */
final class MemoryBudget {
    private final long limit;
    private long held;
    private long peak;

    /** @param limit bytes, or {@code Long.MAX_VALUE} for none */
    MemoryBudget(long limit) {
        this.limit = limit;
    }

    /** @return the limit in a setting such as {@code 512M}, {@code 2G}, {@code 1048576}; none when null or blank */
    static MemoryBudget fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            return new MemoryBudget(Long.MAX_VALUE);
        }
        String s = setting.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        char last = s.charAt(s.length() - 1);
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
            s = s.substring(0, s.length() - 1);
        }
        try {
            long v = Long.parseLong(s);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return new MemoryBudget(v * unit);
        } catch (NumberFormatException e) {
            throw new CudaException("cuda: hrmlab.cuda.memoryLimit '" + setting
                    + "' is not a size (bytes, or a number with K, M or G)");
        }
    }

    /** Records an allocation about to be made. @throws CudaException past the limit, nothing recorded */
    void reserve(long bytes) {
        if (held + bytes > limit) {
            throw new CudaException("cuda: cuMemAlloc(" + bytes + " bytes): CUDA_ERROR_OUT_OF_MEMORY (the limit "
                    + "hrmlab.cuda.memoryLimit=" + limit + " bytes is reached; " + held + " bytes held)");
        }
        held += bytes;
        peak = Math.max(peak, held);
    }

    /** Records a release (or an allocation that failed after {@link #reserve}). */
    void release(long bytes) {
        held -= bytes;
    }

    long limitBytes() {
        return limit;
    }

    long held() {
        return held;
    }

    long peak() {
        return peak;
    }
}
