//! Text shaping between reading and indexing: boilerplate removal and the split of
//! bodies into passages, the unit of ranking and of snippets.

pub mod clean;
pub mod passages;
pub mod sentences;

use memchr::memmem::Finder;
use std::ops::Range;
use std::sync::LazyLock;

/// The byte ranges of the paragraphs of `text` that are one line each, without
/// their line breaks: a line that opens the text or follows an empty line, and
/// that an empty line or the end of the text follows. Wrapped text keeps its
/// lines together. One search for empty lines reads the text; only the line
/// after each is read again.
pub fn one_line_paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    static BREAK: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("\n\n"));
    let bytes = text.as_bytes();
    let mut last = None;
    let breaks = BREAK.find_iter(bytes).map(|at| at + 2);
    std::iter::once(0).chain(breaks).filter_map(move |after| {
        // Past any more empty lines.
        let start = after + bytes[after..].iter().take_while(|&&b| b == b'\n').count();
        if start == bytes.len() || last == Some(start) {
            return None;
        }
        last = Some(start);
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |at| start + at);
        let alone = bytes.get(end + 1).is_none_or(|&b| b == b'\n');
        alone.then_some(start..end)
    })
}

/// Words as a person counts them: runs of non-white-space, exactly as
/// `str::split_whitespace` finds them.
///
/// `split_whitespace` decodes every character, and was three quarters of passage
/// splitting. Here each 64-byte block of ASCII becomes a bit mask of its spaces, and
/// a word starts at every non-space bit whose lower neighbour is a space; only blocks
/// with other characters are decoded.
pub fn word_count(text: &str) -> usize {
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut after_space = true;
    let mut start = 0;
    while start < bytes.len() {
        let mut end = (start + BLOCK).min(bytes.len());
        let block = &bytes[start..end];
        if block.is_ascii() {
            let spaces = space_mask(block);
            let before = (spaces << 1) | u64::from(after_space);
            let inside = u64::MAX >> (BLOCK - block.len());
            count += (!spaces & before & inside).count_ones() as usize;
            after_space = (spaces >> (block.len() - 1)) & 1 == 1;
        } else {
            while !text.is_char_boundary(end) {
                end += 1;
            }
            for c in text[start..end].chars() {
                let space = c.is_whitespace();
                count += usize::from(after_space && !space);
                after_space = space;
            }
        }
        start = end;
    }
    count
}

/// Bit `i` is set when byte `i` of an ASCII block (at most 64 bytes) is white
/// space: tab to carriage return, or space. Eight bytes are tested at a time in a
/// `u64`; as every byte is below 0x80, no sum carries into the next byte.
fn space_mask(block: &[u8]) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = LOW * 0x80;
    let mut padded = [b'x'; 64];
    padded[..block.len()].copy_from_slice(block);
    let mut mask = 0;
    for (i, word) in padded.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let not_space = x ^ (LOW * u64::from(b' '));
        let is_space = !(((not_space & !HIGH) + !HIGH) | not_space);
        let at_least_tab = x + LOW * (0x80 - u64::from(b'\t'));
        let past_return = x + LOW * (0x80 - u64::from(b'\r') - 1);
        let high_bits = (is_space | (at_least_tab & !past_return)) & HIGH;
        // Gathers the eight high bits into one byte, byte `k` to bit `k`.
        let bits = ((high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
        mask |= bits << (8 * i);
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::{one_line_paragraphs, word_count};
    use proptest::prelude::*;

    #[test]
    fn paragraphs_of_one_line_stand_between_empty_lines() {
        let text = "Opening line\n\nwrapped\nparagraph\n\n\n\nAlone\n\nLast\n";
        let lines: Vec<&str> = one_line_paragraphs(text).map(|r| &text[r]).collect();
        assert_eq!(lines, ["Opening line", "Alone", "Last"]);
        assert_eq!(one_line_paragraphs("").count(), 0);
        assert_eq!(one_line_paragraphs("\n\n\n").count(), 0);
        assert_eq!(one_line_paragraphs("a\nb").count(), 0);
    }

    #[test]
    fn counts_runs_of_non_space() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  \n"), 0);
        assert_eq!(word_count("Kim Jong-un met\tU.S. envoys"), 5);
        // No-break and ideographic spaces separate words; curly quotes do not.
        assert_eq!(
            word_count("10\u{a0}km \u{201c}quoted\u{201d}\u{3000}end"),
            4
        );
    }

    proptest! {
        #[test]
        fn agrees_with_split_whitespace(text in "[ a\u{a0}\u{85}\u{2009}\u{3000}é\u{201c}\t\n\x0b]{0,40}") {
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }

        #[test]
        fn agrees_with_split_whitespace_on_long_ascii(text in "[\x00-\x7f]{0,300}") {
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }
    }
}
