//! Blocks in, fewer blocks out: ad markers, breadcrumbs, share lines,
//! repeated blocks, link lists, and a site's repeated lines.
//! (Minimal version: ad markers only.)

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Block, Metadata};
use crate::options::Options;

/// Thresholds of boilerplate removal.
///
/// ```
/// assert!(article_extract::BoilerplateOptions::default().site_line_share > 0.5);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BoilerplateOptions {
    /// Share of a site's learned pages a line must appear on to be dropped.
    pub site_line_share: f32,
}

impl Default for BoilerplateOptions {
    fn default() -> Self {
        BoilerplateOptions {
            site_line_share: 0.6,
        }
    }
}

/// Lines a site repeats across its pages, learned from many of them.
///
/// ```
/// use article_extract::SiteProfile;
/// let p = SiteProfile::new();
/// assert_eq!(p.pages(), 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteProfile {
    pages: usize,
    lines: HashMap<String, usize>,
}

impl SiteProfile {
    /// An empty profile.
    ///
    /// ```
    /// assert_eq!(article_extract::SiteProfile::new().pages(), 0);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// How many pages were learned.
    ///
    /// ```
    /// assert_eq!(article_extract::SiteProfile::default().pages(), 0);
    /// ```
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Learn one page.
    ///
    /// ```
    /// use article_extract::{extract_text, Options, SiteProfile};
    /// let mut p = SiteProfile::new();
    /// p.learn(&extract_text("Some page text that is long enough.", &Options::default()).unwrap());
    /// assert_eq!(p.pages(), 1);
    /// ```
    pub fn learn(&mut self, article: &Article) {
        self.pages += 1;
        let mut seen: Vec<&str> = article
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.text.as_str()))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for line in seen {
            *self.lines.entry(line.to_string()).or_default() += 1;
        }
    }
}

/// Remove boilerplate blocks.
pub(crate) fn clean(
    blocks: Vec<Block>,
    _meta: &Metadata,
    _options: &Options,
    _profile: Option<&SiteProfile>,
) -> Vec<Block> {
    blocks
        .into_iter()
        .filter(|b| !b.text.to_lowercase().starts_with("advertisement"))
        .collect()
}
