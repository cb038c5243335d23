//! Publication dates: the forms found in front matter, date lines and portal
//! meta lines, and their canonical rendering.
//!
//! Forms: `2022-02-10 13:30:46 +0800` (also `/` and `.` separators, `T`,
//! `Z`, `+08:00`), `03.12.2015  15:01` (day first by default), and
//! `2015年12月3日 15:01` (also `15时01分`). A time without an offset gets the
//! configured default offset; a date without a time stays a plain date.

use std::fmt;
use std::sync::OnceLock;

use regex::Regex;

use crate::DateOrder;

/// A parsed publication date, possibly with a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Published {
    year: u16,
    month: u8,
    day: u8,
    /// Hours, minutes, seconds, and the offset in minutes east of UTC.
    time: Option<(u8, u8, u8, i32)>,
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some((h, m, s, offset)) = self.time {
            let sign = if offset < 0 { '-' } else { '+' };
            let abs = offset.unsigned_abs();
            write!(
                f,
                "T{h:02}:{m:02}:{s:02}{sign}{:02}:{:02}",
                abs / 60,
                abs % 60
            )?;
        }
        Ok(())
    }
}

/// The default rules: day first, +08:00.
pub(crate) const DEFAULT_RULES: DateRules = DateRules {
    order: DateOrder::DayFirst,
    default_offset: 480,
};

/// The default rules, for the tests of every stage.
#[cfg(test)]
pub(crate) const TEST_RULES: DateRules = DEFAULT_RULES;

/// How to read dates: the options that matter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateRules {
    pub order: DateOrder,
    pub default_offset: i32,
}

const SEP: &str = r"[\s\u{a0}\u{3000}]";

fn patterns() -> &'static [Regex; 3] {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    RE.get_or_init(|| {
        // What may stand between the date and the time: after `日` nothing at
        // all (`2019年06月15日08:18`), after digits a space, `T` or a comma.
        let time = |sep: &str| {
            format!(
                r"(?:(?:{sep})(?:星期[一二三四五六日天]|周[一二三四五六日])?{SEP}*(?P<ampm>上午|下午|中午|晚上|凌晨|早上)?{SEP}*(?P<h>[0-9]{{1,2}})(?:[:：]|时)(?P<mi>[0-9]{{2}})(?:[:：](?P<s>[0-9]{{2}})(?:\.[0-9]+)?|分(?:(?P<s2>[0-9]{{2}})秒)?)?(?:{SEP}*(?P<z>Z|[+-][0-9]{{2}}:?[0-9]{{2}}))?)?"
            )
        };
        let numeric = format!(r"{SEP}+|T|{SEP}*[,，]{SEP}*");
        let build = |date: String, sep: &str| {
            Regex::new(&format!("{date}{}", time(sep))).expect("valid regex")
        };
        [
            // 2022-02-10, 2022/2/10, 2022.02.10 (both separators checked equal later)
            build(
                r"(?P<y>(?:19|20)[0-9]{2})(?P<s1>[-/.])(?P<m>[0-9]{1,2})(?P<s3>[-/.])(?P<d>[0-9]{1,2})"
                    .to_string(),
                &numeric,
            ),
            // 2015年12月3日
            build(format!(
                r"(?P<y>(?:19|20)[0-9]{{2}}){SEP}*年{SEP}*(?P<m>[0-9]{{1,2}}){SEP}*月{SEP}*(?P<d>[0-9]{{1,2}}){SEP}*[日号]"
            ), &format!(r"{SEP}*|{SEP}*[,，]{SEP}*")),
            // 03.12.2015, 03/12/2015: day or month first
            build(r"(?P<a>[0-9]{1,2})(?P<s1>[./-])(?P<b>[0-9]{1,2})(?P<s3>[./-])(?P<y>(?:19|20)[0-9]{2})".to_string(), &numeric),
        ]
    })
}

/// The groups of a date match that [`from_fields`] reads, named as in
/// [`patterns`].
#[derive(Debug, Default, PartialEq, Eq)]
struct Fields<'t> {
    y: &'t str,
    /// `m` and `d`, or for a date with the year last (`03.12.2015`) `a` and
    /// `b`, whose order [`DateRules`] settle.
    first: &'t str,
    second: &'t str,
    year_last: bool,
    /// `s1` and `s3`, the separators of a numeric date, which must agree.
    separators: Option<(&'t str, &'t str)>,
    ampm: Option<&'t str>,
    h: Option<&'t str>,
    mi: Option<&'t str>,
    /// `s`, or `s2` (`15时01分30秒`).
    s: Option<&'t str>,
    z: Option<&'t str>,
}

/// A cursor over the text of a match.
struct Cursor<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Cursor<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.at..]
    }

    /// Up to `max` ASCII digits.
    fn digits(&mut self, max: usize) -> &'t str {
        let rest = self.rest();
        let n = rest
            .bytes()
            .take(max)
            .take_while(u8::is_ascii_digit)
            .count();
        self.at += n;
        &rest[..n]
    }

    /// The next character, whatever it is.
    fn char(&mut self) -> &'t str {
        let rest = self.rest();
        let n = rest.chars().next().map_or(0, char::len_utf8);
        self.at += n;
        &rest[..n]
    }

    fn eat(&mut self, word: &str) -> bool {
        let found = self.rest().starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    fn skip_while(&mut self, skip: impl Fn(char) -> bool) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start_matches(skip).len();
    }
}

/// `SEP` of the patterns: `\s` (Unicode White_Space), NBSP, U+3000.
fn is_sep(c: char) -> bool {
    c.is_whitespace()
}

/// The groups of `text`, which pattern `k` of [`patterns`] matched whole.
///
/// The regular expression has found where the date starts and ends; within
/// that, each part has one shape (digits up to a separator, a word from a
/// short list), so a walk along the pattern finds its groups where the
/// regex's capture search would, for a fraction of the cost.
fn fields(k: usize, text: &str) -> Fields<'_> {
    let mut at = Cursor { text, at: 0 };
    let mut f = Fields::default();
    match k {
        // 2022-02-10
        0 => {
            f.y = at.digits(4);
            let s1 = at.char();
            f.first = at.digits(2);
            let s3 = at.char();
            f.second = at.digits(2);
            f.separators = Some((s1, s3));
        }
        // 2015年12月3日: the spaces around each part may be none.
        1 => {
            f.y = at.digits(4);
            at.skip_while(is_sep);
            at.char();
            at.skip_while(is_sep);
            f.first = at.digits(2);
            at.skip_while(is_sep);
            at.char();
            at.skip_while(is_sep);
            f.second = at.digits(2);
            at.skip_while(is_sep);
            at.char();
        }
        // 03.12.2015
        _ => {
            f.first = at.digits(2);
            let s1 = at.char();
            f.second = at.digits(2);
            let s3 = at.char();
            f.y = at.digits(4);
            f.year_last = true;
            f.separators = Some((s1, s3));
        }
    }
    if at.rest().is_empty() {
        return f;
    }
    // The time. Its separator (spaces, `T`, a comma) holds nothing that
    // can start what follows it: a weekday, spaces, a half of the day, the
    // hour.
    at.skip_while(|c| is_sep(c) || matches!(c, 'T' | ',' | '，'));
    if at.eat("星期") || at.eat("周") {
        at.char();
    }
    at.skip_while(is_sep);
    f.ampm = ["上午", "下午", "中午", "晚上", "凌晨", "早上"]
        .into_iter()
        .find(|&word| at.eat(word));
    at.skip_while(is_sep);
    f.h = Some(at.digits(2));
    at.char();
    f.mi = Some(at.digits(2));
    if at.eat(":") || at.eat("：") {
        f.s = Some(at.digits(2));
        if at.eat(".") {
            at.digits(usize::MAX);
        }
    } else if at.eat("分") && at.rest().starts_with(|c: char| c.is_ascii_digit()) {
        f.s = Some(at.digits(2));
        at.eat("秒");
    }
    // What is left past the spaces is the offset.
    at.skip_while(is_sep);
    f.z = Some(at.rest()).filter(|z| !z.is_empty());
    f
}

fn num<T: std::str::FromStr>(digits: &str) -> Option<T> {
    digits.parse().ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn from_fields(f: &Fields<'_>, rules: DateRules) -> Option<Published> {
    if let Some((a, b)) = f.separators {
        if a != b {
            return None;
        }
    }
    let year: u16 = num(f.y)?;
    let (month, day): (u8, u8) = if f.year_last {
        let (a, b): (u8, u8) = (num(f.first)?, num(f.second)?);
        match rules.order {
            // An impossible month settles the order whatever the option says.
            _ if a > 12 => (b, a),
            _ if b > 12 => (a, b),
            DateOrder::DayFirst => (b, a),
            DateOrder::MonthFirst => (a, b),
        }
    } else {
        (num(f.first)?, num(f.second)?)
    };
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let time = match f.h.and_then(num::<u8>) {
        None => None,
        Some(h) => {
            // `下午2:05` is 14:05; `上午8:21` is 8:21.
            let h = match f.ampm {
                Some("下午" | "晚上") if h < 12 => h + 12,
                Some("中午") if h < 11 => h + 12,
                _ => h,
            };
            let mi: u8 = f.mi.and_then(num)?;
            let s: u8 = f.s.and_then(num).unwrap_or(0);
            if h > 23 || mi > 59 || s > 59 {
                return None;
            }
            let offset = match f.z {
                None => rules.default_offset,
                Some("Z") => 0,
                Some(z) => {
                    let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
                    let hh: i32 = digits[..2].parse().ok()?;
                    let mm: i32 = digits[2..].parse().ok()?;
                    if hh > 23 || mm > 59 {
                        return None;
                    }
                    let minutes = hh * 60 + mm;
                    if z.starts_with('-') {
                        -minutes
                    } else {
                        minutes
                    }
                }
            };
            Some((h, mi, s, offset))
        }
    };
    Some(Published {
        year,
        month,
        day,
        time,
    })
}

/// The first valid date in `text`, with its byte range. A match must not be
/// glued to other digits (`120.3.2015` is not a date).
pub(crate) fn find(text: &str, rules: DateRules) -> Option<(Published, std::ops::Range<usize>)> {
    // Every pattern holds a year, 19xx or 20xx: most lines with digits have
    // none, and are spared the regular expressions. Where the years stand
    // tells which patterns can match at all: the first needs a separator
    // right after one, the third right before one, the second a `年`.
    let bytes = text.as_bytes();
    let (mut year_then_sep, mut sep_then_year, mut any_year) = (false, false, false);
    for (i, w) in bytes.windows(4).enumerate() {
        if matches!((w[0], w[1]), (b'1', b'9') | (b'2', b'0'))
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
        {
            any_year = true;
            year_then_sep |= matches!(bytes.get(i + 4), Some(b'-' | b'/' | b'.'));
            sep_then_year |= i > 0 && matches!(bytes[i - 1], b'-' | b'/' | b'.');
        }
    }
    if !any_year {
        return None;
    }
    let possible = [year_then_sep, text.contains('年'), sep_then_year];
    let mut best: Option<(Published, std::ops::Range<usize>)> = None;
    for (k, re) in patterns().iter().enumerate() {
        if !possible[k] {
            continue;
        }
        for m in re.find_iter(text) {
            let glued = text[..m.start()].ends_with(|c: char| c.is_ascii_digit())
                || text[m.end()..].starts_with(|c: char| c.is_ascii_digit());
            if glued {
                continue;
            }
            if let Some(p) = from_fields(&fields(k, m.as_str()), rules) {
                if best.as_ref().is_none_or(|(_, r)| m.start() < r.start) {
                    best = Some((p, m.range()));
                }
                break;
            }
        }
    }
    best
}

/// Every valid date in `text`, in order, with its byte range.
pub(crate) fn find_all(text: &str, rules: DateRules) -> Vec<(Published, std::ops::Range<usize>)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((p, r)) = find(&text[from..], rules) {
        found.push((p, from + r.start..from + r.end));
        from += r.end;
    }
    found
}

/// The date if the whole line (spaces aside) is one.
pub(crate) fn parse_line(line: &str, rules: DateRules) -> Option<Published> {
    let trimmed = line.trim_matches(|c: char| crate::normalize::is_space(c));
    let (p, range) = find(trimmed, rules)?;
    (range.start == 0 && range.end == trimmed.len()).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CST: DateRules = TEST_RULES;

    fn line(s: &str) -> Option<String> {
        parse_line(s, CST).map(|p| p.to_string())
    }

    #[test]
    fn front_matter_dates_keep_their_offset() {
        assert_eq!(
            line("2022-02-10 13:30:46 +0800").unwrap(),
            "2022-02-10T13:30:46+08:00"
        );
        assert_eq!(
            line("2022-02-10T13:30:46-05:30").unwrap(),
            "2022-02-10T13:30:46-05:30"
        );
        assert_eq!(
            line("2022-02-10 13:30:46Z").unwrap(),
            "2022-02-10T13:30:46+00:00"
        );
    }

    #[test]
    fn day_first_dates_with_nbsp() {
        assert_eq!(
            line("03.12.2015 \u{a0}15:01").unwrap(),
            "2015-12-03T15:01:00+08:00"
        );
        let us = DateRules {
            order: DateOrder::MonthFirst,
            ..CST
        };
        assert_eq!(
            parse_line("03.12.2015 15:01", us).unwrap().to_string(),
            "2015-03-12T15:01:00+08:00"
        );
        // 25 cannot be a month, whatever the option.
        assert_eq!(
            parse_line("12.25.2015", CST).unwrap().to_string(),
            "2015-12-25"
        );
    }

    #[test]
    fn chinese_dates_and_plain_dates() {
        assert_eq!(line("2015年12月3日").unwrap(), "2015-12-03");
        assert_eq!(
            line("2015年12月3日 15时01分").unwrap(),
            "2015-12-03T15:01:00+08:00"
        );
        assert_eq!(
            line("2014-09-17 13:31").unwrap(),
            "2014-09-17T13:31:00+08:00"
        );
        assert_eq!(line("2008/4/28").unwrap(), "2008-04-28");
        assert_eq!(
            line("2019年06月15日08:18").unwrap(),
            "2019-06-15T08:18:00+08:00"
        );
        assert_eq!(
            line("2024年5月20日周一 下午2:05").unwrap(),
            "2024-05-20T14:05:00+08:00"
        );
        assert_eq!(
            line("2024年5月22日星期三 上午8:21").unwrap(),
            "2024-05-22T08:21:00+08:00"
        );
    }

    #[test]
    fn impossible_or_partial_dates_are_rejected() {
        assert_eq!(line("2015-02-30"), None);
        assert_eq!(line("2015-13-01"), None);
        assert_eq!(line("2015-12/01"), None);
        assert_eq!(line("2015-12-01 25:00"), None);
        assert_eq!(line("发布于2015-12-01"), None);
        assert_eq!(find("共12015-12-01件", CST), None);
    }

    /// [`Fields`] as the regex's capture groups give them.
    fn captured<'t>(caps: &regex::Captures<'t>) -> Fields<'t> {
        let group = |name: &str| caps.name(name).map(|m| m.as_str());
        let year_last = group("a").is_some();
        Fields {
            y: group("y").unwrap_or_default(),
            first: group(if year_last { "a" } else { "m" }).unwrap_or_default(),
            second: group(if year_last { "b" } else { "d" }).unwrap_or_default(),
            year_last,
            separators: group("s1").zip(group("s3")),
            ampm: group("ampm"),
            h: group("h"),
            mi: group("mi"),
            s: group("s").or(group("s2")),
            z: group("z"),
        }
    }

    /// Dates in every form the patterns know, with every kind of time,
    /// and near misses.
    fn date_variants() -> Vec<String> {
        let dates = [
            "2022-02-10",
            "2022/2/1",
            "2022.12.31",
            "2022-02/10",
            "2015-1-123",
            "2015年12月3日",
            "2015 年 1 月 3 号",
            "2015年12月3",
            "2015\u{3000}年12月 3日",
            "03.12.2015",
            "3/12/2015",
            "12-25-1999",
            "123.12.2015",
            "03.12-2015",
        ];
        let seps = ["", " ", "T", ",", " ， ", "\u{a0}", "  ", " T", "，"];
        let days = ["", "星期三", "周一", "星期天 ", "周日"];
        let halves = ["", "下午", "上午 ", "中午", "晚上", "凌晨", "早上"];
        let times = [
            "",
            "2:05",
            "15:01",
            "08：18",
            "15时01分",
            "15时01分30秒",
            "15时01分3秒",
            "13:30:46",
            "13:30:46.123",
            "13:30:",
            "9:5",
            "25:00",
            "13:61",
        ];
        let zones = [
            "", "Z", " +0800", "+08:00", "-05:30", " +2400", "+08:0", "+08:000",
        ];
        // Every date with every separator, weekday and half of the day, and
        // with each time once; the offsets take turns.
        let mut out = Vec::new();
        let mut turn = 0;
        for date in dates {
            for sep in seps {
                for day in days {
                    for half in halves {
                        for time in times {
                            let zone = zones[turn % zones.len()];
                            turn += 1;
                            out.push(format!("{date}{sep}{day}{half}{time}{zone}"));
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn fields_are_where_the_capture_groups_are() {
        let mut texts = date_variants();
        texts.extend(crate::test_support::fixture_lines());
        let mut matches = [0usize; 3];
        for text in &texts {
            for (k, re) in patterns().iter().enumerate() {
                for caps in re.captures_iter(text) {
                    let m = caps.get(0).unwrap();
                    assert_eq!(fields(k, m.as_str()), captured(&caps), "{text:?}");
                    matches[k] += 1;
                }
            }
        }
        // Each pattern matched thousands of times, so no step went untried.
        assert!(matches.iter().all(|&n| n > 5_000), "{matches:?}");
    }

    #[test]
    fn find_locates_a_date_inside_a_meta_line() {
        let (p, r) = find("中国劳动保障新闻网 · 2014-09-17 13:31 留言", CST).unwrap();
        assert_eq!(p.to_string(), "2014-09-17T13:31:00+08:00");
        assert_eq!(
            &"中国劳动保障新闻网 · 2014-09-17 13:31 留言"[r],
            "2014-09-17 13:31"
        );
    }
}
