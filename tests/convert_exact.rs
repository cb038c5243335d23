//! Byte-for-byte agreement with OpenCC 1.4.2 `t2s` (PyPI `opencc==1.4.2`).
//!
//! Expected outputs were produced once by `scripts/gen_opencc_fixtures.py`
//! with the reference library; these tests only read them.

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use zhclean::convert::Converter;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/opencc"))
}

fn pairs(file: &str) -> Vec<(String, String)> {
    let text = fs::read_to_string(fixtures().join(file)).unwrap();
    text.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                v["input"].as_str().unwrap().to_owned(),
                v["expected"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn check(cases: &[(String, String)]) {
    let t2s = Converter::t2s();
    let mut failures = Vec::new();
    for (input, expected) in cases {
        let got = t2s.convert(input);
        if got != *expected {
            failures.push(format!(
                "{input:?}\n  got      {got:?}\n  expected {expected:?}"
            ));
        }
        // Borrowed exactly when nothing changes.
        assert_eq!(
            matches!(got, Cow::Borrowed(_)),
            input == expected,
            "{input:?}"
        );
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn opencc_own_t2s_testcases() {
    let text = fs::read_to_string(fixtures().join("testcases_t2s.json")).unwrap();
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(cases.len(), 55);
    let cases: Vec<(String, String)> = cases
        .iter()
        .map(|c| {
            (
                c["input"].as_str().unwrap().to_owned(),
                c["expected"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    check(&cases);
}

#[test]
fn hard_one_to_many_cases() {
    let cases = pairs("hard_cases.jsonl");
    assert!(cases.len() >= 50);
    check(&cases);
}

#[test]
fn generated_dictionary_mixtures() {
    let cases = pairs("generated.jsonl");
    assert_eq!(cases.len(), 5000);
    check(&cases);
}

#[test]
fn ideographic_description_sequences() {
    let cases = pairs("ids.jsonl");
    assert_eq!(cases.len(), 1046);
    check(&cases);
}

#[test]
fn documents_converted_to_traditional() {
    let mut cases = Vec::new();
    for entry in fs::read_dir(fixtures().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if let Some(stem) = name.strip_suffix(".trad.txt") {
            let input = fs::read_to_string(&path).unwrap();
            let expected =
                fs::read_to_string(path.with_file_name(format!("{stem}.t2s.txt"))).unwrap();
            cases.push((input, expected));
        }
    }
    assert_eq!(cases.len(), 85);
    check(&cases);
}

#[test]
fn repository_fixtures_as_they_are() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut cases = Vec::new();
    for entry in fs::read_dir(fixtures().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if let Some(stem) = name.strip_suffix(".orig.t2s.txt") {
            let original = fs::read_dir(&root)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.is_file() && p.file_stem().and_then(|s| s.to_str()) == Some(stem))
                .unwrap();
            cases.push((
                fs::read_to_string(original).unwrap(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    assert_eq!(cases.len(), 32);
    check(&cases);
}
