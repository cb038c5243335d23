//! OpenCC text dictionaries and the prefix matcher built from them.
//!
//! This reproduces OpenCC 1.4.2's `PrefixMatch` over a dictionary group: the
//! leaf dictionaries are flattened in configuration order, and at a position
//! the winner is the match from the *earliest* dictionary that has any key
//! matching there, the longest such key within that dictionary. A shorter key
//! from an earlier dictionary beats a longer key from a later one.

use std::collections::HashMap;

/// Where one key's replacement lives in [`Stage::arena`].
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The key minus its first character: `(offset, length)` in the arena.
    tail: (u32, u32),
    /// The replacement (the entry's first value).
    value: (u32, u32),
    /// The replacement equals the key, so a match leaves the text as it is.
    identity: bool,
}

/// All keys starting with one character, in match-priority order.
#[derive(Debug, Clone, Copy)]
struct Slot {
    start: u32,
    end: u32,
}

/// Slot numbers are stored as `u16` in the BMP table; 0 means "no key".
const NO_SLOT: u16 = 0;

/// One conversion stage: a compiled dictionary group and the greedy matcher.
pub(crate) struct Stage {
    /// Slot number (1-based) for each BMP code point; most chars are BMP.
    bmp: Vec<u16>,
    /// Slot numbers for supplementary-plane first characters.
    astral: HashMap<char, u16>,
    slots: Vec<Slot>,
    candidates: Vec<Candidate>,
    arena: String,
    /// Bit per code point: some key starting with it has a non-identity value.
    triggers: Bitset,
}

impl std::fmt::Debug for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stage")
            .field("slots", &self.slots.len())
            .field("keys", &self.candidates.len())
            .finish_non_exhaustive()
    }
}

/// A set of code points.
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
pub(crate) fn parse(text: &str) -> impl Iterator<Item = (&str, &str, Vec<&str>)> {
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
    pub(crate) fn new(dicts: &[&str]) -> Stage {
        // key -> (dictionary order, first value); the earliest dictionary
        // keeps a key, and within one dictionary the first line does, as in
        // OpenCC's PrefixMatch table.
        let mut keys: HashMap<&str, (usize, &str)> = HashMap::new();
        for (order, dict) in dicts.iter().enumerate() {
            for (key, value, _) in parse(dict) {
                keys.entry(key).or_insert((order, value));
            }
        }
        let mut by_first: HashMap<char, Vec<(usize, &str, &str)>> = HashMap::new();
        for (key, (order, value)) in keys {
            if let Some(first) = key.chars().next() {
                by_first.entry(first).or_default().push((order, key, value));
            }
        }
        let mut firsts: Vec<char> = by_first.keys().copied().collect();
        firsts.sort_unstable();

        let mut stage = Stage {
            bmp: vec![NO_SLOT; 0x10000],
            astral: HashMap::new(),
            slots: Vec::with_capacity(firsts.len()),
            candidates: Vec::new(),
            arena: String::new(),
            triggers: Bitset::new(),
        };
        for first in firsts {
            let mut entries = by_first.remove(&first).unwrap_or_default();
            // Earliest dictionary first, then longest key: the first candidate
            // whose tail matches is OpenCC's choice.
            entries.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
            let start = stage.candidates.len() as u32;
            for (_, key, value) in entries {
                let tail = stage.push(&key[first.len_utf8()..]);
                let value_at = stage.push(value);
                let identity = key == value;
                if !identity {
                    stage.triggers.insert(first);
                }
                stage.candidates.push(Candidate {
                    tail,
                    value: value_at,
                    identity,
                });
            }
            stage.slots.push(Slot {
                start,
                end: stage.candidates.len() as u32,
            });
            let slot = u16::try_from(stage.slots.len()).expect("fewer than 65535 first characters");
            if (first as u32) < 0x10000 {
                stage.bmp[first as usize] = slot;
            } else {
                stage.astral.insert(first, slot);
            }
        }
        stage
    }

    fn push(&mut self, s: &str) -> (u32, u32) {
        let at = self.arena.len() as u32;
        self.arena.push_str(s);
        (at, s.len() as u32)
    }

    fn get(&self, (at, len): (u32, u32)) -> &str {
        &self.arena[at as usize..(at + len) as usize]
    }

    /// Characters some key starting with which changes the text.
    pub(crate) fn triggers(&self) -> &Bitset {
        &self.triggers
    }

    /// Approximate heap bytes held by the compiled stage.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.bmp.len() * 2
            + self.astral.capacity() * 16
            + self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.candidates.capacity() * std::mem::size_of::<Candidate>()
            + self.arena.capacity()
            + self.triggers.bytes()
    }

    #[inline]
    fn slot(&self, cp: u32, c: &str) -> Option<Slot> {
        let n = if cp < 0x10000 {
            self.bmp[cp as usize]
        } else {
            c.chars()
                .next()
                .and_then(|c| self.astral.get(&c).copied())
                .unwrap_or(NO_SLOT)
        };
        (n != NO_SLOT).then(|| self.slots[n as usize - 1])
    }

    /// Run OpenCC's conversion loop (maximal match, IDS passed through) over
    /// `text`. Returns `None` when the output equals the input.
    pub(crate) fn apply(&self, text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        // Start of the input not yet copied to `out`.
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // No dictionary key starts with ASCII in t2s; still look it up
                // through the table so any dictionary stays exact.
                if self.bmp[b as usize] == NO_SLOT {
                    i += 1;
                    continue;
                }
            }
            let (cp, width) = decode(bytes, i);
            let rest = &text[i + width..];
            let mut advanced = false;
            if let Some(slot) = self.slot(cp, &text[i..i + width]) {
                for cand in &self.candidates[slot.start as usize..slot.end as usize] {
                    let tail = self.get(cand.tail);
                    if rest.as_bytes().starts_with(tail.as_bytes()) {
                        let end = i + width + tail.len();
                        if !cand.identity {
                            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
                            out.push_str(&text[copied..i]);
                            out.push_str(self.get(cand.value));
                            copied = end;
                        }
                        i = end;
                        advanced = true;
                        break;
                    }
                }
            }
            if !advanced {
                // OpenCC copies an unmatched ideographic description sequence
                // whole, so nothing inside it is converted.
                i += match ids_len(&text[i..]) {
                    0 => width,
                    n => n,
                };
            }
        }
        out.map(|mut out| {
            out.push_str(&text[copied..]);
            out
        })
    }
}

/// Decode the UTF-8 character starting at `i` (valid UTF-8 assumed, as `str`).
#[inline]
pub(crate) fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let b0 = b[i] as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((b0 & 0x07) << 18)
                | ((b[i + 1] as u32 & 0x3F) << 12)
                | ((b[i + 2] as u32 & 0x3F) << 6)
                | (b[i + 3] as u32 & 0x3F),
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
