//! Wiring of the stages: bytes or text in, [`Article`] out.

use crate::article::{Article, Block, LocatedFact, Metadata, Section};
use crate::boilerplate::{self, SiteProfile};
use crate::error::{Error, Warning};
use crate::options::Options;
use crate::{decode, facts, html, sections, text};

/// Extract the article from an HTML page given as bytes in any charset.
///
/// ```
/// use article_extract::{extract_html, Options};
/// let a = extract_html(b"<article><p>The council approved the budget on Monday after a long debate.</p></article>", &Options::default()).unwrap();
/// assert!(a.text().starts_with("The council approved"));
/// ```
pub fn extract_html(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    Extractor::new(options.clone()).extract_html(bytes)
}

/// Extract the article from an already-scraped plain-text page.
///
/// ```
/// use article_extract::{extract_text, Options};
/// let a = extract_text("Advertisement\n\nThe council approved the budget on Monday after a long debate.", &Options::default()).unwrap();
/// assert_eq!(a.text(), "The council approved the budget on Monday after a long debate.");
/// ```
pub fn extract_text(text: &str, options: &Options) -> Result<Article, Error> {
    Extractor::new(options.clone()).extract_text(text)
}

/// A reusable extractor: holds [`Options`] and, optionally, a [`SiteProfile`]
/// of lines that one site repeats on most of its pages.
///
/// ```
/// use article_extract::{Extractor, Options};
/// let ex = Extractor::new(Options::default());
/// let a = ex.extract_text("The council approved the budget on Monday after a long debate.").unwrap();
/// assert_eq!(a.sections.len(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: Options,
    profile: Option<SiteProfile>,
}

impl Extractor {
    /// An extractor with these options and no site profile.
    ///
    /// ```
    /// let ex = article_extract::Extractor::new(Default::default());
    /// assert!(ex.profile().is_none());
    /// ```
    pub fn new(options: Options) -> Self {
        Extractor {
            options,
            profile: None,
        }
    }

    /// The options in use.
    ///
    /// ```
    /// let ex = article_extract::Extractor::new(Default::default());
    /// assert!(ex.options().facts);
    /// ```
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Use `profile` to drop the lines its site repeats across pages.
    ///
    /// ```
    /// use article_extract::{Extractor, SiteProfile};
    /// let ex = Extractor::new(Default::default()).with_profile(SiteProfile::new());
    /// assert!(ex.profile().is_some());
    /// ```
    pub fn with_profile(mut self, profile: SiteProfile) -> Self {
        self.profile = Some(profile);
        self
    }

    /// The site profile, if any.
    ///
    /// ```
    /// let ex = article_extract::Extractor::new(Default::default());
    /// assert!(ex.profile().is_none());
    /// ```
    pub fn profile(&self) -> Option<&SiteProfile> {
        self.profile.as_ref()
    }

    /// Learn the lines of one more page of the site into this extractor's
    /// profile (created on first use). Learn from the *uncleaned* article of
    /// each page, e.g. one extracted with this same extractor.
    ///
    /// ```
    /// use article_extract::Extractor;
    /// let mut ex = Extractor::new(Default::default());
    /// let a = ex.extract_text("Subscribe to our daily briefing today.\n\nA one-off paragraph of actual news.").unwrap();
    /// ex.learn(&a);
    /// assert_eq!(ex.profile().unwrap().pages(), 1);
    /// ```
    pub fn learn(&mut self, article: &Article) {
        self.profile
            .get_or_insert_with(SiteProfile::new)
            .learn(article);
    }

    /// Extract the article from HTML bytes; see [`extract_html`].
    ///
    /// ```
    /// let ex = article_extract::Extractor::new(Default::default());
    /// let a = ex.extract_html(b"").unwrap();
    /// assert!(a.sections.is_empty());
    /// ```
    pub fn extract_html(&self, bytes: &[u8]) -> Result<Article, Error> {
        self.check_size(bytes.len())?;
        let page = decode::decode(bytes, self.options.encoding.as_deref())?;
        let (meta, blocks, dropped) = html::extract(&page, &self.options)?;
        let mut warnings = Vec::new();
        if dropped > 0 {
            warnings.push(Warning::MarkupDropped { tags: dropped });
        }
        Ok(self.finish(meta, blocks, false, warnings))
    }

    /// Extract the article from plain text; see [`extract_text`].
    ///
    /// ```
    /// let ex = article_extract::Extractor::new(Default::default());
    /// assert!(ex.extract_text("").unwrap().sections.is_empty());
    /// ```
    pub fn extract_text(&self, input: &str) -> Result<Article, Error> {
        self.check_size(input.len())?;
        let (meta, blocks) = text::extract(input, &self.options);
        Ok(self.finish(meta, blocks, true, Vec::new()))
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        let limit = self.options.limits.max_input_bytes;
        if size > limit {
            return Err(Error::InputTooLarge { size, limit });
        }
        Ok(())
    }

    fn finish(
        &self,
        mut meta: Metadata,
        blocks: Vec<Block>,
        plain_text: bool,
        mut warnings: Vec<Warning>,
    ) -> Article {
        let blocks = boilerplate::clean(
            blocks,
            &mut meta,
            &self.options,
            self.profile.as_ref(),
            plain_text,
        );
        let sections = sections::build(blocks, &mut meta, &self.options);
        let facts = if self.options.facts {
            let limit = self.options.limits.max_facts;
            let (facts, cut) = locate_facts(&sections, meta.published.as_deref(), limit);
            if cut {
                warnings.push(Warning::FactsTruncated { limit });
            }
            facts
        } else {
            Vec::new()
        };
        Article::assemble(meta, sections, facts, warnings)
    }
}

/// Facts of every block, the first `limit` in reading order, and whether
/// there were more. Partial dates (`May 9`) take the publication year, else
/// the year of the article's first full date.
fn locate_facts(
    sections: &[Section],
    published: Option<&str>,
    limit: usize,
) -> (Vec<LocatedFact>, bool) {
    let year = published.and_then(|p| p.get(..4)?.parse::<i32>().ok());
    let ctx = facts::Context { year, today: None };
    let mut out = Vec::new();
    let blocks = sections
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.blocks.iter().enumerate().map(move |(bi, b)| (si, bi, b)));
    for (si, bi, b) in blocks {
        if out.len() > limit {
            break;
        }
        out.extend(
            facts::extract_with_context(&b.text, &ctx)
                .into_iter()
                .map(|fact| LocatedFact {
                    section: si,
                    block: bi,
                    fact,
                }),
        );
    }
    let cut = out.len() > limit;
    out.truncate(limit);
    if year.is_none() {
        if let Some(y) = facts::first_date_year(out.iter().map(|l| &l.fact)) {
            for l in &mut out {
                facts::fill_year(std::slice::from_mut(&mut l.fact), y);
            }
        }
    }
    (out, cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_cut_at_the_limit_with_a_warning() {
        let text = "In 2020, 30 people and 40 dogs walked 50 miles.";
        let mut o = Options::default();
        let all = extract_text(text, &o).unwrap();
        assert_eq!(all.facts.len(), 4);
        o.limits.max_facts = 4;
        let a = extract_text(text, &o).unwrap();
        assert_eq!((a.facts.len(), a.warnings.len()), (4, 0));
        o.limits.max_facts = 3;
        let a = extract_text(text, &o).unwrap();
        assert_eq!(a.facts, all.facts[..3]);
        assert_eq!(a.warnings, vec![Warning::FactsTruncated { limit: 3 }]);
    }
}
