//! Robustness properties beyond `tests/properties.rs` (which covers
//! arbitrary bytes, determinism of one call and re-extraction of clean
//! text): facts located in an article point at real blocks and slice them;
//! a reused extractor carries no state from page to page; hostile nesting
//! keeps its text through the pre-parse guard.

use article_extract::{extract_html, Extractor, Options};
use proptest::prelude::*;

const SENTENCES: &[&str] = &[
    "About 12,000 people were evacuated on Tuesday, officials said.",
    "Nearly 300 homes were damaged and at least 14 people died.",
    "The council approved a budget of $4.5 million for 2025.",
    "Prices rose 3.2% in May, the fastest pace since 1991.",
    "More than two million refugees fled between 2014 and 2016.",
    "It was the 80th anniversary of the treaty, signed on 9 May 1945.",
    "Police arrested 1,200 protesters; 45 were injured.",
    "A spokesman declined to comment.",
];

const WRAPPERS: &[(&str, &str)] = &[
    ("<p>", "</p>"),
    ("<div><p>", "</p></div>"),
    ("<li>", "</li>"),
    ("<blockquote><p>", "</p></blockquote>"),
    ("<h2>", "</h2>"),
    ("<p><b>", "</b></p>"),
    ("<table><tr><td>", "</td></tr></table>"),
];

/// A plausible article page from the sentences above.
fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(WRAPPERS),
            prop::collection::vec(prop::sample::select(SENTENCES), 1..4),
        ),
        1..12,
    )
    .prop_map(|parts| {
        let body: String = parts
            .iter()
            .map(|((open, close), s)| format!("{open}{}{close}\n", s.join(" ")))
            .collect();
        format!("<html><head><title>Storm</title></head><body><nav><a href=/>Home</a></nav><article>{body}</article></body></html>")
    })
}

/// Deep or misnested markup around the same sentences.
fn hostile_page() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(
                &[
                    "<div>",
                    "<b><i>",
                    "<ul><li>",
                    "<table><tr><td>",
                    "<span>",
                    "<p><font>",
                ][..],
            ),
            1usize..400,
            prop::sample::select(SENTENCES),
        ),
        1..6,
    )
    .prop_map(|parts| {
        parts
            .iter()
            .enumerate()
            .map(|(i, (open, n, _))| {
                let p: String = (0..3)
                    .map(|k| format!("<p>{}</p>", SENTENCES[(i * 3 + k) % 7]))
                    .collect();
                format!("{}{p}", open.repeat(*n))
            })
            .collect()
    })
}

fn json(a: &article_extract::Article) -> String {
    serde_json::to_string(a).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: if cfg!(debug_assertions) { 48 } else { 256 }, ..ProptestConfig::default() })]

    /// Every located fact names an existing block, and its span slices
    /// that block's text to the fact's text.
    #[test]
    fn located_facts_slice_their_block(page in page()) {
        let a = extract_html(page.as_bytes(), &Options::default()).unwrap();
        for lf in &a.facts {
            let block = a
                .sections
                .get(lf.section)
                .and_then(|s| s.blocks.get(lf.block));
            prop_assert!(block.is_some(), "fact {:?} points nowhere", lf);
            let text = &block.unwrap().text;
            prop_assert_eq!(text.get(lf.fact.start..lf.fact.end), Some(lf.fact.text.as_str()));
        }
    }

    /// A reused extractor gives each page the same article as a fresh one,
    /// whatever it extracted before.
    #[test]
    fn reused_extractor_has_no_memory(a in page(), b in page()) {
        let ex = Extractor::new(Options::default());
        let first = json(&ex.extract_html(a.as_bytes()).unwrap());
        let _ = ex.extract_html(b.as_bytes()).unwrap();
        let again = json(&ex.extract_html(a.as_bytes()).unwrap());
        prop_assert_eq!(&first, &again);
        let fresh = json(&extract_html(a.as_bytes(), &Options::default()).unwrap());
        prop_assert_eq!(first, fresh);
    }

    /// Deep and misnested markup is bounded, deterministically, and the
    /// article inside it is not lost.
    #[test]
    fn hostile_nesting_keeps_its_sentences(page in hostile_page()) {
        let a = extract_html(page.as_bytes(), &Options::default()).unwrap();
        let b = extract_html(page.as_bytes(), &Options::default()).unwrap();
        prop_assert_eq!(json(&a), json(&b));
        let text = a.text().split_whitespace().collect::<Vec<_>>().join(" ");
        let kept = SENTENCES.iter().filter(|s| page.contains(*s) && text.contains(*s)).count();
        let present = SENTENCES.iter().filter(|s| page.contains(*s)).count();
        // The content stage keeps one main subtree and may leave the
        // others out, but the page must not be swallowed whole. (That the
        // guard itself keeps every character of text is a property test
        // in `src/guard.rs`.)
        prop_assert!(present == 0 || kept >= 1, "kept {} of {} sentences: {:?}", kept, present, text);
    }
}
