//! What zhclean does with odd input: other encodings, wrong declarations,
//! damaged bytes, empty and binary files. Fixtures are made by
//! `scripts/make_encoding_fixtures.py`; see `fixtures/encodings/README.md`.

use std::fs;
use std::path::PathBuf;

use zhclean::{Article, Cleaner, EncodingSource, Error};

fn fixture(rel: &str) -> Vec<u8> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "fixtures", rel]
        .iter()
        .collect();
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed(num: &str) -> Vec<u8> {
    let dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "fixtures"].iter().collect();
    let path = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{num}_")) && name.ends_with(".txt")
        })
        .unwrap_or_else(|| panic!("no seed {num}"));
    fs::read(path).unwrap()
}

fn clean(bytes: &[u8]) -> Result<Article, Error> {
    zhclean::clean(bytes)
}

/// Assert two Articles are equal apart from how the encoding was found.
fn assert_same_article(mut got: Article, want: Article, what: &str) {
    got.encoding.clone_from(&want.encoding);
    got.encoding_source = want.encoding_source;
    assert_eq!(got, want, "{what}");
}

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

#[test]
fn gb18030_seeds_give_the_same_article() {
    for num in SEEDS {
        let want = clean(&seed(num)).unwrap();
        let got = clean(&fixture(&format!("encodings/{num}.gb18030.txt"))).unwrap();
        assert!(
            got.encoding == "GBK" || got.encoding == "gb18030",
            "{num}: {}",
            got.encoding
        );
        assert_eq!(got.encoding_source, EncodingSource::Detected, "{num}");
        assert_same_article(got, want, num);
    }
}

#[test]
fn utf16le_seeds_give_the_same_article() {
    for num in SEEDS {
        let want = clean(&seed(num)).unwrap();
        let got = clean(&fixture(&format!("encodings/{num}.utf16le.txt"))).unwrap();
        assert_eq!(got.encoding, "UTF-16LE", "{num}");
        assert_eq!(got.encoding_source, EncodingSource::Bom, "{num}");
        assert_same_article(got, want, num);
    }
}

#[test]
fn big5_seed_gives_the_same_article() {
    let want = clean(&fixture("encodings/003.big5.expected.txt")).unwrap();
    let got = clean(&fixture("encodings/003.big5.txt")).unwrap();
    assert_eq!(got.encoding, "Big5");
    assert_eq!(got.encoding_source, EncodingSource::Detected);
    assert_same_article(got, want, "003 big5");
}

#[test]
fn big5_expected_text_differs_from_the_seed_only_by_references() {
    // The script writes the characters Big5-HKSCS lacks as `&#N;`; undoing
    // that gives the seed back.
    let expected = String::from_utf8(fixture("encodings/003.big5.expected.txt")).unwrap();
    let mut undone = String::new();
    let mut rest = expected.as_str();
    while let Some(pos) = rest.find("&#") {
        undone.push_str(&rest[..pos]);
        let after = &rest[pos + 2..];
        let end = after.find(';').unwrap();
        let code: u32 = after[..end].parse().unwrap();
        undone.push(char::from_u32(code).unwrap());
        rest = &after[end + 1..];
    }
    undone.push_str(rest);
    assert_eq!(undone.as_bytes(), seed("003"));
}

#[test]
fn gbk_with_a_wrong_utf8_declaration() {
    let article = clean(&fixture("encodings/gbk_wrong_meta.html")).unwrap();
    assert!(
        article.encoding == "GBK" || article.encoding == "gb18030",
        "{}",
        article.encoding
    );
    assert_eq!(article.encoding_source, EncodingSource::Detected);
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.contains("declared charset utf-8") && w.contains("contradicted")),
        "{:?}",
        article.warnings
    );
    assert!(!article.text.contains('\u{FFFD}'));
}

#[test]
fn trace_says_why() {
    let (_, trace) = Cleaner::new()
        .clean_with_trace(&fixture("encodings/gbk_wrong_meta.html"))
        .unwrap();
    assert!(
        trace.encoding_reason.contains("chardetng") && trace.encoding_reason.contains("overridden"),
        "{}",
        trace.encoding_reason
    );
    let (_, trace) = Cleaner::new().clean_with_trace(&seed("000")).unwrap();
    assert_eq!(trace.encoding_reason, "valid UTF-8");
}

#[test]
fn truncated_multibyte_sequence_at_the_end() {
    let article = clean(&fixture("encodings/truncated_end.txt")).unwrap();
    assert_eq!(article.encoding, "UTF-8");
    assert_eq!(article.encoding_source, EncodingSource::Utf8);
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.starts_with("1 malformed byte sequences replaced with U+FFFD")),
        "{:?}",
        article.warnings
    );
}

#[test]
fn empty_and_blank_files() {
    assert_eq!(clean(&fixture("encodings/empty.txt")), Err(Error::Empty(0)));
    assert_eq!(
        clean(&fixture("encodings/blank.txt")),
        Err(Error::Empty(12))
    );
}

#[test]
fn png_named_txt() {
    match clean(&fixture("encodings/image.txt")) {
        Err(Error::NotText(msg)) => {
            assert!(msg.contains("PNG signature"), "{msg}");
            assert!(msg.contains("NUL byte at offset"), "{msg}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn html_with_no_text() {
    match clean(&fixture("encodings/no_text.html")) {
        Err(Error::Empty(_)) => {}
        Ok(article) => {
            assert!(article.blocks.is_empty(), "{:?}", article.blocks);
            assert!(article.text.is_empty(), "{:?}", article.text);
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn too_large_says_size_and_limit() {
    let cleaner = Cleaner::builder().max_input_bytes(100).build();
    let err = cleaner.clean(&seed("000")).unwrap_err();
    assert!(matches!(err, Error::TooLarge { limit: 100, .. }), "{err:?}");
    assert!(err.to_string().contains("over the limit of 100 bytes"));
}
