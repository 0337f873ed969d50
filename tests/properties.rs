//! Properties that hold for every input: no panic on arbitrary bytes or
//! strings, byte-identical output on repeated runs, and no words glued
//! together across block boundaries.
//!
//! Case sizes are bounded so the whole file runs in seconds in a debug build;
//! raise `PROPTEST_CASES` locally for a longer search.

use article_extract::{extract_html, extract_text, Extractor, Options};
use proptest::prelude::*;

/// Fragments that reach the interesting paths of the HTML stage: nesting,
/// unclosed tags, scripts and comments, entities, ad labels, headings,
/// tables, charset declarations, NULs and invalid UTF-8.
const HTML_PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<article>",
    "</article>",
    "<main>",
    "<h1>",
    "</h1>",
    "<h2>",
    "</h2>",
    "<h7>",
    "<div role=\"heading\" aria-level=\"9\">",
    "<strong>",
    "</strong>",
    "<a href=\"/x\">",
    "</a>",
    "<ul><li>",
    "</li>",
    "<table><tr><td>",
    "<td colspan=\"9007199254740991\">",
    "</td></tr>",
    "<br>",
    "<pre>",
    "</pre>",
    "<blockquote>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<nav>",
    "<footer>",
    "<meta charset=\"windows-1252\">",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-16\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
    "\"datePublished\":\"2025-13-45T99:99\"}",
    "<title>",
    "</title>",
    "<time datetime=\"\">",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&nbsp;",
    "Advertisement",
    "Advertisement · Scroll to continue",
    "Share on Facebook",
    "The council approved the budget on Monday after a long debate. ",
    "About 12,000 soldiers were sent and nearly 4,000 died in 2016-17. ",
    "1e308 ",
    "999999999999999999999999999999 ",
    ",,,,,,,,",
    "May 9, 2025 ",
    "\u{0}",
    "\u{feff}",
    "\r\n",
    "\n\n",
    "   ",
    "Ünïcödé ",
    "漢字テキスト ",
];

/// Lines that reach the interesting paths of the plain-text stage.
const TEXT_PIECES: &[&str] = &[
    "• Home/",
    "  • Asia/",
    "Advertisement",
    "ADVERTISEMENT · Scroll to continue",
    "Continue reading the main story",
    "Share",
    "A Short Heading Line",
    "North Korea Confirms Troop Deployment",
    "The council approved the budget on Monday after a long debate, officials said.",
    "About 12,000 soldiers were sent, and nearly 4,000 have died since 2022.",
    "- a bullet item",
    "* another bullet",
    "1. a numbered item",
    "",
    "",
    "   ",
    "\t",
    "©",
    "May 9",
    "Title | Watch",
    "\u{0}",
    "\r",
];

fn html_like() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(HTML_PIECES).prop_map(|s| s.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 0..8),
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

fn text_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            5 => prop::sample::select(TEXT_PIECES).prop_map(str::to_string),
            1 => any::<String>().prop_map(|s| s.chars().take(40).collect()),
        ],
        0..80,
    )
    .prop_map(|lines| lines.join("\n"))
}

fn json(a: &article_extract::Article) -> String {
    serde_json::to_string(a).expect("Article serialises")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Arbitrary bytes never panic through `extract_html`.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = extract_html(&bytes, &Options::default());
    }

    /// HTML-shaped noise never panics, and the result is deterministic.
    #[test]
    fn html_like_input_never_panics_and_is_deterministic(bytes in html_like()) {
        let opts = Options::default();
        let first = extract_html(&bytes, &opts);
        let second = extract_html(&bytes, &opts);
        match (first, second) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(json(&a), json(&b));
                prop_assert_eq!(a.to_markdown(), b.to_markdown());
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "one run failed, the other not: {:?} / {:?}", a.err(), b.err()),
        }
    }

    /// Arbitrary strings never panic through `extract_text`.
    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>().prop_map(|s| s.chars().take(4096).collect::<String>())) {
        let _ = extract_text(&s, &Options::default());
    }

    /// Text-dump-shaped input never panics, and the result is deterministic,
    /// also through a reused `Extractor`.
    #[test]
    fn text_like_input_never_panics_and_is_deterministic(s in text_like()) {
        let ex = Extractor::new(Options::default());
        let a = ex.extract_text(&s);
        let b = ex.extract_text(&s);
        let c = extract_text(&s, &Options::default());
        match (a, b, c) {
            (Ok(a), Ok(b), Ok(c)) => {
                prop_assert_eq!(json(&a), json(&b));
                prop_assert_eq!(json(&a), json(&c));
            }
            (Err(a), Err(b), Err(c)) => {
                prop_assert_eq!(&a, &b);
                prop_assert_eq!(a, c);
            }
            _ => prop_assert!(false, "runs disagree on success"),
        }
    }
}

/// Distinct words: no word is a concatenation of two others, so a glued
/// pair can never pass for a real word.
const WORDS: &[&str] = &[
    "river", "council", "budget", "harbour", "winter", "storm", "gates", "report", "village",
    "engine", "canyon", "radar", "troops", "treaty", "market", "pound", "garden", "seed", "coral",
    "reef",
];

const BLOCK_TAGS: &[(&str, &str)] = &[
    ("<p>", "</p>"),
    ("<div>", "</div>"),
    ("<li>", "</li>"),
    ("<h2>", "</h2>"),
    ("<h3>", "</h3>"),
    ("<blockquote>", "</blockquote>"),
    ("<table><tr><td>", "</td></tr></table>"),
    ("<ul><li>", "</li></ul>"),
    ("<section><p>", "</p></section>"),
];

fn glue_page() -> impl Strategy<Value = String> {
    let block = (
        prop::sample::select(BLOCK_TAGS),
        prop::collection::vec(prop::sample::select(WORDS), 1..30),
        any::<bool>(),
    )
        .prop_map(|((open, close), words, br)| {
            // Inside a block, words are separated by a space or a <br>.
            let sep = if br { "<br>" } else { " " };
            format!("{open}{}{close}", words.join(sep))
        });
    prop::collection::vec(block, 1..25).prop_map(|blocks| {
        // No whitespace at all between blocks: the FIELD-NOTES "readyCreate" shape.
        format!(
            "<html><body><article><h1>storm report</h1>{}</article></body></html>",
            blocks.concat()
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever is kept, every word of the output is one of the input's
    /// words: block boundaries and `<br>` always separate words.
    #[test]
    fn no_glued_words_across_block_boundaries(page in glue_page()) {
        let a = extract_html(page.as_bytes(), &Options::default()).expect("small page");
        let mut all = a.text().to_string();
        for s in &a.sections {
            if let Some(h) = &s.heading {
                all.push(' ');
                all.push_str(h);
            }
        }
        if let Some(t) = &a.title {
            all.push(' ');
            all.push_str(t);
        }
        for w in all.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            prop_assert!(WORDS.contains(&w) || w == "report", "glued or foreign word {:?} in {:?}", w, all);
        }
    }
}

#[test]
fn empty_and_whitespace_inputs_give_empty_articles() {
    for input in ["", " ", "\n\n\n", "\u{feff}"] {
        let a = extract_text(input, &Options::default()).expect("ok");
        assert!(a.text().trim().is_empty(), "{input:?} gave {:?}", a.text());
        let h = extract_html(input.as_bytes(), &Options::default()).expect("ok");
        assert!(h.text().trim().is_empty(), "{input:?} gave {:?}", h.text());
    }
}
