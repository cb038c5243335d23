//! What an element's name, class and id say about its content: the
//! structural hints of the article finder ([`super::page`]).
//!
//! The words are the ones pages use in English and in pinyin: `article`,
//! `content`, `detail`, `zhengwen` (正文) count for the article; `comment`,
//! `pinglun` (评论), `related`, `xiangguan` (相关), `share`, `fenxiang`
//! (分享), `nav`, `footer`, `rank`, `hot`, `ad` against. A word matches a
//! whole token of the class or id (split at `-`, `_`, spaces and digits) or
//! its start (`comments`, `navbar`, `adbox`), so that `header` or `photo`
//! match nothing. Against wins over for.

use std::borrow::Cow;

use html5ever::local_name;

use super::attr;
use crate::article::RemovedKind;

/// What an element's hints say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// The element holds the article (`<article>`, `itemprop=articleBody`,
    /// `class="article-content"`).
    Article,
    /// The element is page chrome of this kind.
    Chrome(RemovedKind),
    /// Nothing said.
    None,
}

/// Words that name the article's container.
const ARTICLE_WORDS: &[&str] = &[
    "article",
    "content",
    "text",
    "detail",
    "main",
    "post",
    "body",
    "entry",
    "story",
    "rich_media_content",
    "zhengwen",
    "neirong",
    "wenzhang",
    "artibody",
    "textbox",
];

/// Words that name chrome, with its kind. Checked in order.
const CHROME_WORDS: &[(&str, RemovedKind)] = &[
    ("comment", RemovedKind::Comments),
    ("pinglun", RemovedKind::Comments),
    ("reply", RemovedKind::Comments),
    ("related", RemovedKind::Related),
    ("relate", RemovedKind::Related),
    ("xiangguan", RemovedKind::Related),
    ("recommend", RemovedKind::Related),
    ("recom", RemovedKind::Related),
    ("tuijian", RemovedKind::Related),
    ("more", RemovedKind::Related),
    ("rank", RemovedKind::Ranking),
    ("paihang", RemovedKind::Ranking),
    ("hot", RemovedKind::Ranking),
    ("top10", RemovedKind::Ranking),
    ("share", RemovedKind::Share),
    ("fenxiang", RemovedKind::Share),
    ("social", RemovedKind::Share),
    ("bdshare", RemovedKind::Share),
    ("nav", RemovedKind::Nav),
    ("menu", RemovedKind::Nav),
    ("breadcrumb", RemovedKind::Nav),
    ("crumb", RemovedKind::Nav),
    ("daohang", RemovedKind::Nav),
    ("sidebar", RemovedKind::Boilerplate),
    ("aside", RemovedKind::Boilerplate),
    ("footer", RemovedKind::Copyright),
    ("foot", RemovedKind::Copyright),
    ("copyright", RemovedKind::Copyright),
    ("banquan", RemovedKind::Copyright),
    ("ad", RemovedKind::Ad),
    ("ads", RemovedKind::Ad),
    ("advert", RemovedKind::Ad),
    ("guanggao", RemovedKind::Ad),
    ("banner", RemovedKind::Ad),
    ("sponsor", RemovedKind::Ad),
    ("promo", RemovedKind::Ad),
];

/// Elements that are chrome by their name.
fn chrome_element(name: &str) -> Option<RemovedKind> {
    match name {
        "nav" => Some(RemovedKind::Nav),
        "footer" => Some(RemovedKind::Copyright),
        "aside" => Some(RemovedKind::Boilerplate),
        _ => None,
    }
}

/// The tokens of a class or id value: split at non-letters (not inside a
/// camel-case name: `enableGAMAds` is one token).
fn tokens(value: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    value
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|t| !t.is_empty())
        // Most class names are lower-case already: no copy for them.
        .map(|t| match t.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(t.to_ascii_lowercase()),
            false => Cow::Borrowed(t),
        })
}

/// What may follow a short word in a token: `adbox`, `navbar`, `hotnews`.
const SHORT_WORD_ENDINGS: &[&str] = &[
    "", "s", "box", "bar", "list", "area", "wrap", "news", "con", "cont", "top", "side", "block",
    "item",
];

/// Words that also name chrome at the end of a token (`mainnav`,
/// `pagefooter`); other words only at its start, so that a flag such as
/// `enableGAMAds` is no ad.
const SUFFIX_WORDS: &[&str] = &[
    "nav", "menu", "footer", "share", "comment", "comments", "content", "article",
];

/// Does a token say `word`? A short word (`ad`, `nav`, `hot`) when it is the
/// token, perhaps with a common ending; a longer one when it starts it; a
/// word of [`SUFFIX_WORDS`] also when it ends it.
fn says(token: &str, word: &str) -> bool {
    // The table look-up last: it is the dearest question, and rarely asked.
    let suffix =
        token.len() > word.len() + 2 && token.ends_with(word) && SUFFIX_WORDS.contains(&word);
    if word.len() <= 3 {
        return suffix
            || token
                .strip_prefix(word)
                .is_some_and(|rest| SHORT_WORD_ENDINGS.contains(&rest));
    }
    suffix || token.starts_with(word)
}

/// What the element's name, class, id and `itemprop` say.
pub(crate) fn of(el: &scraper::node::Element) -> Hint {
    if let Some(kind) = chrome_element(el.name()) {
        return Hint::Chrome(kind);
    }
    let mut article =
        el.name() == "article" || attr(el, &local_name!("itemprop")) == Some("articleBody");
    for value in [
        attr(el, &local_name!("class")),
        attr(el, &local_name!("id")),
    ]
    .into_iter()
    .flatten()
    {
        for token in tokens(value) {
            // A word the token can say starts it or ends it: the other words
            // are passed over with a byte comparison.
            let (first, last) = (token.as_bytes()[0], token.as_bytes()[token.len() - 1]);
            let may_say = |w: &str| {
                let w = w.as_bytes();
                w[0] == first || (w[w.len() - 1] == last && token.as_bytes().ends_with(w))
            };
            if let Some(&(_, kind)) = CHROME_WORDS
                .iter()
                .find(|(w, _)| may_say(w) && says(&token, w))
            {
                return Hint::Chrome(kind);
            }
            article |= ARTICLE_WORDS.iter().any(|w| may_say(w) && says(&token, w));
        }
    }
    if article {
        Hint::Article
    } else {
        Hint::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(html: &str) -> Hint {
        let doc = scraper::Html::parse_fragment(html);
        let el = doc
            .root_element()
            .children()
            .find_map(scraper::ElementRef::wrap)
            .expect("an element");
        of(el.value())
    }

    #[test]
    fn words_in_classes_and_ids() {
        assert_eq!(hint(r#"<div class="article-content">"#), Hint::Article);
        assert_eq!(hint(r#"<div id="zhengwen">"#), Hint::Article);
        assert_eq!(hint(r#"<article>"#), Hint::Article);
        assert_eq!(hint(r#"<div itemprop="articleBody">"#), Hint::Article);
        assert_eq!(
            hint(r#"<div class="comment-list">"#),
            Hint::Chrome(RemovedKind::Comments)
        );
        assert_eq!(
            hint(r#"<div class="content comments">"#),
            Hint::Chrome(RemovedKind::Comments)
        );
        assert_eq!(
            hint(r#"<ul class="xiangguan_news">"#),
            Hint::Chrome(RemovedKind::Related)
        );
        assert_eq!(hint(r#"<div id="adbox">"#), Hint::Chrome(RemovedKind::Ad));
        assert_eq!(
            hint(r#"<div class="ad_300x250">"#),
            Hint::Chrome(RemovedKind::Ad)
        );
        assert_eq!(
            hint(r#"<div class="bdshare_t">"#),
            Hint::Chrome(RemovedKind::Share)
        );
        assert_eq!(hint(r#"<nav>"#), Hint::Chrome(RemovedKind::Nav));
        assert_eq!(
            hint(r#"<div id="mainnav">"#),
            Hint::Chrome(RemovedKind::Nav)
        );
        assert_eq!(
            hint(r#"<div class="navbar">"#),
            Hint::Chrome(RemovedKind::Nav)
        );
        assert_eq!(
            hint(r#"<div class="hotnews">"#),
            Hint::Chrome(RemovedKind::Ranking)
        );
    }

    #[test]
    fn words_inside_other_words_say_nothing() {
        assert_eq!(hint(r#"<div class="header">"#), Hint::None);
        assert_eq!(hint(r#"<div class="photo">"#), Hint::None);
        assert_eq!(hint(r#"<div class="address">"#), Hint::None);
        assert_eq!(hint(r#"<div class="shadow">"#), Hint::None);
        assert_eq!(hint(r#"<div class="load">"#), Hint::None);
        assert_eq!(
            hint(r#"<div class="caas enableGAMAds enableAdSlots">"#),
            Hint::None
        );
    }
}
