//! Site profiles: chrome that one site prints and the generic rules would
//! miss or could only guess at. A profile is recognised by a marker string in
//! the document and names the site the copy was scraped from.
//!
//! To add a site, add one entry to [`PROFILES`]: its name, the markers that
//! identify it, and its line rules (anchored regular expressions over one
//! simplified, whitespace-normalized line).

use crate::article::RemovedKind;

/// The chrome of one site.
pub(crate) struct SiteProfile {
    /// The site's name as it calls itself (`水泥网`); becomes `Article::site`.
    pub name: &'static str,
    /// Any of these in the document identifies the site.
    pub markers: &'static [&'static str],
    /// Line rules: the kind of chrome and a regular expression for the line.
    /// A rule whose kind is `Ranking`, `Related` or `Comments` also starts a
    /// list: the short lines that follow it are removed with the same kind.
    /// Credit lines (`编辑：X`) need no rule: the metadata-line grammar reads
    /// them on every site.
    pub rules: &'static [(RemovedKind, &'static str)],
}

/// Every known site.
pub(crate) const PROFILES: &[SiteProfile] = &[SiteProfile {
    name: "水泥网",
    markers: &["不代表水泥网立场", "ccement.com", "并不表明水泥网立场"],
    rules: &[
        (RemovedKind::Contact, r"^监督 *[:：]"),
        (RemovedKind::Contact, r"^投稿 *[:：]"),
        (
            RemovedKind::Disclaimer,
            r"^本文内容为作者个人观点.{0,20}不代表水泥网立场",
        ),
        (RemovedKind::Comments, r"^最新评论$"),
        (RemovedKind::Comments, r"^网友留言仅供其表达个人看法"),
        (RemovedKind::Comments, r"^(?:暂无评论|发表评论)$"),
        (RemovedKind::Ranking, r"^阅读榜$"),
    ],
}];
