//! Text normalization applied to the title and every block: whitespace,
//! punctuation and character width. Pinyin annotations are handled earlier,
//! on the whole document, by [`pinyin`].

pub(crate) mod pinyin;
mod punct;

pub(crate) use punct::normalize_punctuation;

/// Is `c` a Han ideograph (CJK Unified Ideographs, extensions, compatibility)?
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{323AF}'
        | '\u{3007}')
}

/// Is `c` CJK punctuation: ideographic marks, full-width forms, curly quotes,
/// dashes and ellipses as Chinese text uses them?
pub(crate) fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3006}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}'
        | '\u{2014}' | '\u{2026}' | '\u{00B7}')
}

/// Whitespace the cleaner collapses or strips: ASCII, NBSP, ideographic
/// space and the typographic spaces U+2000–U+200A.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{3000}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{1680}'
    )
}

/// Characters removed outright: zero-width characters, the BOM, soft hyphen
/// and C0/C1 controls (line breaks never reach this function).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || c.is_control()
}

/// Strip indentation and trailing space, drop invisible characters and
/// collapse every run of spaces into one ASCII space. The result is one line.
pub(crate) fn normalize_whitespace(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if is_space(c) || c == '\n' || c == '\r' {
            pending_space = !out.is_empty();
        } else if !is_invisible(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Full-width ASCII letters and digits (`Ａ`, `１`) become half-width.
pub(crate) fn narrow_alphanumerics(text: &str) -> std::borrow::Cow<'_, str> {
    let is_wide = |c: char| matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ');
    if !text.chars().any(is_wide) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if is_wide(c) {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}

/// Does the text end like a sentence (。！？…, possibly inside closing quotes)?
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['”', '’', '」', '』', '）', ')', '"', '\'', ' ']);
    matches!(
        trimmed.chars().next_back(),
        Some('。' | '！' | '？' | '!' | '?' | '…' | '；' | ';' | '.' | '：' | ':' | '，' | ',')
    )
}

/// The shape of a heading in plain text: short, and not ending like a sentence.
/// The same rule decides for HTML paragraphs that have a heading signal
/// (`<strong>`-only, centred), so that cleaning the output again keeps it.
pub(crate) fn looks_like_heading(text: &str) -> bool {
    let chars = text.chars().count();
    (2..=40).contains(&chars) && !ends_sentence(text) && text.chars().any(is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_strips_indentation_and_collapses_runs() {
        assert_eq!(
            normalize_whitespace("\u{3000}\u{3000}程序优化 \u{a0}便民服务 "),
            "程序优化 便民服务"
        );
        assert_eq!(
            normalize_whitespace("\u{2003}\u{2003}a\u{200B}b\u{7}c"),
            "abc"
        );
        assert_eq!(normalize_whitespace("  \t "), "");
    }

    #[test]
    fn full_width_alphanumerics_become_half_width() {
        assert_eq!(narrow_alphanumerics("ＡＢＣ１２３ｘ，"), "ABC123x，");
        assert!(matches!(
            narrow_alphanumerics("普通"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn heading_shape() {
        assert!(looks_like_heading("程序优化 便民服务"));
        assert!(looks_like_heading("把群众诉求视为“第一信号"));
        assert!(!looks_like_heading("我们组成服务小分队，上门服务。"));
        assert!(!looks_like_heading("编辑观点："));
        assert!(!looks_like_heading("2024-12-28"));
    }
}
