#!/usr/bin/env bash
# Regenerates screenshots/*.png: renders the lab headless (Monocle, software pipeline) with node snapshots.
# Uses the scripted demo stepper, so the pictures are deterministic apart from font rendering.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl app -am test -Pscreenshots -Dtest=LabScreenshots -Dsurefire.failIfNoSpecifiedTests=false "$@"
ls -1 screenshots/*.png
