//! Blocks to sections: group blocks under headings, keeping levels.
//!
//! Rules, in order:
//!
//! 1. **Title.** The page-title heading is taken out of the body and becomes
//!    `Article::title`: the first heading near the top
//!    ([`SectionOptions::title_search_blocks`]) whose text is similar to the
//!    metadata title ([`SectionOptions::title_similarity`]), else the first
//!    `h1` before any content block. Its visible text replaces the metadata
//!    title (which often carries a site name).
//! 2. **Levels.** Headings detected from style rather than tags (bold or
//!    large-font lines, class hints) arrive with [`EMPHASIS_LEVEL`]; they are
//!    re-levelled one below the deepest `h1`–`h5` level left in the article,
//!    or to level 2 when the article has no tagged heading (the level just
//!    under the title, so that they are top-level sections in Markdown).
//!    A real `h6` shares the marker and is treated the same way.
//! 3. **Grouping.** Content before the first heading is the untitled lead,
//!    section 0 with `level: 0` and `heading: None`. Every heading opens a
//!    new section, so consecutive headings give empty sections (a date
//!    header followed by a post title, a chapter followed by its first
//!    subsection): they are kept, because dropping or merging them loses
//!    headings people see. Only *trailing* headings with nothing after them
//!    at all are dropped ([`SectionOptions::drop_trailing_empty`]): on news
//!    pages they are the leftovers of "Related stories" or "Comments" boxes
//!    whose content was removed as boilerplate.

use crate::article::{Block, BlockKind, Metadata, Section};
use crate::options::Options;

/// The provisional level given to headings recognised from style (bold,
/// larger font, heading-like class) rather than from an `h1`–`h6` tag;
/// [`build`] re-levels them.
pub(crate) const EMPHASIS_LEVEL: u8 = 6;

/// Options of heading detection and section grouping.
///
/// ```
/// let o = article_extract::SectionOptions::default();
/// assert!(o.title_h1_is_title && o.styled_headings);
/// assert!(o.max_heading_chars >= o.max_heading_words);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SectionOptions {
    /// A leading `h1` that repeats (or supplies) the title becomes
    /// `Article::title` rather than a section.
    pub title_h1_is_title: bool,
    /// How similar (0.0–1.0, share of the longer text's words found in
    /// order-independent overlap) a leading heading must be to the metadata
    /// title to be taken as the page title.
    pub title_similarity: f32,
    /// How many leading blocks are searched for a heading that repeats the
    /// metadata title (navigation left before the title is tolerated).
    pub title_search_blocks: usize,
    /// Recognise headings from style (bold/strong/large-font lines and
    /// heading-like class names), not only from `h1`–`h6` and
    /// `role="heading"`.
    pub styled_headings: bool,
    /// Longest styled line, in characters, that can be a heading.
    pub max_heading_chars: usize,
    /// Longest styled line, in words, that can be a heading.
    pub max_heading_words: usize,
    /// Longest `h1`–`h6` / `role="heading"` text, in characters, still taken
    /// as a heading (longer ones are paragraphs wrapped in heading tags).
    pub max_tag_heading_chars: usize,
    /// Most DOM nodes looked at under one element when deciding whether it
    /// is a styled line; a bigger element is not one.
    pub max_inspect_nodes: usize,
    /// Most children of an element scanned for the one line a block walker
    /// handed over (a run between `<br>`s), when the element holds more.
    pub max_line_children: usize,
    /// Drop headings at the very end of the article with no block after them.
    pub drop_trailing_empty: bool,
    /// A heading whose blocks are all link text (each block's link density
    /// at least this, 0.0–1.0) titles a box of links ("Related articles",
    /// "Most popular"), not a section: the heading is dropped and its blocks
    /// join the section before. Above 1.0 switches the rule off.
    pub link_list_density: f32,
}

impl Default for SectionOptions {
    fn default() -> Self {
        SectionOptions {
            title_h1_is_title: true,
            title_similarity: 0.6,
            title_search_blocks: 30,
            styled_headings: true,
            max_heading_chars: 100,
            max_heading_words: 15,
            max_tag_heading_chars: 250,
            max_inspect_nodes: 48,
            max_line_children: 256,
            drop_trailing_empty: true,
            link_list_density: 0.8,
        }
    }
}

/// Group `blocks` into sections. The untitled lead is section 0 with level 0.
/// May set `meta.title` from the page-title heading (see the module docs).
pub(crate) fn build(blocks: Vec<Block>, meta: &mut Metadata, options: &Options) -> Vec<Section> {
    let opts = &options.sections;
    let mut blocks = blocks;
    if opts.title_h1_is_title {
        take_title(&mut blocks, meta, opts);
    }
    relevel(&mut blocks);
    let mut sections: Vec<Section> = Vec::new();
    for b in blocks {
        if b.kind == BlockKind::Heading {
            sections.push(Section {
                heading: Some(b.text),
                level: b.level.clamp(1, 6),
                blocks: Vec::new(),
            });
        } else {
            match sections.last_mut() {
                Some(s) => s.blocks.push(b),
                None => sections.push(Section {
                    heading: None,
                    level: 0,
                    blocks: vec![b],
                }),
            }
        }
    }
    if opts.link_list_density <= 1.0 {
        sections = merge_link_boxes(sections, opts.link_list_density);
    }
    if opts.drop_trailing_empty {
        while sections
            .last()
            .is_some_and(|s| s.heading.is_some() && s.blocks.is_empty())
        {
            sections.pop();
        }
    }
    sections
}

/// Drop the headings of sections made only of links (see
/// [`SectionOptions::link_list_density`]); their blocks join the section before.
fn merge_link_boxes(sections: Vec<Section>, density: f32) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::with_capacity(sections.len());
    for s in sections {
        let link_box = s.heading.is_some()
            && !s.blocks.is_empty()
            && s.blocks.iter().all(|b| b.link_density() >= density);
        match out.last_mut() {
            Some(prev) if link_box => prev.blocks.extend(s.blocks),
            None if link_box => out.push(Section {
                heading: None,
                level: 0,
                blocks: s.blocks,
            }),
            _ => out.push(s),
        }
    }
    out
}

/// Remove the page-title heading from `blocks` and store its text as the
/// title: the first heading among the first
/// [`SectionOptions::title_search_blocks`] blocks that is similar to the
/// metadata title, else the first `h1` before any content block.
fn take_title(blocks: &mut Vec<Block>, meta: &mut Metadata, opts: &SectionOptions) {
    // (the title's words found at the first heading, not again for each)
    let mut title_words = None;
    let similar_at = meta.title.as_deref().and_then(|t| {
        blocks.iter().take(opts.title_search_blocks).position(|b| {
            b.kind == BlockKind::Heading && {
                let wt = title_words.get_or_insert_with(|| words(t));
                similar_words(wt, &words(&b.text), opts.title_similarity)
            }
        })
    });
    let found = similar_at.or_else(|| {
        blocks
            .iter()
            .take_while(|b| b.kind == BlockKind::Heading)
            .position(|b| b.level == 1)
    });
    if let Some(i) = found {
        let b = blocks.remove(i);
        meta.title = Some(b.text);
    }
}

/// Whether `heading` repeats `title`: enough words in common, or all the
/// (two or more) words of one inside the other (a title with a site name, a
/// heading with a kicker).
#[cfg(test)]
fn similar(title: &str, heading: &str, threshold: f32) -> bool {
    similar_words(&words(title), &words(heading), threshold)
}

/// Whether a heading repeats a title (see `similar`), given the [`words`]
/// of each.
fn similar_words(wt: &[String], wh: &[String], threshold: f32) -> bool {
    if overlap(wt, wh) >= threshold {
        return true;
    }
    let inside = |a: &[String], b: &[String]| a.len() >= 2 && a.iter().all(|w| b.contains(w));
    inside(wh, wt) || inside(wt, wh)
}

/// Share of words the two texts have in common, relative to the longer one
/// (lower-cased, alphanumeric words; each word counted once).
#[cfg(test)]
fn similarity(a: &str, b: &str) -> f32 {
    overlap(&words(a), &words(b))
}

/// Share of words in common (see `similarity`), given the [`words`] of
/// the two texts.
fn overlap(wa: &[String], wb: &[String]) -> f32 {
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let common = wa.iter().filter(|w| wb.contains(w)).count();
    common as f32 / wa.len().max(wb.len()) as f32
}

/// The distinct lower-cased alphanumeric words of `s`, in order.
fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Give styled headings ([`EMPHASIS_LEVEL`]) the level one below the deepest
/// tagged heading, or 2 when there is none.
fn relevel(blocks: &mut [Block]) {
    let deepest = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level < EMPHASIS_LEVEL)
        .map(|b| b.level)
        .max();
    let level = deepest.map_or(2, |d| (d + 1).min(EMPHASIS_LEVEL));
    for b in blocks
        .iter_mut()
        .filter(|b| b.kind == BlockKind::Heading && b.level >= EMPHASIS_LEVEL)
    {
        b.level = level;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Block {
        Block::new(BlockKind::Paragraph, t)
    }

    fn run(blocks: Vec<Block>, title: Option<&str>) -> (Vec<Section>, Option<String>) {
        let mut meta = Metadata {
            title: title.map(str::to_string),
            ..Default::default()
        };
        let s = build(blocks, &mut meta, &Options::default());
        (s, meta.title)
    }

    fn headings(s: &[Section]) -> Vec<(Option<&str>, u8)> {
        s.iter().map(|s| (s.heading.as_deref(), s.level)).collect()
    }

    #[test]
    fn lead_is_section_zero_with_level_zero() {
        let (s, _) = run(
            vec![p("lead"), Block::heading(2, "Background"), p("body")],
            None,
        );
        assert_eq!(headings(&s), vec![(None, 0), (Some("Background"), 2)]);
        assert_eq!(s[0].blocks[0].text, "lead");
        assert_eq!(s[1].blocks[0].text, "body");
    }

    #[test]
    fn leading_h1_becomes_the_title() {
        let (s, t) = run(
            vec![Block::heading(1, "Storm hits coast"), p("text")],
            Some("Storm hits coast | Daily News"),
        );
        assert_eq!(t.as_deref(), Some("Storm hits coast"));
        assert_eq!(headings(&s), vec![(None, 0)]);
    }

    #[test]
    fn leading_h1_without_metadata_title_becomes_the_title() {
        let (s, t) = run(vec![Block::heading(1, "Minutes"), p("text")], None);
        assert_eq!(t.as_deref(), Some("Minutes"));
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn leading_h2_equal_to_title_becomes_the_title() {
        let (s, t) = run(
            vec![
                Block::heading(2, "Blog Name"),
                Block::heading(2, "Storm hits coast"),
                p("x"),
            ],
            Some("Storm hits coast"),
        );
        assert_eq!(t.as_deref(), Some("Storm hits coast"));
        assert_eq!(headings(&s), vec![(Some("Blog Name"), 2)]);
    }

    #[test]
    fn title_heading_after_navigation_is_found() {
        let (s, t) = run(
            vec![
                Block::new(BlockKind::ListItem, "Home"),
                Block::new(BlockKind::ListItem, "World"),
                Block::heading(1, "Storm hits coast"),
                p("text"),
            ],
            Some("Storm hits coast - Daily News"),
        );
        assert_eq!(t.as_deref(), Some("Storm hits coast"));
        assert!(s.iter().all(|s| s.heading.is_none()));
    }

    #[test]
    fn h1_after_content_stays_a_section() {
        let (s, t) = run(
            vec![p("lead"), Block::heading(1, "Part one"), p("x")],
            Some("Other"),
        );
        assert_eq!(t.as_deref(), Some("Other"));
        assert_eq!(headings(&s), vec![(None, 0), (Some("Part one"), 1)]);
    }

    #[test]
    fn styled_headings_go_one_below_deepest_tag() {
        let (s, _) = run(
            vec![
                p("lead"),
                Block::heading(2, "A"),
                Block::heading(EMPHASIS_LEVEL, "a1"),
                p("x"),
                Block::heading(3, "B"),
                p("y"),
            ],
            None,
        );
        assert_eq!(
            headings(&s),
            vec![(None, 0), (Some("A"), 2), (Some("a1"), 4), (Some("B"), 3)]
        );
    }

    #[test]
    fn styled_headings_alone_are_level_two() {
        let (s, _) = run(
            vec![p("lead"), Block::heading(EMPHASIS_LEVEL, "Bold"), p("x")],
            None,
        );
        assert_eq!(headings(&s), vec![(None, 0), (Some("Bold"), 2)]);
    }

    #[test]
    fn consecutive_headings_keep_empty_sections() {
        let (s, _) = run(
            vec![
                p("lead"),
                Block::heading(2, "Chapter"),
                Block::heading(3, "First part"),
                p("x"),
            ],
            None,
        );
        assert_eq!(
            headings(&s),
            vec![(None, 0), (Some("Chapter"), 2), (Some("First part"), 3)]
        );
        assert!(s[1].blocks.is_empty());
    }

    #[test]
    fn trailing_empty_headings_are_dropped() {
        let (s, _) = run(
            vec![
                p("lead"),
                Block::heading(2, "Body"),
                p("x"),
                Block::heading(2, "Related"),
                Block::heading(3, "More"),
            ],
            None,
        );
        assert_eq!(headings(&s), vec![(None, 0), (Some("Body"), 2)]);
    }

    #[test]
    fn heading_over_only_links_is_dropped() {
        let mut links = Block::new(BlockKind::ListItem, "Markets fall again");
        links.link_bytes = links.text.len();
        let (s, _) = run(
            vec![
                p("lead"),
                Block::heading(2, "Related articles"),
                links,
                Block::heading(2, "Analysis"),
                p("x"),
            ],
            None,
        );
        assert_eq!(headings(&s), vec![(None, 0), (Some("Analysis"), 2)]);
        assert_eq!(s[0].blocks.len(), 2);
    }

    #[test]
    fn no_lead_section_when_article_starts_with_heading() {
        let (s, _) = run(vec![Block::heading(2, "Intro"), p("x")], Some("T"));
        assert_eq!(headings(&s), vec![(Some("Intro"), 2)]);
    }

    #[test]
    fn heading_inside_long_title_is_similar() {
        assert!(similar(
            "Storm hits coast - The Daily Herald Online",
            "Storm hits coast",
            0.6
        ));
        assert!(!similar(
            "Storm hits coast - The Daily Herald Online",
            "Storm",
            0.6
        ));
    }

    #[test]
    fn markdown_keeps_relative_levels_under_the_title() {
        let sec = |h: &str, level| Section {
            heading: Some(h.into()),
            level,
            blocks: vec![p("x")],
        };
        let mut a = crate::Article {
            title: Some("T".into()),
            sections: vec![sec("Part", 1), sec("Detail", 2)],
            ..Default::default()
        };
        assert_eq!(a.to_markdown(), "# T\n\n## Part\n\nx\n\n### Detail\n\nx\n");
        a.title = None;
        assert_eq!(a.to_markdown(), "# Part\n\nx\n\n## Detail\n\nx\n");
        a.title = Some("T".into());
        a.sections = vec![sec("A", 2), sec("B", 4)];
        assert_eq!(a.to_markdown(), "# T\n\n## A\n\nx\n\n#### B\n\nx\n");
    }

    /// The old `similar` (each text's words found twice), kept as the
    /// oracle of `similar_words` over words found once.
    fn similar_oracle(title: &str, heading: &str, threshold: f32) -> bool {
        let (wa, wb) = (words(title), words(heading));
        let share = if wa.is_empty() || wb.is_empty() {
            0.0
        } else {
            wa.iter().filter(|w| wb.contains(w)).count() as f32 / wa.len().max(wb.len()) as f32
        };
        if share >= threshold {
            return true;
        }
        let (wh, wt) = (words(heading), words(title));
        let inside = |a: &[String], b: &[String]| a.len() >= 2 && a.iter().all(|w| b.contains(w));
        inside(&wh, &wt) || inside(&wt, &wh)
    }

    #[test]
    fn similar_words_match_old_similar() {
        let texts = [
            "",
            "Storm",
            "Storm hits coast",
            "storm HITS coast | Daily News",
            "ΟΔΟΣ.ΚΑΙ Σ σ ς",
            "Straße STRASSE straße",
            "İstanbul istanbul",
            "a a a b",
            "Kim Jong Un Reaffirms Alliance",
        ];
        for t in texts {
            for h in texts {
                for threshold in [0.0, 0.5, 0.6, 1.0, 1.1] {
                    assert_eq!(
                        similar(t, h, threshold),
                        similar_oracle(t, h, threshold),
                        "{t:?} {h:?} {threshold}"
                    );
                }
            }
        }
    }

    #[test]
    fn similarity_is_word_overlap() {
        assert!(similarity("Storm hits coast | Daily News", "Storm hits coast") >= 0.6);
        assert!(similarity("Storm hits coast", "Markets fall") < 0.1);
        assert_eq!(similarity("", "x"), 0.0);
    }
}
