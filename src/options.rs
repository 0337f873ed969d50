//! [`Options`]: every knob and threshold of the pipeline, with safe defaults.

use crate::boilerplate::BoilerplateOptions;
use crate::html::ContentOptions;
use crate::sections::SectionOptions;
use crate::text::TextOptions;

/// Resource limits. Exceeding one gives a typed [`Error`](crate::Error) or a
/// best-effort result, never a panic.
///
/// Before parsing, HTML goes through a linear pre-scan that models the
/// parser's stack of open elements. Markup beyond `max_depth`,
/// `max_formatting`, `max_attributes` or `min_bytes_per_element` is dropped
/// from the page (the text inside stays), so the parser, which is quadratic on deep nesting, only
/// ever sees a bounded tree. `max_input_bytes`, `max_elements` and
/// `hard_depth` give an [`Error`](crate::Error) instead.
///
/// ```
/// use article_extract::{extract_html, Limits, Options};
/// assert!(Limits::default().max_input_bytes >= 50 << 20);
/// // 100 000 nested <div>s: flattened below max_depth, parsed in milliseconds.
/// let page = format!("{}deep text{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
/// let a = extract_html(page.as_bytes(), &Options::default()).unwrap();
/// assert!(a.text().is_empty() || a.text().contains("deep text"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Most elements an HTML page may have, counting those the parser
    /// implies (reopened formatting elements, `<tbody>`, `<tr>`). Bounds
    /// the memory of the parsed tree (some 200 bytes an element).
    pub max_elements: usize,
    /// Memory budget of the parsed tree (some 250 bytes an element with its
    /// text): beyond the first 65 536 elements, at most one element per
    /// this many bytes of input is kept; further tags are dropped, their
    /// text kept. Real pages have one element per 60 to 300 bytes; a
    /// 1000x1000 table of one-digit cells has one per 5.
    pub min_bytes_per_element: usize,
    /// Deepest element nesting kept; deeper start tags (and their end tags)
    /// are dropped before parsing, their text kept.
    pub max_depth: usize,
    /// Most formatting elements (`<b>`, `<i>`, `<a>`, `<font>`, ...) left
    /// open at once; more are dropped before parsing. The parser reopens
    /// every unclosed formatting element in each new block, so this bounds
    /// the nesting such tags can cause.
    pub max_formatting: usize,
    /// Most attributes kept on one tag; the parser's duplicate check is
    /// quadratic in their number. Further attributes are dropped.
    pub max_attributes: usize,
    /// Backstop: if the parsed tree still gets deeper than this (the
    /// pre-scan's model of the parser is approximate), parsing stops with
    /// [`Error::TooDeep`](crate::Error::TooDeep).
    pub hard_depth: usize,
    /// Most facts kept for one article. A news story has tens to hundreds;
    /// a dump of numbered lines can have millions (some 200 bytes each).
    /// Beyond this, extraction stops and the article carries
    /// [`Warning::FactsTruncated`](crate::Warning::FactsTruncated).
    pub max_facts: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
            max_elements: 2_000_000,
            min_bytes_per_element: 64,
            max_depth: 128,
            max_formatting: 16,
            max_attributes: 256,
            hard_depth: 512,
            max_facts: 20_000,
        }
    }
}

/// All options of the pipeline, grouped by stage. `Options::default()` is
/// what the crate is tuned for.
///
/// ```
/// use article_extract::Options;
/// let mut opts = Options::default();
/// opts.facts = false;
/// opts.encoding = Some("windows-1251".into());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Character encoding of the bytes as the caller knows it, usually from
    /// the HTTP `Content-Type` header (a WHATWG label such as
    /// `"windows-1251"`). As in browsers it beats a charset the page declares
    /// in `<meta>`; a BOM still wins, and bytes that are valid UTF-8 with
    /// non-ASCII text are read as UTF-8 whatever the label says. An unknown
    /// label is [`Error::UnknownEncoding`](crate::Error::UnknownEncoding).
    pub encoding: Option<String>,
    /// Resource limits.
    pub limits: Limits,
    /// Main-content choice on HTML pages.
    pub content: ContentOptions,
    /// Block building on plain-text pages.
    pub text: TextOptions,
    /// Boilerplate removal.
    pub boilerplate: BoilerplateOptions,
    /// Heading detection and section grouping.
    pub sections: SectionOptions,
    /// Keep tables as blocks.
    pub keep_tables: bool,
    /// Keep list items as blocks.
    pub keep_lists: bool,
    /// Keep block quotes.
    pub keep_quotes: bool,
    /// Keep preformatted code.
    pub keep_code: bool,
    /// Extract numeric facts into [`Article::facts`](crate::Article::facts).
    pub facts: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: None,
            limits: Limits::default(),
            content: ContentOptions::default(),
            text: TextOptions::default(),
            boilerplate: BoilerplateOptions::default(),
            sections: SectionOptions::default(),
            keep_tables: true,
            keep_lists: true,
            keep_quotes: true,
            keep_code: true,
            facts: true,
        }
    }
}
