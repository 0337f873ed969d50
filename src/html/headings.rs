//! Which elements act as headings, and at what level: `h1`–`h6`,
//! `role="heading"` with `aria-level`, and lines set entirely in bold.
//! (Skeleton: `h1`–`h6` only.)

use scraper::ElementRef;

/// The heading level of `el` if it acts as a heading, given its normalised
/// text; `None` otherwise.
pub(crate) fn heading_level(el: ElementRef<'_>, text: &str) -> Option<u8> {
    let _ = text;
    match el.value().name() {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}
