#!/usr/bin/env bash
# CI steps for decoding and odd input (issue 5), called from .ci/run.
# Budget: about 10 minutes on 2 cores, including installing cargo-fuzz (~3 min)
# and building the fuzz targets (~3 min).
#
# Environment:
#   FUZZ_SECONDS         seconds per fuzz target (default here 30; 6 targets)
#   CI_DECODE_LINEARITY  set to 1 to also print the linear-time ratios
#                        (a release build of the example; ~2 min more)
set -euo pipefail
cd "$(dirname "$0")/.."

# Decoder unit tests, odd-input fixtures, property tests (fast; the main test
# run covers them too, this keeps the step self-contained).
cargo test --lib decode
cargo test --test odd_input --test proptest_clean

# Fuzz every target for a bounded time; fails on any crash, panic or hang.
FUZZ_SECONDS="${FUZZ_SECONDS:-30}" scripts/fuzz.sh

if [ "${CI_DECODE_LINEARITY:-0}" = 1 ]; then
    # Ratios only, no pass/fail: timings on a shared machine are noisy.
    cargo run --release --example linearity
fi
