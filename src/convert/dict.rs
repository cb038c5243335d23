//! OpenCC text dictionaries and the prefix matcher built from them.
//!
//! This reproduces OpenCC 1.4.2's `PrefixMatch` over a dictionary group: the
//! leaf dictionaries are flattened in configuration order, and at a position
//! the winner is the match from the *earliest* dictionary that has any key
//! matching there, the longest such key within that dictionary. A shorter key
//! from an earlier dictionary beats a longer key from a later one.

use std::collections::HashMap;

use crate::swar;

/// One key starting with a given character, borrowed from the embedded text.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The key minus its first character.
    tail: &'static [u8],
    /// The replacement (the entry's first value).
    value: &'static str,
    /// The tail's first code point, or [`ANY`] for an empty tail: a cheap
    /// test that rejects most candidates before comparing bytes.
    next: u32,
}

/// [`Candidate::next`] of a one-character key.
const ANY: u32 = u32::MAX;

/// All keys starting with one character, in match-priority order: a range
/// of [`Stage::candidates`].
#[derive(Debug, Clone, Copy)]
struct Slot {
    start: u32,
    end: u32,
}

/// Per-character table entry: 0 when no key changes the character on its
/// own, a code point when the character is the only key starting with it and
/// maps to that one character, or `COMPLEX | slot index` otherwise (longer
/// keys, longer values, IDS operators).
const COMPLEX: u32 = 1 << 31;

/// [`Stage::map`] value sending a character to the general path. U+FFFF is
/// a noncharacter, so the general path sees it only if the text has it.
const SLOW: char = '\u{FFFF}';

/// One conversion stage: a compiled dictionary group and the greedy matcher.
pub(crate) struct Stage {
    /// Entry (see [`COMPLEX`]) for each BMP code point; most text is BMP.
    bmp: Vec<u32>,
    /// What each BMP character becomes when it is the only key starting
    /// with it or no key at all, else [`SLOW`]: the hot loop's only table.
    map: Box<[char; 0x10000]>,
    /// Entries for supplementary-plane characters.
    astral: HashMap<u32, u32>,
    /// Some ASCII character has an entry, so ASCII runs cannot be skipped.
    ascii_keys: bool,
    /// Characters at which [`Stage::apply`] gives up (their `map` is SLOW).
    halt: Option<Bitset>,
    slots: Vec<Slot>,
    candidates: Vec<Candidate>,
    /// What a text must contain for the stage to change it: see [`Triggers`].
    triggers: Triggers,
}

impl std::fmt::Debug for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stage")
            .field("slots", &self.slots.len())
            .field("keys", &self.candidates.len())
            .finish_non_exhaustive()
    }
}

/// What [`Stage::apply`] made of a text.
pub(crate) enum Applied {
    /// The output equals the input.
    Unchanged,
    /// The output.
    Changed(String),
    /// The text holds a character of the stage's halt set.
    Halted,
}

/// A set of code points.
#[derive(Clone)]
pub(crate) struct Bitset(Vec<u64>);

impl std::fmt::Debug for Bitset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let len: u32 = self.0.iter().map(|w| w.count_ones()).sum();
        write!(f, "Bitset({len} code points)")
    }
}

impl Bitset {
    pub(crate) fn new() -> Self {
        Bitset(vec![0; (char::MAX as usize + 1).div_ceil(64)])
    }

    pub(crate) fn insert(&mut self, c: char) {
        let c = c as usize;
        self.0[c >> 6] |= 1 << (c & 63);
    }

    #[inline]
    pub(crate) fn contains(&self, cp: u32) -> bool {
        let cp = cp as usize;
        self.0[cp >> 6] & (1 << (cp & 63)) != 0
    }

    /// Add every member of `other`.
    pub(crate) fn union_with(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// Remove every member of `other`.
    pub(crate) fn subtract(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }

    /// Heap bytes used.
    pub(crate) fn bytes(&self) -> usize {
        self.0.len() * 8
    }
}

/// Parse an OpenCC text dictionary: `key<TAB>value[ value…]` per line.
/// Yields `(key, first value, all values)`; comment and blank lines are skipped.
pub(crate) fn parse(
    text: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str, Vec<&'static str>)> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (key, values) = line.split_once('\t')?;
            let values: Vec<&str> = values.split(' ').filter(|v| !v.is_empty()).collect();
            let first = *values.first()?;
            Some((key, first, values))
        })
}

impl Stage {
    /// Compile a group of dictionaries given in OpenCC configuration order.
    /// With `halt`, [`Stage::apply`] can stop at any of those characters (see
    /// [`Applied::Halted`]).
    pub(crate) fn new(dicts: &[&'static str], halt: Option<&Bitset>) -> Stage {
        // key -> (dictionary order, first value); the earliest dictionary
        // keeps a key, and within one dictionary the first line does, as in
        // OpenCC's PrefixMatch table.
        let mut keys: HashMap<&'static str, (usize, &'static str)> = HashMap::new();
        for (order, dict) in dicts.iter().enumerate() {
            for (key, value, _) in parse(dict) {
                keys.entry(key).or_insert((order, value));
            }
        }
        let mut by_first: HashMap<char, Vec<(usize, &'static str, &'static str)>> = HashMap::new();
        for (&key, &(order, value)) in &keys {
            if let Some(first) = key.chars().next() {
                by_first.entry(first).or_default().push((order, key, value));
            }
        }
        let mut firsts: Vec<char> = by_first.keys().copied().collect();
        firsts.sort_unstable();

        let mut stage = Stage {
            bmp: vec![0; 0x10000],
            map: vec![SLOW; 0x10000]
                .into_boxed_slice()
                .try_into()
                .expect("0x10000 entries"),
            astral: HashMap::new(),
            ascii_keys: false,
            halt: None,
            slots: Vec::with_capacity(firsts.len()),
            candidates: Vec::new(),
            triggers: triggers(&keys),
        };
        for first in firsts {
            let mut entries = by_first.remove(&first).unwrap_or_default();
            // Earliest dictionary first, then longest key: the first candidate
            // whose tail matches is OpenCC's choice.
            entries.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
            let start = stage.candidates.len() as u32;
            for (_, key, value) in entries {
                let tail = &key[first.len_utf8()..];
                stage.candidates.push(Candidate {
                    tail: tail.as_bytes(),
                    value,
                    next: tail.chars().next().map_or(ANY, |c| c as u32),
                });
            }
            let cands = &stage.candidates[start as usize..];
            if let [only] = cands {
                if only.tail.is_empty() && only.value.chars().eq([first]) && ids_arity(first) == 0 {
                    // Matching it changes nothing, and it is not an IDS
                    // operator whose match would stop IDS pass-through.
                    stage.candidates.truncate(start as usize);
                    continue;
                }
            }
            let mut chars = cands[0].value.chars();
            let entry = match (cands, chars.next(), chars.next()) {
                ([only], Some(c), None) if only.tail.is_empty() && ids_arity(first) == 0 => {
                    stage.candidates.truncate(start as usize);
                    c as u32
                }
                _ => {
                    stage.slots.push(Slot {
                        start,
                        end: stage.candidates.len() as u32,
                    });
                    COMPLEX | (stage.slots.len() as u32 - 1)
                }
            };
            if (first as u32) < 0x10000 {
                stage.bmp[first as usize] = entry;
            } else {
                stage.astral.insert(first as u32, entry);
            }
            stage.ascii_keys |= first.is_ascii();
        }
        // IDS operators without keys still need the slow path, which passes
        // whole sequences through.
        stage.slots.push(Slot { start: 0, end: 0 });
        let no_keys = COMPLEX | (stage.slots.len() as u32 - 1);
        for op in 0x2FF0..=0x2FFF {
            if stage.bmp[op] == 0 {
                stage.bmp[op] = no_keys;
            }
        }
        for (cp, &entry) in stage.bmp.iter().enumerate() {
            let to = match entry {
                0 => cp as u32,
                e if e & COMPLEX == 0 => e,
                _ => continue,
            };
            stage.map[cp] = char::from_u32(to).unwrap_or(SLOW);
        }
        if let Some(halt) = halt {
            for (cp, c) in stage.map.iter_mut().enumerate() {
                if halt.contains(cp as u32) {
                    *c = SLOW;
                }
            }
        }
        stage.halt = halt.cloned();
        stage
    }

    /// Approximate heap bytes held by the compiled stage.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.bmp.len() * 4
            + self.map.len() * 4
            + self.halt.as_ref().map_or(0, Bitset::bytes)
            + self.astral.capacity() * 12
            + self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.candidates.capacity() * std::mem::size_of::<Candidate>()
            + self.triggers.strong.capacity() * 4
            + self.triggers.weak.capacity() * std::mem::size_of::<(char, usize, &str)>()
    }

    #[inline(always)]
    fn entry(&self, cp: u32) -> u32 {
        match self.bmp.get(cp as usize) {
            Some(&entry) => entry,
            None => self.astral.get(&cp).copied().unwrap_or(0),
        }
    }

    /// Run OpenCC's conversion loop (maximal match, IDS passed through) over
    /// `text`; with `halting`, give up at a character of the halt set.
    pub(crate) fn apply(&self, text: &str, halting: bool) -> Applied {
        let bytes = text.as_bytes();
        // Writing every character, changed or not, keeps the loop free of
        // hard-to-predict branches; traditional text changes every few chars.
        let mut out = String::with_capacity(text.len() + text.len() / 8 + 16);
        let mut i = 0;
        while let Some(&b0) = bytes.get(i) {
            if b0 < 0x80 && !self.ascii_keys {
                let end = swar::skip_ascii(bytes, i + 1);
                out.push_str(&text[i..end]);
                i = end;
                continue;
            }
            // Runs of three-byte characters (all of CJK) with a simple entry:
            // the hot loop, one table load and one push per character.
            let mut rest = &bytes[i..];
            while let [b0 @ 0xE0..=0xEF, b1, b2, tail @ ..] = rest {
                let cp = ((*b0 as usize & 0x0F) << 12)
                    | ((*b1 as usize & 0x3F) << 6)
                    | (*b2 as usize & 0x3F);
                let c = self.map[cp];
                if c == SLOW {
                    break;
                }
                out.push(c);
                rest = tail;
            }
            if rest.len() != bytes.len() - i {
                i = bytes.len() - rest.len();
                continue;
            }
            let (cp, width) = decode(b0, &bytes[i..]);
            if halting && self.halt.as_ref().is_some_and(|halt| halt.contains(cp)) {
                return Applied::Halted;
            }
            let entry = self.entry(cp);
            if entry & COMPLEX == 0 {
                let c = if entry == 0 { cp } else { entry };
                out.push(char::from_u32(c).expect("table holds code points"));
                i += width;
                continue;
            }
            let slot = self.slots[(entry & !COMPLEX) as usize];
            let rest = &bytes[i + width..];
            let next = rest.first().map_or(ANY - 1, |&b| decode(b, rest).0);
            let found = self.candidates[slot.start as usize..slot.end as usize]
                .iter()
                .find(|cand| {
                    (cand.next == ANY || cand.next == next) && rest.starts_with(cand.tail)
                });
            let len = match found {
                Some(cand) => {
                    out.push_str(cand.value);
                    i += width + cand.tail.len();
                    continue;
                }
                // OpenCC copies an unmatched ideographic description sequence
                // whole, so nothing inside it is converted.
                None => ids_len(&text[i..]).max(width),
            };
            out.push_str(&text[i..i + len]);
            i += len;
        }
        if out == text {
            Applied::Unchanged
        } else {
            Applied::Changed(out)
        }
    }

    /// The first character of `text[from..]` that is in `set`, as
    /// `(byte offset, code point, width)`. Runs near memory speed: ASCII is
    /// skipped a word at a time, other characters cost one bit test.
    pub(crate) fn find_in(set: &Bitset, text: &str, from: usize) -> Option<(usize, u32, usize)> {
        let all = text.as_bytes();
        let mut s = &all[from..];
        // The BMP words, as an array so that indexing needs no bounds check.
        let bmp: &[u64; 1024] = set.0[..1024].try_into().expect("BMP words");
        loop {
            // Three-byte sequences (all of CJK) index the bitset directly.
            while let [b0 @ 0xE0..=0xEF, b1, b2, rest @ ..] = s {
                let word = ((*b0 as usize & 0x0F) << 6) | (*b1 as usize & 0x3F);
                if bmp[word] & (1 << (b2 & 0x3F)) != 0 {
                    let (cp, _) = decode(*b0, s);
                    return Some((all.len() - s.len(), cp, 3));
                }
                s = rest;
            }
            match s {
                [] => return None,
                [b0, ..] if *b0 < 0x80 => s = &s[swar::skip_ascii(s, 1)..],
                [b0, ..] => {
                    let (cp, width) = decode(*b0, s);
                    if set.contains(cp) {
                        return Some((all.len() - s.len(), cp, width));
                    }
                    s = &s[width..];
                }
            }
        }
    }
}

/// What a text must contain for a stage to change it. A key can only match
/// where all its characters occur, so a text with no strong character and no
/// occurrence of a weak key sees only matches that leave it as it is.
#[derive(Debug)]
pub(crate) struct Triggers {
    /// Single-character keys with another value.
    pub(crate) strong: Vec<char>,
    /// Longer keys with another value that hold no strong character, each
    /// with one of its characters and that character's byte offset in it:
    /// `(char, offset, key)`. Checking for the key where the character
    /// occurs keeps common characters (`一坏` → `一坯`) off the strong list.
    pub(crate) weak: Vec<(char, usize, &'static str)>,
}

/// A quick test of whether some stages can change a text, from their
/// [`Triggers`].
pub(crate) struct Gate {
    /// Strong characters and the located characters of weak keys.
    any: Bitset,
    /// The strong characters, when there are weak keys (otherwise `any`).
    strong: Option<Bitset>,
    /// Weak keys by located character, with its byte offset in the key.
    weak: HashMap<u32, Vec<(usize, &'static str)>>,
}

impl std::fmt::Debug for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gate")
            .field("strong", &self.strong)
            .field("weak", &self.weak.len())
            .finish()
    }
}

impl Gate {
    pub(crate) fn new(stages: &[&Stage]) -> Gate {
        let mut strong = Bitset::new();
        let mut any = Bitset::new();
        let mut weak: HashMap<u32, Vec<(usize, &'static str)>> = HashMap::new();
        for stage in stages {
            for &c in &stage.triggers.strong {
                strong.insert(c);
            }
            for &(c, offset, key) in &stage.triggers.weak {
                weak.entry(c as u32).or_default().push((offset, key));
                any.insert(c);
            }
        }
        if weak.is_empty() {
            return Gate {
                any: strong,
                strong: None,
                weak,
            };
        }
        any.union_with(&strong);
        Gate {
            any,
            strong: Some(strong),
            weak,
        }
    }

    /// False only when the stages cannot change `text`.
    pub(crate) fn may_change(&self, text: &str) -> bool {
        let mut from = 0;
        while let Some((at, cp, width)) = Stage::find_in(&self.any, text, from) {
            if self
                .strong
                .as_ref()
                .is_none_or(|strong| strong.contains(cp))
            {
                return true;
            }
            for &(offset, key) in self.weak.get(&cp).into_iter().flatten() {
                if at >= offset && text.as_bytes()[at - offset..].starts_with(key.as_bytes()) {
                    return true;
                }
            }
            from = at + width;
        }
        false
    }

    /// Every character at which [`Gate::may_change`] looks closer.
    pub(crate) fn characters(&self) -> &Bitset {
        &self.any
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.any.bytes() + self.strong.as_ref().map_or(0, Bitset::bytes) + self.weak.capacity() * 48
    }
}

fn triggers(keys: &HashMap<&'static str, (usize, &'static str)>) -> Triggers {
    let changing = keys.iter().filter(|(key, (_, value))| key != &value);
    let strong_chars: Vec<char> = changing
        .clone()
        .filter_map(|(key, _)| {
            let mut chars = key.chars();
            chars.next().filter(|_| chars.next().is_none())
        })
        .collect();
    let mut strong = Bitset::new();
    for &c in &strong_chars {
        strong.insert(c);
    }
    let mut weak = Vec::new();
    for (&key, &(_, value)) in changing {
        if key.chars().any(|c| strong.contains(c as u32)) {
            continue;
        }
        // Prefer a character the value replaces: it is the rarer one.
        let mut at = key
            .char_indices()
            .zip(value.chars().map(Some).chain(std::iter::repeat(None)))
            .find(|((_, k), v)| Some(*k) != *v)
            .map(|(at, _)| at);
        if at.is_none() {
            at = key.char_indices().next();
        }
        if let Some((offset, c)) = at {
            weak.push((c, offset, key));
        }
    }
    weak.sort_unstable();
    Triggers {
        strong: strong_chars,
        weak,
    }
}

/// Decode the UTF-8 character that starts `b` with lead byte `b0` (valid
/// UTF-8 assumed, as it comes from a `str`).
#[inline(always)]
pub(crate) fn decode(b0: u8, b: &[u8]) -> (u32, usize) {
    let b0 = b0 as u32;
    let cont = |k: usize| b[k] as u32 & 0x3F;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// Operands taken by an ideographic description character (U+2FF0–U+2FFF),
/// 0 for any other character; the table of OpenCC 1.4.2's `UTF8Util`.
fn ids_arity(c: char) -> usize {
    match c as u32 {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFD => 2,
        _ => 0,
    }
}

/// Byte length of the complete ideographic description sequence at the start
/// of `s`, or 0 when `s` does not start with one (incomplete or too deep/long
/// sequences count as none, like OpenCC's limits of depth 16 and 64 chars).
pub(crate) fn ids_len(s: &str) -> usize {
    fn consume(s: &str, depth_left: usize, code_points: &mut usize) -> Option<usize> {
        if depth_left == 0 || *code_points >= 64 {
            return None;
        }
        let c = s.chars().next()?;
        *code_points += 1;
        let mut at = c.len_utf8();
        for _ in 0..ids_arity(c) {
            at += consume(&s[at..], depth_left - 1, code_points)?;
        }
        Some(at)
    }
    match s.chars().next() {
        Some(c) if ids_arity(c) > 0 => consume(s, 16, &mut 0).unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(dicts: &[&'static str], text: &str) -> String {
        match Stage::new(dicts, None).apply(text, false) {
            Applied::Changed(out) => out,
            _ => text.to_owned(),
        }
    }

    #[test]
    fn earlier_dictionary_wins_over_longer_key() {
        // OpenCC PrefixMatch: the first dictionary with any match at a
        // position decides, even when a later one has a longer key.
        let dicts = ["ab\tX\n", "abc\tY\na\tZ\nc\tW\n"];
        assert_eq!(run(&dicts, "abcd"), "XWd");
        // No key of the first dictionary here: the second's longest wins.
        assert_eq!(run(&dicts, "acb"), "ZWb");
    }

    #[test]
    fn longest_key_within_a_dictionary_and_first_value() {
        let dicts = ["a\tP Q\nab\tR S\nabc\tT\n"];
        assert_eq!(run(&dicts, "abcab a"), "TR P");
    }

    #[test]
    fn duplicate_keys_keep_the_earliest() {
        let dicts = ["# comment\n\nk\tfirst\nk\tsecond\n", "k\tthird\n"];
        assert_eq!(run(&dicts, "k"), "first");
    }

    #[test]
    fn ideographic_description_sequences_pass_through() {
        let dicts = ["鐘\t钟\n"];
        assert_eq!(run(&dicts, "⿰鐘鐘鐘"), "⿰鐘鐘钟");
        // Incomplete: only the operator is copied, the rest converts.
        assert_eq!(run(&dicts, "⿰鐘"), "⿰钟");
        assert_eq!(ids_len("⿱艹⿰钅只干"), "⿱艹⿰钅只".len());
        assert_eq!(ids_len("⿰"), 0);
        // Deeper than 16 levels counts as no sequence.
        assert_eq!(ids_len(&format!("{}a", "⿾".repeat(16))), 0);
        assert_eq!(ids_len(&format!("{}a", "⿾".repeat(15))), 15 * 3 + 1);
    }

    #[test]
    fn halting_at_listed_characters() {
        let mut halt = Bitset::new();
        halt.insert('豈');
        let stage = Stage::new(&["後\t后\n"], Some(&halt));
        assert!(matches!(stage.apply("後豈", true), Applied::Halted));
        assert!(matches!(stage.apply("後豈", false), Applied::Changed(s) if s == "后豈"));
        assert!(matches!(stage.apply("豈", false), Applied::Unchanged));
    }

    #[test]
    fn weak_trigger_for_phrases_of_unchanging_characters() {
        let stage = Stage::new(&["一坏\t一坯\n後\t后\n"], None);
        let gate = Gate::new(&[&stage]);
        assert!(gate.may_change("說一坏"));
        assert!(gate.may_change("後"));
        assert!(!gate.may_change("破坏了一个"));
    }
}
