//! Small pure helpers on text: positions in a file, nearest-match suggestions, NFC, and the
//! one sanitiser for text that reaches a terminal ([`for_terminal`], [`Terminal`]).

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::model::plan::Pos;

/// Maps byte offsets to 1-based line and column (column counted in characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        Pos {
            line: line as u32,
            col: col as u32 + 1,
        }
    }
}

/// Position of a byte offset in raw bytes (for files that are not valid UTF-8).
pub fn byte_pos(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Pos {
        line: line as u32,
        col: col as u32,
    }
}

/// Whether `c` must not reach a terminal as it is: C0 controls other than `\n` and `\t`, DEL,
/// C1 controls (U+0080–U+009F, which some terminals read as CSI/OSC), and the invisible
/// direction controls that reorder what is shown (U+061C, U+200E/F, U+202A–U+202E,
/// U+2066–U+2069).
pub fn is_unsafe_for_terminal(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for an unsafe character: C0 → its control picture (ESC → `␛`,
/// CR → `␍`, BEL → `␇`), DEL → `␡`, anything else → `�`.
fn stand_in(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// **The one terminal sanitiser** (docs/design-shared.md, mechanism 5): `s` with every
/// character that could drive a terminal (escape sequences, title and clipboard writes,
/// carriage returns that forge lines, bidi overrides) replaced by a visible stand-in. Line
/// breaks and tabs pass. Borrowed when there is nothing to replace (the common case).
/// Renderers for files (JSON, CSV, Markdown…) escape for their format instead.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    // Fast path on bytes: every unsafe character starts with a C0/DEL byte, 0xC2 (C1), 0xD8
    // (U+061C) or 0xE2 (U+2000 block).
    let suspect = |b: &u8| {
        (*b < 0x20 && *b != b'\n' && *b != b'\t') || matches!(*b, 0x7f | 0xc2 | 0xd8 | 0xe2)
    };
    // Only a character that starts at a suspect byte can be unsafe, and every suspect byte is
    // ASCII or a lead byte (a character boundary): look at those characters alone. (Vietnamese
    // text is full of 0xE2 — curly quotes, dashes — so scanning every character whenever one
    // appeared was 8 % of a cold `check`.)
    let unsafe_at = |(i, _): (usize, &u8)| {
        s.get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_unsafe_for_terminal)
    };
    if !s
        .as_bytes()
        .iter()
        .enumerate()
        .filter(|(_, b)| suspect(b))
        .any(unsafe_at)
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_unsafe_for_terminal(c) {
                    stand_in(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// A writer that passes everything through [`for_terminal`] (for streams that only ever
/// carry plain text, such as standard error). Invalid UTF-8 is shown as `�`; a character
/// split across two writes is held back until it is whole.
pub struct Terminal<W: std::io::Write> {
    inner: W,
    /// The start of a UTF-8 sequence cut by the end of the last write.
    carry: Vec<u8>,
}

impl<W: std::io::Write> Terminal<W> {
    pub fn new(inner: W) -> Self {
        Terminal {
            inner,
            carry: vec![],
        }
    }
}

impl<W: std::io::Write> std::io::Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(buf);
        // Hold back an incomplete sequence at the end (at most 3 bytes).
        let mut cut = bytes.len();
        for back in 1..=3.min(bytes.len()) {
            let b = bytes[bytes.len() - back];
            if b & 0xC0 == 0xC0 {
                let need = if b >= 0xF0 {
                    4
                } else if b >= 0xE0 {
                    3
                } else {
                    2
                };
                if need > back {
                    cut = bytes.len() - back;
                }
                break;
            }
            if b & 0x80 == 0 {
                break;
            }
        }
        self.carry = bytes[cut..].to_vec();
        let text = String::from_utf8_lossy(&bytes[..cut]);
        self.inner.write_all(for_terminal(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.carry.is_empty() {
            let rest = std::mem::take(&mut self.carry);
            self.inner
                .write_all(for_terminal(&String::from_utf8_lossy(&rest)).as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for Terminal<W> {
    fn drop(&mut self) {
        let _ = std::io::Write::flush(self);
    }
}

/// Levenshtein distance on characters, capped work for long inputs.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Candidates close to `word` (distance ≤ a third of its length, at least 2), nearest first,
/// at most `max`.
pub fn nearest<'a, I>(word: &str, candidates: I, max: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = (word.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (distance(&word.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, c)| {
            *d <= limit.min(c.chars().count().saturating_sub(1).max(1))
                || (c.starts_with(word) && word.len() >= 3)
        })
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

/// The text in Unicode NFC. Almost all text already is: the quick check answers that without
/// building a second string (measured: the unconditional rebuild was a fifth of `check`).
/// ASCII slug of a text: folded words (no diacritics, `đ` → `d`) joined with `-`
/// ("594/KH-TCTDA06" → "594-kh-tctda06"); empty when nothing alphanumeric is left.
pub fn slug(text: &str) -> String {
    crate::model::deadline::fold(text)
        .split(' ')
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

pub fn nfc(s: &str) -> String {
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_string(),
        _ => s.nfc().collect(),
    }
}

/// Characters that are NFC whatever surrounds them (quick-check "yes", combining class 0):
/// ASCII, Latin-1 and Latin Extended-A/B letters (ă â đ ê ô ơ ư), the precomposed Vietnamese
/// letters of Latin Extended Additional (ạ ả ấ … ỹ), and the common punctuation block's dashes,
/// quotes and ellipsis. Checking ranges is far cheaper than table lookups for every letter;
/// anything else goes through the full check. The unit test verifies every range exhaustively.
#[cfg(test)]
fn surely_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{7f}' | '\u{a0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{2027}')
}

/// [`surely_nfc`] for every character, on bytes: ASCII costs one comparison, and the ranges
/// are recognised from their UTF-8 lead bytes without decoding.
fn surely_nfc_text(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Skip eight ASCII bytes at a time.
        if let Some(chunk) = b.get(i..i + 8)
            && u64::from_ne_bytes(chunk.try_into().unwrap_or([0x80; 8])) & 0x8080_8080_8080_8080
                == 0
        {
            i += 8;
            continue;
        }
        let x = b[i];
        if x < 0x80 {
            i += 1;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        match x {
            // U+0080..U+027F: accept U+00A0..=U+024F.
            0xC2..=0xC9 => {
                let cp = (u32::from(x & 0x1F) << 6) | u32::from(next & 0x3F);
                if !(0xA0..=0x24F).contains(&cp) {
                    return false;
                }
                i += 2;
            }
            // U+1E00..=U+1EFF: E1 B8..BB xx.
            0xE1 if (0xB8..=0xBB).contains(&next) => i += 3,
            // U+2010..=U+2027: E2 80 90..A7.
            0xE2 if next == 0x80 && (0x90..=0xA7).contains(&b.get(i + 2).copied().unwrap_or(0)) => {
                i += 3
            }
            _ => return false,
        }
    }
    true
}

/// Byte offset of the first character whose NFC form differs, if the text is not in NFC.
pub fn first_non_nfc(text: &str) -> Option<usize> {
    // Fast path: ASCII is always NFC, and an ASCII character never makes the text less
    // normalised, so a quick "yes" on the other characters alone is a "yes" for the text
    // (most task files are Vietnamese text already in NFC).
    if surely_nfc_text(text)
        || unicode_normalization::is_nfc_quick(text.chars().filter(|c| !c.is_ascii()))
            == unicode_normalization::IsNormalized::Yes
        || unicode_normalization::is_nfc(text)
    {
        return None;
    }
    // Point at the base character before the first combining mark (NFD text), else the start.
    let mut prev = 0;
    for (i, c) in text.char_indices() {
        if unicode_normalization::char::is_combining_mark(c) {
            return Some(prev);
        }
        prev = i;
    }
    Some(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn for_terminal_looks_at_every_character_that_matters() {
        use proptest::prelude::*;
        let naive = |s: &str| !s.chars().any(super::is_unsafe_for_terminal);
        let chars = prop::sample::select(vec![
            'a', 'ờ', '“', '”', '–', '\n', '\t', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}',
            '\u{61c}', '\u{200e}', '\u{2010}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{206a}', 'Đ',
            'ẫ', '€',
        ]);
        proptest!(|(v in prop::collection::vec(chars, 0..40))| {
            let s: String = v.into_iter().collect();
            let borrowed = matches!(super::for_terminal(&s), std::borrow::Cow::Borrowed(_));
            prop_assert_eq!(borrowed, naive(&s), "{:?}", s);
        });
    }

    use super::*;

    #[test]
    fn positions_are_one_based_in_characters() {
        let t = "ab\nđầu x\n";
        let ix = LineIndex::new(t);
        assert_eq!(ix.pos(0), Pos { line: 1, col: 1 });
        let x = t.find('x').unwrap();
        assert_eq!(ix.pos(x), Pos { line: 2, col: 5 });
    }

    #[test]
    fn surely_nfc_ranges_are_nfc_starters() {
        for c in ('\0'..='\u{2100}').filter(|c| surely_nfc(*c)) {
            let s = c.to_string();
            assert!(
                unicode_normalization::is_nfc(&s),
                "{c:?} U+{:04X}",
                c as u32
            );
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "U+{:04X}",
                c as u32
            );
            assert!(unicode_normalization::is_nfc(&format!("{s}{s}a")));
        }
        for c in ('\0'..='\u{2100}').chain(['\u{1f600}', '\u{feff}', '\u{3000}']) {
            assert_eq!(
                surely_nfc_text(&format!("a{c}b")),
                surely_nfc(c),
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(first_non_nfc("Sở Tài chính “trước” 05/3/2024 …"), None);
        assert!(first_non_nfc("So\u{31b}\u{309} Ta\u{300}i").is_some());
    }

    #[test]
    fn for_terminal_makes_every_control_visible() {
        assert!(matches!(
            for_terminal("Sở “TT” – ok\n\tx"),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            for_terminal("a\u{1b}]0;t\u{7}\u{1b}[2J\r\u{7f}\u{9b}\u{202e}b\u{2066}"),
            "a␛]0;t␇␛[2J␍␡\u{fffd}\u{fffd}b\u{fffd}"
        );
        for c in ('\0'..='\u{3000}').filter(|c| c.is_control() && *c != '\n' && *c != '\t') {
            let s = c.to_string();
            assert!(
                !for_terminal(&s).chars().any(char::is_control),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn terminal_writer_holds_a_split_character_and_cleans_escapes() {
        use std::io::Write;
        let mut buf = vec![];
        {
            let mut t = Terminal::new(&mut buf);
            let s = "đ\u{1b}[31m\u{9b}x".as_bytes();
            for b in s {
                t.write_all(&[*b]).unwrap();
            }
        }
        assert_eq!(String::from_utf8(buf).unwrap(), "đ␛[31m\u{fffd}x");
    }

    #[test]
    fn nearest_finds_typos() {
        let c = ["so-tttt", "so-tai-chinh", "ca-tinh"];
        assert_eq!(nearest("so-ttt", c, 3), vec!["so-tttt"]);
        assert!(nearest("zzzzzzzz", c, 3).is_empty());
    }
}
