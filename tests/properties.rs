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

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every non-heading block of `first` must be found in `second` (its title,
/// headings and blocks): cleaning clean text loses nothing.
fn keeps_every_paragraph(
    first: &article_extract::Article,
    second: &article_extract::Article,
) -> Result<(), String> {
    let mut have = norm(second.title.as_deref().unwrap_or(""));
    for s in &second.sections {
        have.push('\n');
        have.push_str(&norm(s.heading.as_deref().unwrap_or("")));
        for b in &s.blocks {
            have.push('\n');
            have.push_str(&norm(&b.text));
        }
    }
    // Line by line: a line break inside a block (`<br>`, table rows) is all a
    // plain-text page can show of it, so the second pass may split there.
    for s in &first.sections {
        for b in &s.blocks {
            for line in b.text.lines() {
                let t = norm(line);
                if !t.is_empty() && !have.contains(&t) {
                    return Err(format!("lost {t:?}"));
                }
            }
        }
    }
    Ok(())
}

/// Sentences of clean articles (the text path's real domain).
const SENTENCES: &[&str] = &[
    "The council approved the budget on Monday after a long debate, officials said.",
    "About 12,000 soldiers were sent, and nearly 4,000 have died since 2022, according to media reports.",
    "Residents said they had waited years for the new bridge and welcomed the decision.",
    "“We cannot wait any longer,” the mayor told reporters outside the town hall on Tuesday.",
    "The plan still needs approval from the national government, which is expected later this year.",
    "Work on the barrier could start in the spring and take around three years to complete.",
    "Opponents warned that the cost could rise by about 30 percent before the work is finished.",
    "Several families are still living in temporary accommodation while their houses dry out.",
];

/// Section headings, each used at most once.
const HEADINGS: &[&str] = &[
    "Flood Defences Approved",
    "What Happens Next",
    "A Long Debate",
    "Who Pays for It",
    "Residents React",
    "The Cost of Waiting",
    "Questions Remain",
    "Looking Ahead",
];

/// An article-like text: distinct paragraphs in order, a distinct heading
/// before some of them (never two headings in a row, never a heading last).
fn article_text() -> impl Strategy<Value = String> {
    (
        prop::sample::subsequence(SENTENCES, 1..=SENTENCES.len()),
        prop::collection::vec(any::<bool>(), SENTENCES.len()),
    )
        .prop_map(|(pars, heads)| {
            let mut parts: Vec<&str> = Vec::new();
            for (i, p) in pars.iter().enumerate() {
                if i > 0 && heads[i] {
                    parts.push(HEADINGS[i]);
                }
                parts.push(p);
            }
            parts.join("\n\n")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// `extract_text(article.text())` keeps every paragraph of `article`
    /// (issue 6), on article-like plain text.
    #[test]
    fn reextracting_clean_text_keeps_every_paragraph(input in article_text()) {
        let opts = Options::default();
        let first = extract_text(&input, &opts).expect("first pass");
        let second = extract_text(first.text(), &opts).expect("second pass");
        if let Err(e) = keeps_every_paragraph(&first, &second) {
            prop_assert!(false, "{e}\ninput:\n{input}\nfirst text:\n{}\nsecond text:\n{}", first.text(), second.text());
        }
    }
}

/// The same on every shipped fixture: the text of a cleaned page, cleaned
/// again as plain text, keeps every paragraph.
#[test]
#[ignore = "known gap (issue 6): re-cleaning as plain text drops a run of short lowercase list items and the line before a table; run with --ignored"]
fn reextracting_each_fixture_text_keeps_every_paragraph() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut failures = Vec::new();
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    let opts = Options::default();
    for case in cases {
        let html = case.join("source.html");
        let txt = case.join("source.txt");
        let first = if html.exists() {
            extract_html(&std::fs::read(&html).unwrap(), &opts)
        } else if txt.exists() {
            extract_text(&std::fs::read_to_string(&txt).unwrap(), &opts)
        } else {
            continue;
        };
        let Ok(first) = first else { continue };
        let second = extract_text(first.text(), &opts).expect("second pass");
        if let Err(e) = keeps_every_paragraph(&first, &second) {
            failures.push(format!(
                "{}: {e}",
                case.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "re-extraction lost paragraphs:\n  {}",
        failures.join("\n  ")
    );
}

/// Inputs the properties above once shrank to, kept as plain tests (a block
/// with more bytes but fewer words than the title underflowed a subtraction
/// in the repeated-title rule).
#[test]
fn regressions_found_by_the_properties() {
    let opts = Options::default();
    let _ = extract_html(
        b"</h1>Advertisement</h1>Advertisement<title></li><p><div><div><div>",
        &opts,
    );
    let _ = extract_text(
        "- a bullet item\nA\u{1810}A 0\u{10597}\u{8a0}\n- a bullet item",
        &opts,
    );
}
