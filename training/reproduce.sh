#!/usr/bin/env bash
# reproduce.sh sudoku|maze|maze5: regenerates the data of one default model and trains it, from the repository root.
# Data goes to data/<name>/ and the run to runs/<name>/ (both outside version control); the shipped model is the
# checkpoint named in the model card (sample-puzzles/src/main/resources/org/hrmlab/puzzles/models/<name>/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# maze_data SIZE: 2,000 training mazes (seed 1) and 600 test mazes (seed 2), repeats dropped, the dihedral
# augmentations, test mazes that are a training maze up to symmetry dropped; written to data/maze-SIZExSIZE-hard
maze_data() {
    ./hrmlab dataset generate --kind maze --size "$1" --count 2000 --difficulty hard --seed 1 --out "$tmp/train.csv"
    ./hrmlab dataset generate --kind maze --size "$1" --count 600 --difficulty hard --seed 2 --out "$tmp/test.csv"
    training/disjoint.sh "$tmp/train.csv" "$tmp/test.csv" "$tmp/csv"
    ./hrmlab dataset build --kind maze --from "$tmp/csv" --aug 1 --disjoint --out "data/maze-$1x$1-hard"
}
case "${1:-}" in
    sudoku)
        name=sudoku-4x4-medium
        ./hrmlab dataset generate --kind sudoku --size 4 --count 3000 --difficulty medium --seed 1 --out "$tmp/train.csv"
        ./hrmlab dataset generate --kind sudoku --size 4 --count 1000 --difficulty medium --seed 2 --out "$tmp/test.csv"
        training/disjoint.sh "$tmp/train.csv" "$tmp/test.csv" "$tmp/csv"
        ./hrmlab dataset build --kind sudoku --from "$tmp/csv" --aug 8 --out "data/$name"
        ./hrmlab train --config training/sudoku-4x4.yaml --out runs/sudoku-4x4
        ;;
    maze5)
        maze_data 5
        ./hrmlab train --config training/maze-5x5.yaml --out runs/maze-5x5
        ./hrmlab train --config training/maze-5x5-finetune.yaml --out runs/maze-5x5-ft
        ;;
    maze)
        maze_data 7
        ./hrmlab train --config training/maze-7x7.yaml --out runs/maze-7x7
        ;;
    *)
        echo "usage: training/reproduce.sh sudoku|maze|maze5" >&2
        exit 2
        ;;
esac
