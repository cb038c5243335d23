//! Whole HTML pages: the article found in the page, its headline, and what
//! the page's metadata says.
//!
//! One walk over the parsed page cuts its visible text into *units* (the
//! text between block boundaries, as [`super::walk`] cuts blocks) and gives
//! each a value: its length when it is prose (Han text with sentence
//! punctuation `，。；：！？`), minus its length when it is link text or lies
//! inside an element whose class or id names chrome ([`super::hints`]), a
//! small cost when it is a short label, a third of its length when it is
//! other text. An element's score is the sum of its units' values — the
//! text density of CETD, counted in characters of prose against characters
//! of chrome — raised by a quarter of its prose when its name or class says
//! `article` or `content`, or when the headline stands just above it.
//! The article is the element with the highest score: going up adds
//! sidebars and footers, going down loses paragraphs. When another element
//! outside it scores at least half as much, the article is taken to be the
//! element holding both (the larger candidate), with a warning.
//!
//! Inside the article, the blocks come from [`super::walk`] with hints on:
//! nested share bars, related lists and ad boxes are dropped with their
//! kind; the shared stages (chrome, bylines, normalization) run on those
//! blocks alone. Outside it, every unit of visible text is recorded as
//! removed, by the kind its container's hints name, `nav` for link text,
//! `boilerplate` for the rest.

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use html5ever::local_name;
use scraper::{ElementRef, Html, Node};

use super::hints::{self, Hint};
use super::meta::PageMeta;
use super::{attr, flatten_deep_nesting, is_hidden, warn_flattened, BLOCK, SKIPPED};
use crate::article::RemovedKind;
use crate::byline;
use crate::classify::Features;
use crate::date::DateRules;
use crate::draft::{Draft, Field, RawBlock};
use crate::normalize::{is_han, normalize_whitespace, starts_han};

/// A stretch of visible text between block boundaries.
#[derive(Debug)]
struct Unit {
    text: String,
    chars: usize,
    han: usize,
    /// Sentence punctuation: `，。；：！？`.
    punct: usize,
    link_chars: usize,
    /// The level of the heading element it lies in (1–6), or 0, and that
    /// element.
    heading: u8,
    heading_node: Option<NodeId>,
    /// The kind of chrome an enclosing element's hints name.
    chrome: Option<RemovedKind>,
}

impl Unit {
    /// What the unit adds to the score of the elements holding it.
    fn value(&self) -> i64 {
        let chars = self.chars as i64;
        if self.chrome.is_some() || self.link_chars * 2 >= self.chars {
            -chars
        } else if self.han >= MIN_PROSE_HAN && self.punct > 0 {
            chars - self.link_chars as i64
        } else if self.chars <= SHORT_UNIT_CHARS {
            -3
        } else {
            -chars / 3
        }
    }
}

/// Form controls: skipped like scripts, but their text is recorded.
const FORM_CONTROLS: &[&str] = &["select", "textarea", "button", "input", "option"];

/// A unit with this many Han characters and some punctuation is prose.
const MIN_PROSE_HAN: usize = 10;

/// Units up to this long are labels: a small cost.
const SHORT_UNIT_CHARS: usize = 10;

/// The least prose an article holds, in characters.
const MIN_ARTICLE_CHARS: i64 = 20;

/// How many units above an element its headline may stand.
const HEADLINE_REACH: usize = 12;

/// How many units before and after the article are read for metadata lines.
const NEAR_UNITS: usize = 15;

/// Longest word standing alone above the first paragraph that is taken for
/// a button or a label.
const MAX_STRAY_CHARS: usize = 6;

/// An element that may hold the article.
#[derive(Debug)]
struct Candidate {
    node: NodeId,
    units: std::ops::Range<usize>,
    score: i64,
    /// The value of its prose units.
    prose: i64,
    article_hint: bool,
    /// The prose of its two richest children that hold several prose units.
    top_children: [i64; 2],
}

/// An element open during the walk.
struct Open {
    node: NodeId,
    start: usize,
    score: i64,
    prose: i64,
    article_hint: bool,
    chrome: Option<RemovedKind>,
    heading: u8,
    link: bool,
    top_children: [i64; 2],
    /// How many prose units it holds.
    prose_units: usize,
}

/// What one walk over the page finds.
struct Walked {
    units: Vec<Unit>,
    candidates: Vec<Candidate>,
    meta: PageMeta,
    hidden: Vec<String>,
}

/// The text collected for the unit being read.
#[derive(Default)]
struct Pending {
    text: String,
    link_chars: usize,
}

fn walk_page(doc: &Html) -> Walked {
    let mut units: Vec<Unit> = Vec::new();
    let mut candidates = Vec::new();
    let mut meta = PageMeta::default();
    let mut hidden = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut pending = Pending::default();
    let mut skip: Option<NodeId> = None;

    // End the unit being read: give it its value and add that to the
    // element it lies in.
    let finish_unit = |pending: &mut Pending, stack: &mut Vec<Open>, units: &mut Vec<Unit>| {
        let taken = std::mem::take(pending);
        let text = normalize_whitespace(&taken.text);
        if text.is_empty() {
            return;
        }
        let (mut chars, mut han, mut punct) = (0, 0, 0);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Han by its lead byte, most of the text: the shortest path.
            if starts_han(bytes, i) {
                chars += 1;
                han += 1;
                i += 3;
                continue;
            }
            let c = text[i..].chars().next().expect("a character boundary");
            i += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            chars += 1;
            han += usize::from(is_han(c));
            punct += usize::from(matches!(c, '，' | '。' | '；' | '：' | '！' | '？'));
        }
        let (heading, heading_node) = stack
            .iter()
            .rev()
            .find(|o| o.heading > 0)
            .map_or((0, None), |o| (o.heading, Some(o.node)));
        let chrome = stack.iter().rev().find_map(|o| o.chrome);
        let unit = Unit {
            text,
            chars,
            han,
            punct,
            link_chars: taken.link_chars.min(chars),
            heading,
            heading_node,
            chrome,
        };
        let value = unit.value();
        if let Some(top) = stack.last_mut() {
            top.score += value;
            top.prose += value.max(0);
            top.prose_units += usize::from(value > 0);
        }
        units.push(unit);
    };

    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if stack.iter().any(|o| o.link) {
                            pending.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                        }
                        pending.text.push_str(t);
                    }
                    Node::Element(el) => {
                        let name = el.name();
                        meta.element(el);
                        if name == "script"
                            && attr(el, &local_name!("type")) == Some("application/ld+json")
                        {
                            let element = ElementRef::wrap(node).expect("element node");
                            meta.json_ld(&element.text().collect::<String>());
                        }
                        if name == "title" {
                            let element = ElementRef::wrap(node).expect("element node");
                            if meta.title.is_none() {
                                let text =
                                    normalize_whitespace(&element.text().collect::<String>());
                                meta.title = Some(text).filter(|t| !t.is_empty());
                            }
                            skip = Some(node.id());
                            continue;
                        }
                        if name == "text" && meta.title.is_none() {
                            // CleanEval's wrapper gives the page title.
                            meta.title = attr(el, &local_name!("title")).map(normalize_whitespace);
                        }
                        // The head is walked for its metadata; its text is
                        // no unit (its title and scripts are taken above).
                        let skipped = SKIPPED.contains(&name) && name != "head";
                        if skipped || is_hidden(el) {
                            // Hidden elements and form controls have text a
                            // reader could see; scripts and styles have none.
                            if is_hidden(el) || FORM_CONTROLS.contains(&name) {
                                let element = ElementRef::wrap(node).expect("element node");
                                let text = super::subtree_text(element);
                                if !text.is_empty() {
                                    hidden.push(text);
                                }
                            }
                            skip = Some(node.id());
                            continue;
                        }
                        let block =
                            BLOCK.contains(&name) || name == "br" || matches!(name, "td" | "th");
                        if block {
                            finish_unit(&mut pending, &mut stack, &mut units);
                        }
                        if name == "br" {
                            continue;
                        }
                        let hint = hints::of(el);
                        stack.push(Open {
                            node: node.id(),
                            start: units.len(),
                            score: 0,
                            prose: 0,
                            article_hint: hint == Hint::Article,
                            chrome: match hint {
                                Hint::Chrome(kind) => Some(kind),
                                _ => None,
                            },
                            top_children: [0, 0],
                            prose_units: 0,
                            heading: match name {
                                "h1" => 1,
                                "h2" => 2,
                                "h3" => 3,
                                "h4" => 4,
                                "h5" => 5,
                                "h6" => 6,
                                _ => 0,
                            },
                            link: name == "a",
                        });
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if el.name() == "br" {
                    continue;
                }
                if BLOCK.contains(&el.name()) || matches!(el.name(), "td" | "th") {
                    finish_unit(&mut pending, &mut stack, &mut units);
                }
                if stack.last().is_some_and(|o| o.node == node.id()) {
                    let open = stack.pop().expect("an open element");
                    if let Some(parent) = stack.last_mut() {
                        parent.score += open.score;
                        parent.prose += open.prose;
                        parent.prose_units += open.prose_units;
                        // Paragraphs are no parts: only containers count.
                        if open.prose_units >= 2 {
                            let [first, second] = &mut parent.top_children;
                            if open.prose > *first {
                                *second = std::mem::replace(first, open.prose);
                            } else if open.prose > *second {
                                *second = open.prose;
                            }
                        }
                    }
                    if open.prose > 0 {
                        candidates.push(Candidate {
                            node: open.node,
                            units: open.start..units.len(),
                            score: open.score,
                            prose: open.prose,
                            article_hint: open.article_hint,
                            top_children: open.top_children,
                        });
                    }
                }
            }
        }
    }
    finish_unit(&mut pending, &mut stack, &mut units);
    Walked {
        units,
        candidates,
        meta,
        hidden,
    }
}

/// The units of the headline: a heading (`h1` first) whose text the page
/// title holds, the last if several; else the first `h1`. A heading broken
/// by `<br>` is several units.
fn find_headline(units: &[Unit], meta: &PageMeta) -> Option<std::ops::Range<usize>> {
    let h = headline_unit(units, meta)?;
    let node = units[h].heading_node;
    let title: String = meta
        .title
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // The other parts of the heading, as far as the page title holds them
    // too: a headline broken by `<br>`, not a standfirst set in the heading.
    let in_title = |i: usize| {
        units[i].heading_node == node
            && node.is_some()
            && title.contains(
                &units[i]
                    .text
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>(),
            )
    };
    let start = (0..h)
        .rev()
        .take_while(|&i| in_title(i))
        .last()
        .unwrap_or(h);
    let end = (h + 1..units.len())
        .take_while(|&i| in_title(i))
        .last()
        .map_or(h + 1, |i| i + 1);
    Some(start..end)
}

/// The headline's (first matching) unit.
fn headline_unit(units: &[Unit], meta: &PageMeta) -> Option<usize> {
    let titles: Vec<&str> = [
        meta.title.as_deref(),
        meta.og_title.as_deref(),
        meta.jsonld_headline.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let matches = |u: &Unit| {
        u.chars >= 4
            && u.chrome.is_none()
            && titles.iter().any(|t| {
                let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
                let text: String = u.text.chars().filter(|c| !c.is_whitespace()).collect();
                t.contains(&text) || text.contains(&t)
            })
    };
    // The heading that holds most of the title (a logo `<h1>` holds the
    // site's name only); among equals the higher level, then the last.
    let best = units
        .iter()
        .enumerate()
        .filter(|(_, u)| (1..=3).contains(&u.heading) && matches(u))
        .max_by_key(|&(i, u)| (u.chars, std::cmp::Reverse(u.heading), i));
    if let Some((i, _)) = best {
        return Some(i);
    }
    units.iter().position(|u| {
        u.heading == 1 && u.chrome.is_none() && u.chars >= 4 && u.link_chars * 2 < u.chars
    })
}

/// Choose the article among the candidates, with a warning when unsure.
fn choose(
    candidates: &[Candidate],
    headline: Option<&std::ops::Range<usize>>,
) -> Option<(usize, Option<String>)> {
    let headline = headline.map(|h| h.start);
    let final_score = |c: &Candidate| {
        let near_headline =
            headline.is_some_and(|h| c.units.start <= h + HEADLINE_REACH && h < c.units.end);
        let bonus = if c.article_hint || near_headline {
            c.prose / 4
        } else {
            0
        };
        c.score + bonus
    };
    // Children close first: on a tie the smaller element wins.
    let best = (0..candidates.len()).fold(None, |best: Option<usize>, i| match best {
        Some(b) if final_score(&candidates[b]) >= final_score(&candidates[i]) => Some(b),
        _ => Some(i),
    })?;
    let b = &candidates[best];
    if b.prose < MIN_ARTICLE_CHARS {
        return None;
    }
    let disjoint = |c: &Candidate| c.units.end <= b.units.start || c.units.start >= b.units.end;
    let rival = candidates
        .iter()
        .filter(|c| disjoint(c))
        .max_by_key(|c| final_score(c))
        .filter(|c| final_score(c) * 2 >= final_score(b) && c.prose >= MIN_ARTICLE_CHARS);
    let Some(rival) = rival else {
        // Two rich parts inside the article (an article and a thread of
        // comments without a name to tell it): both are kept, with a warning.
        let [first, second] = b.top_children;
        let warning = (second * 5 >= b.prose && first * 5 >= b.prose).then(|| {
            format!(
                "unsure which part of the page is the article: it holds two parts with {first} and {second} characters of prose; kept both"
            )
        });
        return Some((best, warning));
    };
    // The smallest element holding both.
    let (start, end) = (
        b.units.start.min(rival.units.start),
        b.units.end.max(rival.units.end),
    );
    let holder = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.units.start <= start && c.units.end >= end)
        .min_by_key(|(_, c)| c.units.len())
        .map(|(i, _)| i)?;
    let warning = format!(
        "unsure which part of the page is the article: two parts score {} and {}; kept the element that holds both",
        final_score(b),
        final_score(rival)
    );
    Some((holder, Some(warning)))
}

/// The kind under which a unit outside the article is recorded.
fn outside_kind(unit: &Unit) -> RemovedKind {
    match unit.chrome {
        Some(kind) => kind,
        None if unit.link_chars * 2 >= unit.chars => RemovedKind::Nav,
        None => RemovedKind::Boilerplate,
    }
}

/// Read a whole HTML page into a draft: the reason, and the draft.
pub(crate) fn read(text: &str, rules: DateRules) -> (String, Draft) {
    let mut draft = Draft::default();
    let (html, dropped) = flatten_deep_nesting(text);
    if dropped > 0 {
        warn_flattened(&mut draft, dropped);
    }
    let doc = Html::parse_document(&html);
    let walked = walk_page(&doc);
    let Walked {
        units,
        candidates,
        meta,
        hidden,
    } = walked;
    for text in hidden {
        draft.remove(RemovedKind::Hidden, text);
    }
    if meta.broken_jsonld > 0 {
        draft.warnings.push(format!(
            "{} JSON-LD blocks could not be read",
            meta.broken_jsonld
        ));
    }

    let headline = find_headline(&units, &meta);
    let chosen = choose(&candidates, headline.as_ref());
    let mut reason = String::from("an HTML page");
    let headline_text = headline.as_ref().map(|h| {
        units[h.clone()]
            .iter()
            .map(|u| u.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    });
    match &headline_text {
        Some(text) => draft.set(Field::Title, text, "the headline element"),
        None => {
            let fallback = [
                (meta.og_title.clone(), "og:title"),
                (meta.jsonld_headline.clone(), "JSON-LD headline"),
                (meta.title_without_site(), "<title> without the site's name"),
            ];
            if let Some((title, origin)) = fallback
                .into_iter()
                .find_map(|(t, origin)| t.filter(|t| !t.is_empty()).map(|t| (t, origin)))
            {
                draft.set(Field::Title, &title, origin);
            }
        }
    }
    if let Some(site) = &meta.site_name {
        draft.set(Field::Site, site, "og:site_name");
    }
    if let Some(url) = meta.url() {
        draft.set(
            Field::Url,
            url,
            "<link rel=canonical>, og:url or the wrapper's address",
        );
    }
    if let Some((date, origin)) = meta.published(rules) {
        draft.fallback.published = Some((date, origin));
    }
    if let Some(source) = &meta.source {
        draft.fallback.source = Some((source.clone(), "<meta name=source>".into()));
    }
    if let Some(author) = meta.author.as_deref().filter(|a| byline::is_person_name(a)) {
        draft.fallback.authors.push((
            author.to_string(),
            "作者".into(),
            "<meta name=author>".into(),
        ));
    }

    let Some((chosen, warning)) = chosen else {
        draft
            .warnings
            .push("no article found: the page is a list of links or headlines".into());
        for unit in units {
            let kind = outside_kind(&unit);
            draft.remove(kind, unit.text);
        }
        return (
            format!("{reason}; no element holds enough prose to be an article"),
            draft,
        );
    };
    draft.warnings.extend(warning);
    let article = &candidates[chosen];
    reason.push_str(&format!(
        "; the article is the element scoring {} ({} characters of prose, {} of the page's {} text units)",
        article.score,
        article.prose,
        article.units.len(),
        units.len()
    ));

    // Outside the article: the headline; the dateline area between it and
    // the article, handed on as the first blocks; the units near the
    // article, handed on marked as outside, for the metadata-line grammar
    // to read the credit lines among them; chrome.
    let headline = headline.unwrap_or(0..0);
    let between = if headline.end <= article.units.start && !headline.is_empty() {
        headline.end..article.units.start
    } else {
        article.units.start..article.units.start
    };
    let near_before = article.units.start.saturating_sub(NEAR_UNITS)..article.units.start;
    let near_after = article.units.end..article.units.end + NEAR_UNITS;
    let mut after: Vec<RawBlock> = Vec::new();
    let mut units = units;
    for (i, unit) in units.iter_mut().enumerate() {
        if article.units.contains(&i) {
            continue;
        }
        let text = std::mem::take(&mut unit.text);
        let kind = outside_kind(unit);
        if headline.contains(&i) {
            draft.remove(RemovedKind::Metadata, text);
        } else if between.contains(&i) && unit.chrome.is_none() {
            draft.blocks.push(RawBlock::line(text));
        } else if near_before.contains(&i) || near_after.contains(&i) {
            let mut block = RawBlock::line(text);
            block.outside = Some(kind);
            if i < article.units.start {
                draft.blocks.push(block);
            } else {
                after.push(block);
            }
        } else {
            draft.remove(kind, text);
        }
    }
    let node = doc.tree.get(article.node).expect("the article's node");
    let element = ElementRef::wrap(node).expect("an element");
    let before = draft.blocks.len();
    super::walk(element, &mut draft, true);
    // A headline inside the article: it and what stands above it are not
    // body text.
    if headline.start >= article.units.start
        && headline.end <= article.units.end
        && !headline.is_empty()
    {
        let title = headline_text.unwrap_or_default();
        let first = units[headline.start].text.clone();
        let found = draft.blocks[before..]
            .iter()
            .position(|b| b.text == title || b.text == first);
        if let Some(at) = found {
            let end = (before + at + headline.len()).min(draft.blocks.len());
            let above: Vec<RawBlock> = draft.blocks.drain(before..end).collect();
            for block in above {
                let kind = if title.contains(&block.text) {
                    RemovedKind::Metadata
                } else {
                    RemovedKind::Nav
                };
                draft.remove(kind, block.text);
            }
        }
    }
    // Above the first paragraph: the title again, and words alone —
    // buttons and image labels (`正文`, `海报`).
    let title = draft.title.clone().unwrap_or_default();
    let mut i = 0;
    while i < draft.blocks.len() {
        let block = &draft.blocks[i];
        let f = Features::of(&block.text, 0);
        if block.outside.is_some() {
            i += 1;
            continue;
        }
        if f.prose() {
            break;
        }
        let kind = if block.text == title {
            Some(RemovedKind::Metadata)
        } else if f.chars <= MAX_STRAY_CHARS && !f.ends_sentence && !f.numbered {
            Some(RemovedKind::Boilerplate)
        } else {
            None
        };
        match kind {
            Some(kind) => {
                let block = draft.blocks.remove(i);
                draft.remove(kind, block.text);
            }
            None => i += 1,
        }
    }
    draft.blocks.extend(after);
    (reason, draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Draft {
        read(html, crate::date::TEST_RULES).1
    }

    /// The blocks of the article (not those handed on as outside it).
    fn texts(d: &Draft) -> Vec<&str> {
        d.blocks
            .iter()
            .filter(|b| b.outside.is_none())
            .map(|b| b.text.as_str())
            .collect()
    }

    const P1: &str = "<p>这是文章的第一段，内容足够长，讲述了一件重要的事情，并且有很多细节。</p>";
    const P2: &str = "<p>这是文章的第二段，记者采访了多位相关人士，他们表示这件事意义重大。</p>";

    #[test]
    fn the_article_among_menus_and_related_lists() {
        let html = format!(
            "<html><head><title>重要的事情_某某网</title></head><body>\
             <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/n\">新闻</a> <a href=\"/s\">体育</a></div>\
             <h1>重要的事情</h1><div class=\"info\">2024-05-20 08:30 来源：某某日报</div>\
             <div class=\"article\">{P1}{P2}</div>\
             <ul class=\"list\"><li><a href=\"/1\">另一篇新闻的标题在这里</a></li><li><a href=\"/2\">再一篇新闻的标题在这里</a></li></ul>\
             <div class=\"footer\">版权所有 某某网</div></body></html>"
        );
        let d = page(&html);
        assert_eq!(d.title.as_deref(), Some("重要的事情"));
        assert_eq!(
            texts(&d),
            vec![
                "2024-05-20 08:30 来源：某某日报",
                &P1[3..P1.len() - 4],
                &P2[3..P2.len() - 4]
            ]
        );
        let outside: Vec<_> = d.blocks.iter().filter_map(|b| b.outside).collect();
        assert!(outside.contains(&RemovedKind::Nav));
        assert!(outside.contains(&RemovedKind::Copyright));
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn the_article_wins_over_a_long_comment_thread() {
        let comments: String = (0..12)
            .map(|i| format!("<div class=\"item\"><span>网友{i}</span><p>我觉得这篇文章说得很有道理，值得大家认真思考一下，支持！</p></div>"))
            .collect();
        for class in ["comments", "box"] {
            let html = format!(
                "<html><head><title>标题</title></head><body><h1>标题</h1><div id=\"main\">{P1}{P2}{P1}</div>\
                 <div class=\"{class}\">{comments}</div></body></html>"
            );
            let d = page(&html);
            let joined = texts(&d).join("\n");
            assert!(joined.contains("这是文章的第一段"), "{class}: {joined}");
            if class == "comments" {
                assert!(!joined.contains("网友"), "{class}: {joined}");
            } else {
                // Without a hint the thread rivals the article: both are kept,
                // with a warning.
                assert!(
                    !joined.contains("网友") || d.warnings.iter().any(|w| w.contains("unsure")),
                    "{class}: {joined}"
                );
            }
        }
    }

    #[test]
    fn a_page_of_links_has_no_article() {
        let links: String = (0..30)
            .map(|i| {
                format!(
                    "<li><a href=\"/{i}\">第{i}条新闻的标题比较长一些</a> 2024-05-{:02}</li>",
                    i % 28 + 1
                )
            })
            .collect();
        let html = format!(
            "<html><head><title>新闻列表</title></head><body><ul>{links}</ul></body></html>"
        );
        let d = page(&html);
        assert!(d.blocks.is_empty());
        assert!(d.warnings.iter().any(|w| w.contains("no article found")));
        assert_eq!(d.removed.len(), 30);
    }

    #[test]
    fn title_sources_in_order() {
        let body = format!("<body><div>{P1}{P2}</div></body>");
        let d = page(&format!("<html><head><title>页面标题_某某网</title><meta property=\"og:title\" content=\"开放图谱标题\"></head>{body}</html>"));
        assert_eq!(d.title.as_deref(), Some("开放图谱标题"));
        let d = page(&format!(
            "<html><head><title>页面标题_某某网</title></head>{body}</html>"
        ));
        assert_eq!(d.title.as_deref(), Some("页面标题"));
        let d = page(&format!("<html><head><title>页面标题_某某网</title></head><body><h1>页面标题</h1><div>{P1}{P2}</div></body></html>"));
        assert_eq!(d.title.as_deref(), Some("页面标题"));
    }
}
