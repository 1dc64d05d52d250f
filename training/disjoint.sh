#!/usr/bin/env bash
# disjoint.sh TRAIN.csv TEST.csv OUTDIR: writes OUTDIR/train.csv (train without repeated questions) and
# OUTDIR/test.csv (test without repeats and without any question that occurs in train), so held-out means unseen.
set -euo pipefail
mkdir -p "$3"
awk -F, 'NR == 1 || !seen[$2]++' "$1" > "$3/train.csv"
awk -F, 'FNR == 1 && NR != 1 {print; next} NR == FNR {if (FNR > 1) train[$2] = 1; next} !(($2) in train) && !seen[$2]++' \
    "$3/train.csv" "$2" > "$3/test.csv"
echo "$(($(wc -l < "$3/train.csv") - 1)) train, $(($(wc -l < "$3/test.csv") - 1)) test puzzles in $3" >&2
