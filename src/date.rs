//! Publication dates: the forms found in front matter, date lines and portal
//! meta lines, and their canonical rendering.
//!
//! Forms: `2022-02-10 13:30:46 +0800` (also `/` and `.` separators, `T`,
//! `Z`, `+08:00`), `03.12.2015  15:01` (day first by default), and
//! `2015年12月3日 15:01` (also `15时01分`). A time without an offset gets the
//! configured default offset; a date without a time stays a plain date.

use std::fmt;
use std::sync::OnceLock;

use regex::{Captures, Regex};

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

fn num<T: std::str::FromStr>(caps: &Captures<'_>, name: &str) -> Option<T> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn from_captures(caps: &Captures<'_>, rules: DateRules) -> Option<Published> {
    if let (Some(a), Some(b)) = (caps.name("s1"), caps.name("s3")) {
        if a.as_str() != b.as_str() {
            return None;
        }
    }
    let year: u16 = num(caps, "y")?;
    let (month, day): (u8, u8) = match (num::<u8>(caps, "a"), num::<u8>(caps, "b")) {
        (Some(a), Some(b)) => match rules.order {
            // An impossible month settles the order whatever the option says.
            _ if a > 12 => (b, a),
            _ if b > 12 => (a, b),
            DateOrder::DayFirst => (b, a),
            DateOrder::MonthFirst => (a, b),
        },
        _ => (num(caps, "m")?, num(caps, "d")?),
    };
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let time = match num::<u8>(caps, "h") {
        None => None,
        Some(h) => {
            // `下午2:05` is 14:05; `上午8:21` is 8:21.
            let h = match caps.name("ampm").map(|m| m.as_str()) {
                Some("下午" | "晚上") if h < 12 => h + 12,
                Some("中午") if h < 11 => h + 12,
                _ => h,
            };
            let mi: u8 = num(caps, "mi")?;
            let s: u8 = num(caps, "s").or_else(|| num(caps, "s2")).unwrap_or(0);
            if h > 23 || mi > 59 || s > 59 {
                return None;
            }
            let offset = match caps.name("z").map(|m| m.as_str()) {
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
    for (re, _) in patterns().iter().zip(possible).filter(|&(_, p)| p) {
        for caps in re.captures_iter(text) {
            let m = caps.get(0).expect("group 0");
            let glued = text[..m.start()].ends_with(|c: char| c.is_ascii_digit())
                || text[m.end()..].starts_with(|c: char| c.is_ascii_digit());
            if glued {
                continue;
            }
            if let Some(p) = from_captures(&caps, rules) {
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
