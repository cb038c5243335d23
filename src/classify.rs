//! Unlabelled chrome, found by its shape: the one small classifier that
//! decides blocks no rule names, for line-based pages and for the blocks of
//! an HTML page's article alike.
//!
//! Each block is described by a few [`Features`]: its length, whether it
//! ends like a sentence, whether it holds sentence punctuation inside, its
//! share of Han characters and of link text, and whether it is numbered.
//! [`classify`] then decides with its neighbours and its position relative to
//! the body (the blocks from the first to the last *body-like* block: long,
//! or ending like a sentence):
//!
//! | shape | where | kind |
//! |---|---|---|
//! | `▲`, `△`, `图为…`, `（图片来源…）` | anywhere | `caption` |
//! | `Previous Post…`, `Next Post…`, `« Prev`, `Next »` | anywhere | `nav` |
//! | a row of links (link text ≥ 80 %, no prose) | before the body / anywhere else | `nav` / `related` |
//! | a list of short names (`首页 新闻 体育 财经`, `关于我们 \| 联系方式 \| …`) | before the body | `nav` |
//! | no Han character and no word (`29 ]`, `»`) | before or after the body | `boilerplate` |
//! | three or more headlines (6–60 characters, not ending like a statement — a question or an exclamation may —, no `。` inside, not numbered, 10 or more on average), two or more teasers cut short (`...`), two or more link rows (link text ≥ 60 %), or any short lines after labelled chrome that ends the article (tags, `上一篇`) | after the body | `related` |
//!
//! A run after the body that is short and unpunctuated but not clearly
//! headlines (a poem, a list of points introduced by `：`, lines of uniform
//! length) is kept, with a warning.

use crate::article::RemovedKind;
use crate::normalize::{ends_sentence, is_han, starts_han};

/// What the classifier looks at in one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Features {
    pub chars: usize,
    pub han: usize,
    /// Ends with `。！？…；：，` (closing quotes aside).
    pub ends_sentence: bool,
    /// Ends like a statement or a clause (`。；，：、`), not a question or an
    /// exclamation, which headlines may end with.
    pub ends_statement: bool,
    /// Ends with `。`, `；` or `……` (closing quotes aside): the end of a
    /// paragraph, which a headline never has (a question mark it may).
    pub ends_full_stop: bool,
    /// Ends with `：` or `:`: it introduces what follows.
    pub ends_colon: bool,
    /// Holds `，。；！？` before its last character.
    pub inner_punct: bool,
    /// Holds `。` before its last character.
    pub inner_full_stop: bool,
    /// How many `，` it holds: a headline has one at most.
    pub commas: usize,
    /// Characters inside links.
    pub link_chars: usize,
    /// Starts with a number or an ordinal (`1.`, `一、`, `（二）`, `①`).
    pub numbered: bool,
    /// Has a Han character or a word of two Latin letters.
    pub has_word: bool,
    /// Ends cut short (`...`, a single `…`), as teasers of other articles do.
    pub truncated: bool,
    /// Labelled chrome (tags, `上一篇`, a copyright line) was removed between
    /// the body-like block before this one and this one. Set by the caller.
    pub after_chrome: bool,
    /// The format decoder placed the block after the end of the article's
    /// body. Set by the caller.
    pub after_body: bool,
}

impl Features {
    /// Describe a block: its text and the total length of its links' texts.
    pub(crate) fn of(text: &str, link_chars: usize) -> Features {
        let (mut chars, mut han, mut commas) = (0, 0, 0);
        let mut has_word = false;
        let (mut inner_punct, mut inner_full_stop) = (false, false);
        // What the last character was: `，。；！？`, `。`, a Latin-script
        // letter (a letter that is not Han).
        let (mut last_punct, mut last_full_stop, mut last_letter) = (false, false, false);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            inner_punct |= last_punct;
            inner_full_stop |= last_full_stop;
            chars += 1;
            // Han by its lead byte, most of a Chinese text: the shortest path.
            if starts_han(bytes, i) {
                han += 1;
                has_word = true;
                (last_punct, last_full_stop, last_letter) = (false, false, false);
                i += 3;
                continue;
            }
            let c = text[i..]
                .chars()
                .next()
                .expect("a character at a char boundary");
            i += c.len_utf8();
            commas += usize::from(c == '，');
            let c_han = is_han(c);
            han += usize::from(c_han);
            // Han first: `is_alphabetic` is a slow look-up, and only needed
            // until a word is seen.
            let letter = !c_han && !has_word && c.is_alphabetic();
            has_word = has_word || c_han || (letter && last_letter);
            last_letter = letter;
            last_punct = matches!(c, '，' | '。' | '；' | '！' | '？');
            last_full_stop = c == '。';
        }
        let truncated = (text.ends_with("...") || text.ends_with('…')) && !text.ends_with("……");
        Features {
            chars,
            han,
            ends_sentence: ends_sentence(text),
            ends_statement: text
                .trim_end_matches(['”', '’', '」', '』', '）', ')', '"'])
                .ends_with(['。', '；', '，', '：', '、', '.', ';', ',', ':']),
            ends_full_stop: {
                let t = text.trim_end_matches(['”', '’', '」', '』', '）', ')', '"']);
                t.ends_with(['。', '；', ';']) || t.ends_with("……")
            },
            ends_colon: text.ends_with(['：', ':']),
            inner_punct,
            inner_full_stop,
            commas,
            link_chars: link_chars.min(chars),
            numbered: is_numbered(text),
            has_word,
            truncated,
            after_chrome: false,
            after_body: false,
        }
    }

    /// Long enough, or ending like a sentence, to be body text; a teaser cut
    /// short is not.
    pub(crate) fn body_like(&self) -> bool {
        !self.truncated
            && (self.chars > 60 || (self.ends_full_stop && self.chars >= 10 && self.han > 0))
    }

    /// A paragraph of running text: Han text with sentence punctuation,
    /// long or ending like a sentence, not cut short.
    pub(crate) fn prose(&self) -> bool {
        self.han >= 10 && self.body_like() && (self.inner_punct || self.ends_sentence)
    }

    fn link_share(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// The shape of the title of another article: short, Han, not ending
    /// like a statement (a question or an exclamation may), no full stop
    /// inside, not numbered.
    fn headline_like(&self) -> bool {
        (6..=60).contains(&self.chars)
            && self.han > 0
            && !self.ends_statement
            && !self.inner_full_stop
            && self.commas <= 1
            && !self.numbered
    }

    /// An item of a list of other articles: a headline, or a teaser cut short.
    fn list_item(&self) -> bool {
        self.headline_like() || (self.truncated && self.han > 0)
    }
}

/// A block whose links hold this share of its text, and that is no prose,
/// is a row of links wherever it stands.
const LINK_ROW_SHARE: f32 = 0.8;

/// Longest sentence that, alone among the page chrome past the body, is
/// read as a slogan of the page (`随时随地为您提供手机话费充值服务。`).
const LONE_SENTENCE_CHARS: usize = 40;

/// `1.`, `2、`, `一、`, `（二）`, `(3)`, `①`: a numbered point.
fn is_numbered(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '①'..='⑳' | '❶'..='❿' | '⑴'..='⒇') {
        return true;
    }
    let rest = text.trim_start_matches(['（', '(', '第']);
    let digits: usize = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    digits > 0 && rest[digits..].starts_with(['.', '、', '）', ')', '．', '：', ' ', '条', '是'])
}

/// Is the block a photo caption (`▲…`, `图为…`, `（图片来源：…）`)?
pub(crate) fn is_caption(text: &str) -> bool {
    // A credit closing the line: `山东女子学院供图`, `（王海燕 摄）`, `张三 摄`.
    let end = text.trim_end_matches('。');
    let credited = ["供图", "图片来源于网络", "资料图", "摄）", "摄)", " 摄"]
        .iter()
        .any(|s| end.ends_with(s));
    let opens_like_one = text.starts_with(['▲', '△', '▼', '▽'])
        || text.starts_with("图为")
        || [
            "（图片来源",
            "(图片来源",
            "图片来源",
            "（图片由",
            "（图源",
            "(图源",
        ]
        .iter()
        .any(|p| text.starts_with(p));
    // The length last: most blocks are ruled out without counting.
    let longest = match (opens_like_one, credited) {
        (true, _) => 150,
        (false, true) => 80,
        (false, false) => return false,
    };
    text.chars().count() <= longest
}

/// English previous/next links: `Previous Post…`, `« Prev`, `Next »`.
fn is_prev_next(text: &str) -> bool {
    let rest = text
        .trim_start_matches(['«', '‹', '<', '←', ' '])
        .as_bytes();
    [
        "previous post",
        "next post",
        "prev",
        "next",
        "older post",
        "newer post",
    ]
    .iter()
    .any(|p| {
        rest.get(..p.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(p.as_bytes()))
    }) && !text.ends_with('.')
        && text.chars().count() <= 120
}

/// A list of short names before the title: `首页 新闻 体育 财经 娱乐`,
/// `首页 > 新闻 > 正文`, `科技,互联网,数码`.
/// A line of links set apart by `|` or `-` may be longer: a footer's
/// `关于我们 | 联系方式 | 广告服务 | …`.
pub(crate) fn is_nav_list(text: &str) -> bool {
    // The cheap tests first: the bars are counted only on long lines.
    if text.len() > 200 * 4 {
        return false;
    }
    let chars = text.chars().count();
    if chars > 200 || text.contains(['。', '，', '！', '？']) {
        return false;
    }
    if chars > 80 && text.matches(['|', '｜', '丨']).count() + text.matches(" - ").count() < 4 {
        return false;
    }
    let parts: Vec<&str> = text
        .split([
            ' ', ',', '、', '|', '｜', '/', '>', '›', '»', '·', '丨', '-',
        ])
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3
        // A site's own name may stand in Latin letters: `caijing.com.cn`.
        && parts
            .iter()
            .all(|p| p.chars().count() <= 12 || (p.is_ascii() && p.len() <= 20))
        && parts.iter().filter(|p| p.chars().count() <= 8).count() * 4 >= parts.len() * 3
        && parts.iter().filter(|p| p.chars().any(is_han)).count() >= 2
}

/// The verdict on each block: `Some(kind)` removes it.
pub(crate) struct Verdicts {
    pub kinds: Vec<Option<RemovedKind>>,
    pub warnings: Vec<String>,
}

/// Classify `blocks` (text and features) with their neighbours.
pub(crate) fn classify(blocks: &[(&str, Features)]) -> Verdicts {
    let mut kinds: Vec<Option<RemovedKind>> = blocks
        .iter()
        .map(|&(text, f)| {
            if is_caption(text) {
                Some(RemovedKind::Caption)
            } else if !f.body_like() && is_prev_next(text) {
                Some(RemovedKind::Nav)
            } else {
                None
            }
        })
        .collect();
    let mut warnings = Vec::new();
    let link_row: Vec<bool> = blocks
        .iter()
        .map(|&(_, f)| f.link_share() >= LINK_ROW_SHARE && !f.prose() && f.chars >= 4)
        .collect();
    let body_like: Vec<bool> = (0..blocks.len())
        .map(|i| {
            let f = blocks[i].1;
            kinds[i].is_none() && f.body_like() && !f.after_body && !link_row[i]
        })
        .collect();
    let Some(first_body) = body_like.iter().position(|&b| b) else {
        return Verdicts { kinds, warnings };
    };
    // A row of links, wherever it stands: a menu above the body, other
    // articles in and after it.
    for i in 0..blocks.len() {
        if kinds[i].is_none() && link_row[i] {
            kinds[i] = Some(if i < first_body {
                RemovedKind::Nav
            } else {
                RemovedKind::Related
            });
        }
    }
    let last_body = body_like
        .iter()
        .rposition(|&b| b)
        .expect("a body-like block exists");

    // Before the body: category lists and stray symbols.
    for i in 0..first_body {
        let (text, f) = blocks[i];
        if kinds[i].is_none() {
            if !f.has_word {
                kinds[i] = Some(RemovedKind::Boilerplate);
            } else if is_nav_list(text) {
                kinds[i] = Some(RemovedKind::Nav);
            }
        }
    }

    // After the body: runs of headlines or link rows, and stray symbols.
    let trailing: Vec<usize> = ((last_body + 1)..blocks.len())
        .filter(|&i| kinds[i].is_none())
        .collect();
    for &i in &trailing {
        let (text, f) = blocks[i];
        let lone_sentence = f.after_body
            && f.after_chrome
            && f.body_like()
            && f.chars <= LONE_SENTENCE_CHARS
            && blocks.get(i + 1).is_none_or(|(_, next)| !next.body_like());
        if !f.has_word || lone_sentence {
            kinds[i] = Some(RemovedKind::Boilerplate);
        } else if f.after_body && is_nav_list(text) {
            kinds[i] = Some(RemovedKind::Nav);
        }
    }
    let introduced = blocks[last_body].1.ends_colon;
    let mut run: Vec<usize> = Vec::new();
    let mut flush = |run: &mut Vec<usize>, kinds: &mut Vec<Option<RemovedKind>>| {
        if run.is_empty() {
            return;
        }
        let feats: Vec<Features> = run.iter().map(|&i| blocks[i].1).collect();
        let links = feats.iter().filter(|f| f.link_share() >= 0.6).count();
        let items = feats.iter().all(Features::list_item);
        let teasers = feats.iter().filter(|f| f.truncated).count();
        let average = feats.iter().map(|f| f.chars).sum::<usize>() / feats.len();
        let uniform = feats.iter().all(|f| f.chars.abs_diff(feats[0].chars) <= 1);
        let headlines = items && feats.len() >= 3 && average >= 10 && !introduced && !uniform;
        let is_related = (links >= 2 && links * 2 >= feats.len())
            || headlines
            || (items && teasers >= 2)
            || (feats[0].after_chrome && feats.iter().all(|f| !f.body_like() || f.truncated));
        // Past the end of the body as the decoder found it, a run is page
        // chrome unless it has the shape of a poem or a list of points.
        let protected =
            introduced || (uniform && feats.len() >= 2) || feats.iter().any(|f| f.numbered);
        let beyond = feats[0].after_body && !protected;
        if is_related {
            for &i in run.iter() {
                kinds[i] = Some(RemovedKind::Related);
            }
        } else if beyond {
            for (&i, f) in run.iter().zip(&feats) {
                kinds[i] = Some(if f.list_item() {
                    RemovedKind::Related
                } else if f.chars <= 12 {
                    RemovedKind::Nav
                } else {
                    RemovedKind::Boilerplate
                });
            }
        } else if feats.len() >= 2 && feats.iter().all(|f| !f.ends_statement && f.chars <= 60) {
            warnings.push(format!(
                "kept {} short lines after the body; check whether they list other articles: `{}`",
                feats.len(),
                blocks[run[0]].0.chars().take(30).collect::<String>()
            ));
        }
        run.clear();
    };
    for &i in &trailing {
        if kinds[i].is_some() {
            flush(&mut run, &mut kinds);
            continue;
        }
        let f = blocks[i].1;
        if f.body_like() || (run.first().is_some_and(|&r| blocks[r].1.after_body) != f.after_body) {
            flush(&mut run, &mut kinds);
        }
        if !f.body_like() {
            run.push(i);
        }
    }
    flush(&mut run, &mut kinds);
    Verdicts { kinds, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "这是一段足够长的正文，用来让分类器知道正文在哪里开始和结束，所以要写得长一些才行，再长一些。";

    /// The counts of [`Features::of`], read one character at a time.
    fn counted_by_char(text: &str) -> (usize, usize, usize, bool, bool, bool) {
        let (mut chars, mut han, mut commas) = (0, 0, 0);
        let (mut has_word, mut inner_punct, mut inner_full_stop) = (false, false, false);
        let mut last: Option<char> = None;
        for c in text.chars() {
            if let Some(prev) = last {
                inner_punct |= matches!(prev, '，' | '。' | '；' | '！' | '？');
                inner_full_stop |= prev == '。';
            }
            let letter = |c: char| !is_han(c) && c.is_alphabetic();
            has_word |= is_han(c) || (letter(c) && last.is_some_and(letter));
            chars += 1;
            han += usize::from(is_han(c));
            commas += usize::from(c == '，');
            last = Some(c);
        }
        (chars, han, commas, has_word, inner_punct, inner_full_stop)
    }

    #[test]
    fn features_count_what_a_reading_by_character_counts() {
        let mut texts: Vec<String> = [
            "",
            "。",
            "一。",
            "。一",
            "ab",
            "a b",
            "aé",
            "䷀䷁",
            "䷀中",
            "かな",
            "〇〇",
            "𠀀x",
            "中，文。a",
            "ＡＢ",
            "1.",
            "A，B。C！D？",
            "a䷀b",
            "ab䷀",
            "䷀ab",
            "a中b",
            "x䷀，y",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(crate::test_support::fixture_lines());
        assert!(texts.len() > 1000);
        for t in &texts {
            let f = Features::of(t, 0);
            let got = (
                f.chars,
                f.han,
                f.commas,
                f.has_word,
                f.inner_punct,
                f.inner_full_stop,
            );
            assert_eq!(got, counted_by_char(t), "{t:?}");
        }
    }

    fn verdicts(lines: &[&str]) -> (Vec<Option<RemovedKind>>, Vec<String>) {
        let blocks: Vec<(&str, Features)> =
            lines.iter().map(|&l| (l, Features::of(l, 0))).collect();
        let v = classify(&blocks);
        (v.kinds, v.warnings)
    }

    use RemovedKind as K;

    #[test]
    fn a_run_of_headlines_after_the_body_is_related() {
        let (kinds, _) = verdicts(&[
            BODY,
            "多地出台新政支持新能源汽车下乡",
            "央行：保持流动性合理充裕 2021-05-19",
            "这家公司一季度净利润同比增长三成",
        ]);
        assert_eq!(
            kinds,
            vec![None, Some(K::Related), Some(K::Related), Some(K::Related)]
        );
    }

    #[test]
    fn link_rows_after_the_body_are_related() {
        let blocks = vec![
            (BODY, Features::of(BODY, 0)),
            ("另一篇文章", Features::of("另一篇文章", 5)),
            ("第三篇文章", Features::of("第三篇文章", 5)),
        ];
        let v = classify(&blocks);
        assert_eq!(v.kinds[1..], [Some(K::Related), Some(K::Related)]);
    }

    #[test]
    fn a_poem_or_a_list_of_points_at_the_end_stays() {
        let (kinds, warnings) =
            verdicts(&[BODY, "床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]);
        assert!(kinds.iter().all(Option::is_none));
        assert!(warnings[0].contains("kept 4 short lines"));
        let (kinds, _) = verdicts(&[
            "工作要求有以下几项，请各单位认真落实，并于月底前上报落实情况：",
            "进一步加强组织领导工作",
            "不断完善工作机制和制度",
            "切实强化督查考核和问责",
        ]);
        assert!(kinds.iter().all(Option::is_none));
        let (kinds, _) = verdicts(&[
            BODY,
            "1. 加强组织领导工作",
            "2. 完善工作机制",
            "3. 强化督查考核",
        ]);
        assert!(kinds.iter().all(Option::is_none));
    }

    #[test]
    fn footer_link_rows_are_nav_lists() {
        assert!(is_nav_list(
            "关于财经网|关于我们|联系我们|广告合作|网站地图|About caijing.com.cn"
        ));
        assert!(!is_nav_list("关于我们：一家成立于二零零五年的互联网公司"));
    }

    #[test]
    fn nav_lists_captions_prev_next_and_junk() {
        let (kinds, _) = verdicts(&[
            "首页 新闻 体育 财经 娱乐",
            "»",
            BODY,
            "▲ 会议现场。",
            "图为工作人员在检查设备",
            BODY,
            "« Previous Post",
            "Next Post: Another story »",
            "29 ]",
        ]);
        assert_eq!(
            kinds,
            vec![
                Some(K::Nav),
                Some(K::Boilerplate),
                None,
                Some(K::Caption),
                Some(K::Caption),
                None,
                Some(K::Nav),
                Some(K::Nav),
                Some(K::Boilerplate)
            ]
        );
    }

    #[test]
    fn a_lone_sentence_among_the_chrome_past_the_body_goes() {
        let past = |text: &'static str, after_chrome: bool| {
            let mut f = Features::of(text, 0);
            f.after_body = true;
            f.after_chrome = after_chrome;
            (text, f)
        };
        let body = (BODY, Features::of(BODY, 0));
        let slogan = "随时随地为您提供手机话费充值服务。";
        let kinds = |blocks: &[(&str, Features)]| classify(blocks).kinds;
        assert_eq!(
            kinds(&[body, past(slogan, true)]),
            vec![None, Some(K::Boilerplate)]
        );
        // With no chrome between it and the body, or more prose after it,
        // it stays.
        assert_eq!(kinds(&[body, past(slogan, false)]), vec![None, None]);
        assert_eq!(
            kinds(&[body, past(slogan, true), past(BODY, false)]),
            vec![None, None, None]
        );
    }

    #[test]
    fn numbering() {
        for t in [
            "1. 加强",
            "2、完善",
            "一、总体要求",
            "（二）工作目标",
            "(3) 其他",
            "①第一",
        ] {
            assert!(is_numbered(t), "{t}");
        }
        for t in ["2021年的工作", "一流的产品", "十分重要"] {
            assert!(!is_numbered(t), "{t}");
        }
    }
}
