#!/usr/bin/env bash
# gpu-window.sh CONFIG RUN DATA_TARGET [SECONDS]: what one short call on a machine with an NVIDIA GPU and no JDK does,
# from the repository root, after bench/gpu/build-bundle.sh made .device/bundle.tar.xz here, all within SECONDS
# (default 540): the engine's backend parity tests against the CUDA backend (golden traces, the naive reference,
# stepping, streamed statistics, the reference's two training steps of HRM and TRM, device-vs-CPU gradients on random
# configurations), the training benchmark, then one stretch of a training run (bench/gpu/train-stretch.sh) with the
# time that is left, its data built there meanwhile. Writes report.txt, the parity tests' tree (parity.txt), the newest model file and the
# run's metrics under $OUT (or ./device-out). Run here, the parity tests are skipped ("no GPU") and
# TRAIN_DEVICE=cpu trains on the CPU instead.
set -uo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 3 ] || { echo "usage: bench/gpu/gpu-window.sh CONFIG RUN DATA_TARGET [SECONDS]" >&2; exit 2; }
config=$1 run=$2 target=$3 budget=${4:-540}
start=$(date +%s)
out="${OUT:-$PWD/device-out}"
mkdir -p "$out"
report="$out/report.txt"
. bench/gpu/unpack-bundle.sh
data=$(sed -n 's/^data_path: *//p' "$config")
data="$(dirname "$config")/$data"
if [ ! -d "$data/train" ]; then
  (training/reproduce.sh "$target" > "$out/data.log" 2>&1) &
  builder=$!
fi
{
  echo "== window: $(date -u), budget ${budget}s"
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.mem --format=csv,noheader 2>&1 | head -1
  echo "== parity (CUDA backend, float32)"
} | tee "$report"
timeout 170 "$java" --enable-native-access=ALL-UNNAMED -Dhrmlab.testdata="$PWD/test-data" -Dhrmlab.test.backends=cuda \
  -cp "$bundle/lib/*:$bundle/junit-platform-console-standalone-1.14.4.jar" \
  org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=tree \
  -cp "$(ls $bundle/lib/hrm-engine-*-tests.jar)" --scan-class-path --include-tag backend-parity > "$out/parity.txt" 2>&1
echo "parity: exit $? after $(($(date +%s) - start)) s" | tee -a "$report"
grep -E "✘|tests (successful|failed|aborted)|parity \|" "$out/parity.txt" | head -40 | tee -a "$report"
echo "== training-step benchmark (small-128 at a Sudoku's and a 15x15 maze's length)" | tee -a "$report"
timeout 60 bash -c 'set -f; $HRMLAB "$@"' bench bench --train --device "${TRAIN_DEVICE:-cuda}" --config small-128 --seq 82,226 --batch 32,256 \
  --repeats 5 2>&1 | grep -v "^WARNING" | tee -a "$report"
[ -n "${builder:-}" ] && wait "$builder"
tail -2 "$out/data.log" 2>/dev/null | cut -c1-300 | tee -a "$report"
left=$((budget - ($(date +%s) - start) - 90))
echo "== training stretch: ${left}s left for it" | tee -a "$report"
if [ "$left" -gt 30 ]; then
  OUT="$out" bench/gpu/train-stretch.sh "$config" "$run" "$target" "${left}s"
fi
echo "== window done after $(($(date +%s) - start)) s" | tee -a "$report"
