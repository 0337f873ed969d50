//! The one error type of the public API.

/// What can go wrong. A page with no article is *not* an error: it gives an
/// empty [`Article`](crate::Article).
///
/// ```
/// use article_extract::{extract_html, Error, Options};
/// let mut opts = Options::default();
/// opts.limits.max_input_bytes = 10;
/// let err = extract_html(b"<p>far more than ten bytes</p>", &opts).unwrap_err();
/// assert!(matches!(err, Error::InputTooLarge { limit: 10, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`Limits::max_input_bytes`](crate::Limits::max_input_bytes).
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The page has more elements than [`Limits::max_elements`](crate::Limits::max_elements).
    #[error("page has at least {count} elements, over the limit of {limit}")]
    TooManyElements {
        /// Elements counted before giving up.
        count: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The parsed page still grew deeper than
    /// [`Limits::hard_depth`](crate::Limits::hard_depth) after the pre-scan
    /// bounded it (a shape the pre-scan does not model).
    #[error("page nests at least {depth} elements deep, over the limit of {limit}")]
    TooDeep {
        /// Depth reached when parsing stopped.
        depth: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The caller's encoding hint names no known encoding.
    #[error("unknown character encoding {0:?}")]
    UnknownEncoding(String),
}

/// Something a limit made the extractor leave out. The article is still
/// returned, best effort; [`Article::warnings`](crate::Article::warnings)
/// lists what was cut.
///
/// ```
/// use article_extract::{extract_text, Options, Warning};
/// let mut opts = Options::default();
/// opts.limits.max_facts = 2;
/// let a = extract_text("In 2020, 30 people and 40 dogs walked 50 miles.", &opts).unwrap();
/// assert_eq!(a.facts.len(), 2);
/// assert_eq!(a.warnings, vec![Warning::FactsTruncated { limit: 2 }]);
///
/// // 1000 nested <div>s: those beyond `max_depth` are dropped, text kept.
/// let page = format!("{}deep text{}", "<div>".repeat(1000), "</div>".repeat(1000));
/// let a = article_extract::extract_html(page.as_bytes(), &Options::default()).unwrap();
/// assert!(matches!(a.warnings[..], [Warning::MarkupDropped { tags }] if tags > 800));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// The article has more facts than
    /// [`Limits::max_facts`](crate::Limits::max_facts); the first `limit`,
    /// in reading order, are kept.
    FactsTruncated {
        /// The configured limit.
        limit: usize,
    },
    /// Markup beyond [`Limits::max_depth`](crate::Limits::max_depth),
    /// [`Limits::max_formatting`](crate::Limits::max_formatting),
    /// [`Limits::max_attributes`](crate::Limits::max_attributes) or the
    /// element budget ([`Limits::min_bytes_per_element`](crate::Limits::min_bytes_per_element))
    /// was dropped before parsing; the text inside it is kept.
    MarkupDropped {
        /// Tags (or over-long attribute lists) dropped.
        tags: usize,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::FactsTruncated { limit } => {
                write!(f, "more than {limit} facts: only the first {limit} kept")
            }
            Warning::MarkupDropped { tags } => {
                write!(
                    f,
                    "{tags} tags over the nesting or size limits dropped, their text kept"
                )
            }
        }
    }
}
