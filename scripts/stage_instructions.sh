#!/usr/bin/env bash
# Instructions per input byte of each stage of the batch cleaner, counted by
# valgrind's callgrind: each stage's function with everything it calls.
#
#   scripts/stage_instructions.sh [BINARY]
#
# BINARY defaults to a release build of examples/clean without LTO (built
# here into target/stages-nolto), because LTO inlines the stages into one
# another and their functions vanish from the profile. Two runs of
# `clean -q -j 1 --no-removed`: over 16 directories of the text mix that
# scripts/measure_batch.sh builds (run it once first, with any size), and
# over the first of them alone. A stage's figure is the difference of its
# two counts over the difference of the bytes: the tables and patterns
# built on first use, in whichever stage first needs them, drop out.
# Needs valgrind (apt-get install valgrind); takes about two minutes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v valgrind >/dev/null || { echo "needs valgrind: apt-get install valgrind" >&2; exit 2; }

bin=${1:-}
if [ -z "$bin" ]; then
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
        cargo build --release --example clean --quiet --target-dir target/stages-nolto
    bin=target/stages-nolto/release/examples/clean
fi
[ -x "$bin" ] || { echo "no binary $bin" >&2; exit 2; }

. scripts/text_mix.sh
text_mix
many=$mix_dirs
one=${many%%$'\n'*}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
profile() { # name dirs...
    local name=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$out/$name" \
        "$bin" -q -j 1 --no-removed "$@" >/dev/null 2>&1
    callgrind_annotate --inclusive=yes --threshold=100 "$out/$name" >"$out/$name.txt" 2>/dev/null
}
# shellcheck disable=SC2086 # word splitting of the directory list is wanted
profile many $many
profile one "$one"
# shellcheck disable=SC2086
bytes=$(($(find $many -type f -exec cat {} + | wc -c) - $(find "$one" -type f -exec cat {} + | wc -c)))

python3 - "$out" "$bytes" <<'EOF'
import re
import sys

out, nbytes = sys.argv[1], int(sys.argv[2])


def inclusive(path):
    """Each function's largest inclusive count (its callers' view of it)."""
    counts = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"\s*([\d,]+) \([ \d.]+%\)  \S+?:(.+?)(?: \[.*)?$", line)
        if m:
            n = int(m.group(1).replace(",", ""))
            counts[m.group(2)] = max(counts.get(m.group(2), 0), n)
    return counts


many, one = inclusive(f"{out}/many.txt"), inclusive(f"{out}/one.txt")
stages = [
    ("decode", "zhclean::decode::decode"),
    ("t2s", "zhclean::cleaner::Cleaner::convert"),
    ("read", "zhclean::formats::read"),
    ("chrome", "zhclean::chrome::strip"),
    ("normalize", "zhclean::cleaner::Cleaner::finish"),
    ("output", "zhclean::json::<impl zhclean::article::Article>::write_json"),
    ("all of Cleaner::clean", "zhclean::cleaner::Cleaner::clean_with_trace"),
]
print(f"instructions per byte over {nbytes} bytes")
for name, function in stages:
    if function not in many:
        print(f"{name:22} (no {function} in the profile)")
        continue
    print(f"{name:22} {(many[function] - one.get(function, 0)) / nbytes:6.1f}")
EOF
