//! The tag set: IOB2 over the four CoNLL types, and spans of entities.

use crate::article::EntityKind;
use std::ops::Range;

pub const LABELS: usize = 9;

/// Label indices: `O`, then `B-` and `I-` for PER, ORG, LOC, MISC.
pub const O: u8 = 0;

pub fn kind_of(label: u8) -> Option<EntityKind> {
    match label {
        1 | 2 => Some(EntityKind::Person),
        3 | 4 => Some(EntityKind::Organisation),
        5 | 6 => Some(EntityKind::Location),
        7 | 8 => Some(EntityKind::Other),
        _ => None,
    }
}

pub fn is_begin(label: u8) -> bool {
    label % 2 == 1
}

/// The `B-` label of a kind.
pub fn begin(kind: EntityKind) -> u8 {
    1 + 2 * kind as u8
}

/// Whether `next` may follow `prev` in IOB2 (`I-X` only continues `X`).
pub fn allowed(prev: Option<u8>, next: u8) -> bool {
    if next == O || is_begin(next) {
        return true;
    }
    matches!(prev, Some(p) if p != O && kind_of(p) == kind_of(next))
}

/// Parses `O`, `B-X`, `I-X` with CoNLL type names.
pub fn parse(tag: &str) -> Option<(char, EntityKind)> {
    if tag == "O" {
        return None;
    }
    let (prefix, kind) = tag.split_once('-')?;
    let kind = kind.parse().ok()?;
    Some((prefix.chars().next()?, kind))
}

/// An entity as a token range and a kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub tokens: Range<usize>,
    pub kind: EntityKind,
}

/// The entity spans of an IOB2 label sequence (a stray `I-` starts a span, as in
/// conlleval).
pub fn spans(labels: &[u8]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, &label) in labels.iter().enumerate() {
        let kind = kind_of(label);
        let continues =
            !is_begin(label) && kind.is_some() && open.map(|(_, k)| Some(k)) == Some(kind);
        if !continues {
            if let Some((start, kind)) = open.take() {
                out.push(Span {
                    tokens: start..i,
                    kind,
                });
            }
            open = kind.map(|k| (i, k));
        }
    }
    if let Some((start, kind)) = open {
        out.push(Span {
            tokens: start..labels.len(),
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn spans_follow_iob2_and_conlleval_for_stray_inside_tags() {
        // B-PER I-PER O I-LOC B-LOC I-LOC I-ORG
        let labels = [1, 2, 0, 6, 5, 6, 4];
        assert_eq!(
            spans(&labels),
            vec![
                Span {
                    tokens: 0..2,
                    kind: Person
                },
                Span {
                    tokens: 3..4,
                    kind: Location
                },
                Span {
                    tokens: 4..6,
                    kind: Location
                },
                Span {
                    tokens: 6..7,
                    kind: Organisation
                },
            ]
        );
    }

    #[test]
    fn transitions() {
        assert!(allowed(None, 1));
        assert!(!allowed(None, 2));
        assert!(allowed(Some(1), 2));
        assert!(!allowed(Some(3), 2));
        assert!(allowed(Some(2), 2));
        assert_eq!(begin(Location), 5);
    }
}
