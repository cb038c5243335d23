//! What a page says about itself outside its visible text: `<title>`,
//! `<meta>` tags (Open Graph, `pubdate`, `author`, `source`), `<link
//! rel=canonical>`, JSON-LD, `<time datetime>`, and the address a wrapper
//! gives (CleanEval's `<text id=URL>`).

use std::sync::OnceLock;

use html5ever::local_name;
use regex::Regex;
use scraper::node::Element;

use super::attr;
use crate::date::{self, DateRules, Published};

/// The page's own metadata, as found.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    /// The first `<title>` element's text.
    pub title: Option<String>,
    pub og_title: Option<String>,
    pub site_name: Option<String>,
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    /// The address of a wrapper element (`<text id="http://…">`).
    pub wrapper_url: Option<String>,
    /// `<meta name="author">`.
    pub author: Option<String>,
    /// `<meta name="source">`.
    pub source: Option<String>,
    pub jsonld_headline: Option<String>,
    /// JSON-LD `datePublished`.
    pub jsonld_date: Option<String>,
    /// `article:published_time`, `pubdate`, `publishdate`…, first found.
    pub meta_date: Option<(String, &'static str)>,
    /// The first `<time datetime>`.
    pub time_date: Option<String>,
    /// JSON-LD blocks that could not be read.
    pub broken_jsonld: usize,
}

/// `<meta>` names and properties that give the publication date.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:release_date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publication_date",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "weibo:article:create_at",
];

impl PageMeta {
    /// Take what a `<meta>` or `<link>` element says.
    pub(crate) fn element(&mut self, el: &Element) {
        match el.name() {
            "meta" => {
                let key = attr(el, &local_name!("property"))
                    .or_else(|| attr(el, &local_name!("name")))
                    .or_else(|| attr(el, &local_name!("itemprop")))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = attr(el, &local_name!("content"))
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                else {
                    return;
                };
                let slot = match key.as_str() {
                    "og:title" | "twitter:title" => &mut self.og_title,
                    "og:site_name" => &mut self.site_name,
                    "og:url" => &mut self.og_url,
                    "author" | "article:author" => &mut self.author,
                    "source" | "article:source" => &mut self.source,
                    k => {
                        if let Some(&name) = DATE_META.iter().find(|&&d| d == k) {
                            if self.meta_date.is_none() {
                                self.meta_date = Some((content.to_string(), name));
                            }
                        }
                        return;
                    }
                };
                if slot.is_none() {
                    *slot = Some(content.to_string());
                }
            }
            "link" => {
                let canonical = attr(el, &local_name!("rel"))
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if canonical && self.canonical.is_none() {
                    self.canonical = attr(el, &local_name!("href")).map(str::to_string);
                }
            }
            "time" if self.time_date.is_none() => {
                self.time_date = attr(el, &local_name!("datetime")).map(str::to_string);
            }
            "text" if self.wrapper_url.is_none() => {
                self.wrapper_url = attr(el, &local_name!("id"))
                    .filter(|id| id.starts_with("http"))
                    .map(str::to_string);
            }
            _ => {}
        }
    }

    /// Read one JSON-LD script: an object, a list of objects, or a
    /// `@graph`; the first article-like object gives headline and date.
    pub(crate) fn json_ld(&mut self, script: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(script.trim()) else {
            self.broken_jsonld += 1;
            return;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    let text =
                        |key: &str| map.get(key).and_then(|v| v.as_str()).map(str::to_string);
                    if self.jsonld_headline.is_none() {
                        self.jsonld_headline = text("headline");
                    }
                    if self.jsonld_date.is_none() {
                        self.jsonld_date = text("datePublished");
                    }
                }
                _ => {}
            }
        }
    }

    /// The publication date from the metadata, with its origin: JSON-LD,
    /// then `<meta>`, then `<time>`, then (date only) the page's address.
    pub(crate) fn published(&self, rules: DateRules) -> Option<(Published, String)> {
        let candidates = [
            self.jsonld_date
                .as_deref()
                .map(|d| (d, "JSON-LD datePublished".to_string())),
            self.meta_date
                .as_ref()
                .map(|(d, name)| (d.as_str(), format!("<meta {name}>"))),
            self.time_date
                .as_deref()
                .map(|d| (d, "<time datetime>".to_string())),
        ];
        candidates
            .into_iter()
            .flatten()
            .find_map(|(raw, origin)| date::parse_line(raw, rules).map(|p| (p, origin)))
            .or_else(|| {
                let url = self.url()?;
                date_in_url(url).map(|p| (p, format!("date in the address {url}")))
            })
    }

    /// The address of the original: canonical, Open Graph, wrapper. An
    /// address of a site's home page (`http://www.example.cn/`) says nothing.
    pub(crate) fn url(&self) -> Option<&str> {
        [&self.canonical, &self.og_url, &self.wrapper_url]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .find(|u| {
                let path = u
                    .strip_prefix("https://")
                    .or_else(|| u.strip_prefix("http://"))
                    .and_then(|rest| rest.split_once('/'))
                    .map_or("", |(_, path)| path);
                !path.trim_matches('/').is_empty()
            })
    }

    /// The page title without the site's name: the part before the
    /// separator that sets off `og:site_name`, else before the last
    /// separators, as long as a title is left (`标题_澎湃新闻-The Paper`,
    /// `标题--文化--人民网`, `标题-新华网`, `标题 | 某某网`).
    pub(crate) fn title_without_site(&self) -> Option<String> {
        let title = self.title.as_deref()?.trim();
        if let Some(site) = self.site_name.as_deref().filter(|s| !s.is_empty()) {
            if let Some(i) = title.rfind(site).filter(|&i| i > 0) {
                let head = title[..i].trim_end_matches(|c: char| is_separator(c) || c == ' ');
                if head.chars().count() >= 4 && title[i + site.len()..].trim().is_empty() {
                    return Some(head.to_string());
                }
            }
        }
        let mut head = title;
        // Strip short trailing parts set off by separators: the site, a
        // channel, a slogan.
        while let Some(cut) = last_separator(head) {
            let (rest, tail) = (&head[..cut.start], &head[cut.end..]);
            let rest = rest.trim_end();
            if tail.chars().count() > MAX_SUFFIX_CHARS || rest.chars().count() < 4 {
                break;
            }
            head = rest;
        }
        Some(head.to_string())
    }
}

/// Longest part of a page title taken for a site's name or a channel.
const MAX_SUFFIX_CHARS: usize = 16;

fn is_separator(c: char) -> bool {
    matches!(c, '_' | '|' | '｜' | '-' | '–' | '—' | '·' | ':' | '：')
}

/// The last separator in a title: `_`, `|`, `｜`, `--`, ` - `, `-` before a
/// name, `—`; as a byte range.
fn last_separator(title: &str) -> Option<std::ops::Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\s*(?:_+|\|+|｜|-{2,}|\s-\s|—+|–|-)\s*").expect("valid regex")
    });
    re.find_iter(title).last().map(|m| m.range())
}

/// A date in a page's address: `/2024-05/20/`, `/20240515/`, `/2024/0510/`,
/// `2005-08-26`. Date only.
fn date_in_url(url: &str) -> Option<Published> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[/_-]((?:19|20)[0-9]{2})(?:[-/]?)(0[1-9]|1[0-2])(?:[-/]?)(0[1-9]|[12][0-9]|3[01])(?:[/_.-]|$)")
            .expect("valid regex")
    });
    let caps = re.captures(url)?;
    date::parse_line(
        &format!("{}-{}-{}", &caps[1], &caps[2], &caps[3]),
        date::DEFAULT_RULES,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(title: &str, site: Option<&str>) -> PageMeta {
        PageMeta {
            title: Some(title.into()),
            site_name: site.map(str::to_string),
            ..PageMeta::default()
        }
    }

    #[test]
    fn the_site_suffix_goes() {
        let cases = [
            (
                "宇航员在太空中喝酒_澎湃新闻-The Paper",
                None,
                "宇航员在太空中喝酒",
            ),
            (
                "在新时代中部地区崛起中争先出彩--经济·科技--人民网",
                None,
                "在新时代中部地区崛起中争先出彩",
            ),
            (
                "短缺药品保供稳价 全力保障临床用药需求-新华网",
                None,
                "短缺药品保供稳价 全力保障临床用药需求",
            ),
            ("某某事件的最新进展 | 某某网", None, "某某事件的最新进展"),
            (
                "某某事件的最新进展 - 某某日报",
                Some("某某日报"),
                "某某事件的最新进展",
            ),
            ("没有后缀的标题", None, "没有后缀的标题"),
        ];
        for (title, site, want) in cases {
            assert_eq!(
                meta(title, site).title_without_site().as_deref(),
                Some(want),
                "{title}"
            );
        }
    }

    #[test]
    fn json_ld_in_all_its_shapes() {
        let mut m = PageMeta::default();
        m.json_ld(r#"{"@type":"NewsArticle","headline":"标题","datePublished":"2024-05-20T08:32:00+08:00"}"#);
        assert_eq!(m.jsonld_headline.as_deref(), Some("标题"));
        let mut m = PageMeta::default();
        m.json_ld(r#"[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2024-05-21"}]"#);
        assert_eq!(m.jsonld_date.as_deref(), Some("2024-05-21"));
        let mut m = PageMeta::default();
        m.json_ld(r#"{"@graph":[{"@type":"Article","headline":"图中的标题"}]}"#);
        assert_eq!(m.jsonld_headline.as_deref(), Some("图中的标题"));
        let mut m = PageMeta::default();
        m.json_ld(r#"{"headline": "未闭合"#);
        assert_eq!((m.jsonld_headline, m.broken_jsonld), (None, 1));
    }

    #[test]
    fn date_sources_in_order() {
        let rules = date::DEFAULT_RULES;
        let mut m = PageMeta {
            canonical: Some("https://example.cn/2024-05/20/content_1.htm".into()),
            ..PageMeta::default()
        };
        assert_eq!(m.published(rules).unwrap().0.to_string(), "2024-05-20");
        m.time_date = Some("2024-05-19T10:00:00+08:00".into());
        assert_eq!(
            m.published(rules).unwrap().0.to_string(),
            "2024-05-19T10:00:00+08:00"
        );
        m.meta_date = Some(("2024-05-18 09:00:00".into(), "pubdate"));
        assert_eq!(
            m.published(rules).unwrap().0.to_string(),
            "2024-05-18T09:00:00+08:00"
        );
        m.jsonld_date = Some("2024-05-17T08:00:00Z".into());
        let (date, origin) = m.published(rules).unwrap();
        assert_eq!(date.to_string(), "2024-05-17T08:00:00+00:00");
        assert_eq!(origin, "JSON-LD datePublished");
        for url in [
            "http://x.cn/20240515/abc/c.html",
            "http://x.cn/n1/2024/0510/c1-1.html",
        ] {
            assert!(date_in_url(url).is_some(), "{url}");
        }
        assert!(date_in_url("https://j.021east.com/p/1715572974045997").is_none());
    }
}
