#!/usr/bin/env bash
# Regenerates the embedded PTX from the kernel source (needs nvcc; a user's build does not: the PTX is committed).
# compute_75 PTX runs on Turing and every later GPU: the driver JIT-compiles it for the GPU it finds. nvcc 13 writes
# PTX ISA 9.0, which only CUDA 13 drivers read; these kernels use nothing newer than ISA 7.0 (CUDA 11.0), so the
# header is lowered to 7.0 and ptxas checks that the result is valid, for sm_75 and for Hopper (sm_90).
set -euo pipefail
cd "$(dirname "$0")"
out=src/main/resources/org/hrmlab/cuda/hrm_kernels.ptx
nvcc -ptx -arch=compute_75 -O3 -o "$out" src/main/cuda/hrm_kernels.cu
sed -i 's/^\.version [0-9.]*$/.version 7.0/' "$out"
for sm in sm_75 sm_90; do
    ptxas -arch=$sm -o /dev/null "$out"
done
