#!/usr/bin/env bash
# Ours and the official NVlabs StyleGAN2-ADA code timed in one run on this machine (issue: speed as a ratio
# measured side by side, never against numbers from another day or machine).
#
#   bench/side-by-side.sh OFFICIAL_DIR [generation-seconds] [training-cycles]
#
# OFFICIAL_DIR: a checkout of NVlabs/stylegan2-ada-pytorch you already have (this script neither fetches nor
# builds it), run with Debian's python3-torch and its tuned setup (tcmalloc, OpenBLAS 1 thread). Prints the
# CPU, then generation img/s (official float32; ours fp32 and bf16, batch 1 and 8, 32-256 px), then training
# kimg/h (32 and 64 px, the 512 setup and config small; ours fp32 and bf16), each side with the same threads.
# Run it alone: another process on a core halves both sides unevenly.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
official="${1:?usage: bench/side-by-side.sh OFFICIAL_DIR [generation-seconds] [training-cycles]}"
seconds="${2:-6}"
cycles="${3:-2}"
python="${PYTHON:-/usr/bin/python3}"
threads="$(nproc)"
export OMP_NUM_THREADS="$threads"

official_speed() {
    LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4 OPENBLAS_NUM_THREADS=1 \
        "$python" "$here/official_speed.py" "$@" --official "$official" 2>&1 | grep -v 'No CUDA runtime'
}

echo "# Side by side on $(hostname), $(date -u +%Y-%m-%dT%H:%MZ), $threads threads each"
echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
echo "flags: $(grep -m1 -o -w -E 'avx512f|avx512_bf16|amx_bf16|amx_tile|avx512_vnni' /proc/cpuinfo | sort -u | tr '\n' ' ')"
echo
official_speed generation --seconds "$seconds"
echo
"$here/../stylegan2" --bench precision 2 "$seconds"
echo
"$here/../stylegan2" --bench training-speed "$cycles" 32 fp32,bf16
echo
official_speed training --cycles "$cycles" --warmup 32
