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

/// Is the character at byte `i` of the UTF-8 `bytes` Han, as far as its lead
/// byte tells? True for U+4000–U+9FFF but the hexagrams (`E4 B7 xx`), most
/// of a Chinese text; a false answer says nothing, and callers look at the
/// character itself.
pub(crate) fn starts_han(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0xE5..=0xE9 => true,
        0xE4 => bytes[i + 1] != 0xB7,
        _ => false,
    }
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

/// What [`normalize_whitespace`] does with one character.
enum Class {
    Keep,
    Space,
    Drop,
}

/// Classify the character starting at byte `i` of `bytes` (valid UTF-8) by
/// its encoding, without decoding it. Spaces: ASCII space, tab, CR, LF, NBSP,
/// U+1680, U+2000–U+200A, U+202F, U+205F, U+3000. Dropped: other C0 and C1
/// controls, soft hyphen, U+200B–U+200F, U+2060, U+FEFF.
fn classify(bytes: &[u8], i: usize) -> Class {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b' ' | b'\t' | b'\n' | b'\r' => Class::Space,
        0x00..=0x1F | 0x7F => Class::Drop,
        0xC2 => match at(1) {
            0xA0 => Class::Space,
            0x80..=0x9F | 0xAD => Class::Drop,
            _ => Class::Keep,
        },
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => Class::Space,
        0xE2 => match (at(1), at(2)) {
            (0x80, 0x80..=0x8A | 0xAF) | (0x81, 0x9F) => Class::Space,
            (0x80, 0x8B..=0x8F) | (0x81, 0xA0) => Class::Drop,
            _ => Class::Keep,
        },
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => Class::Space,
        0xEF if at(1) == 0xBB && at(2) == 0xBF => Class::Drop,
        _ => Class::Keep,
    }
}

/// Strip indentation and trailing space, drop invisible characters and
/// collapse every run of spaces into one ASCII space. The result is one line.
///
/// One pass over the bytes: runs of kept characters are copied whole.
pub(crate) fn normalize_whitespace(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    let mut span_start = 0;
    let mut i = 0;
    let flush = |out: &mut String, pending_space: &mut bool, from: usize, to: usize| {
        if from < to {
            if *pending_space && !out.is_empty() {
                out.push(' ');
            }
            *pending_space = false;
            out.push_str(&line[from..to]);
        }
    };
    while i < bytes.len() {
        // Han (lead bytes E4–E9) and printable ASCII are kept: the shortest
        // path for most of a line.
        match bytes[i] {
            0xE4..=0xE9 => {
                i += 3;
                continue;
            }
            0x21..=0x7E => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let len = match bytes[i] {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        match classify(bytes, i) {
            Class::Keep => {}
            class => {
                flush(&mut out, &mut pending_space, span_start, i);
                if matches!(class, Class::Space) {
                    pending_space = true;
                }
                span_start = i + len;
            }
        }
        i += len;
        // The rest of a run of ASCII spaces (an HTML page's indentation)
        // changes nothing more.
        if pending_space && span_start == i {
            while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                i += 1;
            }
            span_start = i;
        }
    }
    flush(&mut out, &mut pending_space, span_start, bytes.len());
    out
}

/// Full-width ASCII letters and digits (`Ａ`, `１`) become half-width.
pub(crate) fn narrow_alphanumerics(text: &str) -> std::borrow::Cow<'_, str> {
    let is_wide = |c: char| matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ');
    // ０-９ and Ａ-Ｚ are EF BC 90–99 and EF BC A1–BA, ａ-ｚ EF BD 81–9A.
    let bytes = text.as_bytes();
    let any_wide =
        memchr::memchr_iter(0xEF, bytes).any(|i| match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(0xBC), Some(&b)) => matches!(b, 0x90..=0x99 | 0xA1..=0xBA),
            (Some(0xBD), Some(&b)) => matches!(b, 0x81..=0x9A),
            _ => false,
        });
    if !any_wide {
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

/// A title has a letter, a digit or a Han character: a line of dashes or
/// other punctuation is not one.
pub(crate) fn is_title_like(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// The shape of a heading: short, with Han text, and not ending like a
/// sentence. It decides the kind of every block in every format, from the
/// final text alone, so that cleaning the output again keeps the kinds.
pub(crate) fn looks_like_heading(text: &str) -> bool {
    // A paragraph is ruled out by its bytes, without counting (a character
    // takes at most four).
    if text.len() > 40 * 4 {
        return false;
    }
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
        assert_eq!(normalize_whitespace("a  b\u{3000}c\u{feff}"), "a b c");
        assert_eq!(normalize_whitespace("a\u{1}b\u{85}c\u{ad}"), "abc");
        assert_eq!(
            normalize_whitespace("已经干净的一行 text"),
            "已经干净的一行 text"
        );
    }

    /// The byte-level classifier agrees with the documented character sets
    /// on every character.
    #[test]
    fn classifier_matches_the_character_definitions() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let space = matches!(c, '\n' | '\r') || is_space(c);
            let drop = !space
                && (c.is_control()
                    || matches!(
                        c,
                        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
                    ));
            let mut buf = [0u8; 4];
            let got = classify(c.encode_utf8(&mut buf).as_bytes(), 0);
            let want = if space {
                "space"
            } else if drop {
                "drop"
            } else {
                "keep"
            };
            let got = match got {
                Class::Space => "space",
                Class::Drop => "drop",
                Class::Keep => "keep",
            };
            assert_eq!(got, want, "U+{:04X}", c as u32);
        }
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
