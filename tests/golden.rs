//! Golden tests: every document `fixtures/<name>.<ext>` is cleaned and the
//! Article compared with `fixtures/<name>.expected.json`.
//!
//! `ZHCLEAN_BLESS=1 cargo test --test golden` rewrites the expected files;
//! each rewritten file is reviewed by hand, field by field, before commit.

mod common;

use std::fs;

use common::{expected_path, fixture_documents};

#[test]
fn every_fixture_matches_its_expected_article() {
    let bless = std::env::var_os("ZHCLEAN_BLESS").is_some();
    let docs = fixture_documents();
    assert!(
        docs.len() >= 60,
        "expected the seeds and the corpus documents, found {}",
        docs.len()
    );
    let mut failures = Vec::new();
    for doc in &docs {
        let article =
            zhclean::clean(&fs::read(doc).expect("read fixture")).expect("fixture cleans");
        let actual = serde_json::to_string_pretty(&article).expect("serialize") + "\n";
        // The batch program writes with the hand-written writer: the same
        // bytes as serde_json's compact form.
        let mut compact = Vec::new();
        article.write_json(&mut compact);
        if compact != serde_json::to_vec(&article).expect("serialize") {
            failures.push(format!(
                "{}: Article::write_json differs from serde_json",
                doc.display()
            ));
        }
        let expected_file = expected_path(doc);
        if bless {
            fs::write(&expected_file, &actual).expect("write expected file");
            continue;
        }
        match fs::read_to_string(&expected_file) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => {
                let first_diff = expected
                    .lines()
                    .zip(actual.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(expected.lines().count().min(actual.lines().count()));
                failures.push(format!(
                    "{}: differs at line {}:\n  expected: {}\n  actual:   {}",
                    doc.display(),
                    first_diff + 1,
                    expected.lines().nth(first_diff).unwrap_or("<end>"),
                    actual.lines().nth(first_diff).unwrap_or("<end>")
                ));
            }
            Err(_) => failures.push(format!(
                "{}: no expected file {}",
                doc.display(),
                expected_file.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        docs.len(),
        failures.join("\n")
    );
}

#[test]
fn expected_files_deserialize_into_articles() {
    for doc in fixture_documents() {
        let text = fs::read_to_string(expected_path(&doc)).expect("expected file");
        let article: zhclean::Article =
            serde_json::from_str(&text).expect("expected file is an Article");
        assert_eq!(
            article.text,
            article
                .blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            "{}",
            doc.display()
        );
    }
}
