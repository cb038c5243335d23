//! Differential test: the pure Rust backend (OpenCC 1.4.2 data) against the
//! system OpenCC through `opencc-rust` (feature `opencc-sys`; Debian 12 ships
//! OpenCC 1.1.6 with older dictionaries).
//!
//! Inputs, compared line by line: OpenCC's own t2s test cases, the hard
//! cases, and every line of the documents converted to traditional
//! (`fixtures/opencc/`). The lines on which the two backends are expected to
//! differ, because the dictionaries changed between 1.1 and 1.4.2, are listed
//! with both outputs in `fixtures/opencc/sys_known_differences.tsv`
//! (`input<TAB>1.4.2 output<TAB>system output`). Any other difference fails,
//! and so does a listed difference that no longer occurs.
#![cfg(feature = "opencc-sys")]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use zhclean::convert::sys::SysConverter;
use zhclean::convert::Converter;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/opencc"))
}

fn inputs() -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    let json = fs::read_to_string(fixtures().join("testcases_t2s.json")).unwrap();
    let cases: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    for case in &cases {
        lines.insert(case["input"].as_str().unwrap().to_owned());
    }
    for line in fs::read_to_string(fixtures().join("hard_cases.jsonl"))
        .unwrap()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        lines.insert(v["input"].as_str().unwrap().to_owned());
    }
    for entry in fs::read_dir(fixtures().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_str().unwrap().ends_with(".trad.txt") {
            for line in fs::read_to_string(&path).unwrap().lines() {
                lines.insert(line.to_owned());
            }
        }
    }
    lines.retain(|l| !l.contains('\t'));
    lines
}

#[test]
fn pure_rust_matches_system_opencc_except_listed() {
    let ours = Converter::t2s();
    let sys = SysConverter::t2s().expect("system OpenCC with t2s.json");
    let mut found = BTreeSet::new();
    for input in inputs() {
        let (a, b) = (ours.convert(&input), sys.convert(&input));
        if a != b {
            found.insert(format!("{input}\t{a}\t{b}"));
        }
    }
    let listed: BTreeSet<String> = fs::read_to_string(fixtures().join("sys_known_differences.tsv"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let unexpected: Vec<_> = found.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&found).collect();
    assert!(
        unexpected.is_empty() && stale.is_empty(),
        "unexpected differences:\n{}\nlisted but not found:\n{}",
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        stale
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
}
