//! Throughput of `Converter::t2s().convert` and `classify_script`.
//!
//! `cargo bench --bench convert`. Inputs are ≥ 10 MB, built by repeating the
//! traditional seed document and the corpus documents converted to
//! traditional (`fixtures/opencc/docs/*.trad.txt`), or their simplified
//! reference outputs (`*.t2s.txt`) that t2s leaves unchanged (one keeps a
//! `於` that t2s would still convert).

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use zhclean::convert::{classify_script, Converter};

const MIN_BYTES: usize = 10 << 20;

/// The documents ending in `suffix`, after `seed`, repeated to ≥ 10 MB; with
/// `unchanged_only`, only documents t2s leaves as they are.
fn corpus(suffix: &str, seed: Option<&str>, unchanged_only: bool) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut parts: Vec<String> = seed
        .map(|s| fs::read_to_string(root.join(s)).unwrap())
        .into_iter()
        .collect();
    let mut paths: Vec<_> = fs::read_dir(root.join("fixtures/opencc/docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_str().unwrap().ends_with(suffix))
        .collect();
    paths.sort();
    parts.extend(
        paths
            .iter()
            .map(|p| fs::read_to_string(p).unwrap())
            .filter(|text| !unchanged_only || Converter::t2s().convert(text) == *text),
    );
    let one = parts.join("\n");
    one.repeat(MIN_BYTES.div_ceil(one.len()))
}

fn bench(c: &mut Criterion) {
    let t2s = Converter::t2s();
    let traditional = corpus(
        ".trad.txt",
        Some("fixtures/003_bf7443872bccec58.txt"),
        false,
    );
    let simplified = corpus(".t2s.txt", None, true);

    let mut group = c.benchmark_group("t2s");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(traditional.len() as u64));
    group.bench_function("traditional", |b| {
        b.iter(|| t2s.convert(black_box(&traditional)).len())
    });
    group.throughput(Throughput::Bytes(simplified.len() as u64));
    group.bench_function("simplified", |b| {
        b.iter(|| t2s.convert(black_box(&simplified)).len())
    });
    group.bench_function("classify_simplified", |b| {
        b.iter(|| classify_script(black_box(&simplified)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
