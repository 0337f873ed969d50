//! One iterative walk over the parsed tree: a flat, pre-order list of the
//! nodes that can matter for content, with their tag, hint flags and, for
//! text nodes, their normalised length and comma count. Every later step
//! (figures, scoring, rendering) works on this list by index; the subtree of
//! node `i` is the index range `i..end[i]`, so no step needs recursion.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node};

use super::words::WordSet;

/// Sentinel parent of the root.
pub(crate) const NO_PARENT: u32 = u32::MAX;

/// The element names the content stage tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// A text node.
    Text,
    /// Any element not listed below (inline by default).
    Inline,
    /// Any block-level element not listed below.
    Block,
    A,
    P,
    Div,
    Section,
    Article,
    Main,
    Body,
    Br,
    H(u8),
    Li,
    Ul,
    Ol,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Tr,
    Td,
    Th,
    Figure,
    Img,
    Header,
    Footer,
    Aside,
    Form,
    Input,
    Address,
}

impl Tag {
    fn of(name: &str) -> Option<Tag> {
        Some(match name {
            "a" => Tag::A,
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "body" => Tag::Body,
            "br" => Tag::Br,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "li" => Tag::Li,
            "ul" | "menu" | "dir" => Tag::Ul,
            "ol" => Tag::Ol,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "figure" => Tag::Figure,
            "img" | "picture" => Tag::Img,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "aside" => Tag::Aside,
            "form" => Tag::Form,
            "input" | "button" | "select" | "textarea" | "option" | "optgroup" => Tag::Input,
            "address" => Tag::Address,
            "html" | "center" | "details" | "dialog" | "fieldset" | "hgroup" | "hr" | "legend"
            | "caption" | "thead" | "tbody" | "tfoot" | "summary" | "nav" | "figcaption"
            | "frameset" | "noframes" | "search" | "head" => Tag::Block,
            // Never content: dropped with their subtree.
            "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
            | "embed" | "canvas" | "video" | "audio" | "map" | "title" | "meta" | "link"
            | "base" | "source" | "track" | "param" | "area" => return None,
            _ => Tag::Inline,
        })
    }

    /// Whether the element starts a new block (ends the current line of text).
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text | Tag::Inline | Tag::A | Tag::Br | Tag::Img | Tag::Input
        )
    }
}

/// Flag: class/id/role/tag say "not the story" (navigation, comments, ...).
pub(crate) const UNLIKELY: u16 = 1;
/// Flag: never content (form controls; their text is not prose).
pub(crate) const ALWAYS_OUT: u16 = 1 << 1;
/// Flag: a byline, dateline or author box (dropped when short).
pub(crate) const BYLINE: u16 = 1 << 2;
/// Flag: a strong hint that this is the article body (schema.org articleBody, ...).
pub(crate) const BODY_HINT: u16 = 1 << 3;
/// Flag: inside a `<pre>`: unlikely-candidate stripping does not apply.
pub(crate) const IN_TABLE_OR_CODE: u16 = 1 << 4;
/// Flag: a caption, a share bar or another thing dropped wherever it is.
pub(crate) const NOISE: u16 = 1 << 5;
/// Flag: an embedded post (tweet, ...) the author placed in the story.
pub(crate) const EMBED: u16 = 1 << 6;

/// What a flat-list entry refers to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ref<'a> {
    Element(ElementRef<'a>),
    Text(&'a str),
}

/// One entry of the flat list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item<'a> {
    pub node: Ref<'a>,
    pub parent: u32,
    /// One past the last index of this node's subtree.
    pub end: u32,
    pub tag: Tag,
    pub flags: u16,
    /// Class/id weight (Readability style): +25 per positive, -25 per negative hint.
    pub weight: i16,
    /// Text nodes: normalised characters. Elements: 0.
    pub chars: u32,
    /// Text nodes: commas. Elements: 0.
    pub commas: u32,
}

/// The flat, pre-order list of a document's relevant nodes.
#[derive(Debug)]
pub(crate) struct Dom<'a> {
    pub items: Vec<Item<'a>>,
    /// Texts of `<script type="application/ld+json">` elements, in page order.
    pub json_ld: Vec<&'a str>,
}

// Class/id hint tables: ASCII case-insensitive words, matched anywhere in
// the value, all tables in one pass ([`WordSet`]); `^`/`$` anchor a word at
// the start/end of the value, `<`/`>` at the start/end or a `-`, `_`, space.
/// Embedded posts (tweets, Instagram, ...) that authors place in the story.
const EMBED_WORDS: &[&str] = &[
    "tweet",
    "instagram-media",
    "tiktok-embed",
    "fb-post",
    "facebook-post",
    "reddit-embed",
    "social-embed",
    "social-media-embed",
    "embed-social",
    "twitter-embed",
    "embed-twitter",
    "instagram-embed",
    "embed-instagram",
];
/// Readability's negative class/id hints, extended.
const NEGATIVE_WORDS: &[&str] = &[
    "-ad-",
    "hidden",
    "^hid$",
    " hid$",
    " hid ",
    "^hid ",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "newsletter",
    "subscribe",
    "caption",
    "byline",
    "author",
];
/// Readability's positive class/id hints.
const POSITIVE_WORDS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
/// Values of `class`, `id` or `itemprop` that name the article body.
const BODY_HINT_WORDS: &[&str] = &[
    "^articlebody$",
    "articlebody",
    "article-body",
    "article__body",
    "articletext",
    "article-text",
    "article-content",
    "storybody",
    "story-body",
    "story-content",
    "entry-content",
    "postcontent",
    "post-content",
    "post-body",
    "bodytext",
    "body-text",
    "article_body",
    "main-content",
    "storytext",
    "content-body",
    "body-content",
    "text-body",
    "articlecontent",
];
/// Readability's unlikely candidates, extended with the boxes news pages put inside articles.
const UNLIKELY_WORDS: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "newsletter",
    "cookie",
    "consent",
    "subscribe",
    "signup",
    "sign-up",
    "taboola",
    "outbrain",
    "trending",
    "most-popular",
    "mostpopular",
    "recommend",
    "read-more",
    "readmore",
    "share",
    "sharing",
    "toolbar",
    "skip-link",
    "<nav",
];
/// Hints that rescue an unlikely candidate.
const MAYBE_WORDS: &[&str] = &[
    "and",
    "article",
    "body",
    "column",
    "content",
    "main",
    "shadow",
    "tweet",
    "social-embed",
    "social-media-embed",
];
/// Things dropped wherever they sit, even inside the chosen article.
const NOISE_WORDS: &[&str] = &[
    "caption",
    "credit",
    "newsletter",
    "share-",
    "sharing",
    "tooltip",
    "rollover",
    "popover",
    "hovercard",
    "related",
    "promo",
    "subscribe",
    "signup",
    "sign-up",
    "advert",
    "^ad$",
    "^ads$",
    "-ad$",
    "^ad-",
    "cookie",
    "consent",
    "taboola",
    "outbrain",
    "recirc",
    "read-more",
    "readmore",
    "more-stories",
    "author-bio",
    "author-info",
    "bio-box",
    "about-author",
    "author-box",
    "authorbox",
    "contrib-bio",
    "full-bio",
    "<bio>",
    "<cta>",
    "screen-reader",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "print-only",
    "hide-for",
    "tags",
];
/// Bylines, datelines and author boxes.
const BYLINE_WORDS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
const H_EMBED: u16 = 1 << 0;
const H_NEGATIVE: u16 = 1 << 1;
const H_POSITIVE: u16 = 1 << 2;
const H_BODY_HINT: u16 = 1 << 3;
const H_UNLIKELY: u16 = 1 << 4;
const H_MAYBE: u16 = 1 << 5;
const H_NOISE: u16 = 1 << 6;
const H_BYLINE: u16 = 1 << 7;
/// The hint tables, in `H_*` bit order.
const HINT_TABLES: [&[&str]; 8] = [
    EMBED_WORDS,
    NEGATIVE_WORDS,
    POSITIVE_WORDS,
    BODY_HINT_WORDS,
    UNLIKELY_WORDS,
    MAYBE_WORDS,
    NOISE_WORDS,
    BYLINE_WORDS,
];
/// The bit of the first metadata table in a [`CLASS_WORDS`] scan: the
/// metadata's `W_*` bits follow the `H_*` bits.
const META_SHIFT: u32 = 8;
/// The hint tables and the metadata's class/id tables, in one word set:
/// one pass over each class and id serves both.
static CLASS_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let meta = super::metadata::meta_word_tables();
    let mut tables: Vec<&[&str]> = HINT_TABLES.to_vec();
    tables.extend(meta.iter().map(Vec::as_slice));
    WordSet::new(&tables)
});

/// [`CLASS_WORDS`] bits of `v`: `H_*` in the low byte, the metadata's
/// `W_*` from [`META_SHIFT`] up.
fn class_words(v: &str) -> u32 {
    if v.is_empty() {
        return 0;
    }
    CLASS_WORDS.scan(v)
}

/// Which hint tables `v` matches, as `H_*` bits.
fn hints(v: &str) -> u16 {
    (class_words(v) & 0xFF) as u16
}

/// ARIA roles of elements that are not content.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
    "contentinfo",
    "search",
];

/// `el.attr(name)` without interning `name` (scraper's `attr` turns it into
/// an atom through a global table on every call, the larger part of the
/// walk's cost). For names that no foreign-content (SVG/MathML) attribute
/// adjustment puts in a namespace, so the answer is the same.
///
/// The guard leaves out of the parse every attribute no stage reads: a
/// name read here must be listed in `guard::attr_use`.
fn attr<'e>(el: &'e scraper::node::Element, name: &str) -> Option<&'e str> {
    el.attrs().find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// The attributes the walk looks at, read in one pass over an element's
/// attributes (each the first of its name, as [`attr`] finds it).
#[derive(Default)]
struct Attrs<'e> {
    class: Option<&'e str>,
    id: Option<&'e str>,
    itemprop: Option<&'e str>,
    role: Option<&'e str>,
    rel: Option<&'e str>,
    style: Option<&'e str>,
    hidden: Option<&'e str>,
    aria_hidden: Option<&'e str>,
    /// [`class_words`] of the class and of the id.
    class_bits: u32,
    id_bits: u32,
}

impl<'e> Attrs<'e> {
    fn of(el: &'e scraper::node::Element) -> Attrs<'e> {
        let mut a = Attrs::default();
        for (k, v) in el.attrs() {
            let slot = match k {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "itemprop" => &mut a.itemprop,
                "role" => &mut a.role,
                "rel" => &mut a.rel,
                "style" => &mut a.style,
                "hidden" => &mut a.hidden,
                "aria-hidden" => &mut a.aria_hidden,
                _ => continue,
            };
            slot.get_or_insert(v);
        }
        a.class_bits = class_words(a.class.unwrap_or(""));
        a.id_bits = class_words(a.id.unwrap_or(""));
        a
    }

    /// What the metadata reader needs of them.
    fn meta(&self) -> super::metadata::Attrs<'e> {
        super::metadata::Attrs {
            itemprop: self.itemprop,
            class: self.class,
            id: self.id,
            words: (self.class_bits | self.id_bits) >> META_SHIFT,
        }
    }
}

fn is_hidden(a: &Attrs) -> bool {
    if a.hidden.is_some() {
        return true;
    }
    if a.aria_hidden
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = a.style {
        let s = style.as_bytes();
        if contains_ci_nospace(s, b"display:none") || contains_ci_nospace(s, b"visibility:hidden") {
            return true;
        }
    }
    false
}

/// Case-insensitive search of `needle` (lowercase, no spaces) in `hay`,
/// ignoring ASCII whitespace in `hay`. No allocation.
fn contains_ci_nospace(hay: &[u8], needle: &[u8]) -> bool {
    (0..hay.len()).any(|start| {
        let mut it = hay[start..]
            .iter()
            .filter(|b| !b.is_ascii_whitespace())
            .map(u8::to_ascii_lowercase);
        needle.iter().all(|&n| it.next() == Some(n))
    })
}

/// Normalised character count and comma count of a text.
fn measure(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut in_space = true;
    let mut seen = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let x = bytes[i];
        // ASCII a byte at a time; other characters decoded.
        let (space, comma) = if x < 0x80 {
            i += 1;
            (matches!(x, b' ' | b'\t'..=b'\r'), x == b',')
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            (c.is_whitespace(), matches!(c, '，' | '、' | '،'))
        };
        if space {
            in_space = true;
            continue;
        }
        if in_space && seen {
            chars += 1;
        }
        in_space = false;
        seen = true;
        chars += 1;
        commas += u32::from(comma);
    }
    (chars, commas)
}

impl<'a> Dom<'a> {
    /// Flatten `doc` in one iterative pre-order walk.
    #[cfg(test)]
    pub(crate) fn build(doc: &'a Html) -> Dom<'a> {
        Dom::walk(doc, |_, _| {})
    }

    /// Flatten `doc` in one iterative pre-order walk, which also hands
    /// every element of the page, listed or not, to `visit` in document
    /// order with the attributes the metadata reads.
    pub(crate) fn walk(
        doc: &'a Html,
        mut visit: impl FnMut(ElementRef<'a>, &super::metadata::Attrs<'a>),
    ) -> Dom<'a> {
        // (at most one item a node: sized once, not grown by doubling)
        let mut items: Vec<Item<'a>> = Vec::with_capacity(doc.tree.nodes().len());
        let mut json_ld = Vec::new();
        let root = doc.tree.root();
        // (node, parent index, inherited flags, unlisted: below a node
        // that is not listed, visited for the metadata only)
        let mut stack = vec![(root, NO_PARENT, 0u16, false)];
        while let Some((node, parent, inherited, unlisted)) = stack.pop() {
            let idx = items.len() as u32;
            let mut descend = true;
            let mut own_inherit = inherited;
            let item = match node.value() {
                Node::Text(_) if unlisted => None,
                Node::Text(t) => {
                    let (chars, commas) = measure(t);
                    descend = false;
                    Some(Item {
                        node: Ref::Text(t),
                        parent,
                        end: 0,
                        tag: Tag::Text,
                        flags: inherited & IN_TABLE_OR_CODE,
                        weight: 0,
                        chars,
                        commas,
                    })
                }
                Node::Element(el) => {
                    let a = Attrs::of(el);
                    let er = ElementRef::wrap(node);
                    if let Some(er) = er {
                        visit(er, &a.meta());
                    }
                    let name = el.name();
                    match Tag::of(name) {
                        _ if unlisted => None,
                        None => {
                            if name == "script"
                                && attr(el, "type").is_some_and(|t| t.contains("ld+json"))
                            {
                                if let Some(Node::Text(t)) = node.first_child().map(|c| c.value()) {
                                    json_ld.push(&**t);
                                }
                            }
                            None
                        }
                        Some(_) if is_hidden(&a) => None,
                        Some(tag) => {
                            let (flags, weight) = classify(el, &a, tag, inherited);
                            if tag == Tag::Pre {
                                own_inherit |= IN_TABLE_OR_CODE;
                            }
                            if tag == Tag::Input {
                                descend = false;
                            }
                            er.map(|er| Item {
                                node: Ref::Element(er),
                                parent,
                                end: 0,
                                tag,
                                flags,
                                weight,
                                chars: 0,
                                commas: 0,
                            })
                        }
                    }
                }
                Node::Document | Node::Fragment => {
                    // The document itself is not an item; its children hang off NO_PARENT.
                    let mut child = node.last_child();
                    while let Some(c) = child {
                        stack.push((c, parent, inherited, unlisted));
                        child = c.prev_sibling();
                    }
                    continue;
                }
                _ => None,
            };
            // An unlisted node's elements are still read for the metadata.
            let (parent, unlisted) = match item {
                Some(item) => {
                    items.push(item);
                    (idx, !descend)
                }
                None => (NO_PARENT, true),
            };
            let mut child = node.last_child();
            while let Some(c) = child {
                stack.push((c, parent, own_inherit, unlisted));
                child = c.prev_sibling();
            }
        }
        // Subtree ends: children come after their parent in pre-order, so a
        // reverse sweep sees every node before its parent.
        let n = items.len();
        let mut size = vec![1u32; n];
        for i in (0..n).rev() {
            let p = items[i].parent;
            if p != NO_PARENT {
                size[p as usize] += size[i];
            }
        }
        for (i, it) in items.iter_mut().enumerate() {
            it.end = i as u32 + size[i];
        }
        Dom { items, json_ld }
    }

    /// Number of items.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }
}

/// Flags and class weight of an element.
fn classify(el: &scraper::node::Element, a: &Attrs, tag: Tag, inherited: u16) -> (u16, i16) {
    let mut flags = inherited & IN_TABLE_OR_CODE;
    let mut weight: i16 = 0;
    if tag == Tag::Input || el.name() == "head" {
        flags |= ALWAYS_OUT;
    }
    let class = (a.class_bits & 0xFF) as u16;
    let id = (a.id_bits & 0xFF) as u16;
    let both = class | id;
    // An embed (tweet, post) placed in the story by its author.
    if both & H_EMBED != 0 {
        return (flags | EMBED, 0);
    }
    for h in [class, id] {
        if h & H_NEGATIVE != 0 {
            weight -= 25;
        }
        if h & H_POSITIVE != 0 {
            weight += 25;
        }
    }
    if both & H_BODY_HINT != 0 || a.itemprop.is_some_and(|v| hints(v) & H_BODY_HINT != 0) {
        flags |= BODY_HINT;
    }
    // headings are never "unlikely" by class: `h2.date-header` is a blog's date
    let structural = matches!(
        tag,
        Tag::Body | Tag::A | Tag::Article | Tag::Main | Tag::H(_)
    ) || el.name() == "html"
        || flags & BODY_HINT != 0;
    if !structural && flags & IN_TABLE_OR_CODE == 0 {
        let unlikely = [class, id]
            .iter()
            .any(|&h| h & H_UNLIKELY != 0 && h & H_MAYBE == 0)
            || a.role
                .is_some_and(|r| UNLIKELY_ROLES.iter().any(|u| r.eq_ignore_ascii_case(u)))
            || matches!(tag, Tag::Footer | Tag::Aside)
            || el.name() == "nav"
            || el.name() == "figcaption";
        if unlikely {
            flags |= UNLIKELY;
        }
        if both & H_NOISE != 0 || el.name() == "figcaption" {
            flags |= NOISE;
        }
        if both & H_BYLINE != 0
            || a.rel == Some("author")
            || a.itemprop
                .is_some_and(|v| v.contains("author") || v.starts_with("date"))
        {
            flags |= BYLINE;
        }
    }
    (flags, weight)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn hint_tables_match_in_one_pass() {
        assert!(hints("entry-content") & H_BODY_HINT != 0);
        assert!(hints("entry-content") & H_POSITIVE != 0);
        assert!(hints("site-sidebar") & H_UNLIKELY != 0);
        assert!(hints("site-nav") & H_UNLIKELY != 0);
        assert!(hints("unavailable") & H_UNLIKELY == 0);
        assert!(hints("ad") & H_NOISE != 0);
        assert!(hints("header") & H_NOISE == 0);
        assert_eq!(hints(""), 0);
    }

    /// The regexes the word tables replaced, in `H_*` bit order.
    const HINT_REGEXES: [&str; 8] = [
        "(?i-u)tweet|instagram-media|tiktok-embed|fb-post|facebook-post|reddit-embed|social-embed|social-media-embed|embed-social|twitter-embed|embed-twitter|instagram-embed|embed-instagram",
        "(?i-u)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|caption|byline|author",
        "(?i-u)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
        "(?i-u)^articlebody$|article-?body|article__body|articletext|article-?text|article-content|story-?body|story-content|entry-content|post-?content|post-body|body-?text|article_body|main-content|storytext|content-body|body-content|text-body|articlecontent",
        "(?i-u)-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|consent|subscribe|signup|sign-up|taboola|outbrain|trending|most-popular|mostpopular|recommend|read-more|readmore|share|sharing|toolbar|skip-link|(^|[-_ ])nav",
        "(?i-u)and|article|body|column|content|main|shadow|tweet|social-embed|social-media-embed",
        "(?i-u)caption|credit|newsletter|share-|sharing|tooltip|rollover|popover|hovercard|related|promo|subscribe|signup|sign-up|advert|^ad$|^ads$|-ad$|^ad-|cookie|consent|taboola|outbrain|recirc|read-more|readmore|more-stories|author-bio|author-info|bio-box|about-author|author-box|authorbox|contrib-bio|full-bio|(^|[-_ ])bio($|[-_ ])|(^|[-_ ])cta($|[-_ ])|screen-reader|sr-only|visually-hidden|visuallyhidden|print-only|hide-for|tags",
        "(?i-u)byline|author|dateline|writtenby|p-author",
    ];

    /// The word tables find exactly what the former regexes did.
    #[test]
    fn word_tables_match_like_the_regexes() {
        let set = regex::RegexSet::new(HINT_REGEXES).unwrap();
        let regex_hints =
            |v: &str| -> u16 { set.matches(v).iter().fold(0, |acc, i| acc | (1 << i)) };
        // Values built from pieces of the words, separators and odd bytes.
        let mut pieces: Vec<String> = HINT_TABLES
            .iter()
            .flat_map(|t| t.iter())
            .map(|w| w.trim_matches(|c| "^$<>".contains(c)).to_string())
            .collect();
        pieces.extend(
            [
                "-", "_", " ", "x", "AD", "Nav", "BIO", "\u{e9}", "hid", "ad", "cta",
            ]
            .map(String::from),
        );
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let mut v = String::new();
            for _ in 0..1 + next(4) {
                let p = &pieces[next(pieces.len())];
                let cut = next(p.len() + 1);
                if next(3) == 0 && p.is_char_boundary(cut) {
                    v.push_str(&p[..cut]);
                } else {
                    v.push_str(p);
                }
                if next(2) == 0 {
                    v.push(['-', '_', ' '][next(3)]);
                }
            }
            if next(4) == 0 {
                v = v.to_ascii_uppercase();
            }
            assert_eq!(hints(&v), regex_hints(&v), "{v:?}");
        }
        for w in HINT_TABLES.iter().flat_map(|t| t.iter()) {
            let v = w.trim_matches(|c| "^$<>".contains(c));
            assert_eq!(hints(v), regex_hints(v), "{v:?}");
        }
    }

    #[test]
    fn measure_collapses_whitespace() {
        assert_eq!(measure("  a  b,\n c "), (6, 1));
        assert_eq!(measure("   "), (0, 0));
        // The char-by-char definition.
        let reference = |text: &str| {
            let (mut chars, mut commas, mut in_space, mut seen) = (0, 0, true, false);
            for c in text.chars() {
                if c.is_whitespace() {
                    in_space = true;
                    continue;
                }
                chars += 1 + u32::from(in_space && seen);
                in_space = false;
                seen = true;
                commas += u32::from(matches!(c, ',' | '，' | '、' | '،'));
            }
            (chars, commas)
        };
        for t in [
            "\u{a0}x\u{3000}\u{5e74}\u{ff0c}\u{1680}\u{e9}\x0b",
            "\u{1c}a \u{85}b\u{2028}c,\u{60c} \u{3001}",
            " \t\r\n\x0c\x0b ",
        ] {
            assert_eq!(measure(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn flat_list_is_preorder_with_subtree_ends() {
        let doc = Html::parse_document("<div><p>one</p><p>two <b>x</b></p></div>");
        let dom = Dom::build(&doc);
        let div = dom.items.iter().position(|i| i.tag == Tag::Div).unwrap();
        assert_eq!(dom.items[div].end as usize, dom.len());
        let ps: Vec<_> = (0..dom.len())
            .filter(|&i| dom.items[i].tag == Tag::P)
            .collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.items[ps[0]].end as usize, ps[1]);
    }

    #[test]
    fn scripts_and_hidden_are_not_listed() {
        let doc = Html::parse_document(
            "<p>a</p><script>var x</script><div hidden>h</div><div style='display: none'>n</div><div aria-hidden=true>z</div>",
        );
        let dom = Dom::build(&doc);
        let texts: Vec<_> = dom
            .items
            .iter()
            .filter_map(|i| match i.node {
                Ref::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(texts, vec!["a"]);
    }

    #[test]
    fn hints_are_flagged() {
        let doc = Html::parse_document(
            "<div class='sidebar'>s</div><div class='entry-content'>e</div><nav>n</nav><div class='comment-body'>c</div>",
        );
        let dom = Dom::build(&doc);
        let divs: Vec<_> = dom.items.iter().filter(|i| i.tag != Tag::Text).collect();
        let by = |name: &str| {
            divs.iter()
                .find(|i| match i.node {
                    Ref::Element(e) => e.value().attr("class") == Some(name),
                    _ => false,
                })
                .unwrap()
                .flags
        };
        assert!(by("sidebar") & UNLIKELY != 0);
        assert!(by("entry-content") & BODY_HINT != 0);
        assert!(by("comment-body") & UNLIKELY == 0);
    }

    /// A document of `depth` nested `<div>`s ending in the text `leaf`,
    /// built in code: html5ever's own parse of such input is the guard's business.
    pub(crate) fn nested_divs(depth: usize, leaf: &str) -> Html {
        let mut doc = Html::parse_document("<body><div></div></body>");
        let top = doc
            .tree
            .nodes()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "div"))
            .unwrap();
        let (mut id, div) = (top.id(), top.value().clone());
        for _ in 0..depth {
            id = doc.tree.get_mut(id).unwrap().append(div.clone()).id();
        }
        if !leaf.is_empty() {
            let text = scraper::Node::Text(scraper::node::Text { text: leaf.into() });
            doc.tree.get_mut(id).unwrap().append(text);
        }
        doc
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let doc = nested_divs(100_000, "");
        let dom = Dom::build(&doc);
        assert!(dom.len() > 100_000);
        assert_eq!(dom.items[0].end as usize, dom.len());
    }
}
