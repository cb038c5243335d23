//! Half-width punctuation next to Han characters becomes full-width.
//!
//! The rule: `,` `:` `;` `!` `?` become `，：；！？` when the character just
//! before or just after is Han or CJK punctuation. Parentheses are converted
//! as a matched pair on the same line, when the pair touches Han text or
//! encloses some. Untouched: digits on both sides (`1,000`, `13:31`), URLs
//! and e-mail addresses, and Latin text (`Hello, world`).

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

use super::{is_cjk_punct, is_han};

fn is_chinese_context(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || is_cjk_punct(c))
}

/// URLs and e-mail addresses, whose punctuation is never touched.
fn protected_spans() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:https?://|ftp://|www\.)[\x21-\x7E]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
            .expect("valid regex")
    })
}

fn is_run_punct(c: char) -> bool {
    matches!(c, ',' | ':' | ';' | '!' | '?')
}

fn widen(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        other => other,
    }
}

/// Apply the punctuation rule to one line.
///
/// Parentheses are decided first, looking past neighbouring `,:;!?`; then
/// each run of `,:;!?` is converted as a whole when the character on either
/// side of the run is Chinese (a converted parenthesis counts). Deciding this
/// way, applying the rule twice gives the same result as applying it once.
pub(crate) fn normalize_punctuation(line: &str) -> Cow<'_, str> {
    if !line.contains([',', ':', ';', '!', '?', '(', ')']) {
        return Cow::Borrowed(line);
    }
    let mut chars: Vec<char> = line.chars().collect();
    let mut protected = vec![false; chars.len()];
    for m in protected_spans().find_iter(line) {
        let start = line[..m.start()].chars().count();
        let len = m.as_str().chars().count();
        protected[start..start + len].fill(true);
    }
    convert_parentheses(&mut chars, &protected);
    let mut i = 0;
    while i < chars.len() {
        if protected[i] || !is_run_punct(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !protected[i] && is_run_punct(chars[i]) {
            i += 1;
        }
        let before = start.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i).copied();
        let digits_around = i - start == 1
            && before.is_some_and(|c| c.is_ascii_digit())
            && after.is_some_and(|c| c.is_ascii_digit());
        if !digits_around && (is_chinese_context(before) || is_chinese_context(after)) {
            for c in &mut chars[start..i] {
                *c = widen(*c);
            }
        }
    }
    Cow::Owned(chars.into_iter().collect())
}

/// The nearest character from `index` in direction `step` that is not one of
/// `,:;!?`.
fn neighbour(chars: &[char], index: usize, forward: bool) -> Option<char> {
    let mut j = index;
    loop {
        j = if forward {
            j.checked_add(1).filter(|&k| k < chars.len())?
        } else {
            j.checked_sub(1)?
        };
        if !is_run_punct(chars[j]) {
            return Some(chars[j]);
        }
    }
}

/// Convert matched `(` `)` pairs that touch or enclose Han text.
fn convert_parentheses(chars: &mut [char], protected: &[bool]) {
    let mut open: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if protected[i] {
            continue;
        }
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(start) = open.pop() {
                    pairs.push((start, i));
                }
            }
            _ => {}
        }
    }
    // Outer pairs last, so an inner converted pair counts as context for them.
    for (start, end) in pairs {
        let before = neighbour(chars, start, false);
        let after = neighbour(chars, end, true);
        let encloses_han = chars[start + 1..end].iter().any(|&c| is_han(c));
        if encloses_han || is_chinese_context(before) || is_chinese_context(after) {
            chars[start] = '（';
            chars[end] = '）';
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_punctuation as p;

    #[test]
    fn commas_and_colons_next_to_han_become_full_width() {
        assert_eq!(p("群众至上,民生之路"), "群众至上，民生之路");
        assert_eq!(p("编辑:吴丽娜"), "编辑：吴丽娜");
        assert_eq!(p("撑不住了!多家企业"), "撑不住了！多家企业");
        assert_eq!(p("真的吗?是的"), "真的吗？是的");
        assert_eq!(p("第一;第二"), "第一；第二");
    }

    #[test]
    fn numbers_times_urls_emails_and_latin_are_untouched() {
        assert_eq!(p("共1,000元"), "共1,000元");
        assert_eq!(p("时间13:31开始"), "时间13:31开始");
        assert_eq!(
            p("见http://a.cn/x?a=1,b:2网页"),
            "见http://a.cn/x?a=1,b:2网页"
        );
        assert_eq!(p("投稿news@ccement.com,谢谢"), "投稿news@ccement.com，谢谢");
        assert_eq!(p("Hello, world: fine!"), "Hello, world: fine!");
    }

    #[test]
    fn applying_the_rule_twice_changes_nothing() {
        for line in [
            "x?,中",
            "a(b),中",
            "a,(中)",
            "\u{e026}?,也将",
            "(ab)!?中",
            "1,2,中",
        ] {
            let once = p(line).into_owned();
            assert_eq!(p(&once), once, "{line}");
        }
        assert_eq!(p("\u{e026}?,也将"), "\u{e026}？，也将");
    }

    #[test]
    fn parentheses_convert_as_pairs() {
        assert_eq!(
            p("潍柴动力(000338.SZ)2月11日"),
            "潍柴动力（000338.SZ）2月11日"
        );
        assert_eq!(
            p("HFO-1234yf(四氟丙烯)制冷剂"),
            "HFO-1234yf（四氟丙烯）制冷剂"
        );
        assert_eq!(p("f(x) = (a + b)"), "f(x) = (a + b)");
        assert_eq!(p("左(括号"), "左(括号");
    }
}
