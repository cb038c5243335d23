//! Injected spam: gambling and casino advertising that scraped pages carry
//! in their titles, body lines and link rows.
//!
//! The vocabulary is data, in `data/spam.txt` (its header says how to extend
//! it): brand names, games, offers and weak context words. A *segment* — a
//! whole line, one sentence of it, or a bracketed part (`【…】`, `‘…’`) — is
//! spam when the vocabulary covers enough of it:
//!
//! - a brand name, in a line or bracketed part of at most [`SHORT_CHARS`]
//!   characters, or covering at least 25 % of the segment;
//! - two or more distinct terms covering at least 25 %;
//! - any term but a weak one, covering at least 40 %.
//!
//! Weak words count only next to another term. A single word in an ordinary
//! sentence is never spam, so a news report about gambling keeps its
//! sentences.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::normalize::is_han;

/// Segments up to this many characters are spam with one brand name.
const SHORT_CHARS: usize = 30;

/// What a term of the vocabulary says about the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Brand,
    Game,
    Offer,
    Weak,
}

struct Vocabulary {
    search: AhoCorasick,
    /// The terms but the weak ones, for the cheap first question: is any
    /// there at all? Without one, nothing is spam.
    any: AhoCorasick,
    classes: Vec<Class>,
    /// The terms but the weak ones, which `any` searches for.
    strong: Vec<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut terms = Vec::new();
        let mut classes = Vec::new();
        for line in include_str!("../data/spam.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (class, term) = line.split_once(' ').expect("class and term");
            classes.push(match class {
                "brand" => Class::Brand,
                "game" => Class::Game,
                "offer" => Class::Offer,
                "weak" => Class::Weak,
                other => panic!("unknown spam class `{other}` in data/spam.txt"),
            });
            terms.push(term.trim().to_string());
        }
        // Both automata run only on the rare lines the chrome stage's scan
        // finds a strong term in, and on titles: quick to build matters
        // more than quick to run.
        let search = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&terms)
            .expect("valid spam vocabulary");
        let strong: Vec<String> = terms
            .iter()
            .zip(&classes)
            .filter(|&(_, &class)| class != Class::Weak)
            .map(|(term, _)| term.clone())
            .collect();
        let any = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&strong)
            .expect("valid spam vocabulary");
        Vocabulary {
            search,
            any,
            classes,
            strong,
        }
    })
}

/// The terms of the vocabulary but the weak ones: without one, nothing is
/// spam.
pub(crate) fn strong_terms() -> &'static [String] {
    &vocabulary().strong
}

/// Does `text` hold any term of the vocabulary but a weak one? The cheap
/// first check: a segment is spam only by such a term.
pub(crate) fn mentions(text: &str) -> bool {
    vocabulary().any.is_match(text)
}

/// Is the segment (a line, or a bracketed part of one) spam by the rules of
/// this module?
pub(crate) fn is_spam(segment: &str) -> bool {
    spam_by(segment, true)
}

/// The rules; `short_brand` lets a brand name alone make a short segment
/// spam, as it does for a line or a bracketed part but not for a sentence of
/// a paragraph.
fn spam_by(segment: &str, short_brand: bool) -> bool {
    let vocabulary = vocabulary();
    let mut covered = 0usize;
    let mut weak = 0usize;
    let mut brand = false;
    let mut distinct: Vec<usize> = Vec::new();
    for m in vocabulary.search.find_iter(segment) {
        let chars = segment[m.range()].chars().count();
        match vocabulary.classes[m.pattern().as_usize()] {
            Class::Weak => weak += chars,
            class => {
                brand |= class == Class::Brand;
                covered += chars;
                if !distinct.contains(&m.pattern().as_usize()) {
                    distinct.push(m.pattern().as_usize());
                }
            }
        }
    }
    if covered == 0 {
        return false;
    }
    let words = segment
        .chars()
        .filter(|&c| is_han(c) || c.is_ascii_alphanumeric())
        .count()
        .max(1);
    let share = (covered + weak) as f32 / words as f32;
    let short = short_brand && segment.chars().count() <= SHORT_CHARS;
    (brand && (short || share >= 0.25)) || (distinct.len() >= 2 && share >= 0.25) || share >= 0.4
}

/// What [`cut`] found in a line: the spam parts, and the line without them.
pub(crate) struct Cut {
    pub spam: Vec<String>,
    pub rest: String,
}

/// Brackets whose content is a part of its own.
const BRACKETS: &[(char, char)] = &[
    ('【', '】'),
    ('‘', '’'),
    ('“', '”'),
    ('「', '」'),
    ('[', ']'),
    ('（', '）'),
    ('(', ')'),
];

/// Cut the spam out of a line: its spam sentences and bracketed parts, or
/// the whole line when little else is left. `None` when the line holds no
/// spam.
pub(crate) fn cut(line: &str) -> Option<Cut> {
    if !mentions(line) {
        return None;
    }
    let mut spam = Vec::new();
    let mut rest = String::with_capacity(line.len());
    for part in parts(line) {
        let bracketed = part.starts_with(|c: char| BRACKETS.iter().any(|&(open, _)| open == c));
        if mentions(part) && spam_by(part, bracketed) {
            spam.push(part.trim().to_string());
        } else {
            rest.push_str(part);
        }
    }
    let words = |text: &str| {
        text.chars()
            .filter(|&c| is_han(c) || c.is_ascii_alphanumeric())
            .count()
    };
    if (spam.is_empty() && is_spam(line)) || (!spam.is_empty() && words(&rest) < 4) {
        return Some(Cut {
            spam: vec![line.to_string()],
            rest: String::new(),
        });
    }
    if spam.is_empty() {
        return None;
    }
    Some(Cut {
        spam,
        rest: rest.trim().to_string(),
    })
}

/// The parts of a line: sentences (ending after `。！？`) and bracketed parts
/// (`【…】` anywhere, other brackets at the start or the end of the line), in
/// order; they concatenate to the line.
fn parts(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(&(_, close)) = BRACKETS.iter().find(|(open, _)| *open == c) {
            if let Some(len) = line[i + c.len_utf8()..].find(close) {
                let end = i + c.len_utf8() + len + close.len_utf8();
                let at_edge = c == '【' || i == 0 || end == line.len();
                if at_edge {
                    if start < i {
                        parts.push(&line[start..i]);
                    }
                    parts.push(&line[i..end]);
                    start = end;
                    while chars.peek().is_some_and(|&(j, _)| j < end) {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            let end = i + c.len_utf8();
            parts.push(&line[start..end]);
            start = end;
        }
    }
    if start < line.len() {
        parts.push(&line[start..]);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injected_spam_is_found() {
        for line in [
            "澳门新葡京官网注册送38元彩金",
            "bt365手机下载的伯顿d。航空航天大学摩根",
            "欧宝体育app下载",
            "北京赛车pk10开奖直播 时时彩计划网",
            "爱游戏体育官方",
        ] {
            assert!(is_spam(line), "{line}");
        }
    }

    #[test]
    fn an_honest_report_about_gambling_is_kept() {
        for line in [
            "警方破获一起特大网络赌博案，涉案赌资达数亿元，犯罪团伙通过境外博彩网站组织百家乐等赌博活动。",
            "市民反映，一些小区门口的彩票销售点存在违规销售的情况，相关部门已介入调查。",
            "近日，广西百色市突发本土新冠疫情，来看看中国广核集团（简称“美狮贵宾会”）在广西的四位挂职干部如何在第一时间抗疫，又为他们的村民做了哪些事儿呢？",
            "这款手机app的下载量在上线第一周就突破了一百万次。",
        ] {
            assert!(cut(line).is_none(), "{line}");
        }
    }

    #[test]
    fn spam_parts_are_cut_from_a_line() {
        let c = cut("德邦物流能否成功代替快递巨头顺丰？【欧宝体育app】").unwrap();
        assert_eq!(c.spam, vec!["【欧宝体育app】"]);
        assert_eq!(c.rest, "德邦物流能否成功代替快递巨头顺丰？");
        let c = cut("‘华体会’自然资源部抽查陕西省绿色矿山遴选情况").unwrap();
        assert_eq!(c.rest, "自然资源部抽查陕西省绿色矿山遴选情况");
        let c = cut("公司成立于2008年，主要生产机械设备。澳门新葡京注册就送彩金，网址请登录官网！产品远销海外。").unwrap();
        assert_eq!(c.spam, vec!["澳门新葡京注册就送彩金，网址请登录官网！"]);
        assert_eq!(c.rest, "公司成立于2008年，主要生产机械设备。产品远销海外。");
    }

    #[test]
    fn the_vocabulary_file_parses() {
        assert!(vocabulary().classes.len() > 50);
        assert!(mentions("BT365"));
    }
}
