//! [`Options`]: every knob and threshold of the pipeline, with safe defaults.

use crate::boilerplate::BoilerplateOptions;
use crate::html::ContentOptions;
use crate::sections::SectionOptions;
use crate::text::TextOptions;

/// Resource limits. Exceeding one gives a typed [`Error`](crate::Error) or a
/// best-effort result, never a panic.
///
/// ```
/// use article_extract::Limits;
/// assert!(Limits::default().max_input_bytes >= 50 << 20);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Most elements an HTML page may have.
    pub max_elements: usize,
    /// Deepest element nesting kept; deeper markup is flattened before parsing.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
            max_elements: 2_000_000,
            max_depth: 256,
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
