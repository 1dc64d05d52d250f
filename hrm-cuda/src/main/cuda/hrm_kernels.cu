// The HRM forward pass's element-wise and row-wise kernels (GEMMs run in cuBLAS). float32 throughout; each kernel
// mirrors the CPU engine's arithmetic order where the order changes the rounding (RMSNorm accumulates in double).
// Compiled ahead of time to PTX (build-ptx.sh) and embedded in the jar; the driver JIT-compiles it for the GPU.

extern "C" __global__ void add2(float* dst, const float* a, const float* b, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) gridDim.x * blockDim.x) {
        dst[i] = a[i] + b[i];
    }
}

// dst = a + (b + c): zL + (zH + x) as the reference adds it.
extern "C" __global__ void add3(float* dst, const float* a, const float* b, const float* c, long long n) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) gridDim.x * blockDim.x) {
        dst[i] = a[i] + (b[i] + c[i]);
    }
}

// qkv [B*S, 3*H*hd] -> q, k, v [B, H, S, hd]; rotate-half RoPE on q and k; q scaled by 1/sqrt(hd).
// One thread per (row, head, i < hd/2).
extern "C" __global__ void rope_split(const float* qkv, float* q, float* k, float* v, const float* cosT,
                                      const float* sinT, int batch, int seq, int heads, int hd, float scale) {
    int half = hd / 2;
    long long total = (long long) batch * seq * heads * half;
    int hidden = heads * hd;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        int i = (int) (idx % half);
        long long rest = idx / half;
        int h = (int) (rest % heads);
        long long row = rest / heads;          // b * seq + t
        int t = (int) (row % seq);
        long long b = row / seq;
        const float* src = qkv + row * 3 * hidden;
        long long dst = ((b * heads + h) * seq + t) * hd;
        int ro = t * hd;
        float c1 = cosT[ro + i], s1 = sinT[ro + i];
        float c2 = cosT[ro + i + half], s2 = sinT[ro + i + half];
        float q1 = src[h * hd + i], q2 = src[h * hd + i + half];
        float k1 = src[hidden + h * hd + i], k2 = src[hidden + h * hd + i + half];
        q[dst + i] = (q1 * c1 - q2 * s1) * scale;
        q[dst + i + half] = (q2 * c2 + q1 * s2) * scale;
        k[dst + i] = k1 * c1 - k2 * s1;
        k[dst + i + half] = k2 * c2 + k1 * s2;
        v[dst + i] = src[2 * hidden + h * hd + i];
        v[dst + i + half] = src[2 * hidden + h * hd + i + half];
    }
}

__device__ float block_max(float v, float* shared) {
    for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffff, v, o));
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) shared[warp] = v;
    __syncthreads();
    int warps = (blockDim.x + 31) >> 5;
    v = threadIdx.x < warps ? shared[threadIdx.x] : __int_as_float(0xff800000);
    if (warp == 0) {
        for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffff, v, o));
        if (lane == 0) shared[0] = v;
    }
    __syncthreads();
    float r = shared[0];
    __syncthreads();
    return r;
}

template <typename T>
__device__ T block_sum(T v, T* shared) {
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffff, v, o);
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    if (lane == 0) shared[warp] = v;
    __syncthreads();
    int warps = (blockDim.x + 31) >> 5;
    v = threadIdx.x < warps ? shared[threadIdx.x] : (T) 0;
    if (warp == 0) {
        for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffff, v, o);
        if (lane == 0) shared[0] = v;
    }
    __syncthreads();
    T r = shared[0];
    __syncthreads();
    return r;
}

// Softmax over each row of a [rows, cols] matrix, in place. One block per row.
extern "C" __global__ void softmax_rows(float* x, int cols) {
    __shared__ float shared[32];
    float* row = x + (long long) blockIdx.x * cols;
    float m = __int_as_float(0xff800000);
    for (int i = threadIdx.x; i < cols; i += blockDim.x) m = fmaxf(m, row[i]);
    m = block_max(m, shared);
    float s = 0.f;
    for (int i = threadIdx.x; i < cols; i += blockDim.x) {
        float e = expf(row[i] - m);
        row[i] = e;
        s += e;
    }
    s = block_sum<float>(s, shared);
    float inv = 1.f / s;
    for (int i = threadIdx.x; i < cols; i += blockDim.x) row[i] *= inv;
}

// heads [B, H, S, hd] -> out [B*S, H*hd]. One thread per output element.
extern "C" __global__ void merge_heads(const float* heads, float* out, int batch, int seq, int nheads, int hd) {
    int hidden = nheads * hd;
    long long total = (long long) batch * seq * hidden;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        int c = (int) (idx % hidden);
        long long row = idx / hidden;
        int t = (int) (row % seq);
        long long b = row / seq;
        int h = c / hd, i = c % hd;
        out[idx] = heads[((b * nheads + h) * seq + t) * hd + i];
    }
}

// Weightless RMSNorm of each row of [rows, width], in place: x / sqrt(mean(x^2) + eps), the mean in double as the
// CPU engine computes it; the factor 1 / sqrt(...) of each row goes to inv[row] unless inv is null (kept for the
// backward). One block per row.
extern "C" __global__ void rms_norm(float* x, int width, float eps, float* inv) {
    __shared__ double shared[32];
    float* row = x + (long long) blockIdx.x * width;
    double s = 0.0;
    for (int i = threadIdx.x; i < width; i += blockDim.x) {
        float v = row[i];
        s += (double) (v * v);
    }
    s = block_sum<double>(s, shared);
    float meanSquare = (float) (s / width);
    float factor = (float) (1.0 / sqrt((double) (meanSquare + eps)));
    if (inv != nullptr && threadIdx.x == 0) inv[blockIdx.x] = factor;
    for (int i = threadIdx.x; i < width; i += blockDim.x) row[i] *= factor;
}

// gateUp [rows, 2*inter] (gate first, then up) -> out [rows, inter] = silu(gate) * up.
extern "C" __global__ void swiglu(const float* gateUp, float* out, long long rows, int inter) {
    long long total = rows * inter;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        long long r = idx / inter;
        int j = (int) (idx % inter);
        float g = gateUp[r * 2 * inter + j];
        float u = gateUp[r * 2 * inter + inter + j];
        out[idx] = g / (1.f + expf(-g)) * u;
    }
}

// z [B, S, D] -> out [B, D]: position 0 of each row (the Q head's input).
extern "C" __global__ void first_positions(const float* z, float* out, int batch, int seq, int width) {
    long long total = (long long) batch * width;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        long long b = idx / width;
        int i = (int) (idx % width);
        out[idx] = z[b * seq * width + i];
    }
}

// Samples for streamed statistics: out[r * nPos + k][i] = (double) z[fromRow + r][positions[k]][i] - shift[i], for
// rows r < rows. z is [B, S, D]; out is [rows * nPos, D] in float64.
extern "C" __global__ void gather_shifted(const float* z, double* out, const int* positions, int nPos, int fromRow,
                                          int rows, int seq, int width, const double* shift) {
    long long total = (long long) rows * nPos * width;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        int i = (int) (idx % width);
        long long sample = idx / width;
        int k = (int) (sample % nPos);
        long long r = sample / nPos;
        out[idx] = (double) z[((fromRow + r) * seq + positions[k]) * width + i] - shift[i];
    }
}

// acc[i] += sum over rows of x[row][i], x being [rows, width] in float64. One thread per column.
extern "C" __global__ void column_sums_add(const double* x, long long rows, int width, double* acc) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < width) {
        double s = 0.0;
        for (long long r = 0; r < rows; r++) s += x[r * width + i];
        acc[i] += s;
    }
}

// ---- backward (training) ----

// The RMSNorm's backward per row, in place: dy <- inv * (dy - y * mean(dy * y)), y the norm's output and inv its
// factor; the dot product accumulated in double as on the CPU. One block per row.
extern "C" __global__ void rms_norm_backward(float* dy, const float* y, const float* inv, int width) {
    __shared__ double shared[32];
    float* g = dy + (long long) blockIdx.x * width;
    const float* yr = y + (long long) blockIdx.x * width;
    double dot = 0.0;
    for (int i = threadIdx.x; i < width; i += blockDim.x) dot += (double) (g[i] * yr[i]);
    dot = block_sum<double>(dot, shared);
    float mean = (float) (dot / width);
    float factor = inv[blockIdx.x];
    for (int i = threadIdx.x; i < width; i += blockDim.x) g[i] = factor * (g[i] - yr[i] * mean);
}

// The softmax's backward per row of [rows, cols], in place on dp: dp <- p * (dp - sum(dp * p)). One block per row.
extern "C" __global__ void softmax_backward(const float* p, float* dp, int cols) {
    __shared__ double shared[32];
    const float* pr = p + (long long) blockIdx.x * cols;
    float* g = dp + (long long) blockIdx.x * cols;
    double dot = 0.0;
    for (int i = threadIdx.x; i < cols; i += blockDim.x) dot += (double) (g[i] * pr[i]);
    dot = block_sum<double>(dot, shared);
    for (int i = threadIdx.x; i < cols; i += blockDim.x) g[i] = pr[i] * (float) ((double) g[i] - dot);
}

// The SwiGLU's backward: gateUp [rows, 2*inter] as in swiglu, dm [rows, inter] d loss / d (silu(gate) * up) ->
// dgu [rows, 2*inter] (gate part first).
extern "C" __global__ void swiglu_backward(const float* gateUp, const float* dm, float* dgu, long long rows,
                                           int inter) {
    long long total = rows * inter;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        long long r = idx / inter;
        int j = (int) (idx % inter);
        float g = gateUp[r * 2 * inter + j];
        float u = gateUp[r * 2 * inter + inter + j];
        float sig = 1.f / (1.f + expf(-g));
        float d = dm[idx];
        dgu[r * 2 * inter + j] = d * u * sig * (1.f + g * (1.f - sig));
        dgu[r * 2 * inter + inter + j] = d * g * sig;
    }
}

// in [B*S, H*hd] -> out [B, H, S, hd]: the inverse of merge_heads. One thread per element.
extern "C" __global__ void split_heads(const float* in, float* out, int batch, int seq, int nheads, int hd) {
    int hidden = nheads * hd;
    long long total = (long long) batch * seq * hidden;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        int c = (int) (idx % hidden);
        long long row = idx / hidden;
        int t = (int) (row % seq);
        long long b = row / seq;
        int h = c / hd, i = c % hd;
        out[((b * nheads + h) * seq + t) * hd + i] = in[idx];
    }
}

// The backward of rope_split: dq, dk, dv [B, H, S, hd] -> dqkv [B*S, 3*H*hd], the rotation transposed and the
// queries' scale applied again. One thread per (row, head, i < hd/2).
extern "C" __global__ void rope_merge_backward(const float* dq, const float* dk, const float* dv, float* dqkv,
                                               const float* cosT, const float* sinT, int batch, int seq, int heads,
                                               int hd, float scale) {
    int half = hd / 2;
    long long total = (long long) batch * seq * heads * half;
    int hidden = heads * hd;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        int i = (int) (idx % half);
        long long rest = idx / half;
        int h = (int) (rest % heads);
        long long row = rest / heads;
        int t = (int) (row % seq);
        long long b = row / seq;
        float* dst = dqkv + row * 3 * hidden;
        long long src = ((b * heads + h) * seq + t) * hd;
        int ro = t * hd;
        float c1 = cosT[ro + i], s1 = sinT[ro + i];
        float c2 = cosT[ro + i + half], s2 = sinT[ro + i + half];
        float q1 = dq[src + i], q2 = dq[src + i + half];
        float k1 = dk[src + i], k2 = dk[src + i + half];
        dst[h * hd + i] = (q1 * c1 + q2 * s2) * scale;
        dst[h * hd + i + half] = (q2 * c2 - q1 * s1) * scale;
        dst[hidden + h * hd + i] = k1 * c1 + k2 * s2;
        dst[hidden + h * hd + i + half] = k2 * c2 - k1 * s1;
        dst[2 * hidden + h * hd + i] = dv[src + i];
        dst[2 * hidden + h * hd + i + half] = dv[src + i + half];
    }
}

// ---- TRM's MLP variant: RMSNorm over the sequence axis ----

// Weightless RMSNorm down each column of every example's [seq, width] block of x [batch, seq, width], in place:
// column / sqrt(mean over the sequence of its squares + eps), the sum in double as on the CPU; the factor of each
// (example, column) goes to inv[b * width + i] unless inv is null. One thread per (example, column).
extern "C" __global__ void rms_norm_columns(float* x, int batch, int seq, int width, float eps, float* inv) {
    long long total = (long long) batch * width;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        long long b = idx / width;
        int i = (int) (idx % width);
        float* col = x + b * seq * width + i;
        double s = 0.0;
        for (int t = 0; t < seq; t++) {
            float v = col[(long long) t * width];
            s += (double) (v * v);
        }
        float meanSquare = (float) (s / seq);
        float factor = (float) (1.0 / sqrt((double) (meanSquare + eps)));
        if (inv != nullptr) inv[idx] = factor;
        for (int t = 0; t < seq; t++) col[(long long) t * width] *= factor;
    }
}

// The backward of rms_norm_columns in place on dy: per column inv * (dy - y * mean over the sequence of dy * y).
extern "C" __global__ void rms_norm_columns_backward(float* dy, const float* y, const float* inv, int batch, int seq,
                                                     int width) {
    long long total = (long long) batch * width;
    for (long long idx = blockIdx.x * (long long) blockDim.x + threadIdx.x; idx < total;
         idx += (long long) gridDim.x * blockDim.x) {
        long long b = idx / width;
        int i = (int) (idx % width);
        float* g = dy + b * seq * width + i;
        const float* yc = y + b * seq * width + i;
        double dot = 0.0;
        for (int t = 0; t < seq; t++) dot += (double) (g[(long long) t * width] * yc[(long long) t * width]);
        float mean = (float) (dot / seq);
        float factor = inv[idx];
        for (int t = 0; t < seq; t++) {
            long long o = (long long) t * width;
            g[o] = factor * (g[o] - yc[o] * mean);
        }
    }
}
