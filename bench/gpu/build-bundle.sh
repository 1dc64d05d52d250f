#!/usr/bin/env bash
# Builds what the GPU device check (bench/gpu/device-check.sh) needs into .device/bundle.tar.xz (.device is ignored by
# git): a jlink-ed Java runtime, the jars without ND4J (OpenBLAS for the CPU engine, the reference of the GPU trainer's
# gradients), the engine's tests and the JUnit console launcher. Needs a JDK 22 or later (JAVA_HOME, else the newest
# under /usr/lib/jvm), xz and python3. About 28.6 MB: with the working tree it must stay under the 64 MiB a call carries,
# so the runtime has no java.desktop (AWT, Swing, ImageIO) nor java.xml (8 MB packed) and the CLI there draws no figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
jdk="${JAVA_HOME:-}"
if [ -z "$jdk" ] || [ "$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')" -lt 22 ]; then
  jdk=$(ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*24* /usr/lib/jvm/*23* /usr/lib/jvm/*22* 2>/dev/null | head -1 || true)
fi
[ -n "$jdk" ] || { echo "build-bundle: no JDK 22 or later found (set JAVA_HOME)" >&2; exit 2; }
export JAVA_HOME="$jdk"
out=.device/bundle
rm -rf "$out"
mkdir -p "$out/lib"
# HRM Lab's own jars come from this build's target folders (never from ~/.m2, which other checkouts share)
mvn -B -q package -DskipTests -pl hrm-cuda,app -am
mvn -B -q -pl hrm-cuda dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$PWD/$out/lib" \
  -DexcludeGroupIds=org.hrmlab \
  -DincludeGroupIds=com.fasterxml.jackson.core,com.fasterxml.jackson.dataformat,org.yaml,net.razorvine,org.apache.commons,org.slf4j
cp sample-puzzles/target/sample-puzzles-*.jar hrm-engine/target/hrm-engine-*.jar hrm-cuda/target/hrm-cuda-*.jar \
  visualizers/target/visualizers-*.jar \
  app/target/app-*.jar "$out/lib/"
rm -f "$out"/lib/*-sources.jar "$out"/lib/commons-compress-*.jar "$out"/lib/commons-collections4-*.jar \
  "$out"/lib/commons-lang3-*.jar
# the CLI, to run hrmlab's commands there (the visualizers jar for the types of its options; no JavaFX or AWT class is
# loaded by the commands the GPU scripts run)
mvn -B -q dependency:copy -Dartifact=info.picocli:picocli:4.7.6 -DoutputDirectory="$PWD/$out/lib"
# OpenBLAS for the CPU engine (no ND4J): the CPU trainer is the reference the GPU trainer's gradients are compared with
for a in org.bytedeco:javacpp:1.5.7 org.bytedeco:javacpp:1.5.7:jar:linux-x86_64 org.bytedeco:openblas:0.3.19-1.5.7 \
         org.bytedeco:openblas:0.3.19-1.5.7:jar:linux-x86_64; do
  mvn -B -q dependency:copy -Dartifact=$a -DoutputDirectory="$PWD/$out/lib"
done
mvn -B -q dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.4 \
  -DoutputDirectory="$PWD/$out"
rm -rf "$out/runtime"
"$jdk/bin/jlink" --add-modules java.base,java.logging,jdk.unsupported,java.management,jdk.zipfs --compress=zip-0 --strip-debug \
  --no-header-files --no-man-pages --output "$out/runtime"
strip -p --strip-unneeded "$out/runtime/lib/server/libjvm.so" 2>/dev/null || true
# the default models are not used there (the check names model files of the working tree); OpenBLAS's natives stored, not deflated, so that xz packs them tighter
python3 - "$out"/lib/sample-puzzles-*.jar "$out"/lib/openblas-*-linux-x86_64.jar <<'PY'
import sys, zipfile, os
puzzles, blas = sys.argv[1], sys.argv[2]
for path, keep, mode in ((puzzles, lambda n: not n.startswith("org/hrmlab/puzzles/models/"), zipfile.ZIP_DEFLATED),
                         (blas, lambda n: True, zipfile.ZIP_STORED)):
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(path + ".new", "w", mode) as dst:
        for item in src.infolist():
            if keep(item.filename):
                dst.writestr(item, src.read(item.filename), compress_type=mode)
    os.replace(path + ".new", path)
PY
XZ_OPT=-9 tar -C "$out" -cJf .device/bundle.tar.xz .
rm -rf "$out"
# what one call carries: the working tree (tracked and untracked files git does not ignore) and .device
tree=$(git ls-files -z --cached --others --exclude-standard | xargs -0 stat -c %s 2>/dev/null | awk '{s += $1} END {print s}')
carried=$((tree + $(du -sb .device | cut -f1)))
echo "bundle: $(du -h .device/bundle.tar.xz | cut -f1); with the working tree $((carried / 1048576)) MiB of the 64 MiB a call carries"
[ "$carried" -le $((64 * 1048576)) ] || { echo "build-bundle: over the 64 MiB a call carries" >&2; exit 2; }
