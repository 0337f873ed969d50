//! # article-extract
//!
//! Turns scraped news pages, HTML in any charset or an already-scraped
//! plain-text dump, into a clean [`Article`]: title and metadata, the main
//! text split into [`Section`]s by headings, boilerplate removed, and the
//! numeric [`facts`] of the story.
//!
//! ```
//! use article_extract::{extract_html, Options};
//! let html = br#"<html><head><title>Storm hits coast | Daily News</title></head>
//! <body><nav><a href="/">Home</a></nav><article><h1>Storm hits coast</h1>
//! <p>About 12,000 people were evacuated on Tuesday as the storm reached the coast, officials said.</p>
//! <p>Nearly 300 homes were damaged, according to the regional government, which opened shelters.</p>
//! </article><footer>Copyright</footer></body></html>"#;
//! let article = extract_html(html, &Options::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Storm hits coast"));
//! assert!(article.text().contains("About 12,000 people"));
//! assert!(!article.text().contains("Copyright"));
//! ```
//!
//! Pipeline (one module each): `decode` → `html` / `text` → `boilerplate`
//! → `sections` → [`facts`]. See [`Extractor`] for reuse across pages and
//! for learning a site's repeated lines with a [`SiteProfile`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod article;
mod boilerplate;
mod decode;
mod error;
mod extractor;
pub mod facts;
mod guard;
mod html;
mod options;
mod sections;
#[doc(hidden)]
pub mod stages;
mod text;

pub use article::{Article, Block, BlockKind, LocatedFact, Section};
pub use boilerplate::{BoilerplateOptions, SiteProfile};
pub use error::{Error, Warning};
pub use extractor::{extract_html, extract_text, Extractor};
#[doc(hidden)]
pub use guard::parse_work;
pub use html::ContentOptions;
pub use options::{Limits, Options};
pub use sections::SectionOptions;
pub use text::TextOptions;
