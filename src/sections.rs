//! Blocks to sections: group blocks under headings, keeping levels.

use crate::article::{Block, BlockKind, Metadata, Section};
use crate::options::Options;

/// Options of heading detection and section grouping.
///
/// ```
/// assert!(article_extract::SectionOptions::default().title_h1_is_title);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SectionOptions {
    /// A leading `h1` that repeats (or supplies) the title becomes
    /// `Article::title` rather than a section.
    pub title_h1_is_title: bool,
}

impl Default for SectionOptions {
    fn default() -> Self {
        SectionOptions {
            title_h1_is_title: true,
        }
    }
}

/// Group `blocks` into sections. The untitled lead is section 0 with level 0.
pub(crate) fn build(blocks: Vec<Block>, meta: &mut Metadata, options: &Options) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for b in blocks {
        if b.kind == BlockKind::Heading {
            if options.sections.title_h1_is_title
                && b.level == 1
                && sections.iter().all(|s| s.blocks.is_empty())
                && meta
                    .title
                    .as_deref()
                    .is_none_or(|t| t.contains(b.text.as_str()))
            {
                meta.title = Some(b.text);
                continue;
            }
            sections.push(Section {
                heading: Some(b.text),
                level: b.level,
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
    sections
}
