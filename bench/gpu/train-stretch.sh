#!/usr/bin/env bash
# train-stretch.sh CONFIG RUN DATA_TARGET TIME: one stretch of a training run on a machine with an NVIDIA GPU and no
# JDK, from the repository root, after bench/gpu/build-bundle.sh made .device/bundle.tar.xz here. Builds the run's
# data there with `training/reproduce.sh DATA_TARGET` (same commands and seeds as here, so the same data), trains
# runs/RUN on the GPU for TIME (`hrmlab train --time-limit`; resumed when runs/RUN is still on that machine from an
# earlier call), evaluates the newest checkpoint on the test split, and writes to $OUT (or ./device-out): the newest
# model file, metrics.jsonl and report.txt. The optimiser state stays there: a stretch's state is too large to come
# back with the 64 MiB a call returns, so a run continues from it only while the machine is held.
# TRAIN_DEVICE overrides the device (cpu to try the script without a GPU).
set -uo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 4 ] || { echo "usage: bench/gpu/train-stretch.sh CONFIG RUN DATA_TARGET TIME" >&2; exit 2; }
config=$1 run=runs/$2 target=$3 limit=$4
out="${OUT:-$PWD/device-out}"
mkdir -p "$out"
report="$out/report.txt"
. bench/gpu/unpack-bundle.sh
hrmlab() { (set -f; $HRMLAB "$@"); }
data=$(sed -n 's/^data_path: *//p' "$config")
data="$(dirname "$config")/$data"
{
  echo "== stretch: $config -> $run, data $target, time $limit, $(date -u)"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -1
  if [ -d "$data/train" ]; then
    echo "data: $data is there"
  else
    start=$(date +%s)
    training/reproduce.sh "$target" 2>&1 | tail -3
    echo "data: built in $(($(date +%s) - start)) s"
  fi
  resume=""
  [ -f "$run/config.yaml" ] && resume="--resume"
  hrmlab train --device "${TRAIN_DEVICE:-cuda}" --config "$config" --out "$run" --time-limit "$limit" $resume \
    | grep -E '"(eval|checkpoint|done|error)"' | cut -c1-300
  echo "train: exit ${PIPESTATUS[0]}"
  newest=$(ls "$run"/checkpoints/step_*.safetensors 2>/dev/null | grep -v state | sort -t_ -k2 -n | tail -1)
  if [ -n "$newest" ]; then
    hrmlab eval --device "${TRAIN_DEVICE:-cuda}" --checkpoint "$newest" --dataset "$data" | cut -c1-400
    echo "eval: exit ${PIPESTATUS[0]}"
    cp "$newest" "$out/"
  fi
  cp "$run/metrics.jsonl" "$out/" 2>/dev/null
} 2>&1 | tee -a "$report"
