#!/usr/bin/env bash
# Generation speed through the real headless command, as a user runs it:
#   ./stylegan2 --run "Generate Images" ... with 8 seeds and with 8+N seeds; the difference of the two wall
# times excludes JVM start and model loading. Config: channel base 8192, max 256, mapping 8, z = w = 512.
# Usage: bench/launcher-generate.sh [N extra seeds, default 96] [resolutions, default "32 64 128 256"]
set -euo pipefail
cd "$(dirname "$0")/.."
extra=${1:-96}
resolutions=${2:-32 64 128 256}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./stylegan2 --list >/dev/null # build once
jar=$(ls plugin/target/StyleGAN2_Fiji-*.jar | head -1)
echo "| res | seeds | wall s (8 seeds) | wall s ($((8 + extra)) seeds) | img/s (difference) |"
echo "|---|---|---|---|---|"
for res in $resolutions; do
    java -Dai.djl.offline=true -cp "$jar:plugin/target/dependency/*" sc.fiji.stylegan2.model.bench.MakeModel \
        "$res" 8192 256 "$tmp/m$res.sg2" 2>/dev/null
    t() {
        local s=$(date +%s.%N)
        ./stylegan2 --run "Generate Images" "model_file='$tmp/m$res.sg2',seeds='$1',batch_size=8" \
            --save "$tmp/out.tif" 2>/dev/null
        echo "$(date +%s.%N) - $s" | bc
    }
    a=$(t 0-7)
    b=$(t "0-$((7 + extra))")
    echo "| $res | $extra | $a | $b | $(echo "scale=2; $extra / ($b - $a)" | bc) |"
done
