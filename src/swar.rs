//! Byte tests on eight bytes at once ("SIMD within a register"), for the
//! passes that read every byte of a document: most words hold nothing the
//! pass looks for, and are skipped with a few operations.
//!
//! Each function returns a mask with the high bit set in the bytes that
//! pass. The masks are exact in their lowest set byte; above it a borrow may
//! set bits of bytes that do not pass, so callers use a mask to find the
//! first byte, or to tell that there is none.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `at` as one word, if there are eight.
pub(crate) fn word(bytes: &[u8], at: usize) -> Option<u64> {
    let eight = bytes.get(at..at + 8)?;
    Some(u64::from_le_bytes(eight.try_into().expect("eight bytes")))
}

/// Bytes equal to `b`.
pub(crate) fn eq(word: u64, b: u8) -> u64 {
    let x = word ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH
}

/// Bytes below `n` (`n` at most 0x80); bytes of 0x80 and above never pass.
pub(crate) fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH
}

/// Bytes of 0x80 and above (not ASCII). Exact in every byte.
pub(crate) fn non_ascii(word: u64) -> u64 {
    word & HIGH
}

/// The index of the lowest byte a mask flags.
pub(crate) fn first(mask: u64) -> usize {
    mask.trailing_zeros() as usize / 8
}

/// The first byte at or after `i` that is not ASCII, or the end: eight
/// bytes at a time.
pub(crate) fn skip_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(w) = word(bytes, i) {
        let high = non_ascii(w);
        if high != 0 {
            return i + first(high);
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| b >= 0x80)
        .map_or(bytes.len(), |n| i + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each byte value among neighbours below and above it, at each place:
    /// a test that carried a borrow wrongly would show.
    #[test]
    fn masks_are_exact_in_their_lowest_byte() {
        for fill in [0x00u8, 0x41, 0xFF] {
            for b in 0u8..=0xFF {
                for at in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let w = word(&bytes, 0).unwrap();
                    for (mask, pass, fill_passes) in [
                        (eq(w, b'"'), b == b'"', fill == b'"'),
                        (eq(w, 0xC2), b == 0xC2, fill == 0xC2),
                        (below(w, 0x20), b < 0x20, fill < 0x20),
                        (non_ascii(w), b >= 0x80, fill >= 0x80),
                    ] {
                        if fill_passes {
                            assert_eq!(first(mask), if at == 0 && !pass { 1 } else { 0 });
                        } else {
                            assert_eq!(mask != 0, pass, "{b:#04x} at {at} in {fill:#04x}");
                            if pass {
                                assert_eq!(first(mask), at);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_first_byte_past_ascii_is_found_at_every_offset() {
        for ascii in 0..20 {
            let text = format!("{}新闻", "a".repeat(ascii));
            for from in 0..=ascii {
                assert_eq!(
                    skip_ascii(text.as_bytes(), from),
                    ascii,
                    "{text} from {from}"
                );
            }
            let only = "a".repeat(ascii);
            assert_eq!(skip_ascii(only.as_bytes(), 0), ascii);
        }
    }
}
