//! Whole HTML pages: the same page in another encoding gives the same
//! Article.

mod common;

use std::fs;

use common::fixture_documents;

/// Each UTF-8 page of `fixtures/html/`, re-encoded to GBK with its declared
/// charset changed to `gbk`, gives the same Article (but for the encoding).
#[test]
fn a_page_re_encoded_to_gbk_gives_the_same_article() {
    let mut checked = 0;
    let declared = regex::Regex::new(r#"(?i)charset\s*=\s*["']?[a-z0-9_-]+"#).unwrap();
    for doc in fixture_documents()
        .into_iter()
        .filter(|d| d.extension().is_some_and(|e| e == "html"))
    {
        let bytes = fs::read(&doc).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let original = zhclean::clean(&bytes).unwrap();
        // A GBK page has no UTF-8 byte order mark.
        let text = text.trim_start_matches('\u{feff}');
        // Declare gbk where the page declares a charset, or add a declaration.
        let relabelled = if declared.is_match(text) {
            declared.replace_all(text, "charset=gbk").into_owned()
        } else {
            format!("<meta charset=\"gbk\">{text}")
        };
        // Characters outside GBK become numeric character references,
        // which a page's text reads back as the same characters.
        let (gbk, _, _) = encoding_rs::GBK.encode(&relabelled);
        let again = zhclean::clean(&gbk).unwrap();
        assert_eq!(again.encoding, "GBK", "{}", doc.display());
        let same = |a: &zhclean::Article| {
            (
                a.title.clone(),
                a.published.clone(),
                a.source.clone(),
                a.authors.clone(),
                a.text.clone(),
                a.format,
            )
        };
        assert_eq!(same(&again), same(&original), "{}", doc.display());
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} pages could be re-encoded");
}
