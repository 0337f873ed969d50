//! The output model: [`Article`], [`Section`], [`Block`] and the renderers
//! `text()` / `to_markdown()` over them. Every stage produces or consumes
//! these types; none of them knows whether the input was HTML or plain text.

use serde::{Deserialize, Serialize};

use crate::facts::Fact;
use crate::Warning;

/// What a block is. Serialised in `snake_case` (`"list_item"`).
///
/// ```
/// use article_extract::BlockKind;
/// assert_eq!(serde_json::to_string(&BlockKind::ListItem).unwrap(), "\"list_item\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A heading; its level is in [`Block::level`].
    Heading,
    /// A paragraph of running text.
    Paragraph,
    /// One item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A table, one row per line, cells separated by ` | `.
    Table,
    /// Preformatted text or code, whitespace kept.
    Code,
}

/// One unit of content: a paragraph, a heading, a list item, ...
///
/// Blocks are what every stage after parsing works on. Only `kind` and
/// `text` are serialised; the other fields are figures the stages use.
///
/// ```
/// use article_extract::{Block, BlockKind};
/// let b = Block::new(BlockKind::Paragraph, "Hello world.");
/// assert_eq!(b.text, "Hello world.");
/// assert_eq!(b.level, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text, inline whitespace normalised (except for [`BlockKind::Code`]).
    pub text: String,
    /// Heading level 1–6 for [`BlockKind::Heading`], 0 otherwise.
    #[serde(skip)]
    pub level: u8,
    /// Bytes of `text` that sat inside links (0 for plain text input).
    #[serde(skip)]
    pub link_bytes: usize,
}

impl Block {
    /// A block of `kind` holding `text`, with no heading level and no link text.
    ///
    /// ```
    /// use article_extract::{Block, BlockKind};
    /// assert_eq!(Block::new(BlockKind::Quote, "q").kind, BlockKind::Quote);
    /// ```
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
            level: 0,
            link_bytes: 0,
        }
    }

    /// A heading block of `level` (clamped to 1–6).
    ///
    /// ```
    /// use article_extract::{Block, BlockKind};
    /// let h = Block::heading(2, "Background");
    /// assert_eq!((h.kind, h.level), (BlockKind::Heading, 2));
    /// ```
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block {
            level: level.clamp(1, 6),
            ..Block::new(BlockKind::Heading, text)
        }
    }

    /// Share of the text that is link text, 0.0–1.0.
    ///
    /// ```
    /// use article_extract::{Block, BlockKind};
    /// let mut b = Block::new(BlockKind::ListItem, "Home");
    /// b.link_bytes = 4;
    /// assert_eq!(b.link_density(), 1.0);
    /// ```
    pub fn link_density(&self) -> f32 {
        if self.text.is_empty() {
            0.0
        } else {
            (self.link_bytes.min(self.text.len()) as f32) / self.text.len() as f32
        }
    }
}

/// A run of blocks under one heading.
///
/// ```
/// use article_extract::Section;
/// let lead = Section { heading: None, level: 0, blocks: vec![] };
/// assert_eq!(serde_json::to_value(&lead).unwrap()["heading"], serde_json::Value::Null);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The heading text; `None` for the untitled lead.
    pub heading: Option<String>,
    /// Heading level 1–6; 0 for the untitled lead.
    pub level: u8,
    /// The section's blocks (never headings).
    pub blocks: Vec<Block>,
}

/// A numeric fact located in the article: which section and which block of
/// that section it came from, plus the fact itself (spans index the block text).
///
/// ```
/// use article_extract::{extract_text, Options};
/// let a = extract_text("About 12,000 soldiers were sent.", &Options::default()).unwrap();
/// for f in &a.facts {
///     let block = &a.sections[f.section].blocks[f.block];
///     assert_eq!(&block.text[f.fact.start..f.fact.end], f.fact.text);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocatedFact {
    /// Index into [`Article::sections`].
    pub section: usize,
    /// Index into that section's `blocks`.
    pub block: usize,
    /// The fact, its span relative to the block text.
    #[serde(flatten)]
    pub fact: Fact,
}

/// Metadata read from the page, before it is copied into an [`Article`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub description: Option<String>,
}

/// A cleaned article: metadata, sections, facts and the plain text.
///
/// Serialises with `snake_case` keys and `null` for what the page did not say.
///
/// ```
/// use article_extract::{extract_text, Options};
/// let a = extract_text("A Title\n\nFirst paragraph of the story, long enough to keep.", &Options::default()).unwrap();
/// let json = serde_json::to_value(&a).unwrap();
/// assert!(json.get("sections").is_some());
/// assert_eq!(a.text(), a.text);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The article title, site name stripped.
    pub title: Option<String>,
    /// The author(s), as written.
    pub byline: Option<String>,
    /// Publication date/time, ISO 8601.
    pub published: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// Language tag, e.g. `en` or `en-US`.
    pub lang: Option<String>,
    /// The page's own summary.
    pub description: Option<String>,
    /// Sections in reading order; the untitled lead (if any) first.
    pub sections: Vec<Section>,
    /// Numeric facts found in the blocks (empty when fact extraction is off).
    pub facts: Vec<LocatedFact>,
    /// All blocks' text joined by blank lines (headings included).
    pub text: String,
    /// What a limit left out (see [`Warning`]); empty, and absent from the
    /// JSON, for every ordinary page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

impl Article {
    pub(crate) fn assemble(
        meta: Metadata,
        sections: Vec<Section>,
        facts: Vec<LocatedFact>,
        warnings: Vec<Warning>,
    ) -> Self {
        let mut a = Article {
            title: meta.title,
            byline: meta.byline,
            published: meta.published,
            site_name: meta.site_name,
            lang: meta.lang,
            description: meta.description,
            sections,
            facts,
            text: String::new(),
            warnings,
        };
        a.text = a.render_text();
        a
    }

    fn render_text(&self) -> String {
        // sized once: the texts and a blank line between each two
        let texts = self
            .sections
            .iter()
            .flat_map(|s| s.heading.iter().chain(s.blocks.iter().map(|b| &b.text)));
        let mut out = String::with_capacity(texts.map(|t| t.len() + 2).sum());
        for s in &self.sections {
            if let Some(h) = &s.heading {
                push_par(&mut out, h);
            }
            for b in &s.blocks {
                push_par(&mut out, &b.text);
            }
        }
        out
    }

    /// The article's plain text: every heading and block, separated by blank lines.
    ///
    /// ```
    /// use article_extract::{extract_text, Options};
    /// let a = extract_text("One paragraph that is long enough to be a paragraph.\n\nAnother paragraph that also makes a sentence.", &Options::default()).unwrap();
    /// assert!(a.text().contains("\n\n"));
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The article as Markdown: the title as `#`, section headings as `#`
    /// repeated by level (shifted below the title), list items as `- `,
    /// quotes as `> `, code fenced.
    ///
    /// ```
    /// use article_extract::{Article, Block, BlockKind, Section};
    /// let a = Article {
    ///     title: Some("T".into()),
    ///     sections: vec![Section { heading: Some("H".into()), level: 2, blocks: vec![Block::new(BlockKind::ListItem, "x")] }],
    ///     ..Default::default()
    /// };
    /// assert_eq!(a.to_markdown(), "# T\n\n## H\n\n- x\n");
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.title {
            push_par(&mut out, &format!("# {t}"));
        }
        // Headings keep their relative levels; when a title is written as
        // `#` and some section is level 1, every section moves one down.
        let shift = u8::from(
            self.title.is_some()
                && self
                    .sections
                    .iter()
                    .any(|s| s.heading.is_some() && s.level == 1),
        );
        for s in &self.sections {
            if let Some(h) = &s.heading {
                let level = usize::from((s.level.clamp(1, 6) + shift).min(6));
                push_par(&mut out, &format!("{} {h}", "#".repeat(level)));
            }
            let mut prev_item = false;
            for b in &s.blocks {
                let is_item = b.kind == BlockKind::ListItem;
                let md = match b.kind {
                    BlockKind::ListItem => format!("- {}", b.text),
                    BlockKind::Quote => b
                        .text
                        .lines()
                        .map(|l| format!("> {l}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    BlockKind::Code => format!("```\n{}\n```", b.text),
                    BlockKind::Heading => format!(
                        "{} {}",
                        "#".repeat(usize::from(b.level.clamp(1, 6))),
                        b.text
                    ),
                    BlockKind::Paragraph | BlockKind::Table => b.text.clone(),
                };
                if is_item && prev_item {
                    out.push('\n');
                    out.push_str(&md);
                } else {
                    push_par(&mut out, &md);
                }
                prev_item = is_item;
            }
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

fn push_par(out: &mut String, s: &str) {
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(s);
}
