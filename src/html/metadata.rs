//! Page metadata: title, byline, published date, site name, language and
//! description.
//!
//! One walk over the parsed page collects every source; then each field takes
//! the first good value in this order:
//!
//! | field | sources, best first |
//! |---|---|
//! | title | JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`, `dc.title`-like metas, the first `<h1>`; whichever is used is cleaned of a site name or section tag after `\|`, `-`, `–`, `—`, `»`, `::`, `·`, `/`, and a part that another source repeats exactly wins |
//! | byline | JSON-LD `author` (string, object, array, `@id` reference), `article:author` (a name, not a URL), `<meta name=author>`, `parsely-author`, `sailthru.author`, `dc.creator`, `citation_author`, then `itemprop=author`, `rel=author` and `.byline`/`.author` elements outside comment areas |
//! | published | JSON-LD `datePublished`, `article:published_time` and other date metas, `itemprop=datePublished`, `<time>` (one marked as the publication time or inside the article or header first) |
//! | site_name | `og:site_name`, JSON-LD `publisher.name`, a JSON-LD `WebSite`/`Organization` name, `application-name`, a title part that matches the page's domain |
//! | lang | `<html lang>`, `content-language`, `og:locale`, JSON-LD `inLanguage`, `dc.language` |
//! | description | JSON-LD `description`, `og:description`, `<meta name=description>`, `twitter:description` |
//!
//! Dates come out as ISO 8601 (`2025-05-09`, or `2025-05-09T10:00:00Z` /
//! `+02:00` when the source gives a time and a zone) and are dropped before
//! [`MIN_YEAR`] or more than [`MAX_FUTURE_DAYS`] after today.

use std::sync::LazyLock;
use std::time::{SystemTime, UNIX_EPOCH};

use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use super::words::{AsciiFirst, WordSet};
use crate::article::Metadata;

/// Earliest year accepted for a publication date.
pub(crate) const MIN_YEAR: i32 = 1990;
/// Days after today a publication date may lie (time zones, scheduled posts).
pub(crate) const MAX_FUTURE_DAYS: i64 = 2;
/// A title part of at most this many words can be a section or video tag.
pub(crate) const TITLE_TAG_MAX_WORDS: usize = 4;
/// A title stripped of its tags keeps at least this many words.
pub(crate) const TITLE_MIN_WORDS: usize = 3;
/// Longest byline kept, in characters; longer is an author bio or junk.
pub(crate) const BYLINE_MAX_CHARS: usize = 100;
/// Most words in one author name list.
pub(crate) const BYLINE_MAX_WORDS: usize = 14;
/// Text read from one byline element (a container with this much is no byline).
pub(crate) const BYLINE_ELEMENT_MAX_CHARS: usize = 200;
/// Most author names kept.
pub(crate) const MAX_AUTHORS: usize = 32;
/// Largest JSON-LD block parsed, in bytes (real ones are a few KB).
pub(crate) const JSONLD_MAX_BYTES: usize = 1 << 20;
/// Longest `<title>` or `<h1>` text taken as a title candidate.
pub(crate) const TITLE_MAX_CHARS: usize = 1000;
/// Most `<meta>` tags read.
pub(crate) const MAX_METAS: usize = 2000;
/// Most author values tried per source.
pub(crate) const MAX_AUTHOR_VALUES: usize = 128;
/// Most JSON values visited per JSON-LD block.
pub(crate) const JSONLD_MAX_NODES: usize = 20_000;
/// Most `<time>` (and, separately, byline) elements considered.
pub(crate) const MAX_CANDIDATES: usize = 32;

/// schema.org types of an article, best first.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "article",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "review",
    "claimreview",
    "posting",
    "discussionforumposting",
];
/// schema.org types of a page or video: used only when no article is found.
const PAGE_TYPES: &[&str] = &["webpage", "itempage", "videoobject", "collectionpage"];
/// schema.org types whose `name` is the site's name.
const SITE_TYPES: &[&str] = &["website", "newsmediaorganization", "organization"];
/// JSON-LD keys not descended into when looking for the article.
const JSONLD_SKIP_KEYS: &[&str] = &[
    "itemListElement",
    "itemReviewed",
    "relatedLink",
    "citation",
    "comment",
    "review",
    "hasPart",
    "isPartOf",
    "mentions",
    "about",
];

const TITLE_KEYS: &[&str] = &[
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "citation_title",
    "parsely-title",
    "sailthru.title",
    "headline",
];
const AUTHOR_KEYS: &[&str] = &[
    "article:author",
    "og:article:author",
    "author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
    "cxenseparse:author",
];
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "date",
    "originalpublicationdate",
    "article.published",
    "cxenseparse:recs:publishtime",
    "datecreated",
];
const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
    "dc.publisher",
    "citation_journal_title",
];
const DESC_KEYS: &[&str] = &[
    "og:description",
    "description",
    "twitter:description",
    "dc.description",
    "sailthru.description",
];
const LANG_KEYS: &[&str] = &["content-language", "og:locale", "dc.language", "language"];
const URL_KEYS: &[&str] = &["og:url", "twitter:url"];

/// Title separators (a token made only of one of these, between spaces).
const TITLE_SEPARATORS: &[&str] = &["|", "-", "–", "—", "»", "::", "·", "•", "/", "~"];
/// Separators after which a leading part is a section tag, not the title's start.
const HIERARCHICAL_SEPARATORS: &[&str] = &["|", "»", "::", "/", "·", "•"];

/// Prefixes stripped from a byline (lower case, followed by space or colon).
const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "reported by",
    "reporting by",
    "story by",
    "words by",
    "text by",
    "authored by",
    "published by",
    "by",
    "authors",
    "author",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
];
/// Tokens that separate a byline's parts.
const BYLINE_SEPARATORS: &[&str] = &["|", "•", "·", "—", "–"];
/// Elements whose text is a separate part of a byline element.
const BLOCK_ELEMENTS: &[&str] = &[
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "section",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "figure",
    "figcaption",
    "address",
];

/// Single-word prefixes stripped even without a colon.
const STRONG_BYLINE_PREFIXES: &[&str] = &["by", "von", "par", "por", "door"];
/// Words that end the name part of a byline (lower case).
const BYLINE_STOP_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last",
    "modified",
    "|",
    "•",
    "·",
    "—",
    "–",
];
/// Day names: a byline ends before one ("Jeff Foust Monday, ...").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Phrases that mark a byline candidate as junk (lower case).
const BYLINE_JUNK: &[&str] = &[
    "http",
    "www.",
    ".com",
    "@",
    "email",
    "e-mail",
    "follow",
    " ago",
    "read more",
    "comment",
    "share",
    "subscribe",
    "sign in",
    "sign up",
    "log in",
    "login",
    "view all",
    "view profile",
    "more from",
    "more by",
    "click",
    "newsletter",
    "advertisement",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "all posts",
    "posts by",
    "articles by",
    "stories by",
    "see all",
    "about the author",
    "archive",
    "profile",
    "view ",
    "{{",
    "function",
];
/// Class or id tokens of an element holding the byline.
const BYLINE_CLASSES: &[&str] = &[
    "byline",
    "by-line",
    "author",
    "authors",
    "author-name",
    "authorname",
    "author_name",
    "article-author",
    "article__author",
    "post-author",
    "entry-author",
    "story-author",
    "meta-author",
    "writer",
    "contributor",
    "dateline-author",
];
/// Class or id parts of an element holding a date.
const DATE_CLASS_HINTS: &[&str] = &["date", "publish", "timestamp", "posted"];
/// Class or id parts of a date that is not the publication date.
const DATE_CLASS_UPDATED: &[&str] = &["update", "modif", "revis"];
/// Class or id parts that contain "date" but name no date.
const DATE_CLASS_FALSE: &[&str] = &["valid", "candidate", "expir", "accommodate", "mandate"];
/// Longest text of a classed date element (a longer one is a container).
pub(crate) const DATE_TEXT_MAX_CHARS: usize = 80;
/// Ancestors whose class or id contains one of these hold comments or
/// teasers, not the article's byline or date.
const EXCLUDED_AREAS: &[&str] = &[
    "comment",
    "related",
    "recommend",
    "sidebar",
    "footer",
    "bio",
    "about-author",
    "author-box",
];

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

// Date shapes; the ASCII form serves the usual ASCII value (see `AsciiFirst`).
static ISO_DATE: AsciiFirst = AsciiFirst::new(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}:?\d{2})?)?",
);
static NUMERIC_DATE: AsciiFirst =
    AsciiFirst::new(r"^(\d{1,4})([/.])(\d{1,2})[/.](\d{1,4})(?:$|[\sT,])");
static COMPACT_DATE: AsciiFirst = AsciiFirst::new(r"^(\d{4})(\d{2})(\d{2})(?:$|T)");
static CLOCK: AsciiFirst = AsciiFirst::new(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$");

/// Read the metadata of a parsed page in a walk of its own (the extractor
/// feeds a [`Reader`] from the content walk instead), `today` being the
/// date future dates are checked against.
#[cfg(test)]
fn read(doc: &Html, today: (i32, u32, u32)) -> Metadata {
    let mut r = Reader::new(doc);
    for node in doc.root_element().descendants() {
        if let Some(el) = ElementRef::wrap(node) {
            r.visit(el, &Attrs::of(el.value()));
        }
    }
    r.s.ld = JsonLd::read(&r.ld_blocks);
    r.s.resolve(today)
}

/// Gathers the metadata from every element of a page, visited in document
/// order (by [`super::dom::Dom::walk`], the one walk over the tree).
pub(crate) struct Reader<'a> {
    s: Sources<'a>,
    ld_blocks: Vec<String>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(doc: &'a Html) -> Reader<'a> {
        let mut s = Sources::default();
        let root = doc.root_element();
        s.html_lang = attr(root.value(), "lang")
            .or_else(|| attr(root.value(), "xml:lang"))
            .map(str::to_string);
        Reader {
            s,
            ld_blocks: Vec::new(),
        }
    }

    /// Read one element, with its attributes `a` (see [`Attrs`]).
    pub(crate) fn visit(&mut self, el: ElementRef<'a>, a: &Attrs) {
        self.s.visit(el, a, &mut self.ld_blocks);
    }

    /// The metadata, from everything visited.
    pub(crate) fn finish(mut self) -> Metadata {
        self.s.ld = JsonLd::read(&self.ld_blocks);
        self.s.resolve(today())
    }
}

/// Everything the page says, gathered in one walk.
#[derive(Default)]
struct Sources<'a> {
    html_lang: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    /// `(key, content)` of every `<meta>`, key lower-cased, document order.
    metas: Vec<(String, String)>,
    ld: JsonLd,
    /// `(rank, text)`: lower rank is better.
    times: Vec<(u8, String)>,
    /// Elements examined as possible dates / bylines (bounds the work).
    date_tries: usize,
    byline_tries: usize,
    /// `(rank, text, grandparent id)` of byline elements.
    bylines: Vec<(u8, String, Option<ElementRef<'a>>)>,
}

/// What the JSON-LD blocks say.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    description: Option<String>,
    lang: Option<String>,
    publisher: Option<String>,
    site: Option<String>,
}

impl<'a> Sources<'a> {
    fn visit(&mut self, el: ElementRef<'a>, a: &Attrs, ld_blocks: &mut Vec<String>) {
        let s = self;
        let e = el.value();
        match e.name() {
            "meta" if s.metas.len() < MAX_METAS => {
                let key = attr(e, "property")
                    .or_else(|| attr(e, "name"))
                    .or_else(|| attr(e, "itemprop"))
                    .or_else(|| attr(e, "http-equiv"));
                let content = attr(e, "content").or_else(|| attr(e, "value"));
                if let (Some(k), Some(c)) = (key, content) {
                    let c = normalize_space(c);
                    if !c.is_empty() {
                        s.metas.push((k.trim().to_ascii_lowercase(), c));
                    }
                }
            }
            "script" if attr(e, "type").is_some_and(|t| contains_ci(t, "ld+json")) => {
                let text: String = el.text().collect();
                if text.len() <= JSONLD_MAX_BYTES {
                    ld_blocks.push(text);
                }
            }
            "title" if s.title.is_none() && &*e.name.ns == "http://www.w3.org/1999/xhtml" => {
                s.title = title_text(el);
            }
            "h1" if s.h1.is_none() => {
                s.h1 = title_text(el);
            }
            "link"
                if s.canonical.is_none()
                    && attr(e, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                s.canonical = attr(e, "href").map(str::to_string);
            }
            _ => {}
        }
        s.collect_date(el, a);
        s.collect_byline(el, a);
    }

    /// Publication dates in the markup: `itemprop=datePublished`, `<time>`.
    fn collect_date(&mut self, el: ElementRef, a: &Attrs) {
        if self.times.len() >= MAX_CANDIDATES || self.date_tries >= MAX_CANDIDATES * 4 {
            return;
        }
        let e = el.value();
        let itemprop = a.itemprop.unwrap_or("");
        let published_prop = itemprop.eq_ignore_ascii_case("datepublished");
        let is_time = e.name() == "time";
        let class = a.class.unwrap_or("");
        let id = a.id.unwrap_or("");
        // `DATE_CLASS_HINTS` in the class or id.
        let classed = a.words & W_DATE != 0;
        if !published_prop && !is_time && !classed {
            return;
        }
        self.date_tries += 1;
        let class = format!("{class} {id}").to_ascii_lowercase();
        if !published_prop && !is_time && DATE_CLASS_FALSE.iter().any(|h| class.contains(h)) {
            return;
        }
        let updated = itemprop.eq_ignore_ascii_case("datemodified")
            || DATE_CLASS_UPDATED.iter().any(|h| class.contains(h));
        let value = match attr(e, "datetime")
            .or_else(|| attr(e, "content"))
            .or_else(|| attr(e, "value"))
        {
            Some(v) => v.to_string(),
            None => {
                // A classed container holds more than a date: skip it.
                let t = text_capped(el, DATE_TEXT_MAX_CHARS + 1);
                if t.chars().count() > DATE_TEXT_MAX_CHARS {
                    return;
                }
                // A wrapper of a `<time>`: the `<time>` itself is collected.
                if !is_time
                    && el
                        .descendants()
                        .take(DATE_TEXT_MAX_CHARS)
                        .filter_map(ElementRef::wrap)
                        .any(|d| d.value().name() == "time")
                {
                    return;
                }
                t
            }
        };
        if value.trim().is_empty() {
            return;
        }
        let in_article = || {
            has_ancestor(el, |a| {
                matches!(a.value().name(), "article" | "header" | "main")
            })
        };
        let rank = if published_prop || attr(e, "pubdate").is_some() {
            0
        } else if updated {
            6
        } else if class.contains("publish")
            || class.contains("posted")
            || (is_time
                && el
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .take(3)
                    .any(|a| {
                        let v = a.value();
                        [attr(v, "class"), v.id()]
                            .into_iter()
                            .flatten()
                            .any(|c| contains_ci(c, "publish") || contains_ci(c, "posted"))
                    }))
        {
            1
        } else if is_time && in_article() {
            2
        } else if is_time {
            3
        } else if in_article() {
            4
        } else {
            5
        };
        if rank >= 3 && in_excluded_area(el) {
            return;
        }
        self.times.push((rank, value));
    }

    /// Byline elements: `itemprop=author`, `rel=author`, byline classes.
    fn collect_byline(&mut self, el: ElementRef<'a>, a: &Attrs) {
        if self.bylines.len() >= MAX_CANDIDATES || self.byline_tries >= MAX_CANDIDATES * 4 {
            return;
        }
        let e = el.value();
        if matches!(
            e.name(),
            "meta" | "link" | "script" | "style" | "body" | "html"
        ) {
            return;
        }
        let rank = if a.itemprop.is_some_and(|p| {
            p.split_whitespace()
                .any(|t| t.eq_ignore_ascii_case("author"))
        }) {
            0
        } else if e.name() == "a"
            && attr(e, "rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("author"))
            })
        {
            1
        } else if a.words & W_BYLINE != 0
            && class_tokens(e).chain(e.id()).any(|c| {
                contains_ci(c, "byline") || BYLINE_CLASSES.iter().any(|b| c.eq_ignore_ascii_case(b))
            })
        {
            2
        } else {
            return;
        };
        self.byline_tries += 1;
        if in_excluded_area(el) {
            return;
        }
        // `itemprop=author` may wrap `itemprop=name`.
        let named = (rank == 0)
            .then(|| {
                el.descendants()
                    .take(BYLINE_ELEMENT_MAX_CHARS)
                    .filter_map(ElementRef::wrap)
                    .find(|d| {
                        attr(d.value(), "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("name"))
                    })
            })
            .flatten();
        let text = match named {
            Some(n) => attr(n.value(), "content")
                .map(str::to_string)
                .unwrap_or_else(|| text_capped(n, BYLINE_ELEMENT_MAX_CHARS + 1)),
            None => attr(e, "content")
                .map(str::to_string)
                .unwrap_or_else(|| byline_text(el, BYLINE_ELEMENT_MAX_CHARS + 1)),
        };
        if text.chars().count() <= BYLINE_ELEMENT_MAX_CHARS && !text.trim().is_empty() {
            let region = el
                .parent()
                .and_then(|p| p.parent())
                .and_then(ElementRef::wrap);
            self.bylines.push((rank, text, region));
        }
    }

    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(mk, _)| mk == k)
                .map(|(_, v)| v.as_str())
        })
    }

    fn metas_of<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn resolve(&self, today: (i32, u32, u32)) -> Metadata {
        let domain = self
            .canonical
            .as_deref()
            .or_else(|| self.meta(URL_KEYS))
            .and_then(domain_key);
        let site_name = [
            self.meta(&SITE_KEYS[..1]),
            self.ld.publisher.as_deref(),
            self.ld.site.as_deref(),
        ]
        .into_iter()
        .chain(SITE_KEYS[1..].iter().map(|k| self.meta(&[k])))
        .flatten()
        .find_map(clean_site)
        .or_else(|| {
            // The part a `<title>` ends with: "... - The New York Times".
            let (_, part) = clean_title(self.title.as_deref()?, None, domain.as_deref(), &[]);
            let (part, matched) = part?;
            (matched || looks_like_site_name(&part)).then_some(part)
        });
        let title = self.title(site_name.as_deref(), domain.as_deref());
        Metadata {
            title,
            byline: self.byline(site_name.as_deref()),
            published: self.published(today),
            site_name,
            lang: self.lang(),
            description: self.description(),
        }
    }

    /// The title, and a stripped title part that matched the domain.
    fn title(&self, site: Option<&str>, domain: Option<&str>) -> Option<String> {
        let mut candidates: Vec<&str> = Vec::new();
        candidates.extend(self.ld.headline.as_deref());
        candidates.extend(self.meta(&TITLE_KEYS[..1]));
        candidates.extend(self.meta(&TITLE_KEYS[1..2]));
        candidates.extend(self.title.as_deref());
        candidates.extend(self.meta(&TITLE_KEYS[2..]));
        candidates.extend(self.h1.as_deref());
        for (i, c) in candidates.iter().enumerate() {
            let others: Vec<&str> = candidates
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, o)| *o)
                .collect();
            let (t, _) = clean_title(c, site, domain, &others);
            if t.chars().any(char::is_alphanumeric) {
                return Some(t);
            }
        }
        None
    }

    fn byline(&self, site: Option<&str>) -> Option<String> {
        let mut names: Vec<String> = Vec::new();
        for a in &self.ld.authors {
            push_names(&mut names, a);
        }
        if names.is_empty() {
            for key in AUTHOR_KEYS {
                for v in self.metas_of(key).take(MAX_AUTHOR_VALUES) {
                    push_names(&mut names, v);
                }
                if !names.is_empty() {
                    break;
                }
            }
        }
        if names.is_empty() {
            // The first good element of the best rank, with its siblings of
            // the same rank in the same region ("By A and B" as two links).
            for rank in 0..=2 {
                let mut region = None;
                for (r, t, g) in &self.bylines {
                    if *r != rank || region.is_some_and(|reg| reg != *g) {
                        continue;
                    }
                    let before = names.len();
                    push_names(&mut names, t);
                    if names.len() > before {
                        region = Some(*g);
                    }
                }
                if !names.is_empty() {
                    break;
                }
            }
        }
        if let Some(site) = site {
            for n in &mut names {
                *n = strip_trailing_site(n, site);
            }
        }
        (!names.is_empty()).then(|| names.join(", "))
    }

    fn published(&self, today: (i32, u32, u32)) -> Option<String> {
        let ok = |s: &str| parse_date(s, today);
        if let Some(d) = self.ld.published.as_deref().and_then(ok) {
            return Some(d);
        }
        for key in DATE_KEYS {
            if let Some(d) = self.metas_of(key).find_map(ok) {
                return Some(d);
            }
        }
        for rank in 0..=6 {
            if let Some(d) = self
                .times
                .iter()
                .filter(|(r, _)| *r == rank)
                .find_map(|(_, t)| ok(t))
            {
                return Some(d);
            }
        }
        None
    }

    fn lang(&self) -> Option<String> {
        self.html_lang
            .as_deref()
            .and_then(clean_lang)
            .or_else(|| self.meta(&LANG_KEYS[..2]).and_then(clean_lang))
            .or_else(|| self.ld.lang.as_deref().and_then(clean_lang))
            .or_else(|| self.meta(&LANG_KEYS[2..]).and_then(clean_lang))
    }

    fn description(&self) -> Option<String> {
        self.ld
            .description
            .clone()
            .or_else(|| self.meta(DESC_KEYS).map(str::to_string))
            .map(|d| normalize_space(&d))
            .filter(|d| !d.is_empty())
    }
}

/// Bit of [`META_WORDS`]: a [`DATE_CLASS_HINTS`] word.
pub(crate) const W_DATE: u32 = 1;
/// Bit of [`META_WORDS`]: `byline` or a [`BYLINE_CLASSES`] word.
pub(crate) const W_BYLINE: u32 = 1 << 1;
/// Bit of [`META_WORDS`]: an [`EXCLUDED_AREAS`] word.
pub(crate) const W_EXCLUDED: u32 = 1 << 2;

/// The word tables of [`META_WORDS`], in `W_*` bit order (a byline class
/// token contains one of the [`W_BYLINE`] words).
pub(crate) fn meta_word_tables() -> [Vec<&'static str>; 3] {
    [
        DATE_CLASS_HINTS.to_vec(),
        std::iter::once("byline")
            .chain(BYLINE_CLASSES.iter().copied())
            .collect(),
        EXCLUDED_AREAS.to_vec(),
    ]
}

/// Words looked for in the class and id of elements, in one pass.
static META_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let t = meta_word_tables();
    WordSet::new(&[&t[0], &t[1], &t[2]])
});

/// The attributes every element is examined for, read in one pass.
pub(crate) struct Attrs<'e> {
    pub(crate) itemprop: Option<&'e str>,
    pub(crate) class: Option<&'e str>,
    pub(crate) id: Option<&'e str>,
    /// [`META_WORDS`] bits (`W_*`) of the class and the id.
    pub(crate) words: u32,
}

impl<'e> Attrs<'e> {
    #[cfg(test)]
    fn of(e: &'e scraper::node::Element) -> Attrs<'e> {
        let mut a = Attrs {
            itemprop: None,
            class: None,
            id: None,
            words: 0,
        };
        for (k, v) in e.attrs() {
            let slot = match k {
                "itemprop" => &mut a.itemprop,
                "class" => &mut a.class,
                "id" => &mut a.id,
                _ => continue,
            };
            // The first of a name, as `attr` finds it.
            slot.get_or_insert(v);
        }
        for v in [a.class, a.id].into_iter().flatten() {
            if !v.is_empty() {
                a.words |= META_WORDS.scan(v);
            }
        }
        a
    }
}

/// An attribute's value. `scraper::node::Element::attr` interns the name
/// (a hash per call); a scan of the element's few attributes is cheaper.
///
/// The guard leaves out of the parse every attribute no stage reads: a
/// name read here must be listed in `guard::attr_use`.
fn attr<'e>(e: &'e scraper::node::Element, name: &str) -> Option<&'e str> {
    e.attrs().find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// ASCII case-insensitive substring test, without allocating.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Inside comments, teasers, sidebars or an author bio?
fn in_excluded_area(el: ElementRef) -> bool {
    has_ancestor(el, |a| {
        // `<body class="one-sidebar">` describes the layout, not an area.
        !matches!(a.value().name(), "body" | "html")
            // An `EXCLUDED_AREAS` word (no spaces) in a class token or the id.
            && [attr(a.value(), "class"), a.value().id()]
                .into_iter()
                .flatten()
                .any(|c| META_WORDS.scan(c) & W_EXCLUDED != 0)
    })
}

/// The class names of `e`, as `Element::classes` gives them but without
/// interning each one as an atom (a global, locked table): that cost more
/// than the rest of the metadata walk.
fn class_tokens(e: &scraper::node::Element) -> impl Iterator<Item = &str> {
    attr(e, "class")
        .into_iter()
        .flat_map(str::split_ascii_whitespace)
}

fn has_ancestor(el: ElementRef, pred: impl Fn(ElementRef) -> bool) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(pred)
}

/// The element's text, whitespace-normalised, reading at most about `cap` chars.
fn text_capped(el: ElementRef, cap: usize) -> String {
    let mut out = String::new();
    for node in el.descendants().take(cap.saturating_mul(4)) {
        if let Node::Text(t) = node.value() {
            if push_capped(&mut out, t, cap * 4) {
                break;
            }
            out.push(' ');
        }
    }
    let s = normalize_space(&out);
    if s.chars().count() > cap {
        s.chars().take(cap).collect()
    } else {
        s
    }
}

/// A `<title>`/`<h1>` text, unless empty or too long to be a title.
fn title_text(el: ElementRef) -> Option<String> {
    let t = text_capped(el, TITLE_MAX_CHARS + 1);
    (!t.is_empty() && t.chars().count() <= TITLE_MAX_CHARS).then_some(t)
}

/// Like [`text_capped`], with ` | ` between the texts of different block
/// children: `<div>By A and B</div><div>Associated Press</div>` ->
/// `By A and B | Associated Press`.
fn byline_text(el: ElementRef, cap: usize) -> String {
    let mut out = String::new();
    let mut last_block = None;
    for node in el.descendants().take(cap.saturating_mul(4)) {
        let Node::Text(t) = node.value() else {
            continue;
        };
        if t.trim().is_empty() {
            continue;
        }
        let block = node
            .ancestors()
            .take_while(|a| a.id() != el.id())
            .find(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| BLOCK_ELEMENTS.contains(&e.name()))
            });
        if !out.is_empty() {
            out.push_str(if block != last_block { " | " } else { " " });
        }
        last_block = block;
        if push_capped(&mut out, t, cap * 4) {
            break;
        }
    }
    let s = normalize_space(&out);
    if s.chars().count() > cap {
        s.chars().take(cap).collect()
    } else {
        s
    }
}

/// Append `t` to `out` up to `limit` bytes in all; true when cut short.
fn push_capped(out: &mut String, t: &str, limit: usize) -> bool {
    let room = limit.saturating_sub(out.len());
    if t.len() <= room {
        out.push_str(t);
        return false;
    }
    let mut k = room;
    while !t.is_char_boundary(k) {
        k -= 1;
    }
    out.push_str(&t[..k]);
    true
}

fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

// ---------------------------------------------------------------- JSON-LD

impl JsonLd {
    fn read(blocks: &[String]) -> JsonLd {
        let mut values: Vec<Value> = Vec::new();
        for b in blocks {
            parse_lenient(b, &mut values);
        }
        // Every object, with its nesting depth (0 = top level or `@graph`).
        let mut objects: Vec<(&serde_json::Map<String, Value>, usize)> = Vec::new();
        for v in &values {
            let mut stack: Vec<(&Value, usize)> = vec![(v, 0)];
            let mut visited = 0;
            while let Some((v, depth)) = stack.pop() {
                visited += 1;
                if visited > JSONLD_MAX_NODES {
                    break;
                }
                match v {
                    Value::Array(items) => {
                        stack.extend(items.iter().rev().map(|i| (i, depth)));
                    }
                    Value::Object(map) => {
                        objects.push((map, depth));
                        for (k, child) in map.iter().rev() {
                            if k == "@graph" {
                                stack.push((child, depth));
                            } else if !JSONLD_SKIP_KEYS.contains(&k.as_str())
                                && (child.is_object() || child.is_array())
                            {
                                stack.push((child, depth + 1));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let by_id = |id: &str| {
            objects
                .iter()
                .find(|(o, _)| o.get("@id").and_then(Value::as_str) == Some(id) && o.len() > 1)
                .map(|(o, _)| *o)
        };
        // (is a page type, rank in its table)
        let rank_of = |o: &serde_json::Map<String, Value>| {
            types(o)
                .filter_map(|t| {
                    ARTICLE_TYPES
                        .iter()
                        .position(|a| *a == t)
                        .map(|r| (false, r))
                        .or_else(|| PAGE_TYPES.iter().position(|a| *a == t).map(|r| (true, r)))
                        .or_else(|| {
                            // Other schema.org subtypes: `MedicalScholarlyArticle`, `MedicalWebPage`.
                            if t.ends_with("article") || t.ends_with("posting") {
                                Some((false, ARTICLE_TYPES.len()))
                            } else {
                                t.ends_with("page").then_some((true, PAGE_TYPES.len()))
                            }
                        })
                })
                .min()
        };
        let article = objects
            .iter()
            .filter_map(|(o, d)| rank_of(o).map(|(page, r)| (page, *d, r, *o)))
            .min_by_key(|(page, d, r, _)| (*page, *d, *r))
            .map(|(_, _, _, o)| o);
        let mut out = JsonLd::default();
        if let Some(a) = article {
            out.headline = str_of(a.get("headline"))
                .or_else(|| str_of(a.get("name")))
                .or_else(|| str_of(a.get("alternativeHeadline")))
                .map(|s| normalize_space(&decode_entities(&s)));
            if let Some(author) = a.get("author").or_else(|| a.get("creator")) {
                collect_names(author, &by_id, &mut out.authors);
            }
            out.published = str_of(a.get("datePublished"))
                .or_else(|| str_of(a.get("dateCreated")))
                .or_else(|| str_of(a.get("uploadDate")));
            out.description = str_of(a.get("description")).map(|s| decode_entities(&s));
            out.lang = lang_of(a.get("inLanguage"));
            out.publisher = a.get("publisher").and_then(|p| name_of(p, &by_id));
        }
        if out.lang.is_none() {
            out.lang = objects
                .iter()
                .find_map(|(o, _)| lang_of(o.get("inLanguage")));
        }
        let mut site_is_website = false;
        for (o, _) in &objects {
            let Some(pos) = types(o)
                .filter_map(|t| SITE_TYPES.iter().position(|s| *s == t))
                .min()
            else {
                continue;
            };
            if out.lang.is_none() {
                out.lang = lang_of(o.get("inLanguage"));
            }
            let is_website = pos == 0;
            if site_is_website || (out.site.is_some() && !is_website) {
                continue;
            }
            if let Some(n) = str_of(o.get("name")) {
                out.site = Some(decode_entities(&n));
                site_is_website = is_website;
            }
        }
        out
    }
}

/// Parse one JSON-LD block, tolerating comment/CDATA wrappers, trailing
/// commas and raw control characters; a block that still fails is skipped.
fn parse_lenient(raw: &str, out: &mut Vec<Value>) {
    let trimmed = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("//]]>")
        .trim_end_matches("]]>")
        .trim()
        .trim_end_matches(';');
    if parse_stream(trimmed, out) {
        return;
    }
    let cleaned = lenient_cleanup(trimmed);
    parse_stream(&cleaned, out);
}

/// Parse one or more concatenated JSON values; true when all parsed.
fn parse_stream(s: &str, out: &mut Vec<Value>) -> bool {
    let before = out.len();
    for v in serde_json::Deserializer::from_str(s).into_iter::<Value>() {
        match v {
            Ok(v) => out.push(v),
            Err(_) => {
                out.truncate(before);
                return false;
            }
        }
    }
    true
}

/// Control characters to spaces, trailing commas before `}`/`]` removed
/// (outside strings).
fn lenient_cleanup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_str = false;
    let mut escaped = false;
    let mut pending_comma = false;
    for c in s.chars() {
        let c = if c.is_control() { ' ' } else { c };
        if in_str {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        if c == ',' {
            if pending_comma {
                continue; // doubled comma
            }
            pending_comma = true;
            continue;
        }
        if c.is_whitespace() {
            out.push(c);
            continue;
        }
        if pending_comma && c != '}' && c != ']' {
            out.push(',');
        }
        pending_comma = false;
        if c == '"' {
            in_str = true;
        }
        out.push(c);
    }
    out
}

fn types(o: &serde_json::Map<String, Value>) -> impl Iterator<Item = String> + '_ {
    let t = o.get("@type");
    let list: Vec<&Value> = match t {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    list.into_iter().filter_map(|v| v.as_str()).map(|s| {
        s.rsplit(['/', ':', '#'])
            .next()
            .unwrap_or(s)
            .to_ascii_lowercase()
    })
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("@value")),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn lang_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(o) => str_of(o.get("alternateName")).or_else(|| str_of(o.get("name"))),
        other => str_of(Some(other)),
    }
}

fn name_of<'a, F>(v: &'a Value, by_id: &F) -> Option<String>
where
    F: Fn(&str) -> Option<&'a serde_json::Map<String, Value>>,
{
    match v {
        Value::String(s) => Some(decode_entities(s.trim())).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| name_of(x, by_id)),
        Value::Object(o) => str_of(o.get("name"))
            .or_else(|| {
                let id = o.get("@id")?.as_str()?;
                str_of(by_id(id)?.get("name"))
            })
            .map(|s| decode_entities(&s)),
        _ => None,
    }
}

fn collect_names<'a, F>(v: &'a Value, by_id: &F, out: &mut Vec<String>)
where
    F: Fn(&str) -> Option<&'a serde_json::Map<String, Value>>,
{
    match v {
        Value::Array(a) => {
            for x in a.iter().take(32) {
                if let Some(n) = name_of(x, by_id) {
                    out.push(n);
                }
            }
        }
        other => out.extend(name_of(other, by_id)),
    }
}

/// The handful of entities JSON-LD writers leave in strings.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // (Bytes: the 12th may sit inside a character.)
        let end = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';');
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------- title

fn norm_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `example` from `https://www.example.co.uk/path`.
fn domain_key(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 {
        return None;
    }
    labels.pop();
    if labels.len() > 1
        && matches!(
            *labels.last()?,
            "co" | "com" | "org" | "net" | "gov" | "ac" | "ne" | "or" | "edu"
        )
    {
        labels.pop();
    }
    let key = norm_key(labels.last()?);
    (key.len() >= 2).then_some(key)
}

/// Does a title part name the site?
fn matches_site(part: &str, site: Option<&str>, domain: Option<&str>) -> bool {
    let p = norm_key(part);
    if p.is_empty() {
        return false;
    }
    if let Some(s) = site.map(norm_key).filter(|s| !s.is_empty()) {
        if p == s || (s.len() >= 3 && p.contains(&s)) || (p.len() >= 4 && s.contains(&p)) {
            return true;
        }
    }
    if let Some(d) = domain {
        if p == d || (d.len() >= 3 && p.contains(d)) || (p.len() >= 4 && d.contains(&p)) {
            return true;
        }
    }
    false
}

fn word_count(s: &str) -> usize {
    let words = s.split_whitespace().count();
    // Scripts without spaces: count characters, two per "word".
    let chars = s.chars().filter(|c| c.is_alphanumeric()).count();
    if words <= 2 && chars > 12 && !s.is_ascii() {
        words.max(chars / 2)
    } else {
        words
    }
}

/// Clean a title of site names and tags; returns the title and the
/// outermost part stripped from it, with whether that part matched the site
/// name or domain.
fn clean_title(
    raw: &str,
    site: Option<&str>,
    domain: Option<&str>,
    confirm: &[&str],
) -> (String, Option<(String, bool)>) {
    let spaced = raw.replace('|', " | ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let title = tokens.join(" ");
    // Segments as token ranges; `seps[i]` is the separator after segment i.
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut seps: Vec<&str> = Vec::new();
    let mut start = 0;
    let numeric = |t: Option<&&str>| {
        t.is_some_and(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
    };
    for (i, t) in tokens.iter().enumerate() {
        // "1975 - 2004" is a range, not two parts.
        let range = matches!(*t, "-" | "–" | "—")
            && i > 0
            && numeric(tokens.get(i - 1))
            && numeric(tokens.get(i + 1));
        if TITLE_SEPARATORS.contains(t) && !range {
            if i > start {
                segs.push((start, i));
                seps.push(t);
            }
            start = i + 1;
        }
    }
    if start < tokens.len() {
        segs.push((start, tokens.len()));
    }
    if segs.len() < 2 || segs.len() > 16 {
        return (title, None);
    }
    let join = |a: usize, b: usize| tokens[segs[a].0..segs[b].1].join(" ");
    // A part that another source repeats exactly.
    let confirm: Vec<String> = confirm
        .iter()
        .map(|c| norm_key(c))
        .filter(|c| c.len() >= 2)
        .collect();
    let longest = (0..segs.len())
        .map(|i| word_count(&join(i, i)))
        .max()
        .unwrap_or(0);
    for width in (1..segs.len()).rev() {
        for a in 0..=segs.len() - width {
            let part = join(a, a + width - 1);
            // A lone short part (a logo `<h1>` naming the site) confirms nothing.
            let too_small = width == 1 && word_count(&part) < longest;
            if !too_small
                && !matches_site(&part, site, domain)
                && confirm.contains(&norm_key(&part))
            {
                return (part, None);
            }
        }
    }
    let (mut a, mut b) = (0, segs.len() - 1);
    let mut site_part = None;
    loop {
        if a == b {
            break;
        }
        if matches_site(&join(b, b), site, domain) {
            site_part.get_or_insert_with(|| (join(b, b), true));
            b -= 1;
        } else if matches_site(&join(a, a), site, domain) {
            site_part.get_or_insert_with(|| (join(a, a), true));
            a += 1;
        } else {
            break;
        }
    }
    while a < b {
        let last = word_count(&join(b, b));
        let rest = word_count(&join(a, b - 1));
        if last <= TITLE_TAG_MAX_WORDS && rest >= TITLE_MIN_WORDS && rest > last {
            site_part.get_or_insert_with(|| (join(b, b), false));
            b -= 1;
        } else {
            break;
        }
    }
    while a < b && HIERARCHICAL_SEPARATORS.contains(&seps[a]) {
        let first = word_count(&join(a, a));
        let rest = word_count(&join(a + 1, b));
        if first <= TITLE_TAG_MAX_WORDS && rest >= TITLE_MIN_WORDS && rest > first {
            a += 1;
        } else {
            break;
        }
    }
    (join(a, b), site_part)
}

/// A site name as pages give it: not a URL; "Name | tagline" -> "Name".
fn clean_site(raw: &str) -> Option<String> {
    let s = normalize_space(raw);
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return None;
    }
    let first = s.split(" | ").next().unwrap_or("").trim();
    (first.chars().any(char::is_alphanumeric)).then(|| first.to_string())
}

/// Words that may stay lower case inside a site name.
const SITE_NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "&", "on", "for", "de", "la", "du", "der",
];

/// "The New York Times", "TechCrunch", "Salon.com": a name, not a tag
/// like "Watch" or "Opinion".
fn looks_like_site_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || SITE_NAME_CONNECTORS.contains(&w.to_lowercase().as_str())
    };
    match words.len() {
        1 => {
            let w = words[0];
            w.contains('.') || w.chars().skip(1).any(char::is_uppercase)
        }
        2..=5 => words.iter().all(capitalised),
        _ => false,
    }
}

// ---------------------------------------------------------------- byline

/// "Kevin McCoy USA TODAY" -> "Kevin McCoy" when the site is "USA Today".
fn strip_trailing_site(name: &str, site: &str) -> String {
    let key = norm_key(site);
    if key.len() < 4 {
        return name.to_string();
    }
    let tokens: Vec<&str> = name.split_whitespace().collect();
    let mut tail = String::new();
    for i in (1..tokens.len()).rev() {
        tail.insert_str(0, &norm_key(tokens[i]));
        if tail == key {
            return tokens[..i]
                .join(" ")
                .trim_end_matches([',', ';', '-', '|'])
                .trim_end()
                .to_string();
        }
        if tail.len() >= key.len() {
            break;
        }
    }
    name.to_string()
}

/// Clean a byline candidate and add its names (split on `,`/`;` only when
/// a name list) to `names`, dropping duplicates.
fn push_names(names: &mut Vec<String>, raw: &str) {
    if names.len() >= MAX_AUTHORS {
        return;
    }
    let Some(clean) = clean_byline(raw) else {
        return;
    };
    if !names
        .iter()
        .any(|n| n.eq_ignore_ascii_case(&clean) || norm_key(n) == norm_key(&clean))
    {
        names.push(clean);
    }
}

fn clean_byline(raw: &str) -> Option<String> {
    let s = normalize_space(&decode_entities(raw));
    let mut tokens: Vec<&str> = s.split(' ').filter(|t| !t.is_empty()).collect();
    // Prefixes ("By", "Written by", "Author:").
    'outer: loop {
        for p in BYLINE_PREFIXES {
            let pw: Vec<&str> = p.split(' ').collect();
            if tokens.len() > pw.len() {
                let matched = pw.iter().enumerate().all(|(i, w)| {
                    let t = tokens[i].trim_end_matches(':');
                    t.eq_ignore_ascii_case(w)
                });
                // A single-word prefix must be `By`-like or followed by a colon,
                // so names such as "Di Maria" survive.
                let colon = tokens[pw.len() - 1].ends_with(':');
                let strong = pw.len() > 1 || STRONG_BYLINE_PREFIXES.contains(p) || colon;
                if matched && strong {
                    tokens.drain(..pw.len());
                    continue 'outer;
                }
            }
        }
        // "By:Jane" glued.
        if let Some(first) = tokens.first_mut() {
            if first.len() > 3 && first.as_bytes()[..3].eq_ignore_ascii_case(b"by:") {
                *first = &first[3..];
                continue;
            }
        }
        break;
    }
    // Separators left at the start ("By | Jane Doe").
    while tokens
        .first()
        .is_some_and(|t| BYLINE_SEPARATORS.contains(t))
    {
        tokens.remove(0);
    }
    // Cut at a stop word, a date, or a token with a digit.
    let mut end = tokens.len();
    for (i, t) in tokens.iter().enumerate() {
        let lower = t.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        let next_is_date = tokens.get(i + 1).is_some_and(|n| {
            let n = n.to_lowercase();
            n.chars().next().is_some_and(|c| c.is_ascii_digit()) || month_of(&n).is_some()
        });
        if BYLINE_STOP_WORDS.contains(&lower.as_str())
            || BYLINE_STOP_WORDS.contains(&bare)
            || t.chars().any(|c| c.is_ascii_digit())
            || ((bare == "on" || bare == "at") && next_is_date)
            || (month_of(bare).is_some() && next_is_date && i > 0)
            || (i > 0 && WEEKDAYS.contains(&bare))
        {
            end = i;
            break;
        }
    }
    tokens.truncate(end);
    let out = tokens
        .join(" ")
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '|' | '-' | '–' | '—' | '·' | '•')
        })
        .to_string();
    let lower = out.to_lowercase();
    let words = out.split_whitespace().count();
    if out.is_empty()
        || !out.chars().next().is_some_and(char::is_alphabetic)
        || out.chars().count() > BYLINE_MAX_CHARS
        || words > BYLINE_MAX_WORDS
        || BYLINE_JUNK.iter().any(|j| lower.contains(j))
        || matches!(
            lower.as_str(),
            "by" | "author" | "authors" | "admin" | "unknown" | "null" | "none"
        )
    {
        return None;
    }
    Some(out)
}

// ---------------------------------------------------------------- dates

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    MONTHS
        .iter()
        .find(|(name, _)| w.eq_ignore_ascii_case(name))
        .map(|(_, m)| *m)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

fn today() -> (i32, u32, u32) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

fn plausible(y: i32, m: u32, d: u32, today: (i32, u32, u32)) -> bool {
    if y < MIN_YEAR || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return false;
    }
    days_from_civil(y, m, d) <= days_from_civil(today.0, today.1, today.2) + MAX_FUTURE_DAYS
}

fn num<T: std::str::FromStr>(s: Option<regex::Match>) -> Option<T> {
    s?.as_str().parse().ok()
}

/// Normalise `+0200`, `+02:00`, `Z`, `UTC`, `GMT` to ISO form.
fn zone(z: &str) -> Option<String> {
    match z {
        "Z" | "z" | "UTC" | "GMT" | "UT" => Some("Z".into()),
        _ => {
            let (sign, rest) = z.split_at(1);
            if sign != "+" && sign != "-" {
                return None;
            }
            let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
            (digits.len() == 4).then(|| format!("{sign}{}:{}", &digits[..2], &digits[2..]))
        }
    }
}

/// Parse a publication date in the common forms into ISO 8601; `None` when
/// unparsable or implausible.
fn parse_date(raw: &str, today: (i32, u32, u32)) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let date =
        |y: i32, m: u32, d: u32| plausible(y, m, d, today).then(|| format!("{y:04}-{m:02}-{d:02}"));
    if let Some(c) = ISO_DATE.get(s).captures(s) {
        let (y, m, d) = (num(c.get(1))?, num(c.get(2))?, num(c.get(3))?);
        let day = date(y, m, d)?;
        let (Some(h), Some(mi)) = (num::<u32>(c.get(4)), num::<u32>(c.get(5))) else {
            return Some(day);
        };
        let sec = num::<u32>(c.get(6)).unwrap_or(0);
        if h > 23 || mi > 59 || sec > 60 {
            return Some(day);
        }
        let z = c.get(7).and_then(|z| zone(z.as_str())).unwrap_or_default();
        return Some(format!("{day}T{h:02}:{mi:02}:{sec:02}{z}"));
    }
    if let Some(c) = COMPACT_DATE.get(s).captures(s) {
        return date(num(c.get(1))?, num(c.get(2))?, num(c.get(3))?);
    }
    if (s.len() == 10 || s.len() == 13) && s.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = s[..10].parse().ok()?;
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let t = secs.rem_euclid(86_400);
        let day = date(y, m, d)?;
        return Some(format!(
            "{day}T{:02}:{:02}:{:02}Z",
            t / 3600,
            t / 60 % 60,
            t % 60
        ));
    }
    if let Some(c) = NUMERIC_DATE.get(s).captures(s) {
        let (a, sep, b, cc): (u32, &str, u32, u32) = (
            num(c.get(1))?,
            c.get(2)?.as_str(),
            num(c.get(3))?,
            num(c.get(4))?,
        );
        let a_len = c.get(1)?.as_str().len();
        return if a_len == 4 {
            date(a as i32, b, cc)
        } else if c.get(4)?.as_str().len() == 4 {
            // d.m.y with dots; m/d/y with slashes unless the first can't be a month.
            if sep == "." || a > 12 {
                date(cc as i32, b, a)
            } else {
                date(cc as i32, a, b)
            }
        } else {
            None
        };
    }
    textual_date(s, &date)
}

/// "May 9, 2025", "9 May 2025", "Fri, 09 May 2025 10:00:00 GMT".
fn textual_date(s: &str, date: &dyn Fn(i32, u32, u32) -> Option<String>) -> Option<String> {
    let (mut y, mut m, mut d) = (None, None, None);
    let mut clock = None;
    let mut tz = None;
    for raw in s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        let t = raw.trim_end_matches('.');
        if m.is_none() {
            if let Some(mm) = month_of(t) {
                m = Some(mm);
                continue;
            }
        }
        if let Some(c) = CLOCK.get(t).captures(t) {
            clock = Some((
                num::<u32>(c.get(1))?,
                num::<u32>(c.get(2))?,
                num::<u32>(c.get(3)).unwrap_or(0),
            ));
            continue;
        }
        if clock.is_some() && tz.is_none() {
            if let Some(z) = zone(t) {
                tz = Some(z);
                continue;
            }
        }
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if digits.len() == 4 && y.is_none() {
                y = digits.parse().ok();
            } else if digits.len() <= 2 && d.is_none() && y.is_none() {
                d = digits.parse().ok();
            }
        }
    }
    let day = date(y?, m?, d?)?;
    match (clock, tz) {
        (Some((h, mi, sec)), Some(z)) if h <= 23 && mi <= 59 && sec <= 60 => {
            Some(format!("{day}T{h:02}:{mi:02}:{sec:02}{z}"))
        }
        _ => Some(day),
    }
}

// ---------------------------------------------------------------- language

/// `en_US` -> `en-US`; the first of a list; `None` unless it looks like a
/// BCP 47 tag.
fn clean_lang(raw: &str) -> Option<String> {
    let first = raw
        .split([',', ';', ' '])
        .map(str::trim)
        .find(|t| !t.is_empty())?;
    let tag = first.replace('_', "-");
    let mut parts = tag.split('-');
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    for p in parts {
        if p.is_empty() || p.len() > 8 || !p.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        if p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()) {
            out.push_str(&p.to_ascii_uppercase());
        } else {
            out.push_str(p);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (i32, u32, u32) = (2026, 11, 28);

    fn meta_of(html: &str) -> Metadata {
        let doc = Html::parse_document(html);
        let own_walk = read(&doc, TODAY);
        // The extractor's way: fed by the content walk.
        let mut r = Reader::new(&doc);
        super::super::dom::Dom::walk(&doc, |el, a| r.visit(el, a));
        r.s.ld = JsonLd::read(&r.ld_blocks);
        assert_eq!(r.s.resolve(TODAY), own_walk);
        own_walk
    }

    #[test]
    fn jsonld_article_fields() {
        let m = meta_of(
            r#"<html><head><title>Ignored | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Storm hits the coast","datePublished":"2025-05-09T10:00:00+02:00",
            "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
            "publisher":{"@type":"Organization","name":"Daily News"},
            "description":"Thousands evacuated &amp; more.","inLanguage":"en-GB"}</script>
            </head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(m.published.as_deref(), Some("2025-05-09T10:00:00+02:00"));
        assert_eq!(m.site_name.as_deref(), Some("Daily News"));
        assert_eq!(
            m.description.as_deref(),
            Some("Thousands evacuated & more.")
        );
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
    }

    #[test]
    fn jsonld_graph_with_id_references() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://ex.com/#website","name":"Example Blog","inLanguage":"fr-FR"},
            {"@type":"WebPage","@id":"https://ex.com/p/#webpage","name":"Page name"},
            {"@type":["Article","BlogPosting"],"headline":"A post about things","author":{"@id":"https://ex.com/#/person/1"},
             "datePublished":"2024-01-02","publisher":{"@id":"https://ex.com/#org"}},
            {"@type":"Person","@id":"https://ex.com/#/person/1","name":"Marie Curie"},
            {"@type":"Organization","@id":"https://ex.com/#org","name":"Example Org"}]}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("A post about things"));
        assert_eq!(m.byline.as_deref(), Some("Marie Curie"));
        assert_eq!(m.published.as_deref(), Some("2024-01-02"));
        assert_eq!(m.site_name.as_deref(), Some("Example Org"));
        assert_eq!(m.lang.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn jsonld_array_and_string_author() {
        let m = meta_of(
            r#"<script type="application/ld+json">[{"@type":"BreadcrumbList"},
            {"@type":"ReportageNewsArticle","headline":"Flood waters rise","author":"By Jane Doe"}]</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Flood waters rise"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn jsonld_malformed_is_tolerated() {
        let m = meta_of(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak title\",\"author\":{\"name\":\"Jane Doe\",},}</script>",
        );
        assert_eq!(m.title.as_deref(), Some("Line break title"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        // Hopeless JSON is skipped; other sources still work.
        let m = meta_of(
            r#"<title>Fallback title here</title><script type="application/ld+json">{"@type": NewsArticle headline</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Fallback title here"));
    }

    #[test]
    fn jsonld_prefers_top_level_article_over_nested_or_listed() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@type":"WebPage","name":"Section page",
            "mainEntity":{"@type":"NewsArticle","headline":"The real story"},
            "relatedLink":{"@type":"NewsArticle","headline":"Other story"}}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The real story"));
    }

    #[test]
    fn opengraph_and_meta_tags() {
        let m = meta_of(
            r#"<html lang="en_us"><head><title>Storm hits coast - Daily News</title>
            <meta property="og:title" content="Storm hits coast">
            <meta property="og:site_name" content="Daily News">
            <meta property="og:description" content="OG description">
            <meta name="description" content="Meta description">
            <meta property="article:published_time" content="2025-05-09T08:00:00Z">
            <meta property="article:author" content="https://facebook.com/janedoe">
            <meta name="author" content="Jane Doe">
            </head></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(m.site_name.as_deref(), Some("Daily News"));
        assert_eq!(m.description.as_deref(), Some("OG description"));
        assert_eq!(m.published.as_deref(), Some("2025-05-09T08:00:00Z"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(m.lang.as_deref(), Some("en-US"));
    }

    #[test]
    fn multiple_citation_authors() {
        let m = meta_of(
            r#"<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, John">
            <meta name="citation_publication_date" content="2021/03/04">"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Doe, Jane, Roe, John"));
        assert_eq!(m.published.as_deref(), Some("2021-03-04"));
    }

    #[test]
    fn other_date_metas() {
        for (key, value, want) in [
            (
                "sailthru.date",
                "2025-05-09 14:30:00",
                "2025-05-09T14:30:00",
            ),
            (
                "parsely-pub-date",
                "2025-05-09T14:30:00.000Z",
                "2025-05-09T14:30:00Z",
            ),
            ("dc.date", "9 May 2025", "2025-05-09"),
            ("pubdate", "20250509", "2025-05-09"),
            (
                "date",
                "Fri, 09 May 2025 10:00:00 +0000",
                "2025-05-09T10:00:00+00:00",
            ),
        ] {
            let m = meta_of(&format!(r#"<meta name="{key}" content="{value}">"#));
            assert_eq!(m.published.as_deref(), Some(want), "{key}");
        }
    }

    #[test]
    fn time_element_prefers_article_and_rejects_future() {
        let m = meta_of(
            r#"<body><aside><time datetime="2024-12-01">Dec 1</time></aside>
            <article><header><time datetime="2025-05-09T10:00:00Z">May 9</time></header></article></body>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2025-05-09T10:00:00Z"));
        let m = meta_of(r#"<article><time datetime="2031-01-01">Jan 1</time></article>"#);
        assert_eq!(m.published, None);
        let m = meta_of(
            r#"<div><time datetime="2025-01-02" class="updated">x</time>
            <span itemprop="datePublished" content="2024-06-07"></span></div>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2024-06-07"));
    }

    #[test]
    fn byline_elements() {
        let m = meta_of(
            r#"<article><div class="byline">By <a href="/a/jane">Jane Doe</a> and <a>John Roe</a> | Updated 3 hours ago</div></article>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Jane Doe and John Roe"));
        let m = meta_of(
            r#"<div itemprop="author" itemscope><span itemprop="name">Ann Lee</span><a>Email the author</a></div>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
        let m = meta_of(
            r#"<p>Posted by <a rel="author" href="/u/bob">Bob Smith</a> on May 9, 2025</p>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Bob Smith"));
        let m =
            meta_of(r#"<section class="comments"><span class="author">Troll42</span></section>"#);
        assert_eq!(m.byline, None);
        let m = meta_of(
            r#"<body class="one-sidebar"><div class="story-byline"><div>By ANN LEE and BO CHAN</div><div>Associated Press</div></div></body>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("ANN LEE and BO CHAN"));
        let m = meta_of(r#"<div class="byline"><span>By</span><div>Jane Doe</div></div>"#);
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn byline_elements_of_one_region_only() {
        let m = meta_of(
            r#"<article><p class="meta">By <a rel="author" href="/a">Ann Lee</a> and <a rel="author" href="/b">Bo Chan</a></p>
            <p>Text.</p><div class="author-info"><div><a rel="author" href="/a">All stories</a></div></div>
            <div class="author-bio"><a rel="author" href="/a">Ann Lee, reporter</a></div></article>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Ann Lee, Bo Chan"));
    }

    #[test]
    fn site_name_cleaning_and_from_title() {
        assert_eq!(
            clean_site("LinkNaija | Nigeria's news platform").as_deref(),
            Some("LinkNaija")
        );
        assert_eq!(clean_site("https://www.example.com"), None);
        let m = meta_of(
            r#"<meta property="og:site_name" content="https://www.example.com"><title>Trade war keeps world guessing - The New York Times</title>"#,
        );
        assert_eq!(m.site_name.as_deref(), Some("The New York Times"));
        assert_eq!(m.title.as_deref(), Some("Trade war keeps world guessing"));
        let m = meta_of("<title>Trade war keeps world guessing | Watch</title>");
        assert_eq!(m.site_name, None);
    }

    #[test]
    fn byline_drops_trailing_site_name() {
        let m = meta_of(
            r#"<meta property="og:site_name" content="USA TODAY"><meta name="author" content="Kevin Johnson and Kevin McCoy USA TODAY">"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Kevin Johnson and Kevin McCoy"));
        assert_eq!(strip_trailing_site("USA Today", "USA TODAY"), "USA Today");
    }

    #[test]
    fn classed_date_elements() {
        let m = meta_of(
            r#"<div class="published"><span class="date"><time datetime="2019-11-18T20:28:55Z">November 18, 2019</time></span></div>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2019-11-18T20:28:55Z"));
        let m = meta_of(
            r#"<aside class="related"><span class="date">June 1, 2019</span></aside>
            <article><div class="article-publish-date">November 19, 2019, 9:02 AM</div></article>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2019-11-19"));
        let m =
            meta_of(r#"<input class="published_date" type="hidden" value="2019-11-19 02:24:47">"#);
        assert_eq!(m.published.as_deref(), Some("2019-11-19T02:24:47"));
        let m = meta_of(
            r#"<div class="date-box">Posted on a sunny day, a long text about something else entirely, and with many words in it, 2019</div>"#,
        );
        assert_eq!(m.published, None);
        let m = meta_of(r#"<form class="validate"><p>November 19, 2019</p></form>"#);
        assert_eq!(m.published, None);
    }

    #[test]
    fn jsonld_schema_subtypes() {
        let m = meta_of(
            r#"<script type="application/ld+json">[{"@type":"WebSite","inLanguage":"pt-BR","name":"Site"},
            {"@type":"MedicalWebPage","name":"Fifteen tips for better sleep","datePublished":"2019-11-14T08:00:00.000Z"}]</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Fifteen tips for better sleep"));
        assert_eq!(m.published.as_deref(), Some("2019-11-14T08:00:00Z"));
        assert_eq!(m.lang.as_deref(), Some("pt-BR"));
    }

    #[test]
    fn byline_cleaning() {
        for (raw, want) in [
            ("By Jane Doe and John Roe", Some("Jane Doe and John Roe")),
            ("BY JANE DOE", Some("JANE DOE")),
            ("Written by: Jane Doe", Some("Jane Doe")),
            ("Jane Doe, Updated May 9, 2025", Some("Jane Doe")),
            ("By Jane Doe May 9, 2025", Some("Jane Doe")),
            ("Email The Author", None),
            ("Hours Ago by Jane", None),
            ("https://www.facebook.com/jane", None),
            ("@janedoe", None),
            ("Staff", Some("Staff")),
            ("Di Maria", Some("Di Maria")),
            ("Jeff Foust Monday, November 18, 2019", Some("Jeff Foust")),
            ("By", None),
            ("", None),
        ] {
            assert_eq!(clean_byline(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn title_strips_site_and_tags() {
        let t = |raw: &str, site: Option<&str>, domain: Option<&str>| {
            clean_title(raw, site, domain, &[]).0
        };
        assert_eq!(
            t("Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day | Watch | News Today", None, None),
            "Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day"
        );
        assert_eq!(
            t(
                "Storm hits the coast | Daily News",
                Some("Daily News"),
                None
            ),
            "Storm hits the coast"
        );
        assert_eq!(
            t("BBC News - Storm hits coast", None, Some("bbc")),
            "Storm hits coast"
        );
        assert_eq!(
            t("Opinion | Why the budget vote matters so much", None, None),
            "Why the budget vote matters so much"
        );
        // Dashes inside a real title stay.
        assert_eq!(
            t("Covid - what you need to know now", None, None),
            "Covid - what you need to know now"
        );
        // Too little would remain.
        assert_eq!(t("Home | Example", None, None), "Home | Example");
        assert_eq!(
            t("No separators at all", None, None),
            "No separators at all"
        );
        assert_eq!(
            t(
                "In Memoriam, Michelle L. Richardson, 1975 - 2004",
                None,
                None
            ),
            "In Memoriam, Michelle L. Richardson, 1975 - 2004"
        );
    }

    #[test]
    fn title_agreement_wins() {
        let (t, _) = clean_title(
            "Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day | Watch | Site",
            None,
            None,
            &["Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day | Watch"],
        );
        assert_eq!(
            t,
            "Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day | Watch"
        );
        let (t, _) = clean_title("Short one - Big Site", None, None, &["Short one"]);
        assert_eq!(t, "Short one");
    }

    #[test]
    fn seed_story_in_html_chrome() {
        let m = meta_of(
            r#"<html lang="en"><head><title>Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day | Watch | Asia News</title>
            <link rel="canonical" href="https://www.asianews.example/asia/russia-nk"></head>
            <body><nav>Home / Asia</nav><h1>Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day | Watch</h1>
            <p>President Putin publicly honored North Korean soldiers on Victory Day 2025.</p></body></html>"#,
        );
        let title = m.title.unwrap();
        assert!(
            title == "Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day"
                || title == "Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day | Watch",
            "{title}"
        );
        let m = meta_of(
            r#"<title>Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day | Watch | Asia News</title>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day")
        );
    }

    #[test]
    fn site_name_from_title_and_domain() {
        let m = meta_of(
            r#"<title>Storm hits the coast today | The Guardian</title><link rel="canonical" href="https://www.theguardian.com/x">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm hits the coast today"));
        assert_eq!(m.site_name.as_deref(), Some("The Guardian"));
    }

    #[test]
    fn title_falls_back_to_h1_and_ignores_svg_title() {
        let m = meta_of(r#"<body><svg><title>icon</title></svg><h1> Big   headline </h1></body>"#);
        assert_eq!(m.title.as_deref(), Some("Big headline"));
        assert_eq!(meta_of("<p>nothing</p>").title, None);
    }

    #[test]
    fn lang_sources() {
        assert_eq!(
            meta_of(r#"<meta http-equiv="content-language" content="de, en">"#)
                .lang
                .as_deref(),
            Some("de")
        );
        assert_eq!(
            meta_of(r#"<meta property="og:locale" content="pt_BR">"#)
                .lang
                .as_deref(),
            Some("pt-BR")
        );
        assert_eq!(
            meta_of(r#"<html lang="zh-Hant-TW"></html>"#)
                .lang
                .as_deref(),
            Some("zh-Hant-TW")
        );
        assert_eq!(meta_of(r#"<html lang="{{lang}}"></html>"#).lang, None);
    }

    #[test]
    fn date_forms() {
        let p = |s: &str| parse_date(s, TODAY);
        assert_eq!(p("2025-05-09").as_deref(), Some("2025-05-09"));
        assert_eq!(
            p("2025-05-09T10:00:00Z").as_deref(),
            Some("2025-05-09T10:00:00Z")
        );
        assert_eq!(
            p("2025-05-09T10:00+0530").as_deref(),
            Some("2025-05-09T10:00:00+05:30")
        );
        assert_eq!(p("May 9, 2025").as_deref(), Some("2025-05-09"));
        assert_eq!(p("9 May 2025").as_deref(), Some("2025-05-09"));
        assert_eq!(p("Sept. 9th, 2025").as_deref(), Some("2025-09-09"));
        assert_eq!(p("2025/05/09").as_deref(), Some("2025-05-09"));
        assert_eq!(p("09.05.2025").as_deref(), Some("2025-05-09"));
        assert_eq!(p("05/09/2025").as_deref(), Some("2025-05-09"));
        assert_eq!(p("25/12/2024").as_deref(), Some("2024-12-25"));
        assert_eq!(
            p("Fri, 09 May 2025 10:00:00 GMT").as_deref(),
            Some("2025-05-09T10:00:00Z")
        );
        assert_eq!(p("1746784800").as_deref(), Some("2025-05-09T10:00:00Z"));
        assert_eq!(p("1985-01-01"), None);
        assert_eq!(p("2027-01-01"), None);
        assert_eq!(p("2025-02-30"), None);
        assert_eq!(p("2026-11-30").as_deref(), Some("2026-11-30"));
        assert_eq!(p("not a date"), None);
        assert_eq!(p("May 2025"), None);
    }

    #[test]
    fn civil_round_trip() {
        for days in [-1000, 0, 1, 20_000, 20_217, 30_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
    }

    #[test]
    fn huge_title_text_is_not_a_title() {
        let m = meta_of(&format!(
            "<title>{}</title><h1>Real headline</h1>",
            "é word ".repeat(100_000)
        ));
        assert_eq!(m.title.as_deref(), Some("Real headline"));
        let mut s = String::new();
        assert!(push_capped(&mut s, "aé", 2));
        assert_eq!(s, "a");
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#39;c&#x27; &bogus; &"),
            "a & b 'c' &bogus; &"
        );
        // Fuzz finding: the 12-byte look-ahead for `;` ended inside `ÿ`.
        assert_eq!(
            decode_entities("Updated 2 hours&ÿÿÿÿÿÿago"),
            "Updated 2 hours&ÿÿÿÿÿÿago"
        );
    }

    #[test]
    fn meta_words_agree_with_the_word_tables() {
        for v in [
            "post-date",
            "PUBLISHED",
            "time-stamp",
            "timestamp",
            "Byline",
            "by-line x",
            "writer",
            "candidate",
            "x",
            "",
            "dat e",
            "author_name",
            "a-posted-b",
            "Comments",
            "BIOGRAPHY",
            "about-author",
            "side bar",
            "footer-x",
        ] {
            let date = DATE_CLASS_HINTS.iter().any(|h| contains_ci(v, h));
            let byline =
                contains_ci(v, "byline") || BYLINE_CLASSES.iter().any(|b| contains_ci(v, b));
            assert_eq!(META_WORDS.scan(v) & W_DATE != 0, date, "{v}");
            assert_eq!(META_WORDS.scan(v) & W_BYLINE != 0, byline, "{v}");
            let excluded = EXCLUDED_AREAS.iter().any(|x| contains_ci(v, x));
            assert_eq!(META_WORDS.scan(v) & W_EXCLUDED != 0, excluded, "{v}");
        }
    }

    #[test]
    fn elements_the_content_walk_does_not_list_are_read() {
        // Hidden, inside a form control, inside a script-like element:
        // not content, still metadata (checked against a walk of its own).
        let m = meta_of(
            "<html><body><div hidden><time datetime=2025-05-09>May 9</time></div>\
             <button><span class=byline>By Ann Lee</span></button><p>Text.</p></body></html>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-05-09"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn ascii_and_unicode_date_regexes_agree_on_ascii() {
        let texts = [
            "2025-05-09",
            "2025-5-9T10:00:00.123+02:00",
            "2025-05-09 10:00 Z",
            "09.05.2025",
            "5/9/2025,",
            "20250509",
            "20250509T1000",
            "10:05",
            "7:05:09",
            "2025-05-09\t1:00",
        ];
        for re in [&ISO_DATE, &NUMERIC_DATE, &COMPACT_DATE, &CLOCK] {
            re.assert_forms_agree(&texts);
        }
    }

    #[test]
    fn many_candidates_stay_bounded() {
        let mut page = String::new();
        for _ in 0..5000 {
            page.push_str(r#"<div class="author"><span></span></div><time>never</time>"#);
            page.push_str(r#"<meta name="citation_author" content="Same Name">"#);
        }
        page.push_str(r#"<meta name="citation_author" content="Other Name">"#);
        let m = meta_of(&page);
        // Values past the caps are not read.
        assert_eq!(m.byline.as_deref(), Some("Same Name"));
        assert_eq!(m.published, None);
    }

    #[test]
    fn deep_and_huge_jsonld_do_not_panic() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let _ = meta_of(&format!(
            r#"<script type="application/ld+json">{deep}</script>"#
        ));
        let wide = format!(
            r#"{{"@type":"NewsArticle","author":[{}]}}"#,
            vec![r#"{"name":"A B"}"#; 5000].join(",")
        );
        let m = meta_of(&format!(
            r#"<script type="application/ld+json">{wide}</script>"#
        ));
        assert_eq!(m.byline.as_deref(), Some("A B"));
    }
}
