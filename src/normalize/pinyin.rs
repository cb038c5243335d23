//! Pinyin annotations glued to Han characters by scrapers: `服務(wù)`.
//!
//! Some sites render every polyphonic or rare character with its reading in
//! parentheses, and scrapers keep the reading as text. An annotation is a Han
//! character immediately followed by `(` one pinyin syllable with a tone mark
//! `)`, e.g. `務(wù)`, `網(wǎng)`.
//!
//! The rule: annotations are removed only when the document shows the
//! artifact, that is when the same character carries the same annotation at
//! least twice, or when there are at least [`MANY`] annotations. A document with
//! a few distinct glosses (a lone `鹜(wù)` in a classical text) keeps them.
//!
//! Neutral-tone syllables carry no tone mark (`們(men)`, `麼(me)`, `的(de)`):
//! alone they could be any word in brackets, so they never show the
//! artifact, but where the toned annotations show it, a bracketed syllable
//! without a mark that is a valid pinyin syllable goes too.

use std::borrow::Cow;
use std::collections::HashSet;

use super::is_han;

/// This many annotations show the artifact even if none repeats.
const MANY: usize = 10;

/// Tone-marked vowels: a syllable must have one.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

/// Pinyin initials, two letters first.
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

/// Pinyin finals (`v` and `ü` both for ü).
const FINALS: &[&str] = &[
    "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie",
    "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un",
    "uang", "ueng", "ü", "üe", "üan", "ün", "ue", "v", "ve", "van", "vn",
];

/// Is `s` (lower-case letters, no tone mark) a pinyin syllable: an initial
/// (or none) and a final?
fn is_syllable(s: &str) -> bool {
    FINALS.contains(&s)
        || INITIALS
            .iter()
            .any(|i| s.strip_prefix(i).is_some_and(|f| FINALS.contains(&f)))
}

/// If `rest` (just after a `(`) starts with one pinyin syllable and `)`,
/// the length of the annotation body and parenthesis in bytes, and whether
/// the syllable carries a tone mark.
fn syllable_len(rest: &str) -> Option<(usize, bool)> {
    let mut toned = false;
    for (i, c) in rest.char_indices() {
        match c {
            ')' if i > 0 && (toned || is_syllable(&rest[..i])) => return Some((i + 1, toned)),
            'a'..='z' | 'ü' if i < 16 => {}
            c if TONED.contains(c) && i < 16 => toned = true,
            _ => return None,
        }
    }
    None
}

/// One annotation: the byte range of `(…)`, the annotated character with
/// the annotation (to tell repeats), and whether it carries a tone mark.
struct Annotation<'a> {
    range: std::ops::Range<usize>,
    annotated: &'a str,
    toned: bool,
}

/// The annotations in `text`.
fn annotations(text: &str) -> impl Iterator<Item = Annotation<'_>> + '_ {
    // memchr's vectorized search, not str's: the text between two brackets
    // is most of it.
    memchr::memchr_iter(b'(', text.as_bytes()).filter_map(move |open| {
        let han = text[..open].chars().next_back().filter(|&c| is_han(c))?;
        let (len, toned) = syllable_len(&text[open + 1..])?;
        let end = open + 1 + len;
        Some(Annotation {
            range: open..end,
            annotated: &text[open - han.len_utf8()..end],
            toned,
        })
    })
}

/// Remove pinyin annotations if the document shows the artifact. Returns the
/// text and the number of annotations removed.
pub(crate) fn strip_annotations(text: &str) -> (Cow<'_, str>, usize) {
    // memchr's vectorized search, not str's: most texts have no `(`.
    if memchr::memchr(b'(', text.as_bytes()).is_none() {
        return (Cow::Borrowed(text), 0);
    }
    let mut seen = HashSet::new();
    let mut count = 0;
    let mut repeated = false;
    for annotation in annotations(text).filter(|a| a.toned) {
        count += 1;
        repeated |= !seen.insert(annotation.annotated);
    }
    if count == 0 || !(repeated || count >= MANY) {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut removed = 0;
    for annotation in annotations(text) {
        out.push_str(&text[copied..annotation.range.start]);
        copied = annotation.range.end;
        removed += 1;
    }
    out.push_str(&text[copied..]);
    (Cow::Owned(out), removed)
}

#[cfg(test)]
mod tests {
    use super::strip_annotations;

    #[test]
    fn artifact_is_removed_when_an_annotation_repeats() {
        let (text, n) =
            strip_annotations("堅持“五種服務(wù)” 提升群眾滿意，便民服務(wù)，網(wǎng)站");
        assert_eq!(text, "堅持“五種服務” 提升群眾滿意，便民服務，網站");
        assert_eq!(n, 3);
    }

    #[test]
    fn a_lone_gloss_is_kept() {
        let src = "落霞与孤鹜(wù)齐飞，秋水共长天一色。";
        assert_eq!(strip_annotations(src), (src.into(), 0));
    }

    #[test]
    fn parentheses_that_are_not_pinyin_are_kept() {
        let src = "周报(12.23-12.27)和周报(12.23-12.27)，简称(abc)与(abc)";
        assert_eq!(strip_annotations(src).1, 0);
    }

    #[test]
    fn many_distinct_annotations_show_the_artifact() {
        let src = "務(wù)網(wǎng)關(guān)門(mén)應(yīng)於(yú)這(zhè)個(gè)說(shuō)還(hái)";
        let (text, n) = strip_annotations(src);
        assert_eq!(n, 10);
        assert_eq!(text, "務網關門應於這個說還");
    }

    #[test]
    fn neutral_tones_go_where_the_artifact_shows() {
        let (text, n) =
            strip_annotations("我們(men)的服務(wù)，什麼(me)服務(wù)都好的(de)，來了(le)");
        assert_eq!(text, "我們的服務，什麼服務都好的，來了");
        assert_eq!(n, 6);
        // Alone, an unmarked syllable in brackets is any word: kept.
        let src = "他們(men)說，這是中(zhong)文";
        assert_eq!(strip_annotations(src), (src.into(), 0));
        // Where the artifact shows, brackets that are no syllable stay.
        let (text, _) = strip_annotations("服務(wù)和服務(wù)，代號(abc)與(xyz)");
        assert_eq!(text, "服務和服務，代號(abc)與(xyz)");
    }
}
