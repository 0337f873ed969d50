//! Plain-text pages to blocks. (Minimal version: one paragraph per
//! blank-line-separated chunk.)

use crate::article::{Block, BlockKind, Metadata};
use crate::options::Options;

/// Thresholds of block building on plain-text pages.
///
/// ```
/// assert!(article_extract::TextOptions::default().max_heading_chars > 0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TextOptions {
    /// Longest line, in characters, that may be taken for a heading.
    pub max_heading_chars: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            max_heading_chars: 120,
        }
    }
}

/// Split `input` into blocks; guess the metadata a text dump can carry.
pub(crate) fn extract(input: &str, _options: &Options) -> (Metadata, Vec<Block>) {
    let blocks = input
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|p| Block::new(BlockKind::Paragraph, p))
        .collect();
    (Metadata::default(), blocks)
}
