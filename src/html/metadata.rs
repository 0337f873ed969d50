//! Page metadata: title, byline, date, site name, language, description,
//! from JSON-LD, OpenGraph, `<meta>`, `<time>`, `rel=author`, the page.
//! (Skeleton: `<title>` and `<html lang>` only.)

use std::sync::LazyLock;

use scraper::{Html, Selector};

use crate::article::Metadata;

static TITLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("title").unwrap());

/// Read the metadata of a parsed page.
pub(crate) fn read(doc: &Html) -> Metadata {
    Metadata {
        title: doc
            .select(&TITLE)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty()),
        lang: doc.root_element().value().attr("lang").map(str::to_string),
        ..Metadata::default()
    }
}
