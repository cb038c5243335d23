//! End-to-end throughput of `zhclean::clean` over whole corpora: the
//! documents at the top of `fixtures/` (not their golden files), and
//! `../shared/corpus/` (skipped with a note when missing).
//! Each corpus is measured twice, once reported as bytes/s and once as
//! documents/s, since criterion gives one throughput unit per benchmark.
//!
//! `cargo bench --bench clean`; `-- fixtures/` for one corpus only.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The files under `dir`, sorted, hidden names skipped: only its top level,
/// or its subdirectories only. `None` when `dir` cannot be read.
fn load(dir: &Path, subdirectories: bool) -> Option<Vec<Vec<u8>>> {
    fn walk(dir: &Path, files: bool, dirs: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name();
            // The corpus's README.md describes it, and golden files hold
            // expected Articles: neither is a document.
            let golden = name.as_encoded_bytes().ends_with(b".expected.json");
            if name.as_encoded_bytes().starts_with(b".") || name == "README.md" || golden {
                continue;
            }
            let path = entry.path();
            if path.is_dir() && dirs {
                walk(&path, true, true, out)?;
            } else if path.is_file() && files {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut paths = Vec::new();
    walk(dir, !subdirectories, subdirectories, &mut paths).ok()?;
    paths.iter().map(|p| std::fs::read(p).ok()).collect()
}

/// `place` says where the documents were looked for, in the skip message.
fn corpus(c: &mut Criterion, name: &str, docs: Option<Vec<Vec<u8>>>, place: &str) {
    let Some(docs) = docs.filter(|d| !d.is_empty()) else {
        eprintln!("skipping {name}: no documents in {place}");
        return;
    };
    let bytes: usize = docs.iter().map(Vec::len).sum();
    eprintln!("{name}: {} documents, {bytes} bytes", docs.len());
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let all = || {
        for doc in &docs {
            // Errors are results too: an empty fixture is still work done.
            let _ = black_box(zhclean::clean(black_box(doc)));
        }
    };
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bytes", |b| b.iter(all));
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("documents", |b| b.iter(all));
    group.finish();
}

fn benches(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("fixtures");
    corpus(c, "fixtures", load(&fixtures, false), "fixtures/");
    // The shared corpus is one folder per source: all of it.
    let shared = root.join("../shared/corpus");
    let docs = load(&shared, true).map(|mut d| {
        d.extend(load(&shared, false).unwrap_or_default());
        d
    });
    corpus(c, "shared_corpus", docs, &shared.display().to_string());
}

criterion_group!(clean, benches);
criterion_main!(clean);
