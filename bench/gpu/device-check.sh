#!/usr/bin/env bash
# The GPU device check, run on a machine with an NVIDIA GPU and no JDK, from the repository root, after
# bench/gpu/build-bundle.sh made .device/bundle.tar.xz here: the engine's backend parity tests against the CUDA backend
# (golden traces, the naive reference, stepping with seek and back), then the GPU benchmark, then (if present) a
# PyTorch timing of the same architecture. Writes report.txt (with the parity tests' tree) under $OUT (or ./device-out).
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-$PWD/device-out}"
mkdir -p "$out"
report="$out/report.txt"
work=$(mktemp -d)
. bench/gpu/unpack-bundle.sh
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
  -cp "$(ls $bundle/lib/hrm-engine-*-tests.jar)" --scan-class-path --include-tag backend-parity 2>&1 | grep -v "^WARNING" | tee -a "$report"
echo "== parity, TF32 GEMMs (expected to miss 1e-4: the measured deviation)" | tee -a "$report"
timeout 120 "$java" "${jvm[@]}" -Dhrmlab.cuda.tf32=true \
  -cp "$bundle/lib/*:$bundle/junit-platform-console-standalone-1.14.4.jar" \
  org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=summary \
  --select-class org.hrmlab.engine.model.ReferenceParityTest --select-class org.hrmlab.engine.model.GoldenTraceParityTest \
  --include-tag backend-parity 2>&1 | grep -E "parity \||tests (successful|failed)" | tee -a "$report"
echo "== parity, bf16 products (expected to miss 1e-4: the measured deviation)" | tee -a "$report"
timeout 120 "$java" "${jvm[@]}" -Dhrmlab.cuda.precision=bf16 \
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
echo "== benchmark (bf16 products)" | tee -a "$report"
timeout 240 "$java" -Xmx32g --enable-native-access=ALL-UNNAMED -Dhrmlab.cuda.precision=bf16 -cp "$bundle/lib/*" \
  org.hrmlab.cuda.CudaBenchmark cuda 1,64 1000 2>&1 | grep -v "trace\|memory" | tee -a "$report"
echo "== hrmlab commands on the GPU" | tee -a "$report"
hrmlab() { (set -f; $HRMLAB "$@"); }
golden=test-data/fixtures/hrm-golden/sudoku-small
sudoku=sample-puzzles/src/main/resources/org/hrmlab/puzzles/models/sudoku/model.safetensors
{
  hrmlab trace --device cuda --checkpoint $golden/checkpoint/step_0 --tokens $golden/golden/inputs.npy \
    --out "$work/trace" | cut -c1-300; echo "trace: exit ${PIPESTATUS[0]}"
  hrmlab dataset generate --kind sudoku --size 4 --count 1000 --difficulty medium --seed 2 --out "$work/s4.csv" \
    > /dev/null
  hrmlab eval --checkpoint $sudoku --dataset "$work/s4.csv" | cut -c1-400; echo "eval: exit ${PIPESTATUS[0]}"
  hrmlab trace --device cuda:7 --checkpoint $golden/checkpoint/step_0 --tokens $golden/golden/inputs.npy \
    --out "$work/t7"; echo "trace on a GPU that is not there: exit $?"
} 2>&1 | tee -a "$report"
echo "== training on the GPU (a 4x4 Sudoku run: 60 steps there, resumed on the CPU to 80, resumed there to 100)" \
  | tee -a "$report"
train_device="${TRAIN_DEVICE:-cuda}"
{
  hrmlab dataset generate --kind sudoku --size 4 --count 2000 --difficulty medium --seed 1 --out "$work/t4.csv" >/dev/null
  hrmlab dataset generate --kind sudoku --size 4 --count 200 --difficulty medium --seed 2 --out "$work/v4.csv" >/dev/null
  hrmlab dataset build --kind sudoku --from "$work/t4.csv" --test-from "$work/v4.csv" --aug 8 --out "$work/s4" >/dev/null
  sed -e "s|^data_path:.*|data_path: $work/s4|" -e "s|^epochs:.*|epochs: 80\neval_limit: 200|" \
    training/sudoku-4x4.yaml > "$work/train.yaml"
  resume=""
  for leg in "60 $train_device" "80 cpu" "100 $train_device"; do
    set -- $leg
    hrmlab train --device "$2" --config "$work/train.yaml" --out "$work/run" --stop-at "$1" $resume \
      | tail -2 | cut -c1-260
    echo "train to step $1 on $2: exit ${PIPESTATUS[0]}"
    resume="--resume"
  done
} 2>&1 | tee -a "$report"
echo "== training-step benchmark on the GPU (27M, float32)" | tee -a "$report"
timeout 200 "$java" -Xmx32g --enable-native-access=ALL-UNNAMED -cp "$bundle/lib/*" org.hrmlab.app.Main bench --train \
  --device "$train_device" ${TRAIN_BENCH_ARGS:---seq 82,901 --batch 8,64} 2>&1 | tee -a "$report"
if [ -f .device/torch_bench.py ] && command -v python3 >/dev/null; then
  echo "== PyTorch, same architecture, same GPU" | tee -a "$report"
  timeout 120 python3 .device/torch_bench.py 2>&1 | tee -a "$report"
fi
rm -rf "$work"
