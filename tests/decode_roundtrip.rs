//! The same text in another encoding gives the same Article: property tests
//! on the encodings whose choice is deterministic (byte order marks and
//! declared charsets), whatever the text.

use encoding_rs::{Encoding, BIG5, GB18030, GBK};
use proptest::prelude::*;
use zhclean::{Article, EncodingSource};

/// Characters drawn on: simplified and traditional Han, punctuation, ASCII,
/// pinyin letters, line breaks.
const ALPHABET: &str = "在十多年的社保经办服务工作中我深刻体会到敢对群众负责才会满意堅持五種服務提升群眾滿意黨路線，。：“”（）、《》abcXYZ0129 -:/ùǎ\n\n";

fn text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    proptest::collection::vec(proptest::sample::select(chars), 1..400)
        .prop_map(|v| v.into_iter().collect())
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

/// Compare apart from how the encoding was found.
fn same(got: Result<Article, zhclean::Error>, want: Result<Article, zhclean::Error>) -> bool {
    match (got, want) {
        (Ok(mut g), Ok(w)) => {
            g.encoding.clone_from(&w.encoding);
            g.encoding_source = w.encoding_source;
            g == w
        }
        (g, w) => g.err() == w.err(),
    }
}

fn declared(encoding: &'static Encoding, label: &str, text: &str) -> Option<(Vec<u8>, String)> {
    let doc = format!("<meta charset=\"{label}\">\n{text}");
    let (bytes, _, unmappable) = encoding.encode(&doc);
    let bytes = bytes.into_owned();
    (!unmappable).then_some((bytes, doc))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn byte_order_marks(text in text()) {
        let want = zhclean::clean(text.as_bytes());
        for (bytes, name) in [
            (utf16(&text, true), "UTF-16LE"),
            (utf16(&text, false), "UTF-16BE"),
            ([b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(), "UTF-8"),
        ] {
            let got = zhclean::clean(&bytes);
            if let Ok(a) = &got {
                prop_assert_eq!(&a.encoding, name);
                prop_assert_eq!(a.encoding_source, EncodingSource::Bom);
            }
            prop_assert!(same(got, want.clone()), "{}", name);
        }
    }

    #[test]
    fn declared_legacy_charsets(text in text()) {
        for (encoding, label) in [(GB18030, "gb18030"), (GBK, "gb2312"), (BIG5, "big5")] {
            let Some((bytes, doc)) = declared(encoding, label, &text) else { continue };
            let got = zhclean::clean(&bytes);
            // The UTF-8 original contradicts its own declaration; leave that
            // warning out of the comparison.
            let want = zhclean::clean(doc.as_bytes()).map(|mut a| {
                a.warnings.retain(|w| !w.contains("contradicted"));
                a
            });
            if let Ok(a) = &got {
                // ASCII-only text is valid UTF-8 too, and the declaration is
                // kept; non-ASCII legacy bytes are never valid UTF-8 here
                // except by chance, when the declaration is overridden.
                prop_assert!(
                    a.encoding_source == EncodingSource::Declared || a.encoding_source == EncodingSource::Utf8,
                    "{:?}", a.encoding_source
                );
                if a.encoding_source == EncodingSource::Declared {
                    prop_assert_eq!(a.encoding.as_str(), encoding.name());
                    prop_assert!(same(got, want), "{}", label);
                }
            }
        }
    }
}
