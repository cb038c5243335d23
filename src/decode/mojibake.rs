//! A cheap check for mojibake: UTF-8 text that was decoded with the wrong
//! encoding somewhere upstream (by the scraper, or by us), so that it now
//! reads as runs of rare characters (`鍙戝竷鏃堕棿`, `æ–°é—»`).
//!
//! The heuristic: take each maximal run of non-ASCII characters (at least
//! [`MIN_RUN_CHARS`] long) that could be such a mis-decoding and encode it back
//! with the suspected wrong encoding (GBK for runs of Han characters,
//! windows-1252 for runs of Latin-1 letters and symbols). If at least
//! [`MIN_SHARE_PERCENT`]% of the bytes then form UTF-8 sequences of Han
//! characters or CJK punctuation (lead byte `E3`–`E9`), or [`MIN_CHAIN`] such
//! sequences follow each other directly (mojibake inside a longer run of real
//! text), the run is mojibake.
//! Real Chinese text almost never passes this test: the GBK encodings of common
//! characters have lead bytes `B0`–`D7`, and a UTF-8 lead byte `E3`–`E9` needs
//! a rare character (GB2312 level 2) followed by two continuation-range bytes.
//! Only stretches dense in "marker" characters (those whose GBK encoding
//! starts with a UTF-8 lead byte `E3`–`E9`, looked up in a bitmap) are
//! re-encoded as GBK, so on real text the check costs one table look-up per
//! character, and it is linear in the text length in any case.
//!
//! It does not catch mojibake that is not a round trip of UTF-8 (for example
//! GBK text misaligned by one byte), and GBK bytes mis-decoded as UTF-8 show up
//! as U+FFFD replacements instead, which the decoder counts.

use std::sync::OnceLock;

use encoding_rs::{Encoding, GBK, WINDOWS_1252};

use crate::swar;

/// Shortest run, in characters, that is tested.
const MIN_RUN_CHARS: usize = 3;
/// Share of a run's re-encoded bytes that must form CJK UTF-8 sequences.
const MIN_SHARE_PERCENT: usize = 60;
/// Back-to-back CJK UTF-8 sequences that flag a run whatever its length.
const MIN_CHAIN: usize = 4;
/// How many example runs a warning quotes.
const MAX_EXAMPLES: usize = 2;
/// Longest example quoted, in characters.
const EXAMPLE_CHARS: usize = 12;

/// Which wrong decoding a run looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// UTF-8 bytes read as GBK: runs of Han characters.
    Gbk,
    /// UTF-8 bytes read as windows-1252 / Latin-1.
    Latin,
}

impl Kind {
    fn of(c: char) -> Option<Kind> {
        match c {
            '\u{80}'..='\u{FF}' => Some(Kind::Latin),
            // Characters windows-1252 maps 0x80–0x9F to.
            '€' | '‚' | 'ƒ' | '„' | '…' | '†' | '‡' | 'ˆ' | '‰' | 'Š' | '‹' | 'Œ' | 'Ž'
            | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '•' | '–' | '—' | '˜' | '™'
            | 'š' | '›' | 'œ' | 'ž' | 'Ÿ' => Some(Kind::Latin),
            // Han, CJK punctuation, full-width forms, and the GBK symbol rows.
            '\u{2000}'..='\u{FFEF}' if c != '\u{FFFD}' => Some(Kind::Gbk),
            _ => None,
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            Kind::Gbk => GBK,
            Kind::Latin => WINDOWS_1252,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Kind::Gbk => "UTF-8 mis-decoded as GBK",
            Kind::Latin => "UTF-8 mis-decoded as windows-1252",
        }
    }
}

/// A warning when `text` holds runs that look like mojibake, else `None`.
///
/// One pass over the text. It splits the text into runs of one [`Kind`]
/// (runs shorter than [`MIN_RUN_CHARS`] are not tested); a Latin run is
/// tested whole, and inside a GBK run only the stretches where
/// [marker](Markers) characters follow each other at most three characters
/// apart, at least two of them, plus two characters before and three after:
/// UTF-8 Han characters read as GBK give a marker every third character or
/// more often, real text has few markers, so almost nothing is re-encoded.
pub(crate) fn check(text: &str) -> Option<String> {
    let mut found: Vec<(Kind, String)> = Vec::new();
    let mut count = 0usize;
    let mut report = |kind: Kind, run: &str| {
        if is_mojibake(run, kind) {
            count += 1;
            if found.len() < MAX_EXAMPLES {
                found.push((kind, run.chars().take(EXAMPLE_CHARS).collect()));
            }
        }
    };
    let markers = markers();
    let mut run = Run::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            // ASCII never belongs to a run: it ends the current one. Skip
            // the whole stretch of ASCII at once (most of a page's markup).
            run.close(text, i, &mut report);
            i = swar::skip_ascii(bytes, i + 1);
            continue;
        }
        // Lead bytes E3–E9 start U+3000–U+9FFF, all of the GBK kind (CJK
        // punctuation, kana, Han): most of a Chinese text, read by a loop of
        // its own.
        if (0xE3..=0xE9).contains(&lead) {
            if run.kind != Some(Kind::Gbk) {
                run.close(text, i, &mut report);
                run = Run::open(Some(Kind::Gbk), i);
            }
            i = run.han_stretch(text, i, markers, &mut report);
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .expect("a character at a char boundary");
        let kind = Kind::of(c);
        if kind != run.kind {
            run.close(text, i, &mut report);
            run = Run::open(kind, i);
        }
        if kind == Some(Kind::Gbk) {
            run.gbk_char(text, i, markers.contains(u32::from(c)), &mut report);
        }
        run.chars += 1;
        i += c.len_utf8();
    }
    run.close(text, text.len(), &mut report);
    if count == 0 {
        return None;
    }
    let kind = found[0].0;
    let examples: Vec<String> = found.iter().map(|(_, s)| format!("\"{s}\"")).collect();
    Some(format!(
        "possible mojibake ({}): {count} run(s) of characters whose bytes re-encoded form UTF-8 Chinese text, e.g. {}",
        kind.describe(),
        examples.join(", ")
    ))
}

/// The run of one [`Kind`] being read by [`check`].
#[derive(Default)]
struct Run {
    kind: Option<Kind>,
    /// Byte offset where the run starts.
    start: usize,
    /// Characters so far.
    chars: usize,
    /// The open marker stretch of a GBK run: start byte, markers, and the
    /// run's character index of the last marker.
    segment: Option<(usize, usize, usize)>,
}

impl Run {
    fn open(kind: Option<Kind>, start: usize) -> Run {
        Run {
            kind,
            start,
            ..Run::default()
        }
    }

    /// One more character at byte `i` of a GBK run, a marker or not.
    fn gbk_char(
        &mut self,
        text: &str,
        i: usize,
        marker: bool,
        report: &mut impl FnMut(Kind, &str),
    ) {
        let n = self.chars;
        if let Some((start, markers, last)) = self.segment {
            if n > last + 3 {
                if markers >= 2 {
                    report(Kind::Gbk, &text[start..i]);
                }
                self.segment = None;
            }
        }
        if marker {
            // Every character of the GBK kind (U+2000–U+FFEF) takes three
            // bytes: the one two characters back starts six bytes back.
            self.segment = Some(match self.segment {
                Some((start, markers, _)) => (start, markers + 1, n),
                None => (if n >= 2 { i - 6 } else { self.start }, 1, n),
            });
        }
    }

    /// The characters with lead bytes E3–E9 from byte `i` on, in this GBK
    /// run: where they end.
    fn han_stretch(
        &mut self,
        text: &str,
        mut i: usize,
        markers: &Markers,
        report: &mut impl FnMut(Kind, &str),
    ) -> usize {
        let bytes = text.as_bytes();
        loop {
            // No marker stretch open, the usual case: all a character can do
            // is be a marker, so the characters up to the next one are only
            // counted.
            if self.segment.is_none() {
                let start = i;
                for c in bytes[i..].chunks_exact(3) {
                    let (lead, b1, b2) = (c[0], c[1], c[2]);
                    if !(0xE3..=0xE9).contains(&lead) || markers.contains(code_point(lead, b1, b2))
                    {
                        break;
                    }
                    i += 3;
                }
                self.chars += (i - start) / 3;
            }
            let [lead @ 0xE3..=0xE9, b1, b2, ..] = bytes[i..] else {
                return i;
            };
            self.gbk_char(text, i, markers.contains(code_point(lead, b1, b2)), report);
            self.chars += 1;
            i += 3;
        }
    }

    /// End the run at byte `end`, testing what is left of it.
    fn close(&mut self, text: &str, end: usize, report: &mut impl FnMut(Kind, &str)) {
        let long_enough = self.chars >= MIN_RUN_CHARS;
        match self.kind {
            Some(Kind::Latin) if long_enough => report(Kind::Latin, &text[self.start..end]),
            Some(Kind::Gbk) if long_enough => {
                if let Some((start, markers, _)) = self.segment {
                    if markers >= 2 {
                        report(Kind::Gbk, &text[start..end]);
                    }
                }
            }
            _ => {}
        }
        *self = Run::default();
    }
}

/// The code point of a three-byte UTF-8 sequence.
fn code_point(lead: u8, b1: u8, b2: u8) -> u32 {
    (u32::from(lead & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F)
}

/// The characters whose GBK encoding starts with a byte `E3`–`E9`, a UTF-8
/// lead byte of Han characters: the characters UTF-8 Han text turns into
/// when read as GBK (`浠`, `鍙`, `銆`), mostly rare ones (GB2312 level 2).
/// A bitmap of the Basic Multilingual Plane.
struct Markers(Box<[u64; 0x10000 / 64]>);

impl Markers {
    fn contains(&self, u: u32) -> bool {
        let u = u as usize;
        u < 0x10000 && self.0[u / 64] & (1 << (u % 64)) != 0
    }
}

fn markers() -> &'static Markers {
    static SET: OnceLock<Markers> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = Box::new([0u64; 0x10000 / 64]);
        for lead in 0xE3u8..=0xE9 {
            for trail in (0x40u8..=0xFE).filter(|&t| t != 0x7F) {
                let pair = [lead, trail];
                let (s, had_errors) = GBK.decode_without_bom_handling(&pair);
                let mut chars = s.chars();
                if let (false, Some(c), None) = (had_errors, chars.next(), chars.next()) {
                    let u = c as usize;
                    if u < 0x10000 {
                        set[u / 64] |= 1 << (u % 64);
                    }
                }
            }
        }
        Markers(set)
    })
}

/// Whether `run`, encoded back with `kind`'s encoding, is mostly UTF-8 CJK.
fn is_mojibake(run: &str, kind: Kind) -> bool {
    let (bytes, _, unmappable) = kind.encoding().encode(run);
    if unmappable {
        return false;
    }
    let (covered, chain) = cjk_utf8_bytes(&bytes);
    chain >= MIN_CHAIN || (covered >= 6 && covered * 100 >= bytes.len() * MIN_SHARE_PERCENT)
}

/// Bytes of `b` inside 3-byte UTF-8 sequences with lead `E3`–`E9` (CJK
/// punctuation, kana, Han), and the longest chain of such sequences that
/// follow each other directly.
fn cjk_utf8_bytes(b: &[u8]) -> (usize, usize) {
    let cont = |x: u8| (0x80..=0xBF).contains(&x);
    let (mut covered, mut chain, mut longest) = (0, 0, 0);
    let mut i = 0;
    while i + 2 < b.len() {
        if (0xE3..=0xE9).contains(&b[i]) && cont(b[i + 1]) && cont(b[i + 2]) {
            covered += 3;
            chain += 1;
            longest = chain.max(longest);
            i += 3;
        } else {
            chain = 0;
            i += 1;
        }
    }
    (covered, longest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_gbk_mojibake(s: &str) -> String {
        GBK.decode_without_bom_handling(s.as_bytes()).0.into_owned()
    }

    #[test]
    fn utf8_read_as_gbk_is_flagged() {
        let bad = as_gbk_mojibake("发布时间：2022年2月10日，记者从人社部获悉");
        let w = check(&format!("正常的标题\n{bad}\n")).expect("flagged");
        assert!(w.contains("UTF-8 mis-decoded as GBK"), "{w}");
    }

    #[test]
    fn mojibake_inside_real_text_is_flagged() {
        let bad = as_gbk_mojibake("发布时间：二〇二二年");
        let text =
            format!("在十多年的社保经办服务工作中{bad}我深刻体会到，敢对群众负责，群众才会满意。");
        assert!(check(&text).is_some(), "{text}");
    }

    #[test]
    fn runs_apart_inside_one_stretch_of_han_are_each_flagged() {
        // One run of the GBK kind, no ASCII: the first marker stretch closes
        // in the real text, and the second opens after it.
        let bad = as_gbk_mojibake("发布时间：二〇二二年");
        let text = format!("在十多年的社保{bad}经办服务工作中我深刻体会到{bad}群众才会满意");
        // Each piece's markers fall in two stretches: four runs in all.
        let w = check(&text).expect("flagged");
        assert!(w.contains(": 4 run(s)"), "{w}");
        assert!(
            w.contains("\"社保鍙戝竷鏃堕棿锛\", \"氫簩銆囦簩浜屽勾经\""),
            "{w}"
        );
    }

    #[test]
    fn an_example_starts_two_characters_before_the_first_marker() {
        let bad = as_gbk_mojibake("发布时间：二〇二二年");
        assert!(bad.starts_with('鍙'), "{bad}");
        let w = check(&format!("在十多年的社保{bad}")).expect("flagged");
        assert!(w.contains("\"社保鍙"), "{w}");
        // Fewer than two characters before it: the run's start.
        let w = check(&format!("在{bad}")).expect("flagged");
        assert!(w.contains("\"在鍙"), "{w}");
    }

    #[test]
    fn utf8_read_as_latin1_is_flagged() {
        let bad = WINDOWS_1252
            .decode_without_bom_handling("新闻中心".as_bytes())
            .0
            .into_owned();
        let w = check(&bad).expect("flagged");
        assert!(w.contains("windows-1252"), "{w}");
    }

    #[test]
    fn marker_characters() {
        for c in ['浠', '鍙', '銆', '鏈'] {
            assert!(markers().contains(u32::from(c)), "{c}");
        }
        for c in ['中', '的', '，', 'a', '服'] {
            assert!(!markers().contains(u32::from(c)), "{c}");
        }
    }

    #[test]
    fn real_text_is_not_flagged() {
        for text in [
            "在十多年的社保经办服务工作中，我深刻体会到，敢对群众负责，群众才会满意。",
            "堅持“五種服務” 提升群眾滿意，黨的群眾路線教育實踐活動開展以來",
            "Café résumé naïve — “quoted” text…",
            "潍柴动力：巴拉德和锡里斯不纳入合并财务报表范围",
        ] {
            assert_eq!(check(text), None, "{text}");
        }
    }

    #[test]
    fn fixtures_are_not_flagged() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                assert_eq!(check(&text), None, "{}", path.display());
            }
        }
    }
}
