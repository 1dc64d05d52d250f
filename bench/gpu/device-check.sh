#!/usr/bin/env bash
# The GPU device check, run on a machine with an NVIDIA GPU and no JDK, from the repository root, after
# bench/gpu/build-bundle.sh made .device/bundle.tar.xz here: the engine's backend parity tests against the CUDA backend
# (golden traces, the naive reference, stepping with seek and back), then the GPU benchmark, then (if present) a
# PyTorch timing of the same architecture. Writes report.txt and the JUnit XML under $OUT (or ./device-out).
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-$PWD/device-out}"
mkdir -p "$out"
report="$out/report.txt"
work=$(mktemp -d)
bundle="$work/bundle"
mkdir -p "$bundle"
tar -C "$bundle" -xJf .device/bundle.tar.xz 2>/dev/null \
  || python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' .device/bundle.tar.xz "$bundle"
java="$bundle/runtime/bin/java"
{
  echo "== device"
  date -u
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.mem --format=csv 2>&1 | head -3
  "$java" -version 2>&1 | head -1
  echo "python3: $(command -v python3)"
  ldconfig -p 2>/dev/null | grep -m2 "libcuda.so" || true
  echo "== parity (CUDA backend, float32)"
} | tee "$report"
jvm=(--enable-native-access=ALL-UNNAMED -Dhrmlab.testdata="$PWD/test-data" -Dhrmlab.test.backends=cuda)
timeout 240 "$java" "${jvm[@]}" -cp "$bundle/lib/*:$bundle/junit-platform-console-standalone-1.14.4.jar" \
  org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=tree \
  -cp "$(ls $bundle/lib/hrm-engine-*-tests.jar)" --scan-class-path --include-tag backend-parity \
  --reports-dir="$out/junit" 2>&1 | grep -v "^WARNING" | tee -a "$report"
echo "== parity, TF32 GEMMs (expected to miss 1e-4: the measured deviation)" | tee -a "$report"
timeout 120 "$java" "${jvm[@]}" -Dhrmlab.cuda.tf32=true \
  -cp "$bundle/lib/*:$bundle/junit-platform-console-standalone-1.14.4.jar" \
  org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=summary \
  --select-class org.hrmlab.engine.model.ReferenceParityTest --select-class org.hrmlab.engine.model.GoldenTraceParityTest \
  --include-tag backend-parity 2>&1 | grep -E "parity \||tests (successful|failed)" | tee -a "$report"
echo "== benchmark (float32)" | tee -a "$report"
timeout 300 "$java" -Xmx32g -Dhrmlab.cuda.memoryLimit=100G --enable-native-access=ALL-UNNAMED -cp "$bundle/lib/*" org.hrmlab.cuda.CudaBenchmark cuda 1,8,64 200 \
  2>&1 | tee -a "$report"
echo "== benchmark (TF32)" | tee -a "$report"
timeout 240 "$java" -Xmx32g --enable-native-access=ALL-UNNAMED -Dhrmlab.cuda.tf32=true -cp "$bundle/lib/*" \
  org.hrmlab.cuda.CudaBenchmark cuda 1,64 1000 2>&1 | grep -v "trace\|memory" | tee -a "$report"
echo "== hrmlab commands on the GPU" | tee -a "$report"
hrmlab() { "$java" --enable-native-access=ALL-UNNAMED -cp "$bundle/lib/*" org.hrmlab.app.Main "$@"; }
golden=test-data/fixtures/hrm-golden/sudoku-small
sudoku=sample-puzzles/src/main/resources/org/hrmlab/puzzles/models/sudoku/model.safetensors
{
  hrmlab trace --device cuda --checkpoint $golden/checkpoint/step_0 --tokens $golden/golden/inputs.npy \
    --out "$work/trace" | cut -c1-300; echo "trace: exit ${PIPESTATUS[0]}"
  hrmlab dataset generate --kind sudoku --size 4 --count 1000 --difficulty medium --seed 2 --out "$work/s4.csv" \
    > /dev/null
  hrmlab eval --checkpoint $sudoku --dataset "$work/s4.csv" | cut -c1-400; echo "eval: exit ${PIPESTATUS[0]}"
  hrmlab analyze --stream --checkpoint $sudoku --dataset "$work/s4.csv" --count 1000 --out "$work/an" \
    | cut -c1-700; echo "analyze --stream: exit ${PIPESTATUS[0]}"
  hrmlab trace --device cuda:7 --checkpoint $golden/checkpoint/step_0 --tokens $golden/golden/inputs.npy \
    --out "$work/t7"; echo "trace on a GPU that is not there: exit $?"
} 2>&1 | tee -a "$report"
if [ -f .device/torch_bench.py ] && command -v python3 >/dev/null; then
  echo "== PyTorch, same architecture, same GPU" | tee -a "$report"
  timeout 120 python3 .device/torch_bench.py 2>&1 | tee -a "$report"
fi
rm -rf "$work"
