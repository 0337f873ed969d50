//! HTML to metadata and blocks: parse once with `scraper`, choose the main
//! content, turn it into blocks. (Minimal version: every paragraph-like
//! element of the body.)

use std::sync::LazyLock;

use scraper::Selector;

use crate::article::{Block, BlockKind, Metadata};
use crate::error::Error;
use crate::options::Options;

mod headings;
mod metadata;

/// Thresholds of main-content choice on HTML pages.
///
/// ```
/// let c = article_extract::ContentOptions::default();
/// assert!(c.min_paragraph_chars > 0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ContentOptions {
    /// Shortest text, in characters, that counts as a paragraph when scoring.
    pub min_paragraph_chars: usize,
}

impl Default for ContentOptions {
    fn default() -> Self {
        ContentOptions {
            min_paragraph_chars: 25,
        }
    }
}

static BLOCKS: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse("body p, body h1, body h2, body h3, body h4, body h5, body h6, body li")
        .unwrap()
});

/// Parse `page` and return its metadata and main-content blocks.
pub(crate) fn extract(page: &str, options: &Options) -> Result<(Metadata, Vec<Block>), Error> {
    let doc = crate::guard::parse(page, &options.limits)?;
    let meta = metadata::read(&doc);
    let blocks = doc
        .select(&BLOCKS)
        .filter_map(|el| {
            let text = el.text().collect::<Vec<_>>().join(" ");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                return None;
            }
            if let Some(level) = headings::heading_level(el, &text) {
                return Some(Block::heading(level, text));
            }
            Some(match el.value().name() {
                "li" => Block::new(BlockKind::ListItem, text),
                _ => Block::new(BlockKind::Paragraph, text),
            })
        })
        .collect();
    Ok((meta, blocks))
}
