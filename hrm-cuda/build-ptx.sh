#!/usr/bin/env bash
# Regenerates the embedded PTX from the kernel source (needs nvcc; a user's build does not: the PTX is committed).
# compute_75 PTX runs on Turing and every later GPU: the driver JIT-compiles it for the GPU it finds.
set -euo pipefail
cd "$(dirname "$0")"
nvcc -ptx -arch=compute_75 -O3 -o src/main/resources/org/hrmlab/cuda/hrm_kernels.ptx src/main/cuda/hrm_kernels.cu
