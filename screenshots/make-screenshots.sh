#!/usr/bin/env bash
# Regenerates screenshots/*.png: renders the lab headless (Monocle, software pipeline) with node snapshots.
# The real engine with the shipped models (Sudoku, maze, ARC) on bundled puzzles; the editor, training (a run and the
# "New training run" wizard) and puzzle tabs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl app -am test -Pscreenshots -Dtest=LabScreenshots -Dsurefire.failIfNoSpecifiedTests=false "$@"
ls -1 screenshots/*.png
