//! Which of several word tables a short attribute value (a `class`, an
//! `id`) contains, in one pass over its bytes: an Aho-Corasick automaton,
//! ASCII case-insensitive, built once into a dense table over byte classes.
//! A `RegexSet` of the same alternations gave the same answers at about
//! ten times the cost per value (it searches every pattern to the end).
//!
//! Words are plain ASCII, matched anywhere in the value, with two anchor
//! marks: `^` first (the value starts with the word, as `^` in a regex)
//! and `$` last (it ends with it); and `<` first / `>` last for "the start
//! of the value or one of `-`, `_`, space" / "the end or one of those"
//! (regex `(^|[-_ ])` / `($|[-_ ])`).

use std::sync::OnceLock;

use regex::Regex;

/// A regex built on first use in one of two forms: with ASCII classes
/// (`(?-u)`: `\d`, `\s`, `\b`, case folding) for an ASCII haystack, with
/// Unicode classes otherwise. On ASCII text both find the same matches, and
/// the ASCII form compiles to a far smaller automaton (a Unicode `\d{1,4}`
/// or `\b` costs milliseconds to build), so a page of ASCII values never
/// builds the Unicode one.
#[derive(Debug)]
pub(crate) struct AsciiFirst {
    pattern: &'static str,
    ascii: OnceLock<Regex>,
    unicode: OnceLock<Regex>,
}

impl AsciiFirst {
    /// `pattern` must be valid both with and without Unicode classes.
    pub(crate) const fn new(pattern: &'static str) -> AsciiFirst {
        AsciiFirst {
            pattern,
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
        }
    }

    /// The form of the regex to search `haystack` with.
    pub(crate) fn get(&self, haystack: &str) -> &Regex {
        if haystack.is_ascii() {
            self.ascii.get_or_init(|| {
                Regex::new(&format!("(?-u){}", self.pattern)).expect("valid ASCII regex")
            })
        } else {
            self.unicode
                .get_or_init(|| Regex::new(self.pattern).expect("valid regex"))
        }
    }

    /// Test that both forms capture the same on each of `texts`.
    #[cfg(test)]
    pub(crate) fn assert_forms_agree(&self, texts: &[&str]) {
        let (ascii, unicode) = (self.get("a"), self.get("\u{e9}"));
        for t in texts {
            let caps = |r: &Regex| {
                r.captures(t)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
            };
            assert_eq!(caps(ascii), caps(unicode), "{t}");
        }
    }
}

/// Byte class of the start and of the end of the value.
const START: usize = 1;
const END: usize = 2;

/// A compiled set of word tables; [`WordSet::scan`] returns a bit per table.
#[derive(Debug)]
pub(crate) struct WordSet {
    /// Byte to class, plus one (slot 0 of a row is its output); 1 for
    /// bytes in no word.
    class: [u8; 256],
    /// One row per state, `classes + 1` wide: slot 0 holds the tables with
    /// a word ending at the state (or at a suffix of it), slot `1 + c` the
    /// start of the next state's row on byte class `c`.
    rows: Vec<u32>,
}

/// The anchor-free spellings of one word of a table, as byte-class
/// sequences: `<`/`>` expand to four alternatives each.
fn expand(word: &str, class: &[u8; 256]) -> Vec<Vec<usize>> {
    let mut w = word.as_bytes();
    let mut heads: Vec<Option<usize>> = vec![None];
    let mut tails: Vec<Option<usize>> = vec![None];
    // `<` / `>`: the value's start / end, or a separator.
    let edge_or_separator = |edge: usize| -> Vec<Option<usize>> {
        std::iter::once(Some(edge))
            .chain(
                [b'-', b'_', b' ']
                    .iter()
                    .map(|&s| Some(usize::from(class[usize::from(s)]))),
            )
            .collect()
    };
    if let Some(rest) = w.strip_prefix(b"^") {
        heads = vec![Some(START)];
        w = rest;
    } else if let Some(rest) = w.strip_prefix(b"<") {
        heads = edge_or_separator(START);
        w = rest;
    }
    if let Some(rest) = w.strip_suffix(b"$") {
        tails = vec![Some(END)];
        w = rest;
    } else if let Some(rest) = w.strip_suffix(b">") {
        tails = edge_or_separator(END);
        w = rest;
    }
    let body: Vec<usize> = w
        .iter()
        .map(|&b| usize::from(class[usize::from(b)]))
        .collect();
    let mut all = Vec::new();
    for h in &heads {
        for t in &tails {
            let mut s: Vec<usize> = h.iter().copied().collect();
            s.extend(&body);
            s.extend(t.iter().copied());
            all.push(s);
        }
    }
    all
}

impl WordSet {
    /// Compile `tables` (at most 32); table `i` sets bit `i` of a scan.
    pub(crate) fn new(tables: &[&[&str]]) -> WordSet {
        assert!(tables.len() <= 32);
        // Byte classes: one per distinct (lower-cased) byte of the words.
        let mut class = [0u8; 256];
        let mut classes = END + 1;
        let mut bytes: Vec<u8> = tables
            .iter()
            .flat_map(|t| t.iter())
            .flat_map(|w| w.bytes())
            .chain([b'-', b'_', b' '])
            .collect();
        bytes.sort_unstable();
        bytes.dedup();
        for b in bytes {
            let b = b.to_ascii_lowercase();
            if class[usize::from(b)] == 0 {
                class[usize::from(b)] = u8::try_from(classes).expect("few byte classes");
                class[usize::from(b.to_ascii_uppercase())] = class[usize::from(b)];
                classes += 1;
            }
        }
        // The trie.
        let mut trie: Vec<Vec<u32>> = vec![vec![0; classes]];
        let mut out = vec![0u32];
        for (bit, table) in tables.iter().enumerate() {
            for word in table.iter() {
                for seq in expand(word, &class) {
                    let mut s = 0usize;
                    for &c in &seq {
                        if trie[s][c] == 0 {
                            trie.push(vec![0; classes]);
                            out.push(0);
                            trie[s][c] = (trie.len() - 1) as u32;
                        }
                        s = trie[s][c] as usize;
                    }
                    out[s] |= 1 << bit;
                }
            }
        }
        // Failure links, breadth first, folded into dense transitions.
        let n = trie.len();
        let mut trans = vec![0u32; n * classes];
        let mut fail = vec![0usize; n];
        let mut queue = std::collections::VecDeque::new();
        for c in 0..classes {
            let t = trie[0][c] as usize;
            trans[c] = t as u32;
            if t != 0 {
                queue.push_back(t);
            }
        }
        while let Some(s) = queue.pop_front() {
            out[s] |= out[fail[s]];
            for c in 0..classes {
                let t = trie[s][c] as usize;
                if t != 0 {
                    fail[t] = trans[fail[s] * classes + c] as usize;
                    trans[s * classes + c] = t as u32;
                    queue.push_back(t);
                } else {
                    trans[s * classes + c] = trans[fail[s] * classes + c];
                }
            }
        }
        // Rows with the output first and state numbers turned into row
        // starts: a step is one load and an add.
        let width = classes + 1;
        let mut rows = Vec::with_capacity(n * width);
        for s in 0..n {
            rows.push(out[s]);
            rows.extend(
                trans[s * classes..(s + 1) * classes]
                    .iter()
                    .map(|&t| t * width as u32),
            );
        }
        for c in class.iter_mut() {
            *c += 1;
        }
        WordSet { class, rows }
    }

    /// The tables that have a word in `v`, as bits.
    pub(crate) fn scan(&self, v: &str) -> u32 {
        let rows = &self.rows[..];
        let mut s = rows[1 + START] as usize;
        let mut acc = rows[s];
        for &b in v.as_bytes() {
            s = rows[s + usize::from(self.class[usize::from(b)])] as usize;
            acc |= rows[s];
        }
        acc | rows[rows[s + 1 + END] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_anchors_and_case() {
        let set = WordSet::new(&[&["side", "^ad$", "<nav", "<bio>"], &["bar", "ad-"]]);
        assert_eq!(set.scan("SideBar"), 0b11);
        assert_eq!(set.scan("ad"), 0b01);
        assert_eq!(set.scan("bad"), 0);
        assert_eq!(set.scan("x ad-y"), 0b10);
        assert_eq!(set.scan("site-nav"), 0b01);
        assert_eq!(set.scan("canvas"), 0);
        assert_eq!(set.scan("Nav"), 0b01);
        assert_eq!(set.scan("author-bio"), 0b01);
        assert_eq!(set.scan("bio_x"), 0b01);
        assert_eq!(set.scan("biology"), 0);
        assert_eq!(set.scan(""), 0);
        assert_eq!(set.scan("sid\u{e9}e"), 0);
    }

    #[test]
    fn ascii_first_forms_agree_on_ascii() {
        let re = AsciiFirst::new(r"(?i)^(\d{1,2})\s*by\b");
        re.assert_forms_agree(&["12 BY x", "1by", "3 bye", "x 1 by", "99\tBy-"]);
        assert!(re.get("\u{663}\u{663} by").is_match("\u{663}\u{663} by"));
    }

    #[test]
    fn overlapping_words_are_all_found() {
        let set = WordSet::new(&[&["she"], &["he"], &["hers"], &["s"]]);
        assert_eq!(set.scan("ushers"), 0b1111);
        assert_eq!(set.scan("he"), 0b0010);
    }
}
