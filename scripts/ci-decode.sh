#!/usr/bin/env bash
# CI steps for decoding and odd input (issue 5), called from .ci/run.
# Budget: under 10 minutes on 2 cores. Measured here: installing cargo-fuzz
# 40 s idle to ~4 min under load, building the fuzz targets 1.5-5.5 min,
# fuzzing 6 targets x 20 s about 2.5 min; the whole script took 3m55s with
# cargo-fuzz already installed.
#
# Environment:
#   FUZZ_SECONDS         seconds per fuzz target (default here 20; 6 targets)
#   FUZZ_SANITIZER       default here none (faster build and runs); address
#                        for AddressSanitizer
#   CI_DECODE_LINEARITY  set to 1 to also print the linear-time ratios
#                        (a release build of the example; ~2 min more)
set -euo pipefail
cd "$(dirname "$0")/.."

# Decoder unit tests, odd-input fixtures, property tests (fast; the main test
# run covers them too, this keeps the step self-contained).
cargo test --lib decode
cargo test --test odd_input --test proptest_clean --test decode_roundtrip

# Fuzz every target for a bounded time; fails on any crash, panic or hang.
FUZZ_SECONDS="${FUZZ_SECONDS:-20}" FUZZ_SANITIZER="${FUZZ_SANITIZER:-none}" scripts/fuzz.sh

if [ "${CI_DECODE_LINEARITY:-0}" = 1 ]; then
    # Ratios only, no pass/fail: timings on a shared machine are noisy.
    cargo run --release --example linearity
fi
