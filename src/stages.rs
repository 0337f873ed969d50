//! The pipeline's stages one by one, for benchmarks and profiling.
//!
//! Not part of the stable API (hidden from the docs): thin wrappers over the
//! private stage functions, with the same inputs and outputs as
//! [`Extractor`](crate::Extractor) chains them, so that `benches/` can time
//! each stage alone. [`Page`] carries a stage's blocks with the page's
//! metadata (kept opaque) to the next stage.
//!
//! ```
//! use article_extract::{stages, Options};
//! let opts = Options::default();
//! let bytes = b"<html><body><article><p>The council approved the budget on Monday after a long debate.</p></article></body></html>";
//! let page = stages::decode(bytes, &opts).unwrap();
//! let blocks = stages::html(&page, &opts).unwrap();
//! let blocks = stages::boilerplate(blocks, &opts);
//! let sections = stages::sections(blocks, &opts);
//! assert_eq!(sections.len(), 1);
//! ```

use std::borrow::Cow;

use crate::article::{Block, Metadata, Section};
use crate::error::Error;
use crate::options::Options;
use crate::{boilerplate, decode as decode_stage, guard as guard_stage, html as html_stage};
use crate::{sections as sections_stage, text as text_stage};

/// The output of a block-producing stage: the page's metadata (opaque) and
/// its blocks, in document order.
///
/// ```
/// use article_extract::{stages, Options};
/// let page = stages::text("First paragraph.\n\nSecond paragraph.", &Options::default());
/// assert_eq!(page.blocks().len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Page {
    meta: Metadata,
    blocks: Vec<Block>,
    plain_text: bool,
}

impl Page {
    /// The blocks of the page.
    ///
    /// ```
    /// use article_extract::{stages, Options};
    /// let page = stages::text("One paragraph.", &Options::default());
    /// assert_eq!(page.blocks()[0].text, "One paragraph.");
    /// ```
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
}

/// A parsed document, kept opaque (the `scraper` tree).
///
/// ```
/// let doc = article_extract::stages::parse("<p>Hi</p>");
/// assert!(doc.nodes() > 1);
/// ```
#[derive(Debug)]
pub struct Document(scraper::Html);

impl Document {
    /// How many nodes the tree holds.
    ///
    /// ```
    /// assert!(article_extract::stages::parse("<p>a</p><p>b</p>").nodes() >= 4);
    /// ```
    pub fn nodes(&self) -> usize {
        self.0.tree.values().count()
    }
}

/// Stage `decode`: bytes in any charset to text.
///
/// ```
/// use article_extract::{stages, Options};
/// let page = stages::decode(b"<meta charset=windows-1252><p>caf\xe9</p>", &Options::default());
/// assert!(page.unwrap().ends_with("café</p>"));
/// ```
pub fn decode<'a>(bytes: &'a [u8], options: &Options) -> Result<Cow<'a, str>, Error> {
    decode_stage::decode(bytes, options.encoding.as_deref())
}

/// The pre-parse guard: bound nesting depth and element count.
///
/// ```
/// use article_extract::{stages, Options};
/// assert_eq!(stages::guard("<p>a</p>", &Options::default()).unwrap(), "<p>a</p>");
/// ```
pub fn guard<'a>(page: &'a str, options: &Options) -> Result<Cow<'a, str>, Error> {
    guard_stage::bound(page, &options.limits)
}

/// `scraper`'s bare parse of a page: the floor under the `html` stage.
///
/// ```
/// let doc = article_extract::stages::parse("<html><body><p>Hi</p></body></html>");
/// assert!(doc.nodes() >= 5);
/// ```
pub fn parse(page: &str) -> Document {
    Document(scraper::Html::parse_document(page))
}

/// Stage `html`: guard, parse, metadata, content choice and blocks.
///
/// ```
/// use article_extract::{stages, Options};
/// let page = stages::html("<article><p>The council approved the budget on Monday after a long debate.</p></article>", &Options::default()).unwrap();
/// assert!(page.blocks()[0].text.starts_with("The council"));
/// ```
pub fn html(page: &str, options: &Options) -> Result<Page, Error> {
    let (meta, blocks, _) = html_stage::extract(page, options)?;
    Ok(Page {
        meta,
        blocks,
        plain_text: false,
    })
}

/// Stage `text`: a plain-text page to blocks.
///
/// ```
/// use article_extract::{stages, Options};
/// assert_eq!(stages::text("a\n\nb", &Options::default()).blocks().len(), 2);
/// ```
pub fn text(input: &str, options: &Options) -> Page {
    let (meta, blocks) = text_stage::extract(input, options);
    Page {
        meta,
        blocks,
        plain_text: true,
    }
}

/// Stage `boilerplate`: drop boilerplate blocks (no site profile).
///
/// ```
/// use article_extract::{stages, Options};
/// let opts = Options::default();
/// let page = stages::text("Advertisement\n\nThe council approved the budget on Monday after a long debate.", &opts);
/// assert_eq!(stages::boilerplate(page, &opts).blocks().len(), 1);
/// ```
pub fn boilerplate(page: Page, options: &Options) -> Page {
    let mut meta = page.meta;
    let blocks = boilerplate::clean(page.blocks, &mut meta, options, None, page.plain_text);
    Page {
        meta,
        blocks,
        plain_text: page.plain_text,
    }
}

/// Stage `sections`: group blocks under their headings.
///
/// ```
/// use article_extract::{stages, Options};
/// let page = stages::text("One paragraph.", &Options::default());
/// assert_eq!(stages::sections(page, &Options::default()).len(), 1);
/// ```
pub fn sections(page: Page, options: &Options) -> Vec<Section> {
    let mut meta = page.meta;
    sections_stage::build(page.blocks, &mut meta, options)
}
