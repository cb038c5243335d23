//! Bytes to text: choose the character encoding, decode, and refuse what is
//! not text.
//!
//! The encoding is chosen in this order, and the first that applies wins:
//!
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. a charset the document declares in its first bytes (see [`declared`]),
//!    unless the bytes contradict it: a declared UTF-8 that is not valid
//!    UTF-8, or a declared legacy encoding whose bytes are valid UTF-8 with
//!    non-ASCII text, is overridden with a warning;
//! 3. bytes that are valid UTF-8 are UTF-8;
//! 4. UTF-16 without a byte order mark, when NUL bytes sit at one parity of
//!    offsets only;
//! 5. statistical detection with `chardetng` (GBK, GB18030, Big5, …).
//!
//! Malformed sequences become U+FFFD and are counted in a warning; U+FFFD
//! already present in the input gets a warning of its own. The decoded text is
//! checked for mojibake (see [`mojibake`]). Empty, blank and binary inputs are
//! refused with [`Error::Empty`] and [`Error::NotText`]; inputs over the limit
//! with [`Error::TooLarge`] before anything else is done.

mod declared;
mod mojibake;

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::{swar, EncodingSource, Error};

/// How many leading bytes (or decoded characters) the binary check looks at.
const SNIFF_LEN: usize = 8192;
/// A share of control characters at or above this, in percent, means binary,
/// unless the text is mostly Chinese: some scraped pages carry control
/// characters injected between the words of a real article.
const MAX_CONTROL_PERCENT: usize = 10;
/// A share of Han characters at or above this, in percent, marks text as
/// Chinese whatever its control characters, up to [`MAX_GARBAGE_PERCENT`].
const MIN_HAN_PERCENT: usize = 30;
/// A share of control plus U+FFFD characters at or above this means binary.
const MAX_GARBAGE_PERCENT: usize = 30;

/// Decoded input text and how it was decoded.
pub(crate) struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: &'static Encoding,
    /// How that encoding was chosen.
    pub source: EncodingSource,
    /// Why, in words, for [`crate::Trace::encoding_reason`].
    pub reason: String,
    /// Overridden declarations, replaced sequences, mojibake.
    pub warnings: Vec<String>,
}

/// `\r\n` and a lone `\r` as `\n`: every later stage splits on `\n` alone.
pub(crate) fn unify_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Decode `bytes`, refusing inputs over `max_bytes`, empty inputs and binary
/// inputs. Never panics.
pub(crate) fn decode(bytes: &[u8], max_bytes: usize) -> Result<Decoded, Error> {
    if bytes.len() > max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty(bytes.len()));
    }
    let choice = choose(bytes)?;
    let body = &bytes[choice.skip..];
    let (mut text, malformed) = match choice.decoded {
        Some(decoded) => decoded,
        None => decode_counting(choice.encoding, body),
    };
    // A byte order mark encoding_rs does not strip (GB18030's `84 31 95 33`,
    // or a UTF-8 one after a declaration was believed).
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    let mut warnings = choice.warnings;
    if malformed > 0 {
        warnings.push(format!(
            "{malformed} malformed byte sequences replaced with U+FFFD (decoding as {})",
            choice.encoding.name()
        ));
    }
    if text.chars().all(is_blank) {
        return Err(Error::Empty(bytes.len()));
    }
    check_decoded(&text, bytes, &mut warnings)?;
    let inherited = memchr::memmem::find_iter(text.as_bytes(), "\u{FFFD}".as_bytes())
        .count()
        .saturating_sub(malformed);
    if inherited > 0 {
        warnings.push(format!(
            "{inherited} U+FFFD replacement characters were already in the input: text lost by an earlier wrong decoding (GBK read as UTF-8?)"
        ));
    }
    if let Some(w) = mojibake::check(&text) {
        warnings.push(w);
    }
    Ok(Decoded {
        text,
        encoding: choice.encoding,
        source: choice.source,
        reason: choice.reason,
        warnings,
    })
}

/// The chosen encoding, before decoding.
struct Choice {
    encoding: &'static Encoding,
    source: EncodingSource,
    reason: String,
    /// Length of the byte order mark to skip.
    skip: usize,
    warnings: Vec<String>,
    /// The text and its malformed sequences, when choosing already decoded
    /// it (to count them).
    decoded: Option<(String, usize)>,
}

impl Choice {
    fn new(encoding: &'static Encoding, source: EncodingSource, reason: String) -> Self {
        Choice {
            encoding,
            source,
            reason,
            skip: 0,
            warnings: Vec::new(),
            decoded: None,
        }
    }
}

fn choose(bytes: &[u8]) -> Result<Choice, Error> {
    if let Some((encoding, len)) = Encoding::for_bom(bytes) {
        let mut c = Choice::new(
            encoding,
            EncodingSource::Bom,
            format!("{} byte order mark", encoding.name()),
        );
        c.skip = len;
        return Ok(c);
    }
    if let Some(utf16) = utf16_without_bom(bytes) {
        return Ok(utf16);
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(not_text(
            &format!("NUL byte at offset {nul}"),
            control_percent_bytes(bytes),
            bytes,
        ));
    }
    if let Some(sig) = signature(bytes) {
        return Err(Error::NotText(format!(
            "starts with a {sig} signature; looks binary"
        )));
    }
    // encoding_rs validates with SIMD, and says where invalid input goes wrong.
    let valid_up_to = Encoding::utf8_valid_up_to(bytes);
    let is_utf8 = valid_up_to == bytes.len();
    let mostly_utf8 = is_utf8 || mostly_utf8(bytes);
    let non_ascii = !bytes.is_ascii();
    let mut warnings = Vec::new();
    if let Some(decl) = declared::find(bytes) {
        let said = decl.describe();
        match declared_encoding(&decl.label) {
            None => warnings.push(format!(
                "declared charset \"{}\" ({}) is not a usable encoding label; ignored",
                decl.label, decl.how
            )),
            Some(enc) if enc == UTF_8 => {
                // Valid UTF-8, or a few bad bytes in a UTF-8 document: keep
                // the declaration.
                if mostly_utf8 {
                    return Ok(Choice::new(UTF_8, EncodingSource::Declared, said.clone()));
                }
                let detected = detect(bytes);
                let at = valid_up_to;
                warnings.push(format!(
                    "declared charset {} ({}) contradicted: not valid UTF-8 (first error at byte {at}); decoded as {} (detected)",
                    decl.label, decl.how, detected.name()
                ));
                let mut c = Choice::new(
                    detected,
                    EncodingSource::Detected,
                    format!(
                        "detected {} by chardetng; {said} overridden",
                        detected.name()
                    ),
                );
                c.warnings = warnings;
                return Ok(c);
            }
            Some(enc) => {
                if mostly_utf8 && non_ascii {
                    warnings.push(format!(
                        "declared charset {} ({}) contradicted: the bytes are valid UTF-8 with non-ASCII text; decoded as UTF-8",
                        decl.label, decl.how
                    ));
                    let mut c = Choice::new(
                        UTF_8,
                        EncodingSource::Utf8,
                        format!("valid UTF-8; {said} overridden"),
                    );
                    c.warnings = warnings;
                    return Ok(c);
                }
                // Decoded once: the text is kept for a declaration believed.
                let decoded = decode_counting(enc, bytes);
                let bad = decoded.1;
                if bad > 0 {
                    let detected = detect(bytes);
                    let bad_detected = count_malformed(detected, bytes);
                    if detected != enc && bad_detected < bad {
                        warnings.push(format!(
                            "declared charset {} ({}) contradicted: {bad} malformed sequences as {}, {bad_detected} as {}; decoded as {} (detected)",
                            decl.label, decl.how, enc.name(), detected.name(), detected.name()
                        ));
                        let mut c = Choice::new(
                            detected,
                            EncodingSource::Detected,
                            format!(
                                "detected {} by chardetng; {said} overridden",
                                detected.name()
                            ),
                        );
                        c.warnings = warnings;
                        return Ok(c);
                    }
                }
                let mut c = Choice::new(enc, EncodingSource::Declared, said);
                c.decoded = Some(decoded);
                return Ok(c);
            }
        }
    }
    let mut c = if is_utf8 {
        let reason = if non_ascii {
            "valid UTF-8"
        } else {
            "ASCII only (valid UTF-8)"
        };
        Choice::new(UTF_8, EncodingSource::Utf8, reason.to_string())
    } else if mostly_utf8 {
        Choice::new(
            UTF_8,
            EncodingSource::Utf8,
            "UTF-8 apart from a few malformed sequences".to_string(),
        )
    } else {
        let enc = detect(bytes);
        Choice::new(
            enc,
            EncodingSource::Detected,
            format!("not valid UTF-8; detected {} by chardetng", enc.name()),
        )
    };
    c.warnings = warnings;
    Ok(c)
}

/// The encoding a declared label names, as the HTML standard resolves it:
/// UTF-16 labels in an ASCII-compatible document mean UTF-8, and
/// `x-user-defined` means windows-1252. The `replacement` encoding (labels
/// such as `iso-2022-kr`) is not usable.
fn declared_encoding(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.as_bytes())?;
    if enc == UTF_16LE || enc == UTF_16BE {
        Some(UTF_8)
    } else if enc == encoding_rs::X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if enc == encoding_rs::REPLACEMENT {
        None
    } else {
        Some(enc)
    }
}

/// Whether `bytes`, though not valid UTF-8, are UTF-8 with a few damaged
/// sequences (a truncated last character, a stray byte): there are at least
/// 50 times as many valid three- and four-byte sequences (Han characters) as
/// invalid ones. Legacy CJK encodings fail this: their bytes form invalid
/// UTF-8 every few characters. chardetng rules UTF-8 out at the first error,
/// so this check comes before it.
fn mostly_utf8(bytes: &[u8]) -> bool {
    // A wide character takes three bytes at least: past this many invalid
    // sequences the answer is no, whatever follows (a legacy encoding gets
    // there within its first lines).
    let most_wide = bytes.len() / 3;
    let (mut wide, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| c.len_utf8() >= 3).count();
        invalid += usize::from(!chunk.invalid().is_empty());
        if invalid.saturating_mul(50) > most_wide {
            return false;
        }
    }
    wide > 0 && wide >= invalid.saturating_mul(50)
}

/// chardetng's guess, allowing UTF-8 and with no top-level domain hint.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// UTF-16 without a byte order mark: in the first [`SNIFF_LEN`] bytes, code
/// units whose high byte is zero make up at least a tenth (and at least four)
/// of the code units, the other byte of each pair is zero at least four times
/// less often, and at least nine in ten of those code units are printable
/// ASCII, tab, CR or LF. (ASCII in UTF-16LE is `xx 00`; Han characters rarely
/// have a zero byte; binary data with zero bytes rarely has printable ASCII
/// next to each.)
fn utf16_without_bom(bytes: &[u8]) -> Option<Choice> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let pairs = head.len() / 2;
    // No zero byte, no zero high byte: the common case, in one search.
    if pairs < 2 || memchr::memchr(0, head).is_none() || signature(bytes).is_some() {
        return None;
    }
    let text_byte = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7E);
    // (zero high bytes, of which printable) for little- and big-endian.
    let (mut le, mut le_text, mut be, mut be_text) = (0usize, 0usize, 0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if pair[1] == 0 {
            le += 1;
            le_text += usize::from(text_byte(pair[0]));
        }
        if pair[0] == 0 {
            be += 1;
            be_text += usize::from(text_byte(pair[1]));
        }
    }
    let (encoding, hi, text, lo) = if le > be {
        (UTF_16LE, le, le_text, be)
    } else {
        (UTF_16BE, be, be_text, le)
    };
    if hi < 4 || hi * 10 < pairs || lo * 4 > hi || text * 10 < hi * 9 {
        return None;
    }
    Some(Choice::new(
        encoding,
        EncodingSource::Detected,
        format!(
            "no byte order mark; NUL bytes at {} offsets look like {}",
            if encoding == UTF_16LE { "odd" } else { "even" },
            encoding.name()
        ),
    ))
}

/// Decode `bytes` (no byte order mark handling), replacing each malformed
/// sequence with U+FFFD, and count the replacements.
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let guess = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(guess.min(bytes.len().saturating_mul(3)).max(16));
    let mut src = bytes;
    let mut malformed = 0usize;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len());
                out.reserve(more.max(16));
            }
            DecoderResult::Malformed(_, _) => {
                malformed += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    (out, malformed)
}

/// How many malformed sequences decoding `bytes` as `encoding` meets, without
/// keeping the text.
fn count_malformed(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut scratch = [0u8; 8192];
    let mut src = bytes;
    let mut malformed = 0usize;
    loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(src, &mut scratch, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => return malformed,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => malformed += 1,
        }
    }
}

/// Whitespace, or an invisible format character (BOM, zero-width space).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}')
}

/// How many control characters other than tab, line feed, carriage return
/// and form feed the UTF-8 `bytes` hold: C0 controls and DEL are single
/// bytes, C1 controls (U+0080–U+009F) are `C2 80`–`C2 9F`. Words of eight
/// bytes with none of these lead bytes are skipped whole.
fn bad_controls(bytes: &[u8]) -> usize {
    let is_bad = |i: usize| match bytes[i] {
        b'\t' | b'\n' | b'\r' | 0x0C => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        _ => false,
    };
    let (mut count, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(w) = swar::word(bytes, i) {
            let mask = swar::below(w, 0x20) | swar::eq(w, 0x7F) | swar::eq(w, 0xC2);
            if mask == 0 {
                i += 8;
                continue;
            }
            i += swar::first(mask);
        }
        count += usize::from(is_bad(i));
        i += 1;
    }
    count
}

/// Refuse decoded text that looks binary: too many control characters (or
/// control characters and U+FFFD) in the first [`SNIFF_LEN`] characters.
fn check_decoded(text: &str, bytes: &[u8], warnings: &mut Vec<String>) -> Result<(), Error> {
    // Counted on the bytes of the first SNIFF_LEN characters, in passes
    // the compiler vectorizes: this reads every byte of most documents.
    // A text of SNIFF_LEN bytes or fewer has no more characters than that.
    let sniffed = if text.len() > SNIFF_LEN {
        text.char_indices()
            .nth(SNIFF_LEN)
            .map_or(text, |(end, _)| &text[..end])
    } else {
        text
    };
    let total = sniffed.chars().count().max(1);
    let control = bad_controls(sniffed.as_bytes());
    let replaced = memchr::memmem::find_iter(sniffed.as_bytes(), "\u{FFFD}".as_bytes()).count();
    let control_pct = control * 100 / total;
    let garbage_pct = (control + replaced) * 100 / total;
    // Only text with many control characters needs the Han count.
    let chinese = || {
        let han = text
            .chars()
            .take(SNIFF_LEN)
            .filter(|&c| crate::normalize::is_han(c))
            .count();
        han * 100 / total >= MIN_HAN_PERCENT
    };
    if control_pct >= MAX_CONTROL_PERCENT && !chinese() {
        return Err(Error::NotText(format!(
            "{control_pct}% control characters in the first {total} characters after decoding (limit {MAX_CONTROL_PERCENT}%); looks binary{}",
            signature(bytes).map(|s| format!(" ({s} signature)")).unwrap_or_default()
        )));
    }
    if garbage_pct >= MAX_GARBAGE_PERCENT {
        return Err(Error::NotText(format!(
            "{garbage_pct}% control or undecodable characters in the first {total} characters after decoding (limit {MAX_GARBAGE_PERCENT}%); looks binary"
        )));
    }
    if control > 0 {
        warnings.push(format!(
            "{control} control characters in the first {total} characters; they are dropped from the text"
        ));
    }
    Ok(())
}

/// Share, in percent, of control bytes (other than tab, LF, CR, FF) in the
/// first [`SNIFF_LEN`] bytes.
fn control_percent_bytes(bytes: &[u8]) -> usize {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let control = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    control * 100 / head.len().max(1)
}

fn not_text(found: &str, control_pct: usize, bytes: &[u8]) -> Error {
    let head = bytes.len().min(SNIFF_LEN);
    Error::NotText(format!(
        "{found} (allowed only in UTF-16) and {control_pct}% control bytes in the first {head} bytes; looks binary{}",
        signature(bytes)
            .map(|s| format!(" ({s} signature)"))
            .unwrap_or_default()
    ))
}

/// The file type whose magic number `bytes` start with, if any. Only magic
/// numbers that no text document starts with are listed.
fn signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"%PDF-", "PDF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x1F\x8B", "gzip"),
        (b"\x7FELF", "ELF"),
        (b"\xFD7zXZ\x00", "xz"),
        (b"\x28\xB5\x2F\xFD", "zstd"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE (old Office)"),
        (b"SQLite format 3\x00", "SQLite"),
        (b"\x00asm", "WebAssembly"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "WebP",
            b"WAVE" => "WAV",
            b"AVI " => "AVI",
            _ => "RIFF",
        });
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GB18030, GBK};

    const LIMIT: usize = 1 << 20;
    const ZH: &str = "堅持五種服務，提升群眾滿意。黨的群眾路線教育實踐活動開展以來，湖南省常德市人社局以群眾滿意為標準。";
    const ZHS: &str = "在十多年的社保经办服务工作中，我深刻体会到，敢对群众负责，群众才会满意。对群众负责，就是要敢于作出不留余地的承诺。";

    fn ok(bytes: &[u8]) -> Decoded {
        match decode(bytes, LIMIT) {
            Ok(d) => d,
            Err(e) => panic!("unexpected error: {e}"),
        }
    }

    #[test]
    fn too_large() {
        assert_eq!(
            decode(b"abcd", 3).err(),
            Some(Error::TooLarge { size: 4, limit: 3 })
        );
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(decode(b"", LIMIT).err(), Some(Error::Empty(0)));
        assert_eq!(decode(b" \n\t\r\n", LIMIT).err(), Some(Error::Empty(5)));
        // Full-width spaces and a BOM are blank too.
        let blank = "\u{FEFF}\u{3000}\u{3000}\n".as_bytes();
        assert_eq!(decode(blank, LIMIT).err(), Some(Error::Empty(blank.len())));
        // UTF-16 BOM followed by spaces.
        assert_eq!(decode(b"\xFF\xFE \x00", LIMIT).err(), Some(Error::Empty(4)));
    }

    #[test]
    fn bom_utf8() {
        let d = ok(&[b"\xEF\xBB\xBF".as_slice(), ZHS.as_bytes()].concat());
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Bom));
        assert_eq!(d.text, ZHS);
        assert_eq!(d.reason, "UTF-8 byte order mark");
    }

    #[test]
    fn bom_utf16() {
        // encoding_rs encodes UTF-16 as UTF-8 (per the standard); build it by hand.
        for (bom, enc) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
            let mut bytes = bom.to_vec();
            for u in ZH.encode_utf16() {
                let b = if enc == UTF_16LE {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                };
                bytes.extend_from_slice(&b);
            }
            let d = ok(&bytes);
            assert_eq!((d.encoding, d.source), (enc, EncodingSource::Bom));
            assert_eq!(d.text, ZH);
        }
    }

    #[test]
    fn inherited_replacement_characters_are_warned() {
        let d = ok(format!("{ZHS}\u{FFFD}\u{FFFD}{ZHS}").as_bytes());
        assert!(
            d.warnings
                .iter()
                .any(|w| w.starts_with("2 U+FFFD replacement characters were already")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn gb18030_bom_is_dropped() {
        let mut bytes = b"\x84\x31\x95\x33".to_vec();
        bytes.extend_from_slice(&GB18030.encode(&format!("{ZHS}{ZHS}")).0);
        let d = ok(&bytes);
        assert!(d.text.starts_with("在十多年"), "{:?}", &d.text[..12]);
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "Title line\n\n2022-02-10 13:30\n\n中文正文 with ASCII words mixed in.\n";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = ok(&bytes);
        assert_eq!((d.encoding, d.source), (UTF_16LE, EncodingSource::Detected));
        assert_eq!(d.text, text);
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(ok(&bytes).encoding, UTF_16BE);
        // Little-endian 16-bit numbers are not text.
        let numbers: Vec<u8> = (0..400u16).flat_map(|n| (n % 200).to_le_bytes()).collect();
        assert!(matches!(decode(&numbers, LIMIT), Err(Error::NotText(_))));
    }

    #[test]
    fn declared_charset_is_used() {
        let html = format!("<html><head><meta charset=\"gbk\"></head><body>{ZHS}</body>");
        let (bytes, _, _) = GBK.encode(&html);
        let d = ok(&bytes);
        assert_eq!((d.encoding, d.source), (GBK, EncodingSource::Declared));
        assert_eq!(d.text, html);
        assert_eq!(d.reason, "<meta charset=gbk>");
        let html =
            format!("<meta http-equiv=content-type content=\"text/html; charset=gb2312\">{ZHS}");
        let reason = ok(&GBK.encode(&html).0).reason;
        assert_eq!(reason, "<meta http-equiv content=\"…charset=gb2312\">");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn declared_gb2312_resolves_to_gbk() {
        let html = format!(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">{ZHS}"
        );
        let (bytes, _, _) = GBK.encode(&html);
        let d = ok(&bytes);
        assert_eq!((d.encoding, d.source), (GBK, EncodingSource::Declared));
    }

    #[test]
    fn declared_on_ascii_text_is_kept() {
        let d = ok(b"<?xml version=\"1.0\" encoding=\"big5\"?><p>hello</p>");
        assert_eq!((d.encoding, d.source), (BIG5, EncodingSource::Declared));
    }

    #[test]
    fn declared_utf8_contradicted_by_gbk_bytes() {
        let html = format!("<meta charset=utf-8><p>{ZHS}</p><p>{ZHS}</p>");
        let (bytes, _, _) = GBK.encode(&html);
        let d = ok(&bytes);
        assert_eq!(d.source, EncodingSource::Detected);
        assert!(
            d.encoding == GBK || d.encoding == GB18030,
            "{}",
            d.encoding.name()
        );
        assert_eq!(d.text, html);
        assert!(
            d.warnings
                .iter()
                .any(|w| w.contains("declared charset utf-8") && w.contains("contradicted")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn declared_gbk_contradicted_by_utf8_bytes() {
        let html = format!("<meta charset=gbk><p>{ZHS}</p>");
        let d = ok(html.as_bytes());
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Utf8));
        assert_eq!(d.text, html);
        assert!(d.warnings.iter().any(|w| w.contains("contradicted")));
    }

    #[test]
    fn declared_legacy_contradicted_by_malformed_bytes() {
        // GBK bytes declaring Shift_JIS: many sequences are malformed in
        // Shift_JIS, none in GBK.
        let html = format!("<meta charset=shift_jis><p>{ZHS}</p><p>{ZHS}</p>");
        let (bytes, _, _) = GBK.encode(&html);
        let d = ok(&bytes);
        assert_eq!(d.source, EncodingSource::Detected);
        assert!(
            d.encoding == GBK || d.encoding == GB18030,
            "{}",
            d.encoding.name()
        );
        assert!(
            d.warnings
                .iter()
                .any(|w| w.contains("malformed sequences as Shift_JIS")),
            "{:?}",
            d.warnings
        );
        assert!(
            d.reason.ends_with("<meta charset=shift_jis> overridden"),
            "{}",
            d.reason
        );
    }

    #[test]
    fn declared_gbk_with_damaged_utf8_is_utf8() {
        let mut bytes = format!("<meta charset=gbk><p>{ZHS}{ZHS}</p>").into_bytes();
        bytes.push(0xE4);
        let d = ok(&bytes);
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Utf8));
    }

    #[test]
    fn decode_counting_matches_encoding_rs() {
        // Pseudo-random bytes (xorshift), decoded by every encoding used here.
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let bytes: Vec<u8> = (0..20_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        for enc in [UTF_8, GBK, GB18030, BIG5, UTF_16LE, UTF_16BE, WINDOWS_1252] {
            let (text, n) = decode_counting(enc, &bytes);
            let (want, _) = enc.decode_without_bom_handling(&bytes);
            assert_eq!(text, want, "{}", enc.name());
            assert_eq!(n, count_malformed(enc, &bytes), "{}", enc.name());
        }
    }

    #[test]
    fn bad_controls_are_the_control_characters_kept_out() {
        let text: String = ('\0'..='\u{2FF}')
            .chain("新闻\u{FFFD}·×".chars())
            .cycle()
            .take(3000)
            .collect();
        let by_char = |t: &str| {
            t.chars()
                .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
                .count()
        };
        assert_eq!(bad_controls(text.as_bytes()), by_char(&text));
        // Four times over: C0 less the four allowed, DEL, C1.
        assert_eq!(by_char(&text), 4 * (32 - 4 + 1 + 32));
        for (i, _) in text.char_indices().step_by(7) {
            assert_eq!(bad_controls(&text.as_bytes()[i..]), by_char(&text[i..]));
        }
    }

    #[test]
    fn count_malformed_matches_decode() {
        let mut bytes = GBK.encode(ZHS).0.into_owned();
        bytes.extend_from_slice(b"\x81");
        assert_eq!(count_malformed(GBK, &bytes), 1);
        assert_eq!(count_malformed(GBK, &bytes), decode_counting(GBK, &bytes).1);
    }

    #[test]
    fn unknown_declared_label_is_ignored_with_warning() {
        let d = ok(format!("<meta charset=klingon>{ZHS}").as_bytes());
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Utf8));
        assert!(d.warnings.iter().any(|w| w.contains("klingon")));
        let d = ok(format!("<meta charset=iso-2022-kr>{ZHS}").as_bytes());
        assert_eq!(d.encoding, UTF_8);
    }

    #[test]
    fn utf8_without_declaration() {
        let d = ok(ZHS.as_bytes());
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Utf8));
        assert_eq!(d.reason, "valid UTF-8");
        assert_eq!(ok(b"plain ascii").reason, "ASCII only (valid UTF-8)");
    }

    #[test]
    fn detected_gbk_and_big5() {
        let text = format!("{ZHS}\n\n{ZHS}\n");
        let (bytes, _, _) = GB18030.encode(&text);
        let d = ok(&bytes);
        assert_eq!(d.source, EncodingSource::Detected);
        assert!(
            d.encoding == GBK || d.encoding == GB18030,
            "{}",
            d.encoding.name()
        );
        assert_eq!(d.text, text);

        let text = format!("{ZH}\n\n{ZH}\n");
        let (bytes, _, _) = BIG5.encode(&text);
        let d = ok(&bytes);
        assert_eq!((d.encoding, d.source), (BIG5, EncodingSource::Detected));
        assert_eq!(d.text, text);
    }

    #[test]
    fn malformed_sequences_are_counted() {
        let mut bytes = ZHS.as_bytes().to_vec();
        bytes.extend_from_slice(&"中".as_bytes()[..2]);
        let d = ok(&bytes);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(
            d.warnings
                .iter()
                .any(|w| w.starts_with("1 malformed byte sequences replaced with U+FFFD")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn mostly_utf8_with_a_damaged_sequence() {
        let mut bytes = ZHS.as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(ZHS.as_bytes());
        let d = ok(&bytes);
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Utf8));
        // But a declared UTF-8 keeps its source.
        let d = ok(&[b"<meta charset=utf-8>".as_slice(), &bytes].concat());
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Declared));
        // GBK is not mostly UTF-8.
        assert!(!mostly_utf8(&GBK.encode(ZHS).0));
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = decode(b"abc\x00def", LIMIT).err().unwrap();
        match err {
            Error::NotText(m) => assert!(m.contains("NUL byte at offset 3"), "{m}"),
            e => panic!("{e}"),
        }
    }

    #[test]
    fn png_is_binary() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
        match decode(png, LIMIT).err().unwrap() {
            Error::NotText(m) => assert!(m.contains("PNG signature"), "{m}"),
            e => panic!("{e}"),
        }
        match decode(b"%PDF-1.4 text only", LIMIT).err().unwrap() {
            Error::NotText(m) => assert!(m.contains("PDF"), "{m}"),
            e => panic!("{e}"),
        }
    }

    #[test]
    fn control_characters_are_binary() {
        let bytes: Vec<u8> = (0..200u8)
            .map(|i| if i % 5 == 0 { 0x01 } else { b'a' })
            .collect();
        match decode(&bytes, LIMIT).err().unwrap() {
            Error::NotText(m) => assert!(m.contains("20% control characters"), "{m}"),
            e => panic!("{e}"),
        }
        // A few are fine, and so are more in mostly Chinese text (pages with
        // control characters injected between the words).
        let bell = decode(b"text with one \x07 bell in it, and more text", LIMIT).unwrap();
        assert!(
            bell.warnings[0].contains("1 control characters"),
            "{:?}",
            bell.warnings
        );
        let injected = "它使用通用而非专有标准的高速接口\x07\x08\x07，不仅容易连接\x08。";
        assert!(decode(injected.as_bytes(), LIMIT).is_ok());
    }

    #[test]
    fn mojibake_is_warned() {
        let bad = GBK
            .decode_without_bom_handling("发布时间：记者从人社部获悉".as_bytes())
            .0
            .into_owned();
        let d = ok(format!("{ZHS}\n{bad}\n").as_bytes());
        assert!(
            d.warnings.iter().any(|w| w.contains("mojibake")),
            "{:?}",
            d.warnings
        );
        assert!(ok(ZHS.as_bytes()).warnings.is_empty());
    }

    #[test]
    fn signature_list() {
        assert_eq!(signature(b"GIF89a..."), Some("GIF"));
        assert_eq!(signature(b"RIFF\0\0\0\0WEBPVP8 "), Some("WebP"));
        assert_eq!(signature(b"RIFF\0\0\0\0WAVEfmt "), Some("WAV"));
        assert_eq!(signature(b"<html>"), None);
    }
}
