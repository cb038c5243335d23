//! Print how the cleaning time grows from each adversarial input's base size
//! to ten times that size (the inputs of `benches/linear.rs`).
//!
//! ```text
//! cargo run --release --example linearity            # full sizes
//! ZHCLEAN_LINEAR_DIVISOR=10 cargo run --release --example linearity   # quick
//! cargo run --release --example linearity -- --check # exit 1 if a ratio > 12
//! ```
//!
//! Each size is timed as the fastest of a few runs, to damp noise on a shared
//! machine. A ratio near 10 is linear; above ~12 suggests superlinear cost.

use std::time::{Duration, Instant};

#[path = "../benches/linear/inputs.rs"]
mod inputs;

/// Largest acceptable ratio of the 10× time to the 1× time.
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

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let cleaner = zhclean::Cleaner::builder()
        .max_input_bytes(usize::MAX)
        .build();
    println!(
        "{:<24} {:>12} {:>11} {:>11} {:>7}  result at 10x",
        "case", "bytes 1x", "time 1x", "time 10x", "ratio"
    );
    let mut worst: f64 = 0.0;
    for case in inputs::cases() {
        let small = (case.make)(1);
        let large = (case.make)(10);
        let (t1, _) = fastest(&cleaner, &small, 3);
        let (t10, outcome) = fastest(&cleaner, &large, 2);
        let ratio = t10.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        worst = worst.max(ratio);
        println!(
            "{:<24} {:>12} {:>9.1}ms {:>9.1}ms {:>7.2}  {}",
            case.name,
            small.len(),
            t1.as_secs_f64() * 1e3,
            t10.as_secs_f64() * 1e3,
            ratio,
            outcome.chars().take(80).collect::<String>()
        );
    }
    println!("worst ratio {worst:.2} (limit {MAX_RATIO})");
    if check && worst > MAX_RATIO {
        std::process::exit(1);
    }
}
