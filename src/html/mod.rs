//! HTML to metadata and blocks: parse once with `scraper`, flatten the tree
//! in one iterative walk ([`dom`]), choose the main content from per-node
//! figures ([`content`]), turn it into blocks ([`blocks`]). When the strict
//! rules leave too little text, they are relaxed one by one (Readability's
//! cascade) and, last, the page's JSON-LD `articleBody` is used.

use crate::article::{Block, BlockKind, Metadata};
use crate::error::Error;
use crate::options::Options;

mod blocks;
mod content;
mod dom;
mod headings;
mod metadata;
mod words;

use content::Mode;
use dom::{Dom, Ref, Tag};

/// Thresholds of main-content choice on HTML pages.
///
/// ```
/// let c = article_extract::ContentOptions::default();
/// assert!(c.min_paragraph_chars > 0);
/// assert!(c.min_article_chars > c.min_paragraph_chars);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ContentOptions {
    /// Shortest text, in characters, that counts as a paragraph when scoring.
    pub min_paragraph_chars: usize,
    /// An extraction shorter than this (characters) is retried with relaxed rules.
    pub min_article_chars: usize,
    /// How many ancestors a paragraph's score is pushed to.
    pub score_ancestors: u32,
    /// How many top candidates are compared.
    pub top_candidates: usize,
    /// A candidate scoring at least this share of the best one is "close".
    pub alt_candidate_ratio: f32,
    /// This many close candidates under one ancestor make that ancestor the choice.
    pub min_alt_candidates: usize,
    /// Bonus of an element hinted as the article body (`itemprop=articleBody`,
    /// `entry-content`, `story-body`, ...).
    pub body_hint_bonus: f32,
    /// Bonus of `<article>` and `<main>` elements.
    pub article_tag_bonus: f32,
    /// Class/id hints and bonuses count in full for a candidate whose own
    /// paragraph score reaches this; proportionally less below (so a page
    /// wrapper named `page` does not beat the story on its name alone).
    pub hint_full_score: f32,
    /// A sibling is joined when it scores at least this share of the best candidate...
    pub sibling_score_ratio: f32,
    /// ...and at least this score.
    pub sibling_min_score: f32,
    /// A sibling paragraph longer than this (characters) is joined when not link-heavy.
    pub sibling_par_min_chars: usize,
    /// Highest link density of a joined sibling paragraph.
    pub sibling_par_max_link_density: f32,
    /// Bylines and author boxes shorter than this (characters) are dropped.
    pub byline_max_chars: usize,
    /// Containers with this many commas or more are never dropped as boilerplate.
    pub clean_max_commas: usize,
    /// A container (without a positive hint) above this link density is dropped.
    pub clean_link_density: f32,
    /// A container with a positive hint above this link density is dropped.
    pub clean_link_density_hinted: f32,
    /// A list whose every item holds a link is dropped above this link density.
    pub linked_list_max_link_density: f32,
    /// A block with at least this many links...
    pub link_row_min_links: usize,
    /// ...and at least this link density is a row of links, dropped.
    pub link_row_min_link_density: f32,
    /// A container of paragraphs below this link density is prose: a
    /// negative class hint alone does not drop it.
    pub prose_max_link_density: f32,
    /// A list above this link density is dropped.
    pub list_max_link_density: f32,
    /// A container whose text is at least this share list text counts as a list.
    pub list_text_share: f32,
    /// A table cell longer than this (characters) makes the table a layout table.
    pub layout_cell_chars: usize,
    /// Drop `<header>` elements inside the chosen content (standfirst, byline,
    /// date), keeping only their `<h1>` title.
    pub drop_headers: bool,
    /// Blocks above the `<h1>` title inside the content that are shorter
    /// than this (characters) are dropped (kickers, labels, breadcrumbs).
    pub pre_title_max_chars: usize,
    /// ...when the title comes within this many blocks of the start (an
    /// `<h1>` further down is a section heading, not the title).
    pub pre_title_max_blocks: usize,
    /// How far (in nodes) before the content the `<h1>` title may sit for
    /// the paragraphs between them to be taken as the lead.
    pub lead_window: usize,
    /// When the extraction is thin, the JSON-LD `articleBody` replaces it
    /// only when longer by at least this factor.
    pub json_ld_min_gain: f32,
}

impl Default for ContentOptions {
    fn default() -> Self {
        ContentOptions {
            min_paragraph_chars: 25,
            min_article_chars: 500,
            score_ancestors: 5,
            top_candidates: 5,
            alt_candidate_ratio: 0.75,
            min_alt_candidates: 3,
            body_hint_bonus: 25.0,
            article_tag_bonus: 10.0,
            hint_full_score: 10.0,
            sibling_score_ratio: 0.2,
            sibling_min_score: 10.0,
            sibling_par_min_chars: 80,
            sibling_par_max_link_density: 0.25,
            byline_max_chars: 100,
            clean_max_commas: 10,
            clean_link_density: 0.2,
            clean_link_density_hinted: 0.5,
            list_max_link_density: 0.5,
            prose_max_link_density: 0.25,
            link_row_min_links: 3,
            link_row_min_link_density: 0.8,
            linked_list_max_link_density: 0.3,
            list_text_share: 0.9,
            layout_cell_chars: 400,
            drop_headers: true,
            pre_title_max_chars: 80,
            pre_title_max_blocks: 3,
            lead_window: 300,
            json_ld_min_gain: 1.3,
        }
    }
}

/// Characters of the non-heading text of `blocks`.
fn body_chars(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| b.text.chars().count())
        .sum()
}

/// Extract the content blocks of a flattened page.
fn content_blocks(dom: &Dom<'_>, options: &Options) -> Vec<Block> {
    let copts = &options.content;
    let mut best: Option<(Vec<Block>, usize, Option<usize>)> = None;
    for mode in Mode::CASCADE {
        let figs = content::figures(dom, mode, copts);
        let scores = content::final_scores(dom, &figs, mode, copts);
        let roots = content::choose(dom, &figs, &scores, copts);
        let mut r = blocks::Renderer::new(dom, &figs, &scores, mode, options);
        for &root in &roots {
            r.render(root);
        }
        let out = r.out;
        let chars = body_chars(&out);
        let first = roots.first().copied();
        let done = chars >= copts.min_article_chars;
        if best.as_ref().map_or(true, |b| chars > b.1) {
            best = Some((out, chars, first));
        }
        if done {
            break;
        }
    }
    let (mut out, chars, first) = best.unwrap_or_default();
    if chars < copts.min_article_chars {
        if let Some(body) = json_ld_body(dom) {
            if body.chars().count() as f32 > chars as f32 * copts.json_ld_min_gain {
                out = body
                    .split('\n')
                    .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|l| !l.is_empty())
                    .map(|l| Block::new(BlockKind::Paragraph, l))
                    .collect();
                return out;
            }
        }
    }
    // Kickers, section labels and breadcrumbs sit just above the title.
    if let Some(k) = out
        .iter()
        .take(copts.pre_title_max_blocks + 1)
        .position(|b| b.kind == BlockKind::Heading && b.level == 1)
    {
        let mut idx = 0;
        out.retain(|b| {
            idx += 1;
            idx > k || b.text.chars().count() >= copts.pre_title_max_chars
        });
    }
    if let Some(first) = first {
        if !out
            .iter()
            .any(|b| b.kind == BlockKind::Heading && b.level == 1)
        {
            if let Some(h1) = title_before(dom, first) {
                out.insert(0, Block::heading(1, h1));
            }
        }
    }
    out
}

/// The text of the last `<h1>` before item `first`, if any.
fn title_before(dom: &Dom<'_>, first: usize) -> Option<String> {
    let h = (0..first)
        .rev()
        .find(|&i| dom.items[i].tag == Tag::H(1) && dom.items[i].end as usize <= first)?;
    let mut s = String::new();
    // A site logo set as `<h1><a href=/>Site</a></h1>` is not the title.
    let mut unlinked = false;
    let mut link_end = 0usize;
    for j in h + 1..dom.items[h].end as usize {
        let it = &dom.items[j];
        if it.tag == Tag::A && j >= link_end {
            link_end = it.end as usize;
        }
        if let Ref::Text(t) = it.node {
            if j >= link_end && !t.trim().is_empty() {
                unlinked = true;
            }
            for w in t.split_whitespace() {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(w);
            }
        }
    }
    (unlinked && !s.is_empty()).then_some(s)
}

/// The longest `articleBody` string of the page's JSON-LD, if any.
fn json_ld_body(dom: &Dom<'_>) -> Option<String> {
    let mut best: Option<String> = None;
    for src in &dom.json_ld {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(src) else {
            continue;
        };
        let mut stack = vec![&v];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m {
                        if k == "articleBody" {
                            if let Some(s) = x.as_str() {
                                if best.as_ref().map_or(true, |b| s.len() > b.len()) {
                                    best = Some(s.to_string());
                                }
                            }
                        } else {
                            stack.push(x);
                        }
                    }
                }
                serde_json::Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
    }
    best
}

/// Parse `page` and return its metadata, its main-content blocks and how
/// many tags the guard dropped to bound the parse.
pub(crate) fn extract(
    page: &str,
    options: &Options,
) -> Result<(Metadata, Vec<Block>, usize), Error> {
    let (doc, dropped) = crate::guard::parse(page, &options.limits)?;
    // One walk over the tree: the flat list for the content, and every
    // element to the metadata reader.
    let mut reader = metadata::Reader::new(&doc);
    let dom = Dom::walk(&doc, |el, a| reader.visit(el, a));
    let meta = reader.finish();
    let blocks = content_blocks(&dom, options);
    Ok((meta, blocks, dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> Vec<Block> {
        extract(html, &Options::default()).unwrap().1
    }

    fn text(html: &str) -> String {
        run(html)
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    const PARA: &str = "<p>The council approved the budget on Monday, after a long debate that ran late into the night, with twelve votes in favour and three against.</p>";

    #[test]
    fn navigation_and_footer_are_dropped() {
        let html = format!(
            "<html><body><nav><a href=/>Home</a><a href=/w>World</a></nav><header class=site-header><a href=/>Daily News</a></header><main><article><h1>Budget passes</h1>{PARA}{PARA}{PARA}{PARA}</article></main><footer>Copyright 2026 Daily News</footer></body></html>"
        );
        let t = text(&html);
        assert!(t.starts_with("Budget passes\n\nThe council"), "{t}");
        assert!(!t.contains("Home"));
        assert!(!t.contains("Copyright"));
    }

    #[test]
    fn story_split_over_sibling_containers_is_kept_whole() {
        let html = format!(
            "<body><div class=page><div class=story-part><p>First part begins here, with the lead paragraph of the story that matters.</p>{PARA}{PARA}</div><div class=inline-ad><a href=/ad>Advertisement</a></div><div class=story-part>{PARA}<p>Last part ends the story, with a final paragraph that also matters.</p></div></div><aside class=sidebar><a href=/1>Most read</a></aside></body>"
        );
        let t = text(&html);
        assert!(t.starts_with("First part begins"), "{t}");
        assert!(t.ends_with("also matters."), "{t}");
        assert!(!t.contains("Most read"));
    }

    #[test]
    fn br_separated_text_in_divs_is_found() {
        let line = "Residents gathered at the town hall on Tuesday, asking about the new road plan and its cost.";
        let html = format!(
            "<body><div class=menu><a href=/>Home</a></div><div id=txt>{line}<br><br>{line}<br><br>{line}<br><br>{line}<br><br>{line}<br><br>{line}</div></body>"
        );
        let b = run(&html);
        assert_eq!(b.len(), 6, "{b:?}");
        assert!(b.iter().all(|b| b.text == line));
    }

    #[test]
    fn thin_page_falls_back_to_json_ld_article_body() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Line one of the body.\nLine two of the body."}</script></head><body><p>Short.</p></body></html>"#;
        let t = text(html);
        assert_eq!(t, "Line one of the body.\n\nLine two of the body.");
    }

    #[test]
    fn lead_outside_the_container_is_kept() {
        let html = format!(
            "<body><div class=wrap><p>The lead paragraph sits outside the body container, as on many news sites today.</p><div class=body>{PARA}{PARA}{PARA}{PARA}</div></div></body>"
        );
        let t = text(&html);
        assert!(t.starts_with("The lead paragraph"), "{t}");
    }

    #[test]
    fn empty_and_odd_pages_do_not_panic() {
        for html in ["", "<", "<html>", "<table><td>x", "\0", "<p>"] {
            let _ = run(html);
        }
    }

    #[test]
    fn short_article_is_not_replaced_by_its_own_json_ld_body() {
        let html = r#"<html><head><script type="application/ld+json">{"articleBody":"First paragraph of the short story. Second paragraph of it."}</script></head><body><article><p>First paragraph of the short story.</p><p>Second paragraph of it.</p></article></body></html>"#;
        assert_eq!(run(html).len(), 2);
    }

    #[test]
    fn page_of_short_lines_falls_back_to_the_body() {
        let b = run("<body><p>caf\u{e9} na\u{ef}ve ok</p><p>short line two</p></body>");
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn logo_h1_is_not_taken_for_the_title() {
        let html = format!(
            "<body><h1 class=logo><a href=/>Daily News</a></h1><div class=story>{PARA}{PARA}{PARA}{PARA}</div></body>"
        );
        assert!(run(&html).iter().all(|b| b.kind != BlockKind::Heading));
    }

    #[test]
    fn kicker_above_the_title_is_dropped() {
        let html = format!(
            "<body><div class=story><span class=label>Environment</span><h1>Reef recovers</h1>{PARA}{PARA}{PARA}{PARA}</div></body>"
        );
        let b = run(&html);
        assert_eq!(b[0].text, "Reef recovers");
        assert!(!b.iter().any(|b| b.text == "Environment"));
    }

    #[test]
    fn standfirst_between_title_and_body_is_the_lead() {
        let lead = "The lead sits in the story header, above the body container, and is part of the story.";
        let html = format!(
            "<body><article><div class=head><h1>Title</h1><p class=intro>{lead}</p><div class=share-bar><a href=/s>Share</a></div></div><div class=body>{PARA}{PARA}{PARA}{PARA}</div></article></body>"
        );
        let t = text(&html);
        assert!(t.starts_with(&format!("Title\n\n{lead}")), "{t}");
        assert!(!t.contains("Share"));
    }

    #[test]
    fn hidden_and_script_text_never_show() {
        let html = format!(
            "<body><div>{PARA}{PARA}{PARA}<p style='display:none'>Hidden text here for nobody to read at all.</p><script>var x = 'script text';</script><p hidden>Also hidden.</p></div></body>"
        );
        let t = text(&html);
        assert!(!t.contains("Hidden") && !t.contains("script") && !t.contains("Also"));
    }
}
