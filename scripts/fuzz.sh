#!/usr/bin/env bash
# Run the cargo-fuzz targets in fuzz/ for a bounded time each; exit non-zero if
# any target finds a crash, a panic, a timeout or runs out of memory.
#
#   scripts/fuzz.sh                  # every target, 60 s each
#   FUZZ_SECONDS=300 scripts/fuzz.sh clean portal
#
# Environment:
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_TIMEOUT   seconds one input may take before it counts as a hang (default 10)
#   FUZZ_RSS_MB    memory limit in MiB (default 4096)
#   FUZZ_SANITIZER address (default) or none: none builds faster and runs
#                  2-3x more inputs a second; the crate itself has no unsafe code
#
# cargo-fuzz drives libFuzzer and passes nightly-only flags (-Zsanitizer=address,
# -Cpasses=sancov-module). The machine has only a stable toolchain, so this
# script sets RUSTC_BOOTSTRAP=1, which lets stable rustc and cargo accept them;
# the AddressSanitizer runtime ships with the stable x86_64 Linux toolchain.
# cargo-fuzz itself is installed from crates.io when missing.
#
# Seeds: fixtures/, fixtures/encodings/ and fixtures/html/ are read as extra corpus
# directories (never written); what the fuzzer finds goes to fuzz/corpus/TARGET
# and crashing inputs to fuzz/artifacts/TARGET, the log to fuzz/artifacts/TARGET.log
# (all git-ignored). Reproduce a
# crash with: RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
timeout_s=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-4096}
sanitizer=${FUZZ_SANITIZER:-address}
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

# Build every target once: release with debug assertions and overflow checks
# (cargo-fuzz's default), so arithmetic overflow is a crash too.
cargo fuzz build -s "$sanitizer"

failed=()
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" fuzz/artifacts
    log="fuzz/artifacts/$t.log"
    echo "fuzz.sh: $t for ${seconds}s" >&2
    if ! cargo fuzz run -s "$sanitizer" "$t" "fuzz/corpus/$t" fixtures fixtures/encodings fixtures/html -- \
        -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" \
        -dict=fuzz/zhclean.dict -print_final_stats=1 2>"$log"; then
        echo "fuzz.sh: $t FAILED; last lines of $log:" >&2
        tail -n 40 "$log" >&2
        failed+=("$t")
    else
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | sed "s/^/fuzz.sh: $t /" >&2 || true
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz.sh: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${seconds}s each, no crash" >&2
