//! Invariants over every fixture: cleaning is idempotent, and nothing is lost
//! silently.

mod common;

use std::collections::HashMap;
use std::fs;

use common::fixture_documents;

use zhclean::{Article, Cleaner};

/// The Article as plain text: title, blank line, one block per line.
fn render(article: &Article) -> String {
    format!("{}\n\n{}\n", article.title, article.text)
}

#[test]
fn cleaning_the_clean_text_again_changes_nothing() {
    let mut failures = Vec::new();
    for doc in fixture_documents() {
        let first = zhclean::clean(&fs::read(&doc).unwrap()).unwrap();
        if first.title.is_empty() || first.text.is_empty() {
            continue;
        }
        let second = zhclean::clean(render(&first).as_bytes()).unwrap();
        if second.title != first.title {
            failures.push(format!(
                "{}: title {:?} became {:?}",
                doc.display(),
                first.title,
                second.title
            ));
        }
        let (a, b): (Vec<&str>, Vec<&str>) =
            (first.text.lines().collect(), second.text.lines().collect());
        if a != b {
            let i = a
                .iter()
                .zip(&b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            failures.push(format!(
                "{}: block {i} {:?} became {:?}",
                doc.display(),
                a.get(i).unwrap_or(&"<none>"),
                b.get(i).unwrap_or(&"<none>")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "not idempotent:\n{}",
        failures.join("\n")
    );
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{323AF}')
}

fn han_counts(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text.chars().filter(|&c| is_han(c)) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

/// Every Han character of the input (converted the same way, with the
/// documented drops — HTML comments; for a whole page, what a browser does
/// not show — taken out) appears, as many times, in the Article's fields or
/// in `removed`.
#[test]
fn nothing_is_lost_silently() {
    let keep_script = Cleaner::builder()
        .target(zhclean::TargetScript::Original)
        .build();
    for doc in fixture_documents() {
        let bytes = fs::read(&doc).unwrap();
        let article = keep_script.clean(&bytes).unwrap();
        let encoding = encoding_rs::Encoding::for_label(article.encoding.as_bytes()).unwrap();
        let (input, _, _) = encoding.decode(&bytes);
        let input = if article.format == zhclean::Format::Html {
            visible_text(&input)
        } else {
            strip_html_comments(&input)
        };
        let mut found = String::new();
        for s in [&article.title, &article.text] {
            found.push_str(s);
        }
        for s in [&article.source, &article.site, &article.url]
            .into_iter()
            .flatten()
        {
            found.push_str(s);
        }
        for a in &article.authors {
            found.push_str(&a.name);
            found.push_str(&a.role);
        }
        for s in article.tags.iter().chain(&article.categories) {
            found.push_str(s);
        }
        for r in &article.removed {
            found.push_str(&r.text);
        }
        let have = han_counts(&found);
        let missing: Vec<String> = han_counts(&input)
            .into_iter()
            .filter(|(c, n)| have.get(c).copied().unwrap_or(0) < *n)
            .map(|(c, n)| format!("{c}×{n} (found {})", have.get(&c).copied().unwrap_or(0)))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: Han characters lost: {}",
            doc.display(),
            missing.join(", ")
        );
    }
}

/// The text of a page a browser shows: text nodes outside scripts, styles,
/// the head and other elements without visible text (comments are no text
/// nodes).
fn visible_text(page: &str) -> String {
    const INVISIBLE: &[&str] = &[
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
        "svg", "canvas", "math",
    ];
    let doc = scraper::Html::parse_document(page);
    let mut out = String::new();
    for node in doc.tree.root().descendants() {
        if let scraper::Node::Text(text) = node.value() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|el| INVISIBLE.contains(&el.name()))
            });
            if !hidden {
                out.push_str(text);
            }
        }
    }
    out
}

fn strip_html_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
