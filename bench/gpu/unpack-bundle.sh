# Sourced by the GPU scripts, from the repository root: unpacks .device/bundle.tar.xz (bench/gpu/build-bundle.sh) into
# $TMPDIR/hrmlab-bundle unless it is there already (a machine still held from an earlier call), then sets java (its
# runtime), bundle (the folder) and exports HRMLAB, the command that runs hrmlab with it (training/reproduce.sh reads it).
bundle="${TMPDIR:-/tmp}/hrmlab-bundle"
if [ ! -x "$bundle/runtime/bin/java" ]; then
  mkdir -p "$bundle"
  tar -C "$bundle" -xJf .device/bundle.tar.xz 2>/dev/null \
    || python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' .device/bundle.tar.xz "$bundle"
fi
java="$bundle/runtime/bin/java"
export HRMLAB="$java -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -cp $bundle/lib/* org.hrmlab.app.Main"
