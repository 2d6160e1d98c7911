#!/usr/bin/env bash
# Installs the StyleGAN2 update site into a Fiji.app or ImageJ folder without a network, as the ImageJ
# updater would: every file of the site (update-site/target/site/, built by `mvn -B package`) that is for all
# platforms or for this one, under its path in db.xml.gz, from its stored `<path>-<timestamp>` copy.
#
#   update-site/install.sh [--site SITE] [--platform NAME] FOLDER
#
# FOLDER is Fiji (it has a Fiji or ImageJ launcher, or jars/imagej-*.jar): libtorch's native jar goes to
# jars/<platform>/ as the updater puts it (Fiji's launcher puts jars/*/*.jar on the class path).
# FOLDER is a plain ImageJ 1.x: the native jar goes to jars/ (ImageJ 1.x's class loader reads only jars/*.jar),
# and the jars the site expects from Fiji (target/fiji-jars/, Fiji's versions) are added where missing.
# Refuses, before copying anything, to add a second version of a jar the folder already has (the updater's
# "Multiple versions" conflict): one line on stderr naming both, exit 2. Other usage errors: exit 1.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
site="$here/target/site"
fiji_jars="$here/target/fiji-jars"
platform=""

die() { echo "install.sh: $1" >&2; exit "${2:-1}"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --site) site="$2"; fiji_jars="$(dirname "$2")/fiji-jars"; shift 2 ;;
        --platform) platform="$2"; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || die "usage: install.sh [--site SITE] [--platform NAME] FOLDER"
app="$1"
[ -d "$app" ] || die "$app is not a folder"
[ -f "$site/db.xml.gz" ] || die "$site/db.xml.gz is missing: build the site first (mvn -B package)"

# The updater's platform names (imagej-updater Platforms.current()).
if [ -z "$platform" ]; then
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) platform=linux64 ;;
        Linux-aarch64|Linux-arm64) platform=linux-arm64 ;;
        Darwin-arm64) platform=macos-arm64 ;;
        Darwin-x86_64) platform=macos64 ;;
        MINGW*-x86_64|MSYS*-x86_64|CYGWIN*-x86_64) platform=win64 ;;
        *) die "unknown platform $(uname -s) $(uname -m); pass --platform" ;;
    esac
fi

fiji=false
if compgen -G "$app/fiji-*" >/dev/null || compgen -G "$app/ImageJ-*" >/dev/null \
        || compgen -G "$app/jars/imagej-*.jar" >/dev/null; then
    fiji=true
fi

# db.xml.gz (one element per line, see DbXml): "path timestamp platform,platform" per file.
entries="$(gzip -dc "$site/db.xml.gz" | awk '
    /<plugin filename=/ { match($0, /filename="[^"]*"/); path = substr($0, RSTART + 10, RLENGTH - 11); plats = "" }
    /<platform>/ { p = $0; gsub(/.*<platform>|<\/platform>.*/, "", p); plats = plats (plats == "" ? "" : ",") p }
    /<version / { match($0, /timestamp="[0-9]*"/); ts = substr($0, RSTART + 11, RLENGTH - 12) }
    /<\/plugin>/ { print path, ts, (plats == "" ? "-" : plats) }')"

# A jar's name without its version, as the updater compares them (jna-5.14.0.jar -> jna.jar,
# pytorch-native-cpu-2.7.1-linux-x86_64.jar -> pytorch-native-cpu-linux-x86_64.jar).
unversioned() {
    local out="" versioned=false seg segs
    IFS=- read -ra segs <<<"${1%.jar}"
    for seg in "${segs[@]}"; do
        if [[ "$seg" =~ ^[0-9] ]] || { $versioned && [ "$seg" = SNAPSHOT ]; }; then
            versioned=true
        else
            out="${out:+$out-}$seg"
        fi
    done
    echo "$out.jar"
}

# Every jar of the folder: ImageJ 1.x's own ij.jar at the top, jars/ and plugins/ with their subfolders.
existing_jars() { find "$app" -maxdepth 1 -name '*.jar'; find "$app/jars" "$app/plugins" -name '*.jar' 2>/dev/null || true; }

# Where a site path goes in this folder.
destination() {
    local path="$1" plats="$2"
    if [ "$plats" != "-" ] && ! $fiji; then
        echo "jars/$(basename "$path")"
    else
        echo "$path"
    fi
}

# 1. Plan and check for conflicts before touching anything.
plan=()
while read -r path ts plats; do
    [ -n "$path" ] || continue
    if [ "$plats" != "-" ] && [[ ",$plats," != *",$platform,"* ]]; then
        continue
    fi
    dest="$(destination "$path" "$plats")"
    base="$(unversioned "$(basename "$dest")")"
    while read -r have; do
        [ -n "$have" ] || continue
        if [ "$(unversioned "$(basename "$have")")" = "$base" ] && [ "$(basename "$have")" != "$(basename "$dest")" ]; then
            die "${have#"$app"/} is already there; not adding $dest beside it (a second version of the same jar)" 2
        fi
    done <<<"$(existing_jars)"
    plan+=("$site/$path-$ts|$dest")
done <<<"$entries"

# 2. The jars the site expects from Fiji, only where this folder has no version of them (a plain ImageJ).
if [ -d "$fiji_jars/jars" ]; then
    for jar in "$fiji_jars"/jars/*.jar; do
        base="$(unversioned "$(basename "$jar")")"
        found=false
        while read -r have; do
            [ -n "$have" ] && [ "$(unversioned "$(basename "$have")")" = "$base" ] && found=true
        done <<<"$(existing_jars)"
        $found || plan+=("$jar|jars/$(basename "$jar")")
    done
fi

# 3. Copy.
for item in "${plan[@]}"; do
    src="${item%%|*}"; dest="$app/${item#*|}"
    mkdir -p "$(dirname "$dest")"
    cp "$src" "$dest"
done
echo "install.sh: installed ${#plan[@]} files for $platform into $app ($($fiji && echo Fiji || echo ImageJ 1.x) layout)"
