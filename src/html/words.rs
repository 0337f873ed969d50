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

/// Byte class of the start and of the end of the value.
const START: usize = 1;
const END: usize = 2;

/// A compiled set of word tables; [`WordSet::scan`] returns a bit per table.
#[derive(Debug)]
pub(crate) struct WordSet {
    /// Byte to class; 0 for bytes in no word.
    class: [u8; 256],
    classes: usize,
    /// `trans[state * classes + class]`: next state.
    trans: Vec<u32>,
    /// Tables with a word ending at each state (or at a suffix of it).
    out: Vec<u32>,
}

/// The anchor-free spellings of one word of a table, as byte-class
/// sequences: `<`/`>` expand to four alternatives each.
fn expand(word: &str, class: &[u8; 256]) -> Vec<Vec<usize>> {
    let mut w = word.as_bytes();
    let mut heads: Vec<Option<usize>> = vec![None];
    let mut tails: Vec<Option<usize>> = vec![None];
    let seps = [b'-', b'_', b' '];
    if let Some(rest) = w.strip_prefix(b"^") {
        heads = vec![Some(START)];
        w = rest;
    } else if let Some(rest) = w.strip_prefix(b"<") {
        heads = std::iter::once(Some(START))
            .chain(
                seps.iter()
                    .map(|&s| Some(usize::from(class[usize::from(s)]))),
            )
            .collect();
        w = rest;
    }
    if let Some(rest) = w.strip_suffix(b"$") {
        tails = vec![Some(END)];
        w = rest;
    } else if let Some(rest) = w.strip_suffix(b">") {
        tails = std::iter::once(Some(END))
            .chain(
                seps.iter()
                    .map(|&s| Some(usize::from(class[usize::from(s)]))),
            )
            .collect();
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
        WordSet {
            class,
            classes,
            trans,
            out,
        }
    }

    /// The tables that have a word in `v`, as bits.
    pub(crate) fn scan(&self, v: &str) -> u32 {
        let step = |s: usize, c: usize| self.trans[s * self.classes + c] as usize;
        let mut s = step(0, START);
        let mut acc = self.out[s];
        for &b in v.as_bytes() {
            s = step(s, usize::from(self.class[usize::from(b)]));
            acc |= self.out[s];
        }
        acc | self.out[step(s, END)]
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
    fn overlapping_words_are_all_found() {
        let set = WordSet::new(&[&["she"], &["he"], &["hers"], &["s"]]);
        assert_eq!(set.scan("ushers"), 0b1111);
        assert_eq!(set.scan("he"), 0b0010);
    }
}
