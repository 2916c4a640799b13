//! Text that went through HTML escaping twice: character references and tags
//! that the XML parser leaves in the text.
//!
//! SemEval's publishers escaped their text once more than XML needs, so after
//! parsing, 73 of its 645 articles still read "S&amp;P 500" or "Trump Just Woke
//! Up &amp; Viciously", and 5 carry a video player's `<iframe>` or `<script>`
//! embed as text.

use std::borrow::Cow;

/// The longest character reference we resolve, `&` and `;` excluded.
const LONGEST_REFERENCE: usize = 8;

/// `text` with character references resolved and tags dropped. A `&` that starts
/// no known reference ("AT&T", "&foo;") and a `<` that starts no tag ("a < b")
/// are kept as they are.
pub(crate) fn unescaped(text: &str) -> Cow<'_, str> {
    if !text.contains('&') && !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let resolved = with_references_resolved(text);
    match without_tags(&resolved) {
        Cow::Borrowed(_) => resolved,
        Cow::Owned(text) => Cow::Owned(text),
    }
}

fn with_references_resolved(text: &str) -> Cow<'_, str> {
    replaced(text, '&', |rest| {
        let end = (rest.bytes().take(LONGEST_REFERENCE + 1)).position(|b| b == b';')?;
        Some((end + 1, reference(&rest[..end])?))
    })
}

/// `text` with each `marker` that `at` accepts replaced: `at` gets the text
/// after the marker, and gives how many bytes of it go too and the character
/// put in their place.
fn replaced(text: &str, marker: char, at: impl Fn(&str) -> Option<(usize, char)>) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    for (start, _) in text.match_indices(marker) {
        if start < copied {
            continue;
        }
        let after = start + marker.len_utf8();
        let Some((len, with)) = at(&text[after..]) else {
            continue;
        };
        out.push_str(&text[copied..start]);
        out.push(with);
        copied = after + len;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The character a reference names: a number (`#8217`, `#x2019`), one of XML's
/// five names, or the space HTML writes as `nbsp`.
fn reference(name: &str) -> Option<char> {
    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(decimal) = name.strip_prefix('#') {
        decimal.parse().ok()?
    } else {
        return match name {
            "nbsp" => Some(' '),
            _ => quick_xml::escape::resolve_predefined_entity(name)?
                .chars()
                .next(),
        };
    };
    char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())
}

/// `text` without tags: `<` then a letter, or `/` and a letter, up to the next
/// `>` with no `<` before it.
fn without_tags(text: &str) -> Cow<'_, str> {
    replaced(text, '<', |rest| {
        let name = rest.strip_prefix('/').unwrap_or(rest);
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let end = rest
            .find(['<', '>'])
            .filter(|&end| rest.as_bytes()[end] == b'>')?;
        Some((end + 1, ' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn references_are_resolved_and_a_lone_ampersand_kept() {
        assert_eq!(
            unescaped("S&amp;P 500 &gt;&gt; AT&T &#8217;s &#x2019; &nbsp;x &foo; &amp"),
            "S&P 500 >> AT&T ’s ’  x &foo; &amp"
        );
        assert_eq!(
            unescaped("&#0; &#99999999; &#xZZ;"),
            "&#0; &#99999999; &#xZZ;"
        );
        assert!(matches!(unescaped("no markup"), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_are_dropped_and_comparisons_kept() {
        assert_eq!(
            unescaped(
                "Embed &lt;iframe src=\"http://x/?a=1&amp;b=2\" allowfullscreen&gt;&lt;/iframe&gt; \
                 Privacy Policy"
            ),
            "Embed    Privacy Policy"
        );
        assert_eq!(unescaped("if a < b and c > d"), "if a < b and c > d");
        assert_eq!(
            unescaped("x <2 and <b>bold</b> <open"),
            "x <2 and  bold  <open"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_only_shortens(text in "([a-z ;#x0-9]|&|<|>|/|é|’){0,40}") {
            prop_assert!(unescaped(&text).len() <= text.len());
        }
    }
}
