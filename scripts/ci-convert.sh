#!/bin/sh
# CI steps for the convert module that the plain `cargo test` does not cover:
# the opencc-sys backend (links the system OpenCC: `apt-get install
# libopencc-dev`, done by .ci/run) and its differential test, the converter
# example, and the benchmark build. Run from the repository root.
set -eu

cargo clippy --all-targets --features opencc-sys -- -D warnings
# Differential test against the system OpenCC, known differences listed in
# fixtures/opencc/sys_known_differences.tsv.
cargo test --features opencc-sys --test convert_sys --test convert_exact --test convert_api

# The example converts like `opencc -c t2s`; the benchmark must compile.
cargo build --release --example convert
printf '乾隆皇帝的頭髮\n' | ./target/release/examples/convert | grep -qx '乾隆皇帝的头发'
cargo bench --bench convert --no-run
