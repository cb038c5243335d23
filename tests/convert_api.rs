//! Behaviour of the conversion API beyond exactness: borrowing, sharing
//! across threads, and script classification.

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use zhclean::convert::{classify_script, Converter};
use zhclean::Script;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn docs(suffix: &str) -> Vec<(String, String)> {
    let mut out: Vec<_> = fs::read_dir(root().join("fixtures/opencc/docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_str().unwrap().ends_with(suffix))
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_owned();
            (name, fs::read_to_string(p).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn unchanged_text_is_borrowed() {
    let t2s = Converter::t2s();
    for text in [
        "",
        "plain ASCII",
        "已经是简体的句子。",
        "破坏了一个坏人",
        "乾隆",
        "看著",
    ] {
        assert!(matches!(t2s.convert(text), Cow::Borrowed(_)), "{text}");
    }
    // Changed by a phrase made of characters that never change alone.
    assert_eq!(t2s.convert("一坏土"), "一坯土");
    assert_eq!(t2s.convert("後來"), "后来");
}

#[test]
fn shared_across_threads() {
    let handles: Vec<_> = (0..4)
        .map(|_| std::thread::spawn(|| Converter::t2s().convert("頭髮和麵條").into_owned()))
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), "头发和面条");
    }
    assert!(std::ptr::eq(Converter::t2s(), Converter::t2s()));
}

#[test]
fn classify_small_texts() {
    assert_eq!(classify_script(""), Script::Simplified);
    assert_eq!(classify_script("hello 123"), Script::Simplified);
    assert_eq!(classify_script("他后来去了"), Script::Simplified);
    assert_eq!(classify_script("他後來去了"), Script::Traditional);
    // 乾 and 著 are valid simplified too: not script-specific.
    assert_eq!(classify_script("乾隆著名"), Script::Simplified);
    assert_eq!(classify_script("這是繁體，这是简体"), Script::Mixed);
}

#[test]
fn classify_documents() {
    let mut wrong = Vec::new();
    for (name, text) in docs(".trad.txt") {
        if classify_script(&text) != Script::Traditional {
            wrong.push(format!("{name}: {:?}", classify_script(&text)));
        }
    }
    for (name, text) in docs(".t2s.txt") {
        if classify_script(&text) != Script::Simplified {
            wrong.push(format!("{name}: {:?}", classify_script(&text)));
        }
    }
    for entry in fs::read_dir(root().join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if path.is_file() && !name.starts_with("003_") {
            let got = classify_script(&fs::read_to_string(&path).unwrap());
            if got != Script::Simplified {
                wrong.push(format!("{name}: {got:?}"));
            }
        }
    }
    let seed = fs::read_to_string(root().join("fixtures/003_bf7443872bccec58.txt")).unwrap();
    if classify_script(&seed) != Script::Traditional {
        wrong.push(format!("003 seed: {:?}", classify_script(&seed)));
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
