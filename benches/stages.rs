//! Where the time goes: each stage of the pipeline on its own, over the
//! documents at the top of `fixtures/` (text formats) and the pages of
//! `fixtures/html/`. Every stage is reported as the throughput of the input
//! bytes it stands for, so the stages' rates combine as a pipeline's: the
//! whole runs at 1 / Σ (1 / stage rate).
//!
//! `cargo bench --bench stages`; `-- text/` or `-- html/` for one corpus.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use zhclean::{stages, Script};

/// The documents of `dir` (not golden files), sorted.
fn load(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("fixture"))
        .collect()
}

/// One corpus's stages. Text documents are converted and then read; pages
/// are read and then their article converted, as the pipeline does.
fn corpus(c: &mut Criterion, name: &str, docs: Vec<Vec<u8>>) {
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let texts: Vec<String> = docs.iter().map(|d| stages::decode(d)).collect();
    let pages = texts.iter().all(|t| stages::is_page(t));
    assert!(
        pages || texts.iter().all(|t| !stages::is_page(t)),
        "{name}: one corpus holds pages or texts, not both"
    );
    let converted: Vec<(String, Script)> = texts
        .iter()
        .map(|t| {
            let (text, script) = stages::t2s(t);
            (text.into_owned(), script)
        })
        .collect();
    let read: Vec<stages::Staged> = if pages {
        texts.iter().map(|t| stages::read_page(t)).collect()
    } else {
        converted
            .iter()
            .map(|(t, script)| stages::read_text(t, *script))
            .collect()
    };
    let formatted: Vec<stages::Staged> = read
        .iter()
        .cloned()
        .map(|mut s| {
            if pages {
                stages::t2s_page(&mut s);
            }
            s
        })
        .collect();
    let stripped: Vec<stages::Staged> = formatted
        .iter()
        .cloned()
        .map(|mut s| {
            stages::chrome(&mut s);
            s
        })
        .collect();
    let articles: Vec<zhclean::Article> = stripped.iter().cloned().map(stages::normalize).collect();
    eprintln!("{name}: {} documents, {bytes} bytes", docs.len());

    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("decode", |b| {
        b.iter(|| docs.iter().for_each(|d| drop(black_box(stages::decode(d)))))
    });
    if pages {
        group.bench_function("read", |b| {
            b.iter(|| {
                texts
                    .iter()
                    .for_each(|t| drop(black_box(stages::read_page(t))))
            })
        });
        group.bench_function("t2s", |b| {
            b.iter_batched(
                || read.clone(),
                |mut all| all.iter_mut().for_each(|s| stages::t2s_page(black_box(s))),
                BatchSize::LargeInput,
            )
        });
    } else {
        group.bench_function("t2s", |b| {
            b.iter(|| texts.iter().for_each(|t| drop(black_box(stages::t2s(t)))))
        });
        group.bench_function("read", |b| {
            b.iter(|| {
                converted
                    .iter()
                    .for_each(|(t, script)| drop(black_box(stages::read_text(t, *script))))
            })
        });
    }
    group.bench_function("chrome", |b| {
        b.iter_batched(
            || formatted.clone(),
            |mut all| all.iter_mut().for_each(|s| stages::chrome(black_box(s))),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("normalize", |b| {
        b.iter_batched(
            || stripped.clone(),
            |all| {
                all.into_iter()
                    .for_each(|s| drop(black_box(stages::normalize(s))))
            },
            BatchSize::LargeInput,
        )
    });
    let mut out = Vec::with_capacity(bytes * 2);
    group.bench_function("output", |b| {
        b.iter(|| {
            out.clear();
            for article in &articles {
                article.write_json(&mut out);
                out.push(b'\n');
            }
            black_box(out.len())
        })
    });
    // The same bytes by serde_json, which the hand-written writer replaces.
    group.bench_function("output_serde_json", |b| {
        b.iter(|| {
            out.clear();
            for article in &articles {
                serde_json::to_writer(&mut out, article).expect("serializable");
                out.push(b'\n');
            }
            black_box(out.len())
        })
    });
    group.bench_function("all", |b| {
        b.iter(|| docs.iter().for_each(|d| drop(black_box(zhclean::clean(d)))))
    });
    group.finish();
}

fn stages_bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    corpus(c, "text", load(&root));
    corpus(c, "html", load(&root.join("html")));
}

criterion_group!(benches, stages_bench);
criterion_main!(benches);
