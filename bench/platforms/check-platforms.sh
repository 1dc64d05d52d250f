#!/usr/bin/env bash
# Resolves the lab's runtime dependency set for each supported platform through -Dhrmlab.platform and checks that it
# selects exactly that platform's natives: ND4J (nd4j-native, nd4j-native-preset), JavaCPP and OpenBLAS under JavaCPP's
# platform name, JavaFX (base, graphics, controls, swing) under JavaFX's, no other classified jar, no all-platform
# ("-platform") artifact, and, inside those jars, native libraries built for that operating system and CPU (ELF,
# Mach-O or PE headers). With a JDK 22 or later it also checks that the GPU backend (hrm-cuda) comes with
# linux-x86_64 only. Prints each platform's natives and their download size.
#
#   bench/platforms/check-platforms.sh [PLATFORM...]     (default: all five; needs Maven Central or a warm ~/.m2)
#
# Exit status 0 when every platform checks out, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
platforms=("$@")
[ ${#platforms[@]} -gt 0 ] || platforms=(linux-x86_64 linux-arm64 macosx-x86_64 macosx-arm64 windows-x86_64)
javafx_name() {
    case "$1" in
        linux-x86_64) echo linux ;; linux-arm64) echo linux-aarch64 ;; macosx-x86_64) echo mac ;;
        macosx-arm64) echo mac-aarch64 ;; windows-x86_64) echo win ;; *) return 1 ;;
    esac
}
# "format machine" of a native library from its first bytes: ELF e_machine, Mach-O cputype, PE machine
binary_kind() {
    local hex
    hex=$(head -c 1024 | od -An -v -tx1 | tr -d ' \n')
    case "$hex" in
        7f454c46*)
            case "${hex:36:4}" in 3e00) echo "linux x86_64" ;; b700) echo "linux arm64" ;; *) echo "linux ?${hex:36:4}" ;; esac ;;
        cffaedfe*)
            case "${hex:8:8}" in 07000001) echo "macosx x86_64" ;; 0c000001) echo "macosx arm64" ;; *) echo "macosx ?${hex:8:8}" ;; esac ;;
        cafebabe*)                               # universal: the architectures it holds, by cputype
            local n=$(( 16#${hex:8:8} )) i archs=""
            for ((i = 0; i < n && i < 8; i++)); do
                case "${hex:$((16 + i * 40)):8}" in 01000007) archs+="+x86_64" ;; 0100000c) archs+="+arm64" ;; *) archs+="+?" ;; esac
            done
            echo "macosx universal${archs}" ;;
        4d5a*)
            local off=$(( 16#${hex:126:2}${hex:124:2}${hex:122:2}${hex:120:2} ))
            case "${hex:$((off * 2)):12}" in 504500006486) echo "windows x86_64" ;; *) echo "windows ?" ;; esac ;;
        *) echo "unknown" ;;
    esac
}
# the JDK Maven runs on (JAVA_HOME, else PATH's): from 22 on, the build has the GPU backend
jdk_feature=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1000000 }'; }
mkdir -p app/target
failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }
for platform in "${platforms[@]}"; do
    start=$SECONDS
    fx=$(javafx_name "$platform") || { echo "$platform: not a supported platform"; failures=$((failures + 1)); continue; }
    want_os=${platform%%-*}; want_cpu=${platform#*-}
    list="app/target/platform-deps-$platform.txt"
    rm -f "$list"
    if ! mvn -B -q dependency:list -pl app -am -Dhrmlab.platform="$platform" -DoutputAbsoluteArtifactFilename=true \
            -DoutputFile="target/platform-deps-$platform.txt" -DincludeScope=runtime >"app/target/platform-mvn-$platform.log" 2>&1; then
        echo "$platform:"; fail "dependency resolution failed (app/target/platform-mvn-$platform.log):"
        tail -5 "app/target/platform-mvn-$platform.log"; continue
    fi
    echo "$platform (JavaFX $fx):"
    # lines: group:artifact:type[:classifier]:version:scope:/path/to.jar (the "-- module" note dropped)
    entries=$(grep -E '^ +[^ ]+:[^ ]+:' "$list" | sed -E 's/^ +//; s/ -- .*//')
    declare -A expected=(
        ["org.nd4j:nd4j-native"]=$platform ["org.nd4j:nd4j-native-preset"]=$platform
        ["org.bytedeco:javacpp"]=$platform ["org.bytedeco:openblas"]=$platform
        ["org.openjfx:javafx-base"]=$fx ["org.openjfx:javafx-graphics"]=$fx
        ["org.openjfx:javafx-controls"]=$fx ["org.openjfx:javafx-swing"]=$fx)
    declare -A seen=()
    total=0
    while IFS= read -r line; do
        IFS=: read -r -a f <<<"$line"
        ga="${f[0]}:${f[1]}"
        case "$ga" in org.nd4j:*-platform | org.bytedeco:*-platform | org.openjfx:*-platform) fail "all-platform artifact $line" ;; esac
        [ ${#f[@]} -ge 7 ] || continue                 # no classifier
        classifier=${f[3]}; file=${f[*]:6}; file=${file// /:}
        if [ "${expected[$ga]:-}" != "$classifier" ]; then
            fail "unexpected classified jar $ga:$classifier"
            continue
        fi
        seen[$ga]=1
        size=$(stat -c %s "$file"); total=$((total + size))
        kinds=$(unzip -Z1 "$file" | grep -E '\.(so|dylib|dll)(\.[0-9]+)*$' | while IFS= read -r entry; do
            (unzip -p "$file" "$entry" || true) | binary_kind; done | sort | uniq -c | sed -E 's/^ +//' | paste -sd, -) || true
        printf '  %-40s %-14s %6s MB  natives: %s\n' "$ga" "$classifier" "$(mb "$size")" "${kinds:-none}"
        if [ -n "$kinds" ]; then
            # a universal macOS library counts when it holds this CPU's code
            wrong=$(echo "$kinds" | tr ',' '\n' | sed -E 's/^[0-9]+ //' | grep -v -x "$want_os $want_cpu" \
                | grep -v -E "^macosx universal.*\+$want_cpu(\+|\$)" || true)
            [ -z "$wrong" ] || fail "$ga:$classifier holds natives for: $wrong"
        fi
    done <<<"$entries"
    for ga in "${!expected[@]}"; do
        [ -n "${seen[$ga]:-}" ] || fail "missing $ga:${expected[$ga]}"
    done
    if [ "${jdk_feature:-0}" -ge 22 ] 2>/dev/null; then
        if grep -q 'org.hrmlab:hrm-cuda:' <<<"$entries"; then has_cuda=yes; else has_cuda=no; fi
        [ "$platform" = linux-x86_64 ] && want_cuda=yes || want_cuda=no
        [ "$has_cuda" = "$want_cuda" ] || fail "GPU backend (hrm-cuda) included: $has_cuda, expected $want_cuda"
        echo "  GPU backend (hrm-cuda): $has_cuda"
    fi
    printf '  natives: %s MB; %d s\n' "$(mb "$total")" $((SECONDS - start))
    unset expected seen
done
if [ $failures -gt 0 ]; then
    echo "check-platforms: $failures failure(s)"
    exit 1
fi
echo "check-platforms: ${platforms[*]}: each selects exactly its own natives ($SECONDS s)"
