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
use std::sync::OnceLock;

use regex::Regex;

/// This many annotations show the artifact even if none repeats.
const MANY: usize = 10;

fn annotation() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // One syllable: pinyin letters with at least one tone-marked vowel.
        Regex::new(r"(\p{Han})\(([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,5})\)")
            .expect("valid regex")
    })
}

/// Remove pinyin annotations if the document shows the artifact. Returns the
/// text and the number of annotations removed.
pub(crate) fn strip_annotations(text: &str) -> (Cow<'_, str>, usize) {
    if !text.contains('(') {
        return (Cow::Borrowed(text), 0);
    }
    let re = annotation();
    let mut seen = HashSet::new();
    let mut count = 0;
    let mut repeated = false;
    for caps in re.captures_iter(text) {
        count += 1;
        let pair = (
            caps.get(1).map(|m| m.as_str()),
            caps.get(2).map(|m| m.as_str()),
        );
        repeated |= !seen.insert(pair);
    }
    if count == 0 || !(repeated || count >= MANY) {
        return (Cow::Borrowed(text), 0);
    }
    (re.replace_all(text, "$1"), count)
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
