#!/usr/bin/env bash
# Starts the Linux app image that `mvn -B -Pdist package -DskipTests` made (app/target/dist/hrmlab) on a virtual X
# display (Xvfb) and checks that it shows the lab: a window named "HRM Lab" within 90 s, the process still running
# 20 s later, nothing thrown on its stderr. With xdotool it then steps the default model to its halt (Ctrl+Right: end
# of segment); with ImageMagick it saves the screen to app/target/dist-check/lab.png and checks it is not blank.
# Last, the image's launcher as the hrmlab command solves a bundled Sudoku with the shipped model.
#
#   bench/platforms/check-app-image.sh        (needs Xvfb; xdotool and ImageMagick optional)
#
# Exit status 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/../.."
image=app/target/dist/hrmlab
launcher="$image/bin/hrmlab"
out=app/target/dist-check
[ -x "$launcher" ] || { echo "check-app-image: no $launcher; build it with: mvn -B -Pdist package -DskipTests"; exit 1; }
command -v Xvfb >/dev/null || { echo "check-app-image: needs Xvfb (Debian/Ubuntu: apt-get install xvfb)"; exit 1; }
rm -rf "$out"; mkdir -p "$out"
echo "image: $image, $(du -sh "$image" | cut -f1) (runtime $(du -sh "$image/lib/runtime" | cut -f1), $(ls "$image/lib/app" | grep -c '\.jar$') jars $(du -sh "$image/lib/app" | cut -f1))"
for deb in app/target/dist/*.deb; do [ -e "$deb" ] && echo "package: $deb, $(du -h "$deb" | cut -f1)"; done

display=""
for n in $(seq 90 120); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }
done
[ -n "$display" ] || { echo "check-app-image: no free X display number"; exit 1; }
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
lab=""
cleanup() {
    [ -z "$lab" ] || kill "$lab" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY="$display"
sleep 2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

start=$SECONDS
"$launcher" >"$out/lab.out" 2>"$out/lab.err" &
lab=$!
if command -v xdotool >/dev/null; then
    window=""
    for _ in $(seq 1 90); do
        window=$(xdotool search --name '^HRM Lab$' 2>/dev/null | head -1 || true)
        [ -n "$window" ] && break
        kill -0 "$lab" 2>/dev/null || break
        sleep 1
    done
    if [ -n "$window" ]; then
        echo "window \"HRM Lab\" after $((SECONDS - start)) s"
    else
        fail "no window named \"HRM Lab\" within 90 s"
    fi
fi
sleep 20
kill -0 "$lab" 2>/dev/null && echo "running after $((SECONDS - start)) s" || fail "the lab exited: $(tail -3 "$out/lab.err")"
if command -v xdotool >/dev/null && kill -0 "$lab" 2>/dev/null; then
    xdotool mousemove 700 450
    for _ in 1 2 3; do xdotool key ctrl+Right; sleep 3; done   # to the end of each segment, until the model halts
fi
if command -v import >/dev/null; then
    import -window root "$out/lab.png"
    colours=$(identify -format %k "$out/lab.png")
    echo "screenshot: $out/lab.png ($colours colours)"
    [ "$colours" -gt 100 ] || fail "the screen is nearly blank ($colours colours)"
fi
if grep -E 'Exception|Error:|^\s+at ' "$out/lab.err" >/dev/null; then
    fail "the lab wrote an exception to stderr: $(grep -m3 -E 'Exception|Error:' "$out/lab.err")"
fi
kill "$lab" 2>/dev/null || true
lab=""

puzzle="sample-puzzles/src/main/resources/org/hrmlab/puzzles/data/sudoku/4x4-easy.csv#0"
model=sample-puzzles/src/main/resources/org/hrmlab/puzzles/models/sudoku/model.safetensors
if "$launcher" solve --checkpoint "$model" --puzzle "$puzzle" >"$out/solve.json" 2>"$out/solve.err" \
        && grep -q '"correct":true' "$out/solve.json"; then
    echo "hrmlab solve (from the image): $(grep -o '"predicted_grid":[^}]*\]\]' "$out/solve.json"), correct"
else
    fail "hrmlab solve from the image: $(tail -3 "$out/solve.err")"
fi
grep -h '^device:' "$out/solve.err" || true
[ $failures -eq 0 ] || { echo "check-app-image: $failures failure(s)"; exit 1; }
echo "check-app-image: the image starts, shows the lab and solves ($((SECONDS)) s)"
