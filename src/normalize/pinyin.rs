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

use std::borrow::Cow;
use std::collections::HashSet;

use super::is_han;

/// This many annotations show the artifact even if none repeats.
const MANY: usize = 10;

/// Tone-marked vowels: a syllable must have one.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

/// If `rest` (just after a `(`) starts with one pinyin syllable and `)`,
/// the length of the annotation body and parenthesis in bytes.
fn syllable_len(rest: &str) -> Option<usize> {
    let mut toned = false;
    for (i, c) in rest.char_indices() {
        match c {
            ')' if toned && i > 0 => return Some(i + 1),
            'a'..='z' | 'ü' if i < 16 => {}
            c if TONED.contains(c) && i < 16 => toned = true,
            _ => return None,
        }
    }
    None
}

/// The annotations in `text`: byte range of `(…)`, and the annotated
/// character with the annotation, to tell repeats.
fn annotations(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> + '_ {
    text.match_indices('(').filter_map(move |(open, _)| {
        let han = text[..open].chars().next_back().filter(|&c| is_han(c))?;
        let len = syllable_len(&text[open + 1..])?;
        let end = open + 1 + len;
        Some((open..end, &text[open - han.len_utf8()..end]))
    })
}

/// Remove pinyin annotations if the document shows the artifact. Returns the
/// text and the number of annotations removed.
pub(crate) fn strip_annotations(text: &str) -> (Cow<'_, str>, usize) {
    if !text.contains('(') {
        return (Cow::Borrowed(text), 0);
    }
    let mut seen = HashSet::new();
    let mut count = 0;
    let mut repeated = false;
    for (_, annotated) in annotations(text) {
        count += 1;
        repeated |= !seen.insert(annotated);
    }
    if count == 0 || !(repeated || count >= MANY) {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (range, _) in annotations(text) {
        out.push_str(&text[copied..range.start]);
        copied = range.end;
    }
    out.push_str(&text[copied..]);
    (Cow::Owned(out), count)
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
        let src = "務(wù)網(wǎng)關(guān)門(mén)應(yīng)於(yú)這(zhè)個(gè)說(shuō)們(men)還(hái)";
        let (text, n) = strip_annotations(src);
        assert_eq!(n, 10);
        assert_eq!(text, "務網關門應於這個說們(men)還");
    }
}
