//! The optimized converter against a direct, slow model of OpenCC 1.4.2's
//! algorithm (written from its `PrefixMatch`, `Conversion` and `UTF8Util`),
//! on random text drawn from the dictionaries. This checks the fast paths
//! (the no-change scan, the per-character table, halting for normalization)
//! on inputs the fixtures do not cover.

use std::collections::HashMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use zhclean::convert::Converter;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/opencc/");

/// key -> (dictionary order, first value), the earliest dictionary winning.
type Dict = HashMap<String, (usize, String)>;

fn load(files: &[&str]) -> Dict {
    let mut dict = Dict::new();
    for (order, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(format!("{DATA}{file}")).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (key, values) = line.split_once('\t').unwrap();
            let first = values.split(' ').next().unwrap();
            dict.entry(key.to_owned())
                .or_insert((order, first.to_owned()));
        }
    }
    dict
}

fn arity(c: char) -> usize {
    match c as u32 {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFD => 2,
        _ => 0,
    }
}

/// Length in chars of the complete IDS at the start of `s`, if any.
fn ids(s: &[char]) -> Option<usize> {
    fn go(s: &[char], at: usize, depth: usize, count: &mut usize) -> Option<usize> {
        if depth == 0 || *count >= 64 {
            return None;
        }
        let c = *s.get(at)?;
        *count += 1;
        let mut end = at + 1;
        for _ in 0..arity(c) {
            end = go(s, end, depth - 1, count)?;
        }
        Some(end)
    }
    (arity(*s.first()?) > 0)
        .then(|| go(s, 0, 16, &mut 0))
        .flatten()
}

fn stage(dict: &Dict, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        // All keys matching here; the earliest dictionary, then the longest.
        let best = (1..=chars.len() - i)
            .filter_map(|n| {
                let key: String = chars[i..i + n].iter().collect();
                dict.get(&key).map(|(order, value)| (*order, n, value))
            })
            .min_by_key(|(order, n, _)| (*order, usize::MAX - n));
        match best {
            Some((_, n, value)) => {
                out.push_str(value);
                i += n;
            }
            None => {
                let n = ids(&chars[i..]).unwrap_or(1);
                out.extend(&chars[i..i + n]);
                i += n;
            }
        }
    }
    out
}

fn model(text: &str) -> String {
    static DICTS: OnceLock<(Dict, Dict)> = OnceLock::new();
    let (compat, t2s) = DICTS.get_or_init(|| {
        (
            load(&["CJK_Compatibility_Ideographs.txt"]),
            load(&["TSPhrases.txt", "TSCharactersExt.txt", "TSCharacters.txt"]),
        )
    });
    stage(t2s, &stage(compat, text))
}

/// Pieces to build text from: keys and values of every dictionary, pieces of
/// phrases, IDS operators, and other characters.
fn pieces() -> &'static [String] {
    static PIECES: OnceLock<Vec<String>> = OnceLock::new();
    PIECES.get_or_init(|| {
        let mut out = Vec::new();
        for file in [
            "TSPhrases.txt",
            "TSCharacters.txt",
            "TSCharactersExt.txt",
            "CJK_Compatibility_Ideographs.txt",
        ] {
            let text = std::fs::read_to_string(format!("{DATA}{file}")).unwrap();
            for line in text
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                let (key, values) = line.split_once('\t').unwrap();
                out.push(key.to_owned());
                out.extend(values.split(' ').map(str::to_owned));
                let chars: Vec<char> = key.chars().collect();
                if chars.len() > 2 {
                    out.push(chars[..chars.len() - 1].iter().collect());
                    out.push(chars[1..].iter().collect());
                }
            }
        }
        out.extend(
            (0x2FF0..=0x2FFF)
                .filter_map(char::from_u32)
                .map(String::from),
        );
        for s in [
            "a", " ", "\n", "，", "é", "😀", "\u{FE00}", "\u{FFFF}", "一", "坏",
        ] {
            out.push(s.to_owned());
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn matches_model(picks in prop::collection::vec(any::<prop::sample::Index>(), 0..24)) {
        let pieces = pieces();
        let text: String = picks.iter().map(|p| p.get(pieces).as_str()).collect();
        let got = Converter::t2s().convert(&text).into_owned();
        let expected = model(&text);
        prop_assert_eq!(got, expected, "input {:?}", text);
    }

    #[test]
    fn arbitrary_text_does_not_panic(text in "\\PC{0,64}") {
        let _ = Converter::t2s().convert(&text);
        let _ = zhclean::convert::classify_script(&text);
    }
}
