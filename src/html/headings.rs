//! Which elements act as headings, and at what level.
//!
//! Three kinds of evidence, in order:
//!
//! 1. `h1`–`h6` (level from the tag), unless the text is far too long to be
//!    a heading ([`SectionOptions::max_tag_heading_chars`]);
//! 2. `role="heading"` with `aria-level` (level 2 when the level is missing);
//! 3. a *styled line*: a paragraph-like element (`p`, `div`, `td`, `th`,
//!    `dt`, `center`, `font`, `b`, `strong`, `span`, ...; not `li`: a list of
//!    bold items stays a list) whose whole
//!    text is set in bold (`b`, `strong`, `big`, a nested `h*`,
//!    `font-weight: bold|600–900`), in a larger font (`<font size="+1">`,
//!    `<font size="4">`, `font-size: large|18px|1.3em|...`) or carries a
//!    heading-like class/id (`title`, `headline`, `date-header`,
//!    `username`, ...), and that is short, not a sentence, not a link list
//!    and not a caption. Styled lines get [`EMPHASIS_LEVEL`];
//!    [`crate::sections`] re-levels them one below the deepest real heading
//!    level of the article.
//!
//! The work per call is bounded: at most
//! [`SectionOptions::max_inspect_nodes`] nodes under the element are looked
//! at (iteratively, no recursion, no selector matching); an element with
//! more nodes than that is not a styled line.

use std::sync::LazyLock;

use regex::Regex;
use scraper::ElementRef;

use super::words::AsciiFirst;
use crate::sections::{SectionOptions, EMPHASIS_LEVEL};

/// Elements that can carry a styled heading line (the walker's paragraph-like
/// blocks and the inline wrappers it may hand over directly).
const LINE_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "td",
    "th",
    "dt",
    "center",
    "font",
    "b",
    "strong",
    "span",
    "big",
    "u",
    "a",
    "blockquote",
    "section",
    "header",
    "caption",
];

/// Elements whose text counts as emphasised wherever they occur.
const BOLD_ELEMENTS: &[&str] = &["b", "strong", "big", "h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements whose content is never part of a heading line.
const SKIP_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "select", "option",
];

/// Elements inside which a line is a caption, not a heading.
const CAPTION_ELEMENTS: &[&str] = &["figcaption", "caption", "figure", "label", "button"];

/// Class/id fragments that mark an element as a heading, a blog date header
/// or the header line of a forum post (matched case-insensitively). Bylines,
/// author boxes and plain `date` classes (datelines) are left out: they
/// belong to the metadata.
static HEADING_CLASS: AsciiFirst = AsciiFirst::new(
    r"(?i)title|headline|heading|subhead|(?:^|[-_\s])(?:hed|date-?header|header|username|poster)(?:$|[-_\s])",
);

/// Class/id fragments that veto a heading (captions, credits, navigation).
static NOT_HEADING_CLASS: AsciiFirst = AsciiFirst::new(
    r"(?i)caption|credit|breadcrumb|(?:^|[-_\s])(?:nav|menu|tags?|share|footer|copyright)(?:$|[-_\s])|subtitle-?bar",
);

/// The heading level of `el` if it acts as a heading, given its normalised
/// text (what the block walker made of the element) and the thresholds of
/// `opts`; `None` otherwise. See the module documentation for the rules.
pub(crate) fn heading_level_with(
    el: ElementRef<'_>,
    text: &str,
    opts: &SectionOptions,
) -> Option<u8> {
    let e = el.value();
    let name = e.name();
    let chars = text.chars().count();
    if chars == 0 || !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    if let Some(level) = tag_level(name) {
        return (chars <= opts.max_tag_heading_chars).then_some(level);
    }
    if e.attr("role")
        .is_some_and(|r| r.eq_ignore_ascii_case("heading"))
    {
        if chars > opts.max_tag_heading_chars {
            return None;
        }
        let level = e
            .attr("aria-level")
            .and_then(|l| l.trim().parse::<u8>().ok())
            .filter(|l| (1..=6).contains(l))
            .unwrap_or(2);
        return Some(level);
    }
    if !opts.styled_headings || !LINE_ELEMENTS.contains(&name) {
        return None;
    }
    if !line_shape_ok(text, chars, opts) || in_caption(el) || BYLINE.is_match(text) {
        return None;
    }
    let text_alnum = text.chars().filter(|c| c.is_alphanumeric()).count();
    match inspect(el, opts) {
        Some(mut style) if style.alnum == text_alnum => {
            if style.emph < style.alnum && wrapped_in_emphasis(el, style.alnum, opts) {
                style.emph = style.alnum;
            }
            styled_level(&style, text)
        }
        // The walker handed over one line of a mixed element (a run between
        // `<br>`s): judge the inline child that holds exactly that text.
        _ => line_child(el, text_alnum, opts).and_then(|style| styled_level(&style, text)),
    }
}

/// Whether one of the two nearest ancestors of `el` is an emphasis element
/// holding exactly `el`'s text (`<b><p>Title</p></b>`). Requiring the same
/// text keeps an unclosed `<b>` around half a page from making every short
/// line inside it a heading.
fn wrapped_in_emphasis(el: ElementRef<'_>, alnum: usize, opts: &SectionOptions) -> bool {
    let mut node = el.parent();
    for _ in 0..2 {
        let Some(a) = node.and_then(ElementRef::wrap) else {
            return false;
        };
        if is_emphasis(a.value()) {
            return count_alnum(a, opts.max_inspect_nodes) == Some(alnum);
        }
        node = a.parent();
    }
    false
}

/// Alphanumeric characters of the text under `el`, or `None` past `max_nodes`.
fn count_alnum(el: ElementRef<'_>, max_nodes: usize) -> Option<usize> {
    let mut n = 0;
    let mut stack: Vec<_> = el.children().collect();
    let mut visited = 0;
    while let Some(node) = stack.pop() {
        visited += 1;
        if visited > max_nodes {
            return None;
        }
        match node.value() {
            scraper::Node::Text(t) => n += t.chars().filter(|c| c.is_alphanumeric()).count(),
            scraper::Node::Element(e) if !SKIP_ELEMENTS.contains(&e.name()) => {
                stack.extend(node.children());
            }
            _ => {}
        }
    }
    Some(n)
}

/// Level of a line whose text has `style`, if it is a styled heading.
fn styled_level(style: &LineStyle, text: &str) -> Option<u8> {
    if style.alnum == 0 {
        return None;
    }
    if style.link * 10 >= style.alnum * 9 && !style.class_hint {
        return None;
    }
    // A line that is only a `<time>` is a dateline: metadata.
    if style.time == style.alnum {
        return None;
    }
    let emphasised =
        style.emph == style.alnum || (style.italic == style.alnum && SECTION_NUMBER.is_match(text));
    (emphasised || style.class_hint).then_some(EMPHASIS_LEVEL)
}

/// A byline ("By Jane Doe"): metadata, not a heading.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^by\s").expect("valid regex"));

/// A numbered section title: `3.`, `3.1`, `3.1.2.`, `IV.` followed by a word.
static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.)\s+\p{Lu}").expect("valid regex")
});

/// Among the first children of `el`, the inline element whose text has
/// exactly `text_alnum` alphanumeric characters and is emphasised, for a
/// walker that splits an element into lines at `<br>`. The candidate's text
/// must also be the only text of its line (a `<br>`, a block or the end of
/// `el` on both sides).
fn line_child(el: ElementRef<'_>, text_alnum: usize, opts: &SectionOptions) -> Option<LineStyle> {
    // Step down through wrappers that hold all of the element's content
    // (`<p><font><b>Line</b><br>more</font></p>`).
    let mut el = el;
    for _ in 0..4 {
        let mut kids = el
            .children()
            .filter(|c| !c.value().as_text().is_some_and(|t| t.trim().is_empty()));
        match (kids.next().and_then(ElementRef::wrap), kids.next()) {
            (Some(only), None) if !BLOCK_INSIDE.contains(&only.value().name()) => el = only,
            _ => break,
        }
    }
    let mut line_start = true;
    for (i, c) in el.children().enumerate() {
        if i >= opts.max_line_children {
            return None;
        }
        if let Some(t) = c.value().as_text() {
            if t.chars().any(char::is_alphanumeric) {
                line_start = false;
            }
            continue;
        }
        let Some(ce) = ElementRef::wrap(c) else {
            continue;
        };
        let name = ce.value().name();
        if name == "br" || BLOCK_INSIDE.contains(&name) {
            line_start = true;
            continue;
        }
        if !line_start {
            continue;
        }
        line_start = false;
        let Some(style) = inspect(ce, opts) else {
            continue;
        };
        if style.alnum != text_alnum {
            continue;
        }
        let line_end = c
            .next_siblings()
            .find(|n| !n.value().as_text().is_some_and(|t| t.trim().is_empty()))
            .map_or(true, |n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "br" || BLOCK_INSIDE.contains(&e.name()))
            });
        if line_end {
            return Some(style);
        }
    }
    None
}

fn tag_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Short, no sentence ending, not several sentences.
fn line_shape_ok(text: &str, chars: usize, opts: &SectionOptions) -> bool {
    if chars > opts.max_heading_chars || text.split_whitespace().count() > opts.max_heading_words {
        return false;
    }
    let t = text.trim_end_matches(['"', '\'', '”', '’']);
    let ends_sentence = (t.ends_with('.') && !t.ends_with("...") && !ends_with_abbreviation(t))
        || t.ends_with(',')
        || t.ends_with(';');
    if ends_sentence {
        return false;
    }
    // Two sentences or more: ". X" inside the line (a question, as in an
    // FAQ, may take two).
    if t.ends_with('?') {
        return true;
    }
    let b = t.as_bytes();
    for i in 1..b.len().saturating_sub(2) {
        if (b[i] == b'.' || b[i] == b'!' || b[i] == b'?')
            && b[i + 1] == b' '
            && b[i + 2].is_ascii_uppercase()
            && b[i - 1].is_ascii_lowercase()
        {
            return false;
        }
    }
    true
}

/// Abbreviations that end a name rather than a sentence (`Cancer Care, Inc.`).
const ABBREVIATIONS: &[&str] = &[
    "inc", "ltd", "co", "corp", "llc", "plc", "jr", "sr", "st", "dr", "mr", "mrs", "ms", "vol",
    "dept", "univ", "assn",
];

/// Whether `t` (ending in `.`) ends with an abbreviation or an initial.
fn ends_with_abbreviation(t: &str) -> bool {
    let word = t[..t.len() - 1]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let n = word.chars().count();
    (n == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether `el` or one of its few nearest ancestors is a caption.
fn in_caption(el: ElementRef<'_>) -> bool {
    let mut node = Some(*el);
    for _ in 0..4 {
        let Some(n) = node else { break };
        if let Some(e) = n.value().as_element() {
            if CAPTION_ELEMENTS.contains(&e.name()) {
                return true;
            }
            if class_or_id(e).is_some_and(|c| NOT_HEADING_CLASS.get(c).is_match(c)) {
                return true;
            }
        }
        node = n.parent();
    }
    false
}

fn class_or_id(e: &scraper::node::Element) -> Option<&str> {
    match (e.attr("class"), e.attr("id")) {
        (Some(c), _) if !c.trim().is_empty() => Some(c),
        (_, Some(i)) if !i.trim().is_empty() => Some(i),
        _ => None,
    }
}

/// What the text under an element looks like.
#[derive(Debug, Default)]
struct LineStyle {
    /// Alphanumeric characters of all text.
    alnum: usize,
    /// ... of which inside emphasis.
    emph: usize,
    /// ... of which inside links.
    link: usize,
    /// ... of which in italics (`i`, `em`), emphasised or not.
    italic: usize,
    /// ... of which inside `<time>`.
    time: usize,
    /// The element (or the wrapper holding all its text) has a heading class.
    class_hint: bool,
}

/// Walk the (few) nodes under `el` iteratively; `None` when there are more
/// than `max_inspect_nodes` or when block structure sits inside.
fn inspect(el: ElementRef<'_>, opts: &SectionOptions) -> Option<LineStyle> {
    let mut out = LineStyle::default();
    let root_emph = is_emphasis(el.value());
    let root_hint = class_or_id(el.value()).is_some_and(|c| HEADING_CLASS.get(c).is_match(c));
    let root_italic = is_italic(el.value().name());
    // (node, emphasised, linked, under a heading-class wrapper, italic, in <time>)
    let mut stack = Vec::with_capacity(16);
    for c in el.children().rev() {
        let root_link = el.value().name() == "a" && el.value().attr("href").is_some();
        stack.push((
            c,
            root_emph,
            root_link,
            root_hint,
            root_italic,
            el.value().name() == "time",
        ));
    }
    let mut visited = 0usize;
    let mut hinted_alnum = 0usize;
    while let Some((node, emph, link, hint, italic, time)) = stack.pop() {
        visited += 1;
        if visited > opts.max_inspect_nodes {
            return None;
        }
        match node.value() {
            scraper::Node::Text(t) => {
                let n = t.chars().filter(|c| c.is_alphanumeric()).count();
                out.alnum += n;
                if emph {
                    out.emph += n;
                }
                if link {
                    out.link += n;
                }
                if hint {
                    hinted_alnum += n;
                }
                if italic || emph {
                    out.italic += n;
                }
                if time {
                    out.time += n;
                }
            }
            scraper::Node::Element(e) => {
                let name = e.name();
                if SKIP_ELEMENTS.contains(&name) {
                    continue;
                }
                if BLOCK_INSIDE.contains(&name) {
                    return None;
                }
                let child_emph = emph || is_emphasis(e);
                let child_link = link || (name == "a" && e.attr("href").is_some());
                let child_hint = hint
                    || class_or_id(e).is_some_and(|c| {
                        HEADING_CLASS.get(c).is_match(c) && !NOT_HEADING_CLASS.get(c).is_match(c)
                    });
                let child_italic = italic || is_italic(name);
                let child_time = time || name == "time";
                for c in node.children().rev() {
                    stack.push((
                        c,
                        child_emph,
                        child_link,
                        child_hint,
                        child_italic,
                        child_time,
                    ));
                }
            }
            _ => {}
        }
    }
    out.class_hint = out.alnum > 0 && hinted_alnum == out.alnum;
    Some(out)
}

/// Block structure that a heading line does not contain.
const BLOCK_INSIDE: &[&str] = &[
    "p",
    "div",
    "table",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "form",
    "br",
    "hr",
    "iframe",
    "video",
    "li",
    "tr",
];

fn is_italic(name: &str) -> bool {
    name == "i" || name == "em"
}

/// Whether text directly inside `e` is emphasised (bold or larger).
fn is_emphasis(e: &scraper::node::Element) -> bool {
    let name = e.name();
    if BOLD_ELEMENTS.contains(&name) {
        return true;
    }
    if name == "font" && e.attr("size").is_some_and(font_size_is_large) {
        return true;
    }
    e.attr("style").is_some_and(style_is_emphasis)
}

/// `<font size>`: relative `+1` and more, or absolute 4 and more (3 is normal).
fn font_size_is_large(size: &str) -> bool {
    let s = size.trim();
    if let Some(rel) = s.strip_prefix('+') {
        return rel.parse::<i32>().is_ok_and(|n| n >= 1);
    }
    s.parse::<i32>().is_ok_and(|n| n >= 4)
}

static STYLE_BOLD: AsciiFirst = AsciiFirst::new(r"(?i)font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b");

static STYLE_SIZE: AsciiFirst = AsciiFirst::new(
    r"(?i)font-size\s*:\s*(?:(x{0,2}-?large|larger)|([0-9]*\.?[0-9]+)\s*(px|pt|em|rem|%))",
);

/// Inline style that makes text bold or clearly larger than body text.
fn style_is_emphasis(style: &str) -> bool {
    if STYLE_BOLD.get(style).is_match(style) {
        return true;
    }
    let Some(c) = STYLE_SIZE.get(style).captures(style) else {
        return false;
    };
    if c.get(1).is_some() {
        return true;
    }
    let v: f32 = c
        .get(2)
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0.0);
    match c.get(3).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
        Some("px") => v >= 18.0,
        Some("pt") => v >= 14.0,
        Some("em") | Some("rem") => v >= 1.2,
        Some("%") => v >= 120.0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn heading_level(el: ElementRef<'_>, text: &str) -> Option<u8> {
        heading_level_with(el, text, &SectionOptions::default())
    }

    #[test]
    fn ascii_and_unicode_regex_forms_agree_on_ascii() {
        let cases: [(&AsciiFirst, &[&str]); 4] = [
            (
                &HEADING_CLASS,
                &[
                    "post-Title",
                    "hed",
                    "x hed-y",
                    "shed",
                    "date-header",
                    "Poster",
                ],
            ),
            (
                &NOT_HEADING_CLASS,
                &["Caption", "tags", "tag", "stags", "subtitlebar", "x nav"],
            ),
            (
                &STYLE_BOLD,
                &[
                    "font-weight: bold",
                    "FONT-WEIGHT:700",
                    "font-weight:boldx",
                    "font-weight:600;",
                ],
            ),
            (
                &STYLE_SIZE,
                &[
                    "font-size: 1.5em",
                    "font-size:x-large",
                    "font-size:12PX",
                    "font-size: larger",
                ],
            ),
        ];
        for (re, texts) in cases {
            re.assert_forms_agree(texts);
        }
    }

    /// Level of the first element matching `sel` in `html`, text taken as
    /// the walker would (whitespace-normalised).
    fn level(html: &str, sel: &str) -> Option<u8> {
        let doc = Html::parse_document(html);
        let s = Selector::parse(sel).unwrap();
        let el = doc.select(&s).next().expect("element");
        let text = el.text().collect::<String>();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        heading_level(el, &text)
    }

    #[test]
    fn h_tags_give_their_level() {
        assert_eq!(level("<h2>Background</h2>", "h2"), Some(2));
        assert_eq!(level("<h5>Notes</h5>", "h5"), Some(5));
    }

    #[test]
    fn very_long_h_tag_is_not_a_heading() {
        let long = "word ".repeat(80);
        assert_eq!(level(&format!("<h2>{long}</h2>"), "h2"), None);
    }

    #[test]
    fn aria_heading_uses_aria_level() {
        assert_eq!(
            level(r#"<div role="heading" aria-level="3">Results</div>"#, "div"),
            Some(3)
        );
        assert_eq!(
            level(r#"<div role="heading">Results</div>"#, "div"),
            Some(2)
        );
    }

    #[test]
    fn bold_paragraph_is_a_styled_heading() {
        assert_eq!(
            level("<p><b>What is lymphedema?</b></p>", "p"),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(
            level(
                r#"<table><tr><td><font size="2"><b>Classroom Activities</b></font></td></tr></table>"#,
                "td"
            ),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(
            level("<p><strong>Milan-San Remo, Italy</strong></p>", "p"),
            Some(EMPHASIS_LEVEL)
        );
    }

    #[test]
    fn large_font_and_bold_style_are_emphasis() {
        assert_eq!(
            level(r#"<p><font size="+1">Resources</font></p>"#, "p"),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(
            level(
                r#"<p><span style="font-weight: bold">Methods</span></p>"#,
                "p"
            ),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(
            level(r#"<div style="font-size:20px">Abstract</div>"#, "div"),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(
            level(r#"<p><font size="2">Resources</font></p>"#, "p"),
            None
        );
        assert_eq!(
            level(r#"<p style="font-size:12px">Resources</p>"#, "p"),
            None
        );
    }

    #[test]
    fn partly_bold_paragraph_is_not_a_heading() {
        assert_eq!(
            level("<p><b>Napster</b> paved the way for file sharing</p>", "p"),
            None
        );
    }

    #[test]
    fn name_ending_in_abbreviation_is_not_a_sentence() {
        assert_eq!(
            level("<p><b>Cancer Care, Inc.</b></p>", "p"),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(level("<p><b>We went home.</b></p>", "p"), None);
    }

    #[test]
    fn plain_short_sentence_is_not_a_heading() {
        assert_eq!(level("<p>Peace Process</p>", "p"), None);
        assert_eq!(level("<p><b>He said no.</b></p>", "p"), None);
        assert_eq!(level("<p><b>It rained. Then it stopped</b></p>", "p"), None);
    }

    #[test]
    fn long_bold_paragraph_is_not_a_heading() {
        let long = "the council approved the budget after a long debate ".repeat(4);
        assert_eq!(level(&format!("<p><b>{long}</b></p>"), "p"), None);
    }

    #[test]
    fn bold_link_is_not_a_heading_but_class_hint_is() {
        assert_eq!(
            level(
                r#"<table><tr><td><a href="/"><b>Home</b></a></td></tr></table>"#,
                "td"
            ),
            None
        );
        assert_eq!(
            level(
                r#"<div class="post-title"><a href="/p/1">Anyone for a Swim</a></div>"#,
                "div"
            ),
            Some(EMPHASIS_LEVEL)
        );
    }

    #[test]
    fn class_hints_mark_date_headers_and_post_headers() {
        assert_eq!(
            level(
                r#"<div class="date-header">Monday, November 01, 2004</div>"#,
                "div"
            ),
            Some(EMPHASIS_LEVEL)
        );
        // A plain "date" class is a dateline (metadata), not a date header.
        assert_eq!(
            level(
                r#"<div class="article_date">November 20, 2019 - 11:28</div>"#,
                "div"
            ),
            None
        );
        assert_eq!(
            level(r#"<div class="username">MavRick</div>"#, "div"),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(
            level(r#"<div class="update-note">Short line</div>"#, "div"),
            None
        );
    }

    #[test]
    fn bylines_and_datelines_are_not_headings() {
        assert_eq!(level("<p><b>By Jane Doe</b></p>", "p"), None);
        assert_eq!(level(r#"<p class="byline">Jane Doe</p>"#, "p"), None);
        assert_eq!(
            level(
                r#"<div class="date"><time>August 2, 2023</time></div>"#,
                "div"
            ),
            None
        );
        assert_eq!(
            level(
                r#"<ul><li class="post-date">August 2, 2023</li></ul>"#,
                "li"
            ),
            None
        );
    }

    #[test]
    fn bold_list_items_stay_list_items() {
        assert_eq!(
            level("<ul><li><strong>Defensive Line</strong></li></ul>", "li"),
            None
        );
    }

    #[test]
    fn captions_are_not_headings() {
        assert_eq!(
            level(
                "<figure><figcaption><b>The harbour at dawn</b></figcaption></figure>",
                "figcaption"
            ),
            None
        );
        assert_eq!(
            level(
                r#"<div class="caption"><b>The harbour at dawn</b></div>"#,
                "div"
            ),
            None
        );
    }

    #[test]
    fn element_with_block_children_is_not_a_line() {
        assert_eq!(
            level(
                "<div><b>Title</b><br>and the text of the story</div>",
                "div"
            ),
            None
        );
    }

    #[test]
    fn partial_text_of_element_is_not_judged() {
        let doc = Html::parse_document("<p><b>Heading</b> and more words follow here</p>");
        let el = doc.select(&Selector::parse("p").unwrap()).next().unwrap();
        assert_eq!(heading_level(el, "Heading"), None);
    }

    #[test]
    fn bold_line_before_br_is_judged_as_a_line() {
        let doc = Html::parse_document(
            "<p><b>American Menopause Foundation</b><br>212-714-2398<br>call us</p>",
        );
        let el = doc.select(&Selector::parse("p").unwrap()).next().unwrap();
        assert_eq!(
            heading_level(el, "American Menopause Foundation"),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(heading_level(el, "212-714-2398"), None);
        let doc = Html::parse_document("<p><font size=2><b>Cancer Care</b><br>212</font></p>");
        let el = doc.select(&Selector::parse("p").unwrap()).next().unwrap();
        assert_eq!(heading_level(el, "Cancer Care"), Some(EMPHASIS_LEVEL));
    }

    #[test]
    fn bold_start_of_run_in_paragraph_is_not_a_line() {
        let doc = Html::parse_document("<p><b>Assessment</b> Students will be graded<br>x</p>");
        let el = doc.select(&Selector::parse("p").unwrap()).next().unwrap();
        assert_eq!(heading_level(el, "Assessment"), None);
    }

    #[test]
    fn faq_question_in_bold_is_a_heading() {
        assert_eq!(
            level(
                "<p><b>What can I do about the swelling? Is it permanent?</b></p>",
                "p"
            ),
            Some(EMPHASIS_LEVEL)
        );
    }

    #[test]
    fn italic_line_is_a_heading_only_when_numbered() {
        assert_eq!(
            level("<p><i>3.1.2. Fertility</i></p>", "p"),
            Some(EMPHASIS_LEVEL)
        );
        assert_eq!(level("<p><i>Photo by the author</i></p>", "p"), None);
    }

    #[test]
    fn bold_wrapper_around_the_paragraph_counts() {
        assert_eq!(
            level(r#"<b><p><a name="hrt">HORMONE THERAPY</a></p></b>"#, "p"),
            Some(EMPHASIS_LEVEL)
        );
        // An unclosed <b> around more than the line does not.
        assert_eq!(
            level(
                "<b><div><p>Short line</p><p>Another paragraph here</p></div></b>",
                "p"
            ),
            None
        );
    }

    #[test]
    fn work_is_bounded() {
        let many = "<b>x</b>".repeat(500);
        assert_eq!(level(&format!("<p>{many}</p>"), "p"), None);
    }
}
