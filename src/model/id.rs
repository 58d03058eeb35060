//! Task ids: plan order (`TT.1 … TT.10, 1.1, …, 9.1.13, …, 10.1`) and file-name safety.
//!
//! Plan order is numeric per dot-separated segment, focus tasks (`TT.`) first, anything else
//! after in code-point order. The loader and every view sort with [`TaskKey`].

use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskKey {
    rank: u8,
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Num(u64),
    Text(String),
}

impl TaskKey {
    pub fn new(id: &str) -> TaskKey {
        let (rank, rest) = match id.strip_prefix("TT.") {
            Some(rest) => (0, rest),
            None if id.starts_with(|c: char| c.is_ascii_digit()) => (1, id),
            None => (2, id),
        };
        let parts = rest
            .split('.')
            .map(|p| match p.parse::<u64>() {
                Ok(n) if !p.starts_with('+') => Part::Num(n),
                _ => Part::Text(p.to_string()),
            })
            .collect();
        TaskKey { rank, parts }
    }
}

impl Ord for TaskKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank
            .cmp(&other.rank)
            .then_with(|| self.parts.cmp(&other.parts))
    }
}

impl PartialOrd for TaskKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compare two task ids in plan order (ties broken by the raw text, so the order is total).
pub fn cmp_ids(a: &str, b: &str) -> Ordering {
    TaskKey::new(a).cmp(&TaskKey::new(b)).then_with(|| a.cmp(b))
}

/// Why an id cannot be a file name, if it cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UnsafeId {
    Empty,
    TooLong,
    BadChar(char),
    DotPath,
    Reserved,
}

/// Ids become file names (`<id>.toml`): allow letters, digits, `.`, `-`, `_` only, no leading
/// dot, and none of the names Windows reserves (`CON`, `NUL`, `COM1` …).
pub fn check_safe(id: &str) -> Result<(), UnsafeId> {
    if id.is_empty() {
        return Err(UnsafeId::Empty);
    }
    if id.chars().count() > 64 {
        return Err(UnsafeId::TooLong);
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
    {
        return Err(UnsafeId::BadChar(c));
    }
    if id.starts_with('.') || id.ends_with('.') || id.contains("..") {
        return Err(UnsafeId::DotPath);
    }
    let stem = id.split('.').next().unwrap_or(id).to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        return Err(UnsafeId::Reserved);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_order_is_numeric_focus_first() {
        let mut ids = vec![
            "10.1", "9.1.13", "9.1.2", "TT.10", "1.2", "TT.2", "9.2.1", "2.1", "TT.1", "1.1", "x",
        ];
        ids.sort_by(|a, b| cmp_ids(a, b));
        assert_eq!(
            ids,
            [
                "TT.1", "TT.2", "TT.10", "1.1", "1.2", "2.1", "9.1.2", "9.1.13", "9.2.1", "10.1",
                "x"
            ]
        );
    }

    #[test]
    fn unsafe_ids_are_refused() {
        assert_eq!(check_safe("7.4"), Ok(()));
        assert_eq!(check_safe("TT.10"), Ok(()));
        assert_eq!(check_safe("../x"), Err(UnsafeId::BadChar('/')));
        assert_eq!(check_safe("CON"), Err(UnsafeId::Reserved));
        assert_eq!(check_safe("com1.2"), Err(UnsafeId::Reserved));
        assert_eq!(check_safe(".x"), Err(UnsafeId::DotPath));
        assert_eq!(check_safe(""), Err(UnsafeId::Empty));
        assert_eq!(check_safe("a b"), Err(UnsafeId::BadChar(' ')));
    }
}
