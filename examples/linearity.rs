//! Print how the cleaning time grows from each adversarial input's base size
//! to ten times that size (the inputs of `benches/linear.rs`).
//!
//! ```text
//! cargo run --release --example linearity            # full sizes
//! ZHCLEAN_LINEAR_DIVISOR=10 cargo run --release --example linearity   # quick
//! cargo run --release --example linearity -- --check # exit 1 if normalized > 12
//! ```
//!
//! Each size is timed as the fastest of a few runs, to damp noise on a shared
//! machine. A ratio near 10 is linear; above ~12 suggests superlinear cost.
//!
//! Memory caches make even a plain linear scan cost more than 10× on a 10×
//! input once the input outgrows the cache (on a loaded 2-core machine,
//! `str::from_utf8` alone measured 11–21× from 1 MB to 10 MB). So the table
//! also times a baseline linear pass over the same bytes (copy, UTF-8
//! validation, one pass over the characters) and reports
//! `normalized = 10 × ratio / baseline ratio`, the figure `--check` tests.

use std::time::{Duration, Instant};

#[path = "../benches/linear/inputs.rs"]
mod inputs;

/// Largest acceptable normalized ratio of the 10× time to the 1× time.
const MAX_RATIO: f64 = 12.0;

fn fastest(cleaner: &zhclean::Cleaner, input: &[u8], runs: usize) -> (Duration, String) {
    let mut best = Duration::MAX;
    let mut outcome = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        let result = cleaner.clean(input);
        best = best.min(start.elapsed());
        outcome = match result {
            Ok(a) => format!("ok, {} blocks", a.blocks.len()),
            Err(e) => format!("err: {e}"),
        };
    }
    (best, outcome)
}

/// Fastest of `runs` plain linear passes over `input`: the cache baseline.
fn baseline(input: &[u8], runs: usize) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        let copy = input.to_vec();
        let text = String::from_utf8_lossy(&copy);
        let n = text.chars().filter(|c| c.is_alphanumeric()).count();
        std::hint::black_box(n);
        best = best.min(start.elapsed());
    }
    best
}

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let cleaner = zhclean::Cleaner::builder()
        .max_input_bytes(usize::MAX)
        .build();
    println!(
        "{:<24} {:>12} {:>11} {:>11} {:>7} {:>9} {:>10}  result at 10x",
        "case", "bytes 1x", "time 1x", "time 10x", "ratio", "baseline", "normalized"
    );
    let mut worst: f64 = 0.0;
    for case in inputs::cases() {
        let small = (case.make)(1);
        let large = (case.make)(10);
        let (t1, _) = fastest(&cleaner, &small, 5);
        let (t10, outcome) = fastest(&cleaner, &large, 3);
        let ratio = t10.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        let base = baseline(&large, 3).as_secs_f64() / baseline(&small, 5).as_secs_f64().max(1e-9);
        let normalized = 10.0 * ratio / base.max(1e-9);
        worst = worst.max(normalized);
        println!(
            "{:<24} {:>12} {:>9.1}ms {:>9.1}ms {:>7.2} {:>9.2} {:>10.2}  {}",
            case.name,
            small.len(),
            t1.as_secs_f64() * 1e3,
            t10.as_secs_f64() * 1e3,
            ratio,
            base,
            normalized,
            outcome.chars().take(80).collect::<String>()
        );
    }
    println!("worst normalized ratio {worst:.2} (limit {MAX_RATIO})");
    if check && worst > MAX_RATIO {
        std::process::exit(1);
    }
}
