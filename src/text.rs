//! Small pure helpers on text: positions in a file, nearest-match suggestions, NFC.

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

pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Byte offset of the first character whose NFC form differs, if the text is not in NFC.
pub fn first_non_nfc(text: &str) -> Option<usize> {
    if unicode_normalization::is_nfc(text) {
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
    fn nearest_finds_typos() {
        let c = ["so-tttt", "so-tai-chinh", "ca-tinh"];
        assert_eq!(nearest("so-ttt", c, 3), vec!["so-tttt"]);
        assert!(nearest("zzzzzzzz", c, 3).is_empty());
    }
}
