//! Linear-time check of the whole pipeline on adversarial inputs: each case at
//! its base size and at ten times that size. Run with
//! `cargo bench --bench linear`; for the 10×/1× ratios in one table, run
//! `cargo run --release --example linearity`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "linear/inputs.rs"]
mod inputs;

fn linear(c: &mut Criterion) {
    // The 10× pinyin case is over the default 64 MiB limit.
    let cleaner = zhclean::Cleaner::builder()
        .max_input_bytes(usize::MAX)
        .build();
    let mut group = c.benchmark_group("linear");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    for case in inputs::cases() {
        for scale in [1, 10] {
            let input = (case.make)(scale);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(case.name, format!("{scale}x")),
                &input,
                |b, input| b.iter(|| black_box(cleaner.clean(black_box(input)).is_ok())),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, linear);
criterion_main!(benches);
