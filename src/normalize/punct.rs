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

fn is_run_punct(b: u8) -> bool {
    matches!(b, b',' | b':' | b';' | b'!' | b'?')
}

fn wide(b: u8) -> &'static str {
    match b {
        b',' => "，",
        b':' => "：",
        b';' => "；",
        b'!' => "！",
        b'?' => "？",
        b'(' => "（",
        _ => "）",
    }
}

/// Byte ranges of URLs and e-mail addresses in `line`.
fn protected_ranges(line: &str) -> Vec<std::ops::Range<usize>> {
    if !(line.contains("://") || line.contains("www.") || line.contains('@')) {
        return Vec::new();
    }
    protected_spans()
        .find_iter(line)
        .map(|m| m.range())
        .collect()
}

/// Apply the punctuation rule to one line.
///
/// Parentheses are decided first, looking past neighbouring `,:;!?`; then
/// each run of `,:;!?` is converted as a whole when the character on either
/// side of the run is Chinese (a converted parenthesis counts). Deciding this
/// way, applying the rule twice gives the same result as applying it once.
/// Works on byte offsets: every character it changes is ASCII.
pub(crate) fn normalize_punctuation(line: &str) -> Cow<'_, str> {
    let bytes = line.as_bytes();
    // Most lines of Chinese text have none of these ASCII marks: three
    // vectorized searches tell.
    let has_parens = memchr::memchr2(b'(', b')', bytes).is_some();
    if !has_parens
        && memchr::memchr3(b',', b':', b';', bytes).is_none()
        && memchr::memchr2(b'!', b'?', bytes).is_none()
    {
        return Cow::Borrowed(line);
    }
    let protected = protected_ranges(line);
    let is_protected = |i: usize| protected.iter().any(|r| r.contains(&i));
    // 1 at each byte that becomes full-width: bytes, so that memchr finds
    // them.
    let mut widened = vec![0u8; bytes.len()];
    let mut any_widened = false;
    // The character before byte `i` / at byte `i`, as the output will have it.
    let char_before = |i: usize, widened: &[u8]| -> Option<char> {
        let c = line[..i].chars().next_back()?;
        Some(if widened[i - 1] != 0 { '，' } else { c })
    };
    let char_at = |i: usize, widened: &[u8]| -> Option<char> {
        let c = line[i..].chars().next()?;
        Some(if widened[i] != 0 { '，' } else { c })
    };

    // Parentheses, as matched pairs.
    let mut open = Vec::new();
    let mut pairs = Vec::new();
    for i in memchr::memchr2_iter(b'(', b')', if has_parens { bytes } else { &[] }) {
        match bytes[i] {
            b'(' if !is_protected(i) => open.push(i),
            b')' if !is_protected(i) => {
                if let Some(start) = open.pop() {
                    pairs.push((start, i));
                }
            }
            _ => {}
        }
    }
    // Inner pairs come first, so a converted inner pair is context for outer ones.
    for (start, end) in pairs {
        let mut before = start;
        while before > 0 && is_run_punct(bytes[before - 1]) {
            before -= 1;
        }
        let mut after = end + 1;
        while after < bytes.len() && is_run_punct(bytes[after]) {
            after += 1;
        }
        let encloses_han = line[start + 1..end].chars().any(is_han);
        if encloses_han
            || is_chinese_context(char_before(before, &widened))
            || is_chinese_context(char_at(after, &widened))
        {
            widened[start] = 1;
            widened[end] = 1;
            any_widened = true;
        }
    }

    // Runs of , : ; ! ?, found by two vectorized searches.
    let next_mark = |from: usize| {
        let rest = &bytes[from..];
        let found = match (
            memchr::memchr3(b',', b':', b';', rest),
            memchr::memchr2(b'!', b'?', rest),
        ) {
            (Some(a), Some(b)) => a.min(b),
            (Some(n), None) | (None, Some(n)) => n,
            (None, None) => rest.len(),
        };
        from + found
    };
    let mut i = next_mark(0);
    while i < bytes.len() {
        if is_protected(i) {
            i = next_mark(i + 1);
            continue;
        }
        let start = i;
        while i < bytes.len() && is_run_punct(bytes[i]) && !is_protected(i) {
            i += 1;
        }
        let before = char_before(start, &widened);
        let after = char_at(i, &widened);
        let digits_around = i - start == 1
            && before.is_some_and(|c| c.is_ascii_digit())
            && after.is_some_and(|c| c.is_ascii_digit());
        if !digits_around && (is_chinese_context(before) || is_chinese_context(after)) {
            widened[start..i].fill(1);
            any_widened = true;
        }
        i = next_mark(i);
    }

    if !any_widened {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 16);
    let mut copied = 0;
    for i in memchr::memchr_iter(1, &widened) {
        out.push_str(&line[copied..i]);
        out.push_str(wide(bytes[i]));
        copied = i + 1;
    }
    out.push_str(&line[copied..]);
    Cow::Owned(out)
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
