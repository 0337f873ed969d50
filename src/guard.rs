//! Guards run before and during parsing, so the HTML parser never meets a
//! shape it is slow on.
//!
//! html5ever (under `scraper`) scans its stack of open elements, and its list
//! of active formatting elements, for almost every token: on a page nested
//! 100 000 deep, or with 50 000 `<b><i>` left open, parsing is quadratic and
//! does not finish in a minute. [`bound`] is a cheap linear pre-scan of the
//! markup that follows the tokenizer (tags, attributes, comments, raw-text
//! elements such as `<script>` whose content is not markup) and keeps a
//! model of the tree builder's stack: implied end tags (`<p>`, `<li>`,
//! `<td>`, ...), scope boundaries, the adoption agency, reconstruction of
//! formatting elements, foreign (SVG/MathML) content. When a start tag would
//! nest deeper than [`Limits::max_depth`], or open more than
//! [`Limits::max_formatting`] formatting elements, or a tag has more than
//! [`Limits::max_attributes`] attributes, the page is rewritten: the tag is
//! dropped (its text stays), and so is the end tag that would close it. The
//! model errs on the deep side where it is unsure (regions it cannot tell
//! raw text from markup, self-closing foreign tags, ...), so the parser's
//! real depth stays within `max_depth + max_formatting` plus a few implied
//! elements on ordinary markup, and within a small factor of that on the
//! rare shapes the model does not follow exactly (foreign content mixed
//! with templates, CDATA, ...; both checked by property tests over random
//! tag soup). Pages within the limits pass through untouched, but for what
//! no stage reads: the bodies of `<script>` (JSON-LD kept) and `<style>`
//! elements, `data-*` and the other attributes no stage reads (see
//! [`attr_use`]; an `<a>` keeps its `href` without the value), and the
//! text of comments (`<!---->` stays). That is never article text, over
//! half of a news page's bytes, and much of the parser's time.
//!
//! [`parse`] then feeds the (bounded) page to the parser in chunks and,
//! as a backstop independent of the model, stops with
//! [`Error::TooDeep`] if the tree nevertheless grows deeper than
//! [`Limits::hard_depth`].

use std::borrow::Cow;
use std::collections::HashMap;

use html5ever::tendril::TendrilSink;
use scraper::Html;

use crate::error::Error;
use crate::options::Limits;

/// Parse `page` with html5ever after [`bound`]ing it, feeding it in chunks
/// and checking the depth of the tree between chunks. Also returns how many
/// tags (or attribute lists) the bound dropped.
pub(crate) fn parse(page: &str, limits: &Limits) -> Result<(Html, usize), Error> {
    let mut scan = Scan::new(page, limits);
    scan.run()?;
    let dropped = scan.dropped;
    let page = scan.finish();
    let mut parser = html5ever::driver::parse_document(
        scraper::HtmlTreeSink::new(Html::new_document()),
        Default::default(),
    );
    let mut at = 0;
    while at < page.len() {
        let mut end = (at + PARSE_CHUNK).min(page.len());
        while !page.is_char_boundary(end) {
            end += 1;
        }
        parser.process(page[at..end].into());
        at = end;
        let depth = {
            let html = parser.tokenizer.sink.sink.0.borrow();
            html.tree
                .nodes()
                .next_back()
                .map_or(0, |n| n.ancestors().take(limits.hard_depth + 1).count())
        };
        if depth > limits.hard_depth {
            return Err(Error::TooDeep {
                depth,
                limit: limits.hard_depth,
            });
        }
    }
    Ok((parser.finish(), dropped))
}

/// Elements kept whatever the input size; see [`Limits::min_bytes_per_element`].
pub(crate) const ELEMENTS_ALWAYS_KEPT: usize = 65_536;

/// Bytes fed to the parser between two depth checks in [`parse`].
const PARSE_CHUNK: usize = 16 << 10;

/// Check `page` against `limits`; return it unchanged, or rewritten so that
/// parsing it is bounded, or [`Error::TooManyElements`].
pub(crate) fn bound<'a>(page: &'a str, limits: &Limits) -> Result<Cow<'a, str>, Error> {
    let mut scan = Scan::new(page, limits);
    scan.run()?;
    Ok(scan.finish())
}

/// Work done by the parser on `page` after [`bound`], as modelled by the
/// pre-scan: bytes scanned plus, per tag, the depth of the open-element
/// stack it meets (html5ever's per-token cost). Linear pages give a figure
/// proportional to their size. For tests of growth.
#[doc(hidden)]
pub fn parse_work(page: &str, limits: &Limits) -> Result<u64, Error> {
    let mut scan = Scan::new(page, limits);
    scan.run()?;
    Ok(scan.work + page.len() as u64)
}

// ---------------------------------------------------------------------------
// Element classes.

/// Never has content (`<br>`).
const VOID: u32 = 1;
/// Content is raw text up to the matching end tag (`<script>`, `<title>`).
const RAW: u32 = 1 << 1;
/// `<plaintext>`: the rest of the page is text.
const PLAINTEXT: u32 = 1 << 2;
/// html5ever's "special" category (stops "any other end tag").
const SPECIAL: u32 = 1 << 3;
/// Boundary of "has an element in scope".
const SCOPE: u32 = 1 << 4;
/// Goes on the list of active formatting elements.
const FORMATTING: u32 = 1 << 5;
/// Puts a marker on the list of active formatting elements.
const MARKER: u32 = 1 << 6;
/// Its start tag closes an open `<p>`.
const CLOSES_P: u32 = 1 << 7;
/// Its start tag leaves SVG/MathML content.
const BREAKOUT: u32 = 1 << 8;
/// Foreign: an HTML or MathML text integration point (`foreignObject`,
/// `mi`, ...), where start tags are HTML again.
const INTEGRATION: u32 = 1 << 9;
/// `html`, `head`, `body`, `frameset`: never nested, not modelled.
const ROOT: u32 = 1 << 10;
/// `svg`, `math`: starts foreign content.
const FOREIGN_ROOT: u32 = 1 << 11;
/// `address`, `div`, `p`: do not stop the search for an open `<li>`.
const ADP: u32 = 1 << 12;
/// `frameset`.
const FRAMESET: u32 = 1 << 13;
/// Foreign: special, and a scope boundary (`mi`, `foreignObject`, ...).
const FSCOPE: u32 = 1 << 14;
/// Foreign: a MathML text integration point (`mi`, `mo`, ...).
const TEXT_INT: u32 = 1 << 15;
/// Foreign: in the SVG namespace (else MathML).
const SVG: u32 = 1 << 16;
/// Foreign: where leaving foreign content stops popping.
const BSTOP: u32 = 1 << 17;

/// Elements the model treats individually.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Other,
    P,
    Li,
    DdDt,
    Heading,
    List,
    Td,
    Tr,
    TSection,
    Table,
    Template,
    Button,
    Option,
    A,
    Font,
    Form,
    /// `caption`, `colgroup`: table parts with no implied closes.
    TablePart,
}

fn classify(n: &[u8]) -> (Kind, u32) {
    use Kind::*;
    const BLOCK: u32 = SPECIAL | CLOSES_P;
    match n {
        b"html" => (Other, ROOT | SPECIAL | SCOPE),
        b"head" | b"body" => (Other, ROOT | SPECIAL | SCOPE | BREAKOUT),
        b"frameset" => (Other, SPECIAL | FRAMESET),
        b"br" | b"embed" | b"img" | b"hr" | b"meta" => (
            Other,
            VOID | SPECIAL | BREAKOUT | if n == b"hr" { CLOSES_P } else { 0 },
        ),
        b"area" | b"base" | b"basefont" | b"bgsound" | b"col" | b"frame" | b"image" | b"input"
        | b"keygen" | b"link" | b"param" | b"source" | b"track" | b"wbr" => (Other, VOID | SPECIAL),
        b"script" | b"style" | b"iframe" | b"noembed" | b"noframes" | b"noscript" | b"textarea" => {
            (Other, RAW | SPECIAL)
        }
        b"xmp" => (Other, RAW | SPECIAL | CLOSES_P),
        b"title" => (Other, RAW | SPECIAL | INTEGRATION),
        b"plaintext" => (Other, PLAINTEXT | BLOCK),
        b"a" => (A, FORMATTING),
        b"font" => (Font, FORMATTING),
        b"b" | b"big" | b"code" | b"em" | b"i" | b"nobr" | b"s" | b"small" | b"strike"
        | b"strong" | b"tt" | b"u" => (Other, FORMATTING | BREAKOUT),
        b"p" => (P, BLOCK | BREAKOUT | ADP),
        b"div" => (Other, BLOCK | BREAKOUT | ADP),
        b"address" => (Other, BLOCK | ADP),
        b"blockquote" | b"center" | b"dl" | b"listing" | b"menu" | b"pre" => {
            (Other, BLOCK | BREAKOUT)
        }
        b"ol" | b"ul" => (List, BLOCK | BREAKOUT),
        b"article" | b"aside" | b"details" | b"dialog" | b"dir" | b"fieldset" | b"figcaption"
        | b"figure" | b"footer" | b"header" | b"hgroup" | b"main" | b"nav" | b"search"
        | b"section" | b"summary" => (Other, BLOCK),
        b"form" => (Form, BLOCK),
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => (Heading, BLOCK | BREAKOUT),
        b"li" => (Li, BLOCK | BREAKOUT),
        b"dd" | b"dt" => (DdDt, BLOCK | BREAKOUT),
        b"table" => (Table, SPECIAL | SCOPE | BREAKOUT),
        b"td" | b"th" => (Td, SPECIAL | SCOPE | MARKER),
        b"tr" => (Tr, SPECIAL),
        b"tbody" | b"thead" | b"tfoot" => (TSection, SPECIAL),
        b"caption" => (TablePart, SPECIAL | SCOPE | MARKER),
        b"colgroup" => (TablePart, SPECIAL),
        b"select" => (Other, SPECIAL | SCOPE),
        b"applet" | b"marquee" | b"object" => (Other, SPECIAL | SCOPE | MARKER),
        b"template" => (Template, SPECIAL | SCOPE | MARKER),
        b"button" => (Button, SPECIAL),
        b"option" | b"optgroup" => (Option, 0),
        b"span" | b"ruby" | b"sub" | b"sup" | b"var" => (Other, BREAKOUT),
        b"svg" | b"math" => (Other, FOREIGN_ROOT),
        _ => (Other, 0),
    }
}

/// Flags of a foreign element named `n` (lower case), in the SVG
/// namespace or MathML; `html_enc`: an `encoding` naming HTML.
fn foreign_flags(n: &[u8], svg: bool, html_enc: bool) -> u32 {
    let ns = if svg { SVG } else { 0 };
    ns | match (svg, n) {
        (true, b"foreignobject" | b"desc" | b"title") => INTEGRATION | FSCOPE | BSTOP,
        (false, b"mi" | b"mo" | b"mn" | b"ms" | b"mtext") => {
            INTEGRATION | FSCOPE | TEXT_INT | BSTOP
        }
        (false, b"annotation-xml") if html_enc => INTEGRATION | FSCOPE,
        (false, b"annotation-xml") => FSCOPE,
        _ => 0,
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn find(b: &[u8], c: u8, from: usize) -> Option<usize> {
    // memchr: vectorised; a byte-at-a-time `position` was half the scan's time.
    memchr::memchr(c, b.get(from..)?).map(|p| p + from)
}

/// A case-insensitive hash of a tag name (FNV-1a). Equal hashes are
/// confirmed by comparing the bytes, so collisions cost time, not
/// correctness.
fn name_hash(name: &[u8]) -> u64 {
    name.iter().fold(0xcbf2_9ce4_8422_2325, |h, &c| {
        (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A tag name: hashed, and where its bytes are.
#[derive(Clone, Copy, Debug)]
struct Name {
    hash: u64,
    src: Src,
}

#[derive(Clone, Copy, Debug)]
enum Src {
    Page(usize, usize),
    Static(&'static [u8]),
}

impl Name {
    fn of_static(s: &'static [u8]) -> Name {
        Name {
            hash: name_hash(s),
            src: Src::Static(s),
        }
    }
}

/// An element on the model's stack of open elements.
#[derive(Clone, Copy, Debug)]
struct Entry {
    name: Name,
    kind: Kind,
    flags: u32,
    foreign: bool,
    /// Id of its active-formatting entry, 0 if none.
    fmt: u32,
    /// Phantom depth above it (see `Scan::phantoms`).
    phantoms: usize,
}

impl Entry {
    /// A boundary of "has an element in scope".
    fn boundary(&self) -> bool {
        self.flags & if self.foreign { FSCOPE } else { SCOPE } != 0
    }

    /// In html5ever's "special" category.
    fn special(&self) -> bool {
        self.flags & if self.foreign { FSCOPE } else { SPECIAL } != 0
    }

    /// Start tags below it follow the rules of foreign content.
    fn foreign_content(&self) -> bool {
        self.foreign && self.flags & INTEGRATION == 0
    }
}

/// An entry of the model's list of active formatting elements.
#[derive(Clone, Copy, Debug)]
struct Fmt {
    /// A scope marker (`<td>`, `<object>`, ...) rather than an element.
    marker: bool,
    uid: u32,
    name: Name,
    kind: Kind,
    flags: u32,
    attrs: u64,
    /// Whether it is on the stack of open elements.
    open: bool,
}

/// A tag as the tokenizer reads it.
struct Tok {
    name_end: usize,
    /// Just past the closing `>`.
    end: usize,
    self_closing: bool,
    /// Where to cut the attributes beyond the limit.
    cut: Option<usize>,
    /// `<font>` with `color`, `face` or `size` (leaves foreign content).
    font_attr: bool,
    /// Whether [`Scan::strips`] holds attributes of this tag that no
    /// stage reads (before `cut`).
    strips: bool,
}

/// An attribute (or an attribute's value) that [`Scan::keep`] may leave out.
#[derive(Clone, Copy, Debug)]
struct Strip {
    /// Its bytes: from the name to the end of the value (or, for
    /// [`AttrUse::Presence`], from the end of the name).
    from: usize,
    to: usize,
    /// A `data-*` attribute (left out of every tag) rather than another
    /// unread one (left out of tags that are not formatting elements).
    data: bool,
}

struct Scan<'a> {
    page: &'a str,
    b: &'a [u8],
    limits: Limits,
    out: Option<String>,
    copied: usize,
    stack: Vec<Entry>,
    fmt: Vec<Fmt>,
    next_uid: u32,
    /// Open tags dropped and not yet closed, by name hash.
    excess: HashMap<u64, u32>,
    /// Sum of `excess`.
    excess_total: usize,
    elements: usize,
    /// Elements kept before markup is dropped.
    budget: usize,
    foreign: usize,
    /// Ends of unsure regions ahead: no token may extend past them.
    fences: std::collections::BTreeSet<usize>,
    /// End of the unsure region (see `unsure_until`).
    unsure: usize,
    /// Where raw text of each name was last found to end.
    closes: Vec<(Vec<u8>, usize)>,
    /// Foreign self-closing elements the parser may hold open (if the
    /// model is wrong about being in foreign content): counted as depth.
    phantoms: usize,
    /// The parser's form element pointer is set.
    form: bool,
    /// The document is in quirks mode (no or a legacy doctype).
    quirks: bool,
    /// Any token other than a comment or doctype was seen.
    started: bool,
    pops: u64,
    work: u64,
    /// Tags and attributes dropped to keep the parse bounded.
    dropped: usize,
    /// Attributes of the last tag read ([`Scan::tag`]) that no stage
    /// reads, for [`Scan::keep`]; `strips_of` is that tag's end.
    strips: Vec<Strip>,
    strips_of: usize,
    /// A whole tag was taken out (which may join the text around it).
    tags_cut: bool,
    /// Where the page first has `<svg` or `<math` (`usize::MAX`: not
    /// before `foreign_scan`, as far as it was looked for).
    foreign_at: usize,
    foreign_scan: usize,
}

impl<'a> Scan<'a> {
    fn new(page: &'a str, limits: &Limits) -> Self {
        Scan {
            page,
            b: page.as_bytes(),
            limits: limits.clone(),
            out: None,
            copied: 0,
            stack: Vec::new(),
            fmt: Vec::new(),
            next_uid: 1,
            excess: HashMap::new(),
            excess_total: 0,
            elements: 0,
            budget: ELEMENTS_ALWAYS_KEPT
                .saturating_add(page.len() / limits.min_bytes_per_element.max(1)),
            foreign: 0,
            fences: Default::default(),
            unsure: 0,
            closes: Vec::new(),
            phantoms: 0,
            form: false,
            quirks: true,
            started: false,
            pops: 0,
            work: 0,
            dropped: 0,
            strips: Vec::new(),
            strips_of: usize::MAX,
            tags_cut: false,
            foreign_at: usize::MAX,
            foreign_scan: 0,
        }
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.page),
            Some(mut s) => {
                s.push_str(&self.page[self.copied..]);
                Cow::Owned(s)
            }
        }
    }

    /// Replace `page[a..b]` by `with` in the output. `a` and `b` sit on
    /// ASCII bytes, so on character boundaries.
    fn replace(&mut self, a: usize, b: usize, with: &str) {
        if a < self.copied {
            return; // inside a token already rewritten (cut at a fence)
        }
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.page.len()));
        out.push_str(&self.page[self.copied..a]);
        out.push_str(with);
        self.copied = b;
    }

    /// Take the tag `page[a..b]` out, leaving `with`.
    fn cut_tag(&mut self, a: usize, b: usize, with: &str) {
        self.tags_cut |= with.is_empty();
        self.replace(a, b, with);
    }

    /// Whether the parser is surely in HTML content, not SVG/MathML, at
    /// `at`: no tag before it was taken out, and the page has no `<svg`
    /// nor `<math` before it, anywhere (in text, comments or scripts too),
    /// so no foreign element can be open whatever the model thinks.
    fn surely_html(&mut self, at: usize) -> bool {
        if self.tags_cut {
            return false;
        }
        // Looked for once, up to where it is asked: scripts mostly sit early.
        if self.foreign_at == usize::MAX && self.foreign_scan < at {
            if let Some(p) = first_foreign_tag(self.b, self.foreign_scan, at) {
                self.foreign_at = p;
            }
            self.foreign_scan = at;
        }
        self.foreign_at >= at
    }

    fn bytes(&self, n: &Name) -> &[u8] {
        match n.src {
            Src::Page(a, b) => &self.b[a..b],
            Src::Static(s) => s,
        }
    }

    fn same(&self, x: &Name, y: &Name) -> bool {
        x.hash == y.hash && self.bytes(x).eq_ignore_ascii_case(self.bytes(y))
    }

    fn run(&mut self) -> Result<(), Error> {
        let b = self.b;
        let n = b.len();
        let mut pos = 0;
        while pos < n {
            let Some(lt) = find(b, b'<', pos) else {
                self.text(pos, n);
                break;
            };
            self.text(pos, lt);
            let unsure = lt < self.unsure;
            pos = match b.get(lt + 1) {
                Some(b'!')
                    if !self.started
                        && b.len() >= lt + 9
                        && b[lt + 2..lt + 9].eq_ignore_ascii_case(b"doctype") =>
                {
                    let end = bogus_end(b, lt + 2);
                    self.quirks = doctype_quirks(&b[lt + 9..end]);
                    end
                }
                Some(b'!') => {
                    if b[lt + 2..].starts_with(b"--") {
                        let end = comment_end(b, lt + 4);
                        self.empty_comment(lt, end, unsure);
                        end
                    } else if self.foreign > 0 && b[lt + 2..].starts_with(b"[CDATA[") {
                        // Text up to `]]>` in foreign content, a bogus
                        // comment up to `>` in HTML: unsure in between.
                        let end = find_seq(b, b"]]>", lt + 9).map_or(n, |p| p + 3);
                        self.unsure_until(end);
                        bogus_end(b, lt + 2)
                    } else {
                        bogus_end(b, lt + 2)
                    }
                }
                Some(b'?') => bogus_end(b, lt + 2),
                Some(b'/') => match b.get(lt + 2) {
                    None => {
                        self.text(lt, n);
                        n
                    }
                    Some(b'>') => lt + 3,
                    Some(c) if c.is_ascii_alphabetic() && unsure => {
                        self.tag(lt + 2).map_or(n, |t| t.end)
                    }
                    Some(c) if c.is_ascii_alphabetic() => self.end_tag(lt),
                    Some(_) => bogus_end(b, lt + 2),
                },
                Some(c) if c.is_ascii_alphabetic() && unsure => self.unsure_start(lt)?,
                Some(c) if c.is_ascii_alphabetic() => self.start_tag(lt)?,
                _ => {
                    self.text(lt, lt + 1);
                    lt + 1
                }
            };
            // No token skips past the end of an unsure region.
            if let Some(&f) = self.fences.range(lt + 1..).next() {
                pos = pos.min(f);
            }
            while self.fences.first().is_some_and(|&f| f <= pos) {
                self.fences.pop_first();
            }
        }
        Ok(())
    }

    /// Empty the comment `[lt, end)`: no stage reads a comment's text, and
    /// the tokenizer reads it a character at a time. The comment itself
    /// stays (`<!---->`): taking it out would join the text around it, and
    /// could join `a<` and `b>` into a tag. Only a comment known to end
    /// with `-->` or `--!>`, outside unsure regions.
    fn empty_comment(&mut self, lt: usize, end: usize, unsure: bool) {
        const EMPTY: &str = "<!---->";
        let b = &self.b[lt..end];
        if unsure
            || b.len() <= EMPTY.len()
            || !(b.ends_with(b"-->") || b.ends_with(b"--!>"))
            || self.fences.range(lt + 1..end).next().is_some()
        {
            return;
        }
        self.replace(lt, end, EMPTY);
    }

    fn text(&mut self, a: usize, b: usize) {
        if !self.started && self.b[a..b].iter().any(|&c| !is_ws(c)) {
            self.started = true;
        }
        if b > a {
            self.reconstruct();
        }
    }

    /// Read a tag whose name starts at `start`; `None` at end of input
    /// (the tokenizer drops a tag cut by the end of the input). Records
    /// its attributes that no stage reads in [`Scan::strips`].
    fn tag(&mut self, start: usize) -> Option<Tok> {
        let b = self.b;
        let n = b.len();
        let mut i = start;
        while i < n && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name_end = i;
        let is_a = b[start..name_end].eq_ignore_ascii_case(b"a");
        let mut attrs = 0usize;
        let mut cut = None;
        let mut font_attr = false;
        self.strips.clear();
        self.strips_of = usize::MAX;
        loop {
            while i < n && is_ws(b[i]) {
                i += 1;
            }
            let (end, self_closing) = match b.get(i)? {
                b'>' => (i + 1, false),
                b'/' if b.get(i + 1) == Some(&b'>') => (i + 2, true),
                b'/' => {
                    i += 1;
                    continue;
                }
                _ => {
                    let an = i;
                    let (name_end_a, value_end, next) = attribute(b, an)?;
                    i = next;
                    attrs += 1;
                    if attrs > self.limits.max_attributes {
                        cut.get_or_insert(an);
                        continue;
                    }
                    let strip = |from, data| Strip {
                        from,
                        to: value_end,
                        data,
                    };
                    match attr_use(&b[an..name_end_a]) {
                        AttrUse::Data => self.strips.push(strip(an, true)),
                        AttrUse::Unread => self.strips.push(strip(an, false)),
                        AttrUse::Font => font_attr = true,
                        AttrUse::Presence if is_a && value_end > name_end_a => {
                            self.strips.push(strip(name_end_a, false));
                        }
                        AttrUse::Presence | AttrUse::Read => {}
                    }
                    continue;
                }
            };
            let strips = !self.strips.is_empty();
            if strips {
                self.strips_of = end;
            }
            return Some(Tok {
                name_end,
                end,
                self_closing,
                cut,
                font_attr,
                strips,
            });
        }
    }

    fn lower_class(&self, a: usize, e: usize) -> (Kind, u32) {
        let name = &self.b[a..e];
        if name.len() > 16 {
            return (Kind::Other, 0);
        }
        let mut buf = [0u8; 16];
        for (d, s) in buf.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        classify(&buf[..name.len()])
    }

    /// Emit the tag `[lt, t.end)`, its attributes cut to the limit and
    /// without its `data-*` attributes: script state no stage reads, some
    /// tenth of what the parser would otherwise tokenise and store. With
    /// `unread`, also without the other attributes no stage reads (and an
    /// `<a>` without its `href`'s value, of which only the presence is
    /// read); see [`attr_use`].
    fn keep(&mut self, t: &Tok, unread: bool) {
        if t.strips
            && self.strips_of == t.end
            && (self.fences.is_empty() || self.fences.range(t.name_end..t.end).next().is_none())
        {
            let strips = std::mem::take(&mut self.strips);
            let b = self.b;
            // The byte the output has before the next cut (cuts may touch).
            let (mut before, mut last) = (0u8, usize::MAX);
            for s in strips.iter().filter(|s| s.data || unread) {
                if s.from != last {
                    before = b[s.from - 1];
                }
                let mut rest = b[s.to..].iter().copied().skip_while(|&c| is_ws(c));
                match rest.next() {
                    // `<a x=1 =y>`: `=y` would become the value of `a`.
                    Some(b'=') => {
                        before = b[s.to - 1];
                        last = usize::MAX;
                        continue;
                    }
                    // `<g/x=1>`: a cut must not make the tag self-closing.
                    Some(b'>') if before == b'/' && b[s.to] == b'>' => {
                        self.replace(s.from, s.to, " ");
                        before = b' ';
                    }
                    _ => self.replace(s.from, s.to, ""),
                }
                last = s.to;
            }
            self.strips = strips;
        }
        if let Some(cut) = t.cut {
            self.dropped += 1;
            self.replace(cut, t.end, if t.self_closing { "/>" } else { ">" });
        }
    }

    fn drop_tag(&mut self, lt: usize, t: &Tok, name: &Name, flags: u32) {
        self.dropped += 1;
        *self.excess.entry(name.hash).or_insert(0) += 1;
        self.excess_total += 1;
        self.cut_tag(lt, t.end, if flags & SPECIAL != 0 { " " } else { "" });
    }

    /// Whether raw-text elements are raw here: not in foreign content, nor
    /// Where unsure, see the fence in `start_tag`.
    fn raw_ok(&self) -> bool {
        self.foreign == 0
    }

    /// Depth of the parser's stack as modelled.
    fn depth(&self) -> usize {
        self.stack.len() + self.phantoms.min(self.limits.max_depth / 4)
    }

    /// Whether a table (or template) is in table scope, so that table
    /// parts are not ignored.
    fn table_context(&self) -> bool {
        self.find_table_scope(|e| e.kind == Kind::Table).is_some()
    }

    /// Whether the parser is in the "in table", "in table body", "in row"
    /// or "in column group" insertion mode, as html5ever's reset of the
    /// insertion mode finds it: the nearest table element on the stack is
    /// a `<table>`, `<tbody>`, `<tr>` or `<colgroup>`, not a cell, caption
    /// or template. Elements foster-parented above the table (which may be
    /// many, and need not look like table parts) do not change the mode.
    fn in_table_mode(&self) -> bool {
        use Kind::*;
        self.stack
            .iter()
            .rev()
            .filter(|e| !e.foreign)
            .find(|e| matches!(e.kind, Td | Tr | TSection | Table | TablePart | Template))
            .is_some_and(|e| match e.kind {
                Table | TSection | Tr => true,
                TablePart => e.flags & MARKER == 0,
                _ => false,
            })
    }

    fn in_foreign(&self) -> bool {
        self.stack.last().is_some_and(Entry::foreign_content)
    }

    /// Leave foreign content: pop to an HTML element or integration point.
    fn pop_foreign(&mut self) {
        while self
            .stack
            .last()
            .is_some_and(|e| e.foreign && e.flags & BSTOP == 0)
        {
            self.pop();
        }
    }

    fn start_tag(&mut self, lt: usize) -> Result<usize, Error> {
        self.started = true;
        let Some(t) = self.tag(lt + 1) else {
            return Ok(self.b.len());
        };
        self.elements += 1;
        if self.elements > self.limits.max_elements {
            return Err(Error::TooManyElements {
                count: self.elements,
                limit: self.limits.max_elements,
            });
        }
        self.work += self.depth() as u64 + 1;
        let name = Name {
            hash: name_hash(&self.b[lt + 1..t.name_end]),
            src: Src::Page(lt + 1, t.name_end),
        };
        let (kind, flags) = self.lower_class(lt + 1, t.name_end);
        // Formatting elements other than `<a>` keep their unread attributes:
        // the parser compares them (the "Noah's Ark" clause).
        let unread = flags & FORMATTING == 0 || kind == Kind::A;
        if flags & ROOT != 0 && !(self.in_foreign() && flags & BREAKOUT == 0) {
            // (In foreign content `<html>` is an SVG/MathML element.)
            self.pop_foreign();
            self.keep(&t, unread);
            return Ok(t.end);
        }
        if flags & FRAMESET != 0 {
            // Framesets hold no article; without them the parser never
            // enters its frameset modes, which the model does not follow.
            self.cut_tag(lt, t.end, "");
            return Ok(t.end);
        }
        if self.elements > self.budget && flags & (PLAINTEXT | FOREIGN_ROOT) == 0 {
            // Over the memory budget: keep the text, drop the markup (and
            // the content of raw-text elements, which is never article).
            if flags & RAW != 0 && self.raw_ok() {
                let end = self.raw_end(t.end, lt + 1, t.name_end, Raw::Drop);
                self.dropped += 1;
                self.replace(lt, end, " ");
                return Ok(end);
            }
            if flags & VOID != 0 || t.self_closing {
                self.dropped += 1;
                self.replace(lt, t.end, " ");
            } else {
                self.drop_tag(lt, &t, &name, SPECIAL);
            }
            return Ok(t.end);
        }
        let breakout = flags & BREAKOUT != 0 || (kind == Kind::Font && t.font_attr);
        // mglyph and malignmark stay MathML in a MathML text integration point.
        let raw = &self.b[lt + 1..t.name_end];
        let glyph = (raw.eq_ignore_ascii_case(b"mglyph")
            || raw.eq_ignore_ascii_case(b"malignmark"))
            && self
                .stack
                .last()
                .is_some_and(|e| e.foreign && e.flags & TEXT_INT != 0);
        let foreign = flags & FOREIGN_ROOT != 0 || glyph || (self.in_foreign() && !breakout);
        if foreign {
            // An <svg> or <math> in HTML may go a little deeper: dropping
            // it would turn a <script> inside into raw text hiding what
            // follows.
            let slack = match flags & FOREIGN_ROOT != 0 && !self.in_foreign() {
                true => self.limits.max_depth / 4,
                false => 0,
            };
            if self.depth() >= self.limits.max_depth + slack {
                if t.self_closing {
                    self.dropped += 1;
                    self.cut_tag(lt, t.end, "");
                } else {
                    self.drop_tag(lt, &t, &name, flags);
                }
            } else if t.self_closing {
                // Self-closing in foreign content; counted as depth in
                // case the parser is in fact in HTML content.
                self.keep(&t, unread);
                self.phantom();
            } else {
                self.keep(&t, unread);
                // Lower-cased only here: no allocation per ordinary tag.
                let lower = self.b[lt + 1..t.name_end].to_ascii_lowercase();
                let svg = match &lower[..] {
                    b"svg" => true,
                    b"math" => false,
                    _ => self.stack.last().is_some_and(|e| e.flags & SVG != 0),
                };
                let tag_text = &self.b[t.name_end..t.end];
                let html_enc = tag_text.windows(4).any(|w| w.eq_ignore_ascii_case(b"html"));
                self.push(Entry {
                    name,
                    kind: Kind::Other,
                    flags: foreign_flags(&lower, svg, html_enc),
                    foreign: true,
                    fmt: 0,
                    phantoms: 0,
                });
            }
            return Ok(t.end);
        }
        // An HTML element. Formatting elements beyond the cap go before
        // anything changes the model (the parser will never see them).
        let attrs = if flags & FORMATTING != 0 {
            name_hash(&self.b[t.name_end..t.end])
        } else {
            0
        };
        if flags & FORMATTING != 0 {
            let (count, same) = self.fmt_after_marker(&name, attrs);
            if same < 3 && count >= self.limits.max_formatting {
                self.drop_tag(lt, &t, &name, flags);
                return Ok(t.end);
            }
        }
        let pops = self.pops;
        self.pop_foreign();
        if flags & (VOID | RAW | PLAINTEXT) != 0 && flags & CLOSES_P != 0 {
            self.close_p();
        }
        if flags & RAW != 0 && self.raw_ok() {
            self.keep(&t, unread);
            let elide = elided_body(&self.b[lt + 1..t.name_end], &self.b[t.name_end..t.end]);
            return Ok(self.raw_end(t.end, lt + 1, t.name_end, Raw::Keep { elide }));
        }
        if flags & RAW != 0 {
            // Unsure whether the parser takes this as raw text.
            let close = self.raw_close(t.end, lt + 1, t.name_end);
            self.unsure_until(close);
            self.keep(&t, unread);
            self.phantom();
            return Ok(t.end);
        }
        if flags & PLAINTEXT != 0 && self.raw_ok() {
            self.keep(&t, unread);
            return Ok(self.b.len());
        }
        if flags & VOID != 0 {
            self.reconstruct();
            self.keep(&t, unread);
            return Ok(t.end);
        }
        // Ignored by the parser: table parts outside a table (or
        // template), a form while the form element pointer is set and no
        // template is open (inside one, a form is always inserted).
        let table_part = matches!(kind, Kind::Td | Kind::Tr | Kind::TSection | Kind::TablePart);
        let in_template = kind == Kind::Form && self.template_open();
        if (table_part && !self.table_context())
            || (kind == Kind::Form && self.form && !in_template)
        {
            // In a template the parser may take it: count it as depth,
            // but never as an element an end tag could close.
            if table_part
                && self
                    .find_table_scope(|e| e.kind == Kind::Template)
                    .is_some()
            {
                self.phantom();
            }
            self.keep(&t, unread);
            return Ok(t.end);
        }
        let need = self.implicit_closes(kind, flags, &name);
        if flags & SPECIAL == 0 {
            self.reconstruct();
        }
        // Elements that cannot nest in themselves (a <p> closes the open
        // <p>) may go one level deeper, so paragraphs and headings below
        // the limit stay paragraphs and headings.
        let slack = usize::from(matches!(
            kind,
            Kind::P | Kind::Heading | Kind::Li | Kind::DdDt
        ));
        if self.pops == pops && self.depth() + need.len() >= self.limits.max_depth + slack {
            self.drop_tag(lt, &t, &name, flags);
            return Ok(t.end);
        }
        // Only a form the parser meets sets its form element pointer, and
        // not inside a template.
        if kind == Kind::Form && !in_template {
            self.form = true;
        }
        self.elements += need.len();
        for &(k, s) in need {
            self.push(Entry {
                name: Name::of_static(s),
                kind: k,
                flags: SPECIAL,
                foreign: false,
                fmt: 0,
                phantoms: 0,
            });
        }
        self.keep(&t, unread);
        let mut fmt = 0;
        if flags & FORMATTING != 0 {
            self.noahs_ark(&name, attrs);
            fmt = self.next_uid;
            self.next_uid += 1;
            self.fmt.push(Fmt {
                marker: false,
                uid: fmt,
                name,
                kind,
                flags,
                attrs,
                open: true,
            });
        }
        if flags & MARKER != 0 {
            self.fmt.push(Fmt {
                marker: true,
                uid: 0,
                name,
                kind,
                flags,
                attrs: 0,
                open: false,
            });
        }
        self.push(Entry {
            name,
            kind,
            flags,
            foreign: false,
            fmt,
            phantoms: 0,
        });
        if kind == Kind::Template {
            // The tree holds a template's content in a fragment under it.
            self.phantom();
        }
        Ok(t.end)
    }

    /// Apply what a start tag of `kind` closes; return the elements the
    /// parser will imply before it (`<tbody>`, `<tr>`).
    fn implicit_closes(
        &mut self,
        kind: Kind,
        flags: u32,
        name: &Name,
    ) -> &'static [(Kind, &'static [u8])] {
        const TBODY: (Kind, &[u8]) = (Kind::TSection, b"tbody");
        const TR: (Kind, &[u8]) = (Kind::Tr, b"tr");
        match kind {
            Kind::Li | Kind::DdDt => {
                for i in (0..self.stack.len()).rev() {
                    let e = self.stack[i];
                    if !e.foreign && e.kind == kind {
                        self.pop_to(i);
                        break;
                    }
                    if e.special() && (e.foreign || e.flags & ADP == 0) {
                        break;
                    }
                }
            }
            Kind::A => {
                let has_a = self
                    .fmt
                    .iter()
                    .rev()
                    .take_while(|f| !f.marker)
                    .any(|f| f.kind == Kind::A);
                if has_a {
                    self.adoption(name);
                    if let Some(fi) = self.fmt_find(|f| f.kind == Kind::A) {
                        let uid = self.fmt[fi].uid;
                        self.fmt.remove(fi);
                        if let Some(si) = self.stack.iter().rposition(|e| e.fmt == uid) {
                            self.remove(si);
                        }
                    }
                }
            }
            _ => {}
        }
        if flags & CLOSES_P != 0 {
            self.close_p();
        }
        let top = self.stack.last().map(|e| (e.kind, e.foreign));
        match kind {
            Kind::Heading if top == Some((Kind::Heading, false)) => self.pop(),
            Kind::Option if top == Some((Kind::Option, false)) => self.pop(),
            Kind::Td => {
                if let Some(i) = self.find_table_scope(|e| e.kind == Kind::Td) {
                    self.pop_to(i);
                }
                return match self.stack.last().map(|e| e.kind) {
                    Some(Kind::Tr) => &[],
                    Some(Kind::TSection) => &[TR],
                    _ => &[TBODY, TR],
                };
            }
            Kind::Tr => {
                if let Some(i) = self.find_table_scope(|e| e.kind == Kind::Tr) {
                    self.pop_to(i);
                }
                if self.stack.last().map(|e| e.kind) != Some(Kind::TSection) {
                    return &[TBODY];
                }
            }
            Kind::TSection => {
                if let Some(i) = self.find_table_scope(|e| e.kind == Kind::Table) {
                    self.pop_to(i + 1);
                }
            }
            Kind::Table => {
                // In a table mode the parser closes the open table first,
                // then inserts the new one as in body.
                if self.in_table_mode() {
                    if let Some(i) = self.find_table_scope(|e| e.kind == Kind::Table) {
                        self.pop_to(i);
                    }
                }
                if !self.quirks {
                    self.close_p();
                }
            }
            _ => {}
        }
        &[]
    }

    fn end_tag(&mut self, lt: usize) -> usize {
        let Some(t) = self.tag(lt + 2) else {
            return self.b.len();
        };
        self.work += self.depth() as u64 + 1;
        let name = Name {
            hash: name_hash(&self.b[lt + 2..t.name_end]),
            src: Src::Page(lt + 2, t.name_end),
        };
        let (kind, flags) = self.lower_class(lt + 2, t.name_end);
        // Formatting elements other than `<a>` keep their unread attributes:
        // the parser compares them (the "Noah's Ark" clause).
        let unread = flags & FORMATTING == 0 || kind == Kind::A;
        let excess = match self.excess_total {
            0 => None,
            _ => self.excess.get_mut(&name.hash).filter(|x| **x > 0),
        };
        if let Some(x) = excess {
            *x -= 1;
            self.excess_total -= 1;
            self.cut_tag(lt, t.end, if flags & SPECIAL != 0 { " " } else { "" });
            return t.end;
        }
        if flags & FRAMESET != 0 {
            self.cut_tag(lt, t.end, "");
            return t.end;
        }
        self.keep(&t, unread);
        if flags & ROOT != 0 {
            return t.end;
        }
        // Foreign content: `</br>` and `</p>` leave it; other end tags
        // close the nearest foreign element of that name.
        let raw = &self.b[lt + 2..t.name_end];
        if self.stack.last().is_some_and(|e| e.foreign)
            && (raw.eq_ignore_ascii_case(b"br") || raw.eq_ignore_ascii_case(b"p"))
        {
            self.pop_foreign();
        }
        if matches!(self.stack.last(), Some(e) if e.foreign) {
            let mut i = self.stack.len();
            while i > 0 && self.stack[i - 1].foreign {
                i -= 1;
                if self.same(&self.stack[i].name, &name) {
                    self.pop_to(i);
                    return t.end;
                }
            }
            if i == 0 {
                return t.end;
            }
        }
        if flags & FORMATTING != 0 && self.adoption(&name) {
            return t.end;
        }
        if kind == Kind::Form {
            // `</form>` removes the form element alone from the stack.
            self.form = false;
            if let Some(i) = self.find_in_scope(|e| e.kind == Kind::Form, |_| false) {
                self.remove(i);
            }
            return t.end;
        }
        if flags & SPECIAL != 0 {
            let found = match kind {
                // `</td>` does not close a `<th>`, nor `</tbody>` a `<thead>`.
                Kind::Td | Kind::Tr | Kind::TSection | Kind::Table => {
                    self.find_table_scope(|e| e.kind == kind && self.same(&e.name, &name))
                }
                Kind::Heading => self.find_in_scope(|e| e.kind == Kind::Heading, |_| false),
                Kind::Li => self.find_in_scope(|e| e.kind == Kind::Li, |e| e.kind == Kind::List),
                Kind::P => self.find_in_scope(|e| e.kind == Kind::P, |e| e.kind == Kind::Button),
                _ => {
                    let b = &name;
                    let i = (0..self.stack.len()).rev().find(|&i| {
                        let e = &self.stack[i];
                        e.boundary() || (!e.foreign && self.same(&e.name, b))
                    });
                    i.filter(|&i| {
                        let e = &self.stack[i];
                        !e.foreign && self.same(&e.name, b)
                    })
                }
            };
            if let Some(i) = found {
                self.pop_to(i);
            }
            return t.end;
        }
        // Any other end tag: nearest element of that name, unless a special
        // element comes first.
        for i in (0..self.stack.len()).rev() {
            let e = self.stack[i];
            if !e.foreign && self.same(&e.name, &name) {
                self.pop_to(i);
                break;
            }
            if e.special() {
                break;
            }
        }
        t.end
    }

    /// Up to `end`, the model cannot tell how the parser reads the page
    /// (raw text or markup, CDATA or bogus comment): there, start tags
    /// only add depth, end tags are ignored, and no token may hide what
    /// follows `end`. This can only overestimate the parser's depth.
    fn unsure_until(&mut self, end: usize) {
        self.unsure = self.unsure.max(end);
        self.fences.insert(end);
    }

    /// A start tag in an unsure region.
    fn unsure_start(&mut self, lt: usize) -> Result<usize, Error> {
        let Some(t) = self.tag(lt + 1) else {
            return Ok(self.b.len());
        };
        self.elements += 1;
        if self.elements > self.limits.max_elements {
            return Err(Error::TooManyElements {
                count: self.elements,
                limit: self.limits.max_elements,
            });
        }
        if self.depth() >= self.limits.max_depth || self.elements > self.budget {
            self.dropped += 1;
            self.cut_tag(lt, t.end, "");
        } else {
            self.keep(&t, false);
            self.phantom();
        }
        Ok(t.end)
    }

    /// One more level of depth that no end tag can close.
    /// A `<template>` is on the model's stack (walked only for `<form>`
    /// tags, which are few).
    fn template_open(&self) -> bool {
        self.stack
            .iter()
            .any(|e| !e.foreign && e.kind == Kind::Template)
    }

    fn phantom(&mut self) {
        if let Some(top) = self.stack.last_mut() {
            top.phantoms += 1;
            self.phantoms += 1;
        }
    }

    /// Where the raw text of an element named `page[a..e]` starting at
    /// `from` would end (its `</name`), remembered per name so repeated
    /// elements do not rescan the page.
    fn raw_close(&mut self, from: usize, a: usize, e: usize) -> usize {
        let name = self.b[a..e].to_ascii_lowercase();
        if let Some((_, at)) = self.closes.iter().find(|(n, at)| *n == name && *at >= from) {
            return *at;
        }
        let b = self.b;
        let mut i = from;
        let mut at = b.len();
        if name == b"script" {
            i = script_close(b, from);
        }
        while let Some(p) = find(b, b'<', i) {
            let s = p + 2;
            let end = s + name.len();
            if b.get(p + 1) == Some(&b'/')
                && end <= b.len()
                && b[s..end].eq_ignore_ascii_case(&name)
                && b.get(end)
                    .map_or(true, |&c| is_ws(c) || c == b'/' || c == b'>')
            {
                at = p;
                break;
            }
            i = p + 1;
        }
        self.closes.retain(|(n, _)| *n != name);
        self.closes.push((name, at));
        at
    }

    /// Skip the content of a raw-text element named `page[a..e]`, starting
    /// at `from`; return where its end tag ends (or the end of input).
    fn raw_end(&mut self, from: usize, a: usize, e: usize, how: Raw) -> usize {
        let b = self.b;
        let name = &b[a..e];
        let mut i = from;
        if name.eq_ignore_ascii_case(b"script") {
            i = script_close(b, from);
        }
        while let Some(p) = find(b, b'<', i) {
            let s = p + 2;
            let end = s + name.len();
            if b.get(p + 1) == Some(&b'/')
                && end < b.len()
                && b[s..end].eq_ignore_ascii_case(name)
                && (is_ws(b[end]) || b[end] == b'/' || b[end] == b'>')
            {
                return match self.tag(s) {
                    Some(t) => {
                        if let Raw::Keep { elide } = how {
                            // Only a body with nothing tag-like in it: if
                            // the model were wrong and the parser read it
                            // as markup, it would not shape the tree. Or a
                            // script where the parser is surely in HTML
                            // content: there a script is always raw text,
                            // and `script_close` follows the tokenizer's
                            // states to its end. (Nor across an unsure
                            // region's end: the scan goes back there and
                            // must meet what the parser meets.)
                            if elide
                                && (!tag_like(&b[from..p])
                                    || (name.eq_ignore_ascii_case(b"script")
                                        && self.surely_html(a)))
                                && self.fences.range(from..p).next().is_none()
                            {
                                self.replace(from, p, "");
                            }
                            self.keep(&t, true);
                        }
                        t.end
                    }
                    None => b.len(),
                };
            }
            i = p + 1;
        }
        b.len()
    }

    fn push(&mut self, e: Entry) {
        if e.foreign {
            self.foreign += 1;
        }
        self.stack.push(e);
    }

    fn pop(&mut self) {
        let Some(e) = self.stack.pop() else { return };
        self.pops += 1;
        self.phantoms -= e.phantoms;
        if e.foreign {
            self.foreign -= 1;
            return;
        }
        if e.fmt != 0 {
            if let Some(fi) = self.fmt_find(|f| f.uid == e.fmt) {
                self.fmt[fi].open = false;
            }
        }
        if e.flags & MARKER != 0 {
            while let Some(f) = self.fmt.pop() {
                if f.marker {
                    break;
                }
            }
        }
    }

    /// Remove the entry at `i` alone. It stays in the tree an ancestor of
    /// the entries above it: one more phantom on the entry below.
    fn remove(&mut self, i: usize) {
        let e = self.stack.remove(i);
        self.pops += 1;
        match i.checked_sub(1) {
            Some(j) => {
                self.stack[j].phantoms += e.phantoms + 1;
                self.phantoms += 1;
            }
            None => self.phantoms -= e.phantoms,
        }
    }

    /// Pop entries down to and including index `i`.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            self.pop();
        }
    }

    /// Index of the nearest entry matching `hit` that is in scope: no
    /// scope boundary (or `stop`) above it.
    fn find_in_scope(
        &self,
        hit: impl Fn(&Entry) -> bool,
        stop: impl Fn(&Entry) -> bool,
    ) -> Option<usize> {
        for i in (0..self.stack.len()).rev() {
            let e = &self.stack[i];
            if !e.foreign && hit(e) {
                return Some(i);
            }
            if e.boundary() || (!e.foreign && stop(e)) {
                return None;
            }
        }
        None
    }

    /// Like [`find_in_scope`](Self::find_in_scope) with the table scope
    /// (`<table>` and `<template>` are the boundaries).
    fn find_table_scope(&self, hit: impl Fn(&Entry) -> bool) -> Option<usize> {
        for i in (0..self.stack.len()).rev() {
            let e = &self.stack[i];
            if !e.foreign && hit(e) {
                return Some(i);
            }
            if !e.foreign && matches!(e.kind, Kind::Table | Kind::Template) {
                return None;
            }
        }
        None
    }

    fn close_p(&mut self) {
        if let Some(i) = self.find_in_scope(|e| e.kind == Kind::P, |e| e.kind == Kind::Button) {
            self.pop_to(i);
        }
    }

    /// Index in `fmt`, after the last marker, of the last entry matching.
    fn fmt_find(&self, hit: impl Fn(&Fmt) -> bool) -> Option<usize> {
        for i in (0..self.fmt.len()).rev() {
            let f = &self.fmt[i];
            if f.marker {
                return None;
            }
            if hit(f) {
                return Some(i);
            }
        }
        None
    }

    /// Formatting entries after the last marker, and how many of them are
    /// the same element (name and attributes) as this one.
    fn fmt_after_marker(&self, name: &Name, attrs: u64) -> (usize, usize) {
        let mut count = 0;
        let mut same = 0;
        for f in self.fmt.iter().rev().take_while(|f| !f.marker) {
            count += 1;
            if f.attrs == attrs && self.same(&f.name, name) {
                same += 1;
            }
        }
        (count, same)
    }

    /// The "Noah's Ark" clause: at most three identical entries.
    fn noahs_ark(&mut self, name: &Name, attrs: u64) {
        let (_, same) = self.fmt_after_marker(name, attrs);
        if same >= 3 {
            let first = (0..self.fmt.len())
                .rev()
                .take_while(|&i| !self.fmt[i].marker)
                .filter(|&i| self.fmt[i].attrs == attrs && self.same(&self.fmt[i].name, name))
                .last();
            if let Some(i) = first {
                self.fmt.remove(i);
            }
        }
    }

    /// Reconstruct the active formatting elements: reopen the entries
    /// after the last open one (or marker).
    fn reconstruct(&mut self) {
        match self.fmt.last() {
            Some(f) if !f.marker && !f.open => {}
            _ => return,
        }
        let mut i = self.fmt.len() - 1;
        while i > 0 && !self.fmt[i - 1].marker && !self.fmt[i - 1].open {
            i -= 1;
        }
        self.elements += self.fmt.len() - i;
        for j in i..self.fmt.len() {
            let f = self.fmt[j];
            self.fmt[j].open = true;
            self.stack.push(Entry {
                name: f.name,
                kind: f.kind,
                flags: f.flags,
                foreign: false,
                fmt: f.uid,
                phantoms: 0,
            });
        }
    }

    /// The adoption agency for an end tag of formatting element `name`, as
    /// far as depth goes. `false` if there is no such active element (the
    /// tag is then an ordinary end tag).
    fn adoption(&mut self, name: &Name) -> bool {
        let Some(fi) = self.fmt_find(|f| self.same(&f.name, name)) else {
            return false;
        };
        let f = self.fmt[fi];
        if !f.open {
            self.fmt.remove(fi);
            return true;
        }
        let mut furthest = false;
        for si in (0..self.stack.len()).rev() {
            let e = self.stack[si];
            if e.fmt == f.uid {
                if !furthest {
                    // No special element above it: pop to it. (With one,
                    // the parser moves it below that element: same depth.)
                    self.pop_to(si);
                    if let Some(fi) = self.fmt_find(|x| x.uid == f.uid) {
                        self.fmt.remove(fi);
                    }
                }
                return true;
            }
            if e.boundary() {
                // Not in scope: the parser ignores the tag.
                return true;
            }
            furthest |= e.special();
        }
        self.fmt.remove(fi);
        true
    }
}

/// End of a comment whose text starts at `from` (just after `<!--`).
fn comment_end(b: &[u8], from: usize) -> usize {
    match b.get(from..from + 2) {
        Some([b'>', _]) => return from + 1,
        Some([b'-', b'>']) => return from + 2,
        _ if b.get(from) == Some(&b'>') => return from + 1,
        _ => {}
    }
    let mut i = from;
    while let Some(p) = find(b, b'-', i) {
        if b.get(p + 1) == Some(&b'-') {
            match b.get(p + 2) {
                Some(b'>') => return p + 3,
                Some(b'!') if b.get(p + 3) == Some(&b'>') => return p + 4,
                _ => {}
            }
        }
        i = p + 1;
    }
    b.len()
}

/// The attribute whose name starts at `an` (not whitespace, `/` or `>`):
/// where its name ends, where its value ends (the name's end when it has
/// none) and where the next attribute may start; `None` when the input
/// ends inside a quoted value.
fn attribute(b: &[u8], an: usize) -> Option<(usize, usize, usize)> {
    let n = b.len();
    let mut i = an + 1;
    while i < n && !is_ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
        i += 1;
    }
    let name_end = i;
    while i < n && is_ws(b[i]) {
        i += 1;
    }
    if *b.get(i)? != b'=' {
        return Some((name_end, name_end, i));
    }
    i += 1;
    while i < n && is_ws(b[i]) {
        i += 1;
    }
    match *b.get(i)? {
        q @ (b'"' | b'\'') => i = find(b, q, i + 1)? + 1,
        b'>' => {}
        _ => {
            while i < n && !is_ws(b[i]) && b[i] != b'>' {
                i += 1;
            }
        }
    }
    Some((name_end, i, i))
}

fn is_data_attr(name: &[u8]) -> bool {
    name.len() > 5 && name[..5].eq_ignore_ascii_case(b"data-")
}

/// What the stages and the tree builder make of an attribute, by name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AttrUse {
    /// `data-*`: script state, read by nothing.
    Data,
    /// Read by a stage or by the tree builder: kept.
    Read,
    /// `color`, `face`, `size`: kept, and a `<font>` with one of them
    /// leaves foreign content.
    Font,
    /// `href`: its value is read on `<link rel=canonical>`, only its
    /// presence on `<a>` (a link, for headings).
    Presence,
    /// Read by no stage nor by the tree builder.
    Unread,
}

/// How the attribute named `name` (as in the page) is used: the
/// attributes read by a stage (`html/dom.rs`, `html/metadata.rs`,
/// `html/headings.rs`, `html/content.rs`, `html/blocks.rs`) or by the
/// tree builder (`<input type=hidden>` in tables, `<annotation-xml
/// encoding>`, `<meta charset>`, `<template shadowrootmode>`, the
/// `<font>` attributes that leave foreign content) are kept. Names are
/// compared ASCII case-insensitively, as the tokenizer lower-cases them.
/// Short names without a prefix (nearly all) are matched here; the rest
/// in [`attr_use_long`], which gives the same answer for any name.
fn attr_use(name: &[u8]) -> AttrUse {
    let mut buf = [0u8; 12];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return attr_use_long(name);
    };
    for (d, &c) in lower.iter_mut().zip(name) {
        if c == b':' {
            return attr_use_long(name);
        }
        *d = c.to_ascii_lowercase();
    }
    match &*lower {
        b"color" | b"face" | b"size" => AttrUse::Font,
        b"href" => AttrUse::Presence,
        b"class" | b"id" | b"itemprop" | b"role" | b"rel" | b"style" | b"hidden"
        | b"aria-hidden" | b"aria-level" | b"type" | b"property" | b"name" | b"http-equiv"
        | b"content" | b"value" | b"datetime" | b"pubdate" | b"lang" | b"encoding" | b"charset" => {
            AttrUse::Read
        }
        l if l.starts_with(b"shadowroot") => AttrUse::Read,
        l if l.len() > 5 && l.starts_with(b"data-") => AttrUse::Data,
        _ => AttrUse::Unread,
    }
}

/// [`attr_use`] for any name: a prefixed name (`xlink:href`, `xml:lang`)
/// is kept when its local part is read anywhere, as foreign content gives
/// it that local name.
fn attr_use_long(name: &[u8]) -> AttrUse {
    if is_data_attr(name) {
        return AttrUse::Data;
    }
    let (local, prefixed) = match memchr::memrchr(b':', name) {
        Some(p) => (&name[p + 1..], true),
        None => (name, false),
    };
    if local.len() >= 10 && local[..10].eq_ignore_ascii_case(b"shadowroot") {
        return AttrUse::Read;
    }
    if local.len() > 12 || local.contains(&b':') {
        return AttrUse::Unread;
    }
    match attr_use(local) {
        AttrUse::Data | AttrUse::Unread => AttrUse::Unread,
        _ if prefixed => AttrUse::Read,
        used => used,
    }
}

/// Whether `s` has a `<` that could start a tag, an end tag, a comment or
/// a bogus comment.
fn tag_like(s: &[u8]) -> bool {
    memchr::memchr_iter(b'<', s).any(|i| {
        s.get(i + 1)
            .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
    })
}

/// The first `<` in `b[from..to]` that starts `<svg` or `<math` (ASCII
/// case-insensitive, whatever follows).
fn first_foreign_tag(b: &[u8], from: usize, to: usize) -> Option<usize> {
    memchr::memchr_iter(b'<', &b[from..to])
        .map(|p| p + from)
        .find(|&p| match b.get(p + 1).map(|c| c | 0x20) {
            Some(b's') => b[p + 1..]
                .get(..3)
                .is_some_and(|x| x.eq_ignore_ascii_case(b"svg")),
            Some(b'm') => b[p + 1..]
                .get(..4)
                .is_some_and(|x| x.eq_ignore_ascii_case(b"math")),
            _ => false,
        })
}

/// What [`Scan::raw_end`] does with a raw-text element.
#[derive(Clone, Copy)]
enum Raw {
    /// The element is dropped whole (by the caller).
    Drop,
    /// The element stays; with `elide`, without its content.
    Keep { elide: bool },
}

/// Whether the content of a raw-text element named `name` with attributes
/// `attrs` can be left out of the parse: scripts and style sheets are
/// never article text and are some half of a news page's bytes, so the
/// parser skips them. JSON-LD scripts (metadata) are kept: the stages read
/// a script whose `type` holds `ld+json`, which its tag then holds too,
/// unless written with a character reference (`ld&#43;json`), so a tag
/// with `&` and `json` is kept as well. (Other JSON, such as a page's
/// `application/json` state, is read by no stage.)
fn elided_body(name: &[u8], attrs: &[u8]) -> bool {
    let has = |w: &[u8]| attrs.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    name.eq_ignore_ascii_case(b"style")
        || name.eq_ignore_ascii_case(b"script")
            && !has(b"ld+json")
            && !(attrs.contains(&b'&') && has(b"json"))
}

/// Where the `</script` that ends a script starting at `from` begins (or
/// the end of input), following the tokenizer's escaped states: after
/// `<!--`, a `<script` starts a double-escaped part in which `</script`
/// does not end the script; `-->` leaves both.
fn script_close(b: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum St {
        Data,
        Escaped,
        Double,
    }
    let tag_at = |p: usize, close: bool| {
        let s = p + if close { 2 } else { 1 };
        b.get(p + 1) == if close { Some(&b'/') } else { b.get(p + 1) }
            && b.len() >= s + 6
            && b[s..s + 6].eq_ignore_ascii_case(b"script")
            && b.get(s + 6)
                .is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>')
    };
    let mut st = St::Data;
    let mut i = from;
    while i < b.len() {
        let Some(p) = memchr::memchr2(b'<', b'-', &b[i..]).map(|p| p + i) else {
            break;
        };
        i = p + 1;
        if b[p] == b'-' {
            if st != St::Data && b[p..].starts_with(b"-->") {
                st = St::Data;
                i = p + 3;
            }
            continue;
        }
        match st {
            St::Data if b[p..].starts_with(b"<!--") => {
                st = St::Escaped;
                // `<!-->` and `<!--->` end the escape at once.
                i = p + 4;
                if b[i..].starts_with(b">") || b[i..].starts_with(b"->") {
                    st = St::Data;
                }
            }
            St::Data | St::Escaped if tag_at(p, true) => return p,
            St::Escaped if tag_at(p, false) => st = St::Double,
            St::Double if tag_at(p, true) => st = St::Escaped,
            _ => {}
        }
    }
    b.len()
}

/// Whether a doctype (its text after `<!doctype`) puts the parser in
/// quirks mode, where `<table>` does not close an open `<p>`. Roughly the
/// WHATWG rules: `html` with no public id, or a Strict/XHTML one, or a
/// Transitional one with a system id, is not quirks.
fn doctype_quirks(d: &[u8]) -> bool {
    let d = d.to_ascii_lowercase();
    let has = |w: &[u8]| d.windows(w.len()).any(|x| x == w);
    let name_html = d.trim_ascii_start().starts_with(b"html");
    if !name_html {
        return true;
    }
    if !has(b"public") {
        return has(b"system") && !has(b"about:legacy-compat");
    }
    let system = has(b"http");
    !(has(b"xhtml") || has(b"strict") || (has(b"transitional") && system))
}

fn find_seq(b: &[u8], pat: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(b, pat[0], i) {
        if b[p..].starts_with(pat) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// End of a bogus comment or doctype: just past the next `>`.
fn bogus_end(b: &[u8], from: usize) -> usize {
    find(b, b'>', from).map_or(b.len(), |p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// Depth of the deepest node of the parsed tree (iteratively).
    fn tree_depth(html: &Html) -> usize {
        let mut depth = HashMap::new();
        let mut max = 0;
        for n in html.tree.root().descendants() {
            let d = n.parent().map_or(0, |p| depth[&p.id()] + 1);
            max = usize::max(max, d);
            depth.insert(n.id(), d);
        }
        max
    }

    fn text_of(html: &Html) -> String {
        html.root_element().text().collect()
    }

    /// Parse through the guard; check the tree is bounded and quick.
    fn bounded(page: &str) -> Html {
        let limits = Limits::default();
        let t = Instant::now();
        let (html, _) = parse(page, &limits).expect("parse");
        let secs = t.elapsed().as_secs_f64();
        let depth = tree_depth(&html);
        // max_depth, plus the slack of an <svg>, formatting, implied ones.
        let bound = limits.max_depth * 5 / 4 + limits.max_formatting + 8;
        assert!(depth <= bound, "depth {depth} > {bound}");
        let mb = page.len() as f64 / 1e6;
        eprintln!("{:>8.3} s/MB  depth {depth:>4}  {:.40}", secs / mb, page);
        // Timing only means something in release builds.
        if !cfg!(debug_assertions) {
            assert!(secs < 0.5 * mb.max(0.2), "{secs:.2}s for {mb:.2} MB");
        }
        html
    }

    /// Within the limits, only script and style bodies are cut (the pages
    /// below hold no unread attribute and no comment text): those with
    /// nothing tag-like, and scripts with no `<svg` or `<math` before.
    fn unchanged(page: &str) {
        static BODY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?is)(<(?:script|style)\b[^>]*>)(.*?)(</(?:script|style))").unwrap()
        });
        let out = bound(page, &Limits::default()).unwrap();
        let want = BODY.replace_all(page, |c: &regex::Captures| {
            let at = c.get(0).unwrap().start();
            let html = first_foreign_tag(page.as_bytes(), 0, at).is_none();
            let script = c[1].to_ascii_lowercase().starts_with("<script");
            let tag = c[1].to_ascii_lowercase();
            if tag.contains("ld+json")
                || (tag.contains('&') && tag.contains("json"))
                || (tag_like(c[2].as_bytes()) && !(script && html))
            {
                c[0].to_string()
            } else {
                format!("{}{}", &c[1], &c[3])
            }
        });
        assert_eq!(out, want, "rewritten: {:.200}", page);
    }

    #[test]
    fn script_and_style_bodies_are_cut_json_kept() {
        let page = r#"<head><style>p { color: red }</style><script src="a.js"></script><script>if (a < b) f()</script><script>document.write("<p>x</p>")</script><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body><svg><script>svg stays</script><style>svg too</style></svg><textarea>kept</textarea></body>"#;
        assert_eq!(
            bound(page, &Limits::default()).unwrap(),
            r#"<head><style></style><script ></script><script></script><script></script><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body><svg><script>svg stays</script><style>svg too</style></svg><textarea>kept</textarea></body>"#
        );
        assert!(matches!(
            bound("<p>no scripts</p>", &Limits::default()).unwrap(),
            Cow::Borrowed(_)
        ));
        // JSON-LD is kept (also with a character reference), other JSON not.
        let page = r#"<script type="application/json">{"a":1}</script><script type="application/LD+JSON">{"b":2}</script><script type="application/ld&#43;json">{"c":3}</script><script type="text/ld&#x2B;javascript">d</script>"#;
        assert_eq!(
            bound(page, &Limits::default()).unwrap(),
            r#"<script type="application/json"></script><script type="application/LD+JSON">{"b":2}</script><script type="application/ld&#43;json">{"c":3}</script><script type="text/ld&#x2B;javascript"></script>"#
        );
        // After an `<svg` or `<math` anywhere, a script with tag-like text
        // stays: the parser might be in foreign content, where it is markup.
        for page in [
            r#"<svg></svg><script>document.write("<p>x</p>")</script>"#,
            r#"<!-- <MATH> --><script>document.write("<p>x</p>")</script>"#,
        ] {
            let script = &page[page.find("<script").unwrap()..];
            assert!(bound(page, &Limits::default()).unwrap().ends_with(script));
        }
    }

    #[test]
    fn ordinary_pages_pass_untouched() {
        unchanged("");
        unchanged("<html><head><title>T</title></head><body><p>Hello</p></body></html>");
        unchanged(&format!("<ul>{}</ul>", "<li>item".repeat(2_000)));
        unchanged(&format!("<dl>{}</dl>", "<dt>a<dd>b".repeat(2_000)));
        unchanged(&"<p>para".repeat(2_000));
        unchanged(&format!(
            "<table>{}</table>",
            "<tr><td>a<td>b".repeat(2_000)
        ));
        unchanged(&format!("<select>{}</select>", "<option>x".repeat(2_000)));
        unchanged(&"<h2>a<h3>b".repeat(2_000));
        unchanged(&format!(
            "<p>{}</p>",
            "<b>x</b><i>y</i><a href>z</a>".repeat(2_000)
        ));
        unchanged(&format!(
            "<svg>{}</svg>",
            "<path class='M0'/>".repeat(2_000)
        ));
        unchanged(&format!("<script>{}</script>", "<div>".repeat(2_000)));
        unchanged(&format!(
            "<math></math><script>{}</script>",
            "<div>".repeat(2_000)
        ));
        unchanged(&format!("<div class='{}'>x</div>", "<div>".repeat(2_000)));
        unchanged(&"<div><div><span>x</span></div></div>".repeat(2_000));
    }

    #[test]
    fn deep_divs_are_flattened_and_text_kept() {
        let n = 10_000;
        let page = format!("{}core{}", "<div>x ".repeat(n), "</div>".repeat(n));
        let html = bounded(&page);
        let text = text_of(&html);
        assert!(text.contains("core"));
        assert_eq!(text.matches("x ").count(), n);
    }

    #[test]
    fn unclosed_inline_tags() {
        bounded(&"<b><i>x".repeat(5_000));
        bounded(&"<span><em>x".repeat(5_000));
        bounded(
            &(0..5_000)
                .map(|i| format!("<b class=c{i}>x"))
                .collect::<String>(),
        );
        bounded(&"<a href=x>y".repeat(5_000));
        bounded(&"<font><font size=2>y".repeat(5_000));
    }

    #[test]
    fn reopened_formatting_elements() {
        // Every <p> reopens all unclosed <b>s before it.
        bounded(
            &(0..2_000)
                .map(|i| format!("<p><b id=b{i}>x</p>"))
                .collect::<String>(),
        );
        bounded(
            &(0..2_000)
                .map(|i| format!("<div><i id=i{i}>x</div>"))
                .collect::<String>(),
        );
    }

    #[test]
    fn adoption_agency_shapes() {
        bounded(&"<b><div></b>".repeat(5_000));
        bounded(&"<a href=1><div><a href=2><div>".repeat(2_000));
        bounded(&"<b><p></b>x".repeat(5_000));
    }

    #[test]
    fn nested_lists_and_tables() {
        bounded(&"<ul><li>x".repeat(5_000));
        bounded(&"<ol><li><ul><li>".repeat(3_000));
        bounded(&"<table><tr><td>".repeat(2_000));
        bounded(&"<table><td>".repeat(2_000));
        bounded(&"<dl><dd>".repeat(5_000));
        bounded(&"<div><table><tr><td></div>".repeat(2_000));
    }

    #[test]
    fn foreign_content_shapes() {
        bounded(&"<svg><g>".repeat(5_000));
        bounded(&"<svg><foreignObject><div>".repeat(3_000));
        bounded(&"<math><mi><span>".repeat(3_000));
        bounded(&"<div><svg><g></div><section/>".repeat(3_000));
        bounded(&"<svg><font color=red><section/>".repeat(3_000));
        bounded(&"<svg><b a=1><svg><b a=2>".repeat(3_000));
        bounded(&"<svg><style><div>".repeat(3_000));
    }

    #[test]
    fn many_attributes_are_cut() {
        let attrs: String = (0..10_000).map(|i| format!(" a{i}=v")).collect();
        // (On a formatting element, which keeps its unread attributes.)
        let page = format!("<b{attrs}>text</b>");
        let html = bounded(&page);
        assert_eq!(text_of(&html), "text");
        let div = html
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element())
            .find(|e| &*e.name.local == "b")
            .unwrap();
        assert_eq!(div.attrs().count(), Limits::default().max_attributes);
    }

    /// What the stages can read of a parsed page, in document order: each
    /// node's depth, element names with the attributes read (`href` on
    /// `<a>` as presence only), texts (not those of scripts and style
    /// sheets, which the guard cuts), comments without their text.
    fn read_view(html: &Html) -> Vec<String> {
        let mut out = Vec::new();
        for n in html.tree.root().descendants() {
            let depth = n.ancestors().count();
            match n.value() {
                scraper::Node::Element(e) => {
                    let mut attrs: Vec<String> = e
                        .attrs()
                        .filter_map(|(k, v)| match attr_use(k.as_bytes()) {
                            AttrUse::Presence if e.name() == "a" => Some(k.to_string()),
                            AttrUse::Read | AttrUse::Font | AttrUse::Presence => {
                                Some(format!("{k}={v}"))
                            }
                            AttrUse::Data | AttrUse::Unread => None,
                        })
                        .collect();
                    attrs.sort();
                    out.push(format!("{depth} <{:?} {attrs:?}>", e.name));
                }
                scraper::Node::Text(t) => {
                    let raw = n
                        .parent()
                        .and_then(|p| p.value().as_element().map(|e| e.name()))
                        .is_some_and(|p| p == "script" || p == "style");
                    if !raw {
                        out.push(format!("{depth} {:?}", &**t));
                    }
                }
                scraper::Node::Comment(_) => out.push(format!("{depth} <!---->")),
                other => out.push(format!("{depth} {other:?}")),
            }
        }
        out
    }

    /// The guard leaves out only what no stage reads: the tree of the
    /// bounded page reads the same as that of the page.
    fn reads_the_same(page: &str) {
        let full = Html::parse_document(page);
        let (cut, dropped) = parse(page, &Limits::default()).unwrap();
        assert_eq!(dropped, 0, "{page:.200}");
        let (a, b) = (read_view(&full), read_view(&cut));
        if let Some(i) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) {
            panic!(
                "differs at node {i}: {:?} vs {:?} in {page:.300}",
                a.get(i),
                b.get(i)
            );
        }
    }

    #[test]
    fn attr_use_by_name() {
        use AttrUse::*;
        for (name, want) in [
            ("class", Read),
            ("CLASS", Read),
            ("Aria-Hidden", Read),
            ("http-equiv", Read),
            ("itemprop", Read),
            ("datetime", Read),
            ("xml:lang", Read),
            ("lang", Read),
            ("size", Font),
            ("Color", Font),
            ("face", Font),
            ("xlink:color", Read),
            ("href", Presence),
            ("HREF", Presence),
            ("xlink:href", Read),
            ("shadowrootmode", Read),
            ("ShadowRootDelegatesFocus", Read),
            ("data-x", Data),
            ("DATA-src", Data),
            ("data-", Unread),
            ("data", Unread),
            ("src", Unread),
            ("srcset", Unread),
            ("d", Unread),
            ("title", Unread),
            ("onclick", Unread),
            ("classes", Unread),
            ("clas", Unread),
            ("cl\u{e5}ss", Unread),
            ("xlink:title", Unread),
            ("", Unread),
            (":", Unread),
            ("aria-hiddenxxxxxxxxxxx", Unread),
        ] {
            assert_eq!(attr_use(name.as_bytes()), want, "{name}");
        }
    }

    /// The quick path of `attr_use` against `attr_use_long` (which reads
    /// every name the long way).
    #[test]
    fn attr_use_quick_path_agrees() {
        let mut names: Vec<String> = [
            "class",
            "Class",
            "id",
            "ID",
            "href",
            "data-x",
            "data-",
            "data",
            "shadowroot",
            "shadowrootab",
            "shadowrootmode",
            "color",
            "SIZE",
            "fáce",
            "hidden",
            "aria-hidden",
            "aria-hiddenx",
            "http-equiv",
            "x:class",
            "xml:lang",
            "a:b:href",
            "",
            ":",
            "é",
            "\u{0}",
            "content ",
            " class",
            "srcset",
            "onclick",
            "style",
            "valuE",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        names.extend(READ_NAMES_FOR_TESTS.iter().map(|s| s.to_uppercase()));
        for n in &names {
            let long = attr_use_long(n.as_bytes());
            assert_eq!(attr_use(n.as_bytes()), long, "{n:?}");
            // The long way, spelled out.
            let lower = n.to_ascii_lowercase();
            let want = if lower.len() > 5 && lower.starts_with("data-") {
                AttrUse::Data
            } else {
                let local = lower.rsplit(':').next().unwrap();
                let prefixed = local.len() < lower.len();
                match local {
                    "color" | "face" | "size" if !prefixed => AttrUse::Font,
                    "href" if !prefixed => AttrUse::Presence,
                    l if READ_NAMES_FOR_TESTS.contains(&l)
                        || l.starts_with("shadowroot")
                        || (prefixed && ["color", "face", "size", "href"].contains(&l)) =>
                    {
                        AttrUse::Read
                    }
                    _ => AttrUse::Unread,
                }
            };
            assert_eq!(long, want, "{n:?}");
        }
    }

    const READ_NAMES_FOR_TESTS: &[&str] = &[
        "class",
        "id",
        "itemprop",
        "role",
        "rel",
        "style",
        "hidden",
        "aria-hidden",
        "aria-level",
        "type",
        "property",
        "name",
        "http-equiv",
        "content",
        "value",
        "datetime",
        "pubdate",
        "lang",
        "encoding",
        "charset",
    ];

    #[test]
    fn unread_attributes_are_cut() {
        let cut = |p: &str| bound(p, &Limits::default()).unwrap().into_owned();
        assert_eq!(
            cut(
                r#"<div class=c onclick="x()" id=i src=a.png data-x=1 style="display:none">t</div>"#
            ),
            r#"<div class=c  id=i   style="display:none">t</div>"#
        );
        // A link keeps its href, without the value; formatting elements
        // keep their attributes but for `data-*`.
        assert_eq!(
            cut(r#"<a href="https://x/y" target=_blank rel=author>l</a><b title=t data-y=2>b</b>"#),
            r#"<a href  rel=author>l</a><b title=t >b</b>"#
        );
        assert_eq!(
            cut(r##"<svg viewBox="0 0 1 1"><path d="M0 0"/><a xlink:href="#u"/></svg>"##),
            r##"<svg ><path /><a xlink:href="#u"/></svg>"##
        );
        assert_eq!(
            cut("<font size=2 color=red face=x title=t>f</font><input type=hidden value=v alt=a>"),
            "<font size=2 color=red face=x title=t>f</font><input type=hidden value=v >"
        );
        // Not in an unsure region (CDATA in foreign content).
        let page = "<svg><![CDATA[ <div title=x> ]]></svg>";
        assert_eq!(cut(page), page);
    }

    #[test]
    fn comments_are_emptied() {
        let cut = |p: &str| bound(p, &Limits::default()).unwrap().into_owned();
        assert_eq!(cut("a<<!-- x -->b>c"), "a<<!---->b>c");
        assert_eq!(cut("<!-- a --!> b"), "<!----> b");
        assert_eq!(cut("<!-- <!-- --> z"), "<!----> z");
        assert_eq!(cut("<!-- a --->b"), "<!---->b");
        assert_eq!(
            cut(&format!("<!-- {} -->x", "<div>".repeat(2_000))),
            "<!---->x"
        );
        for same in [
            "<!-->x",
            "<!--->x",
            "<!---->x",
            "<p>x<!-- unclosed",
            "<!-- a --!x",
        ] {
            assert_eq!(cut(same), same);
        }
    }

    #[test]
    fn what_is_cut_is_read_by_no_stage() {
        for page in [
            r#"<div class=c id=i onclick="x()" src=a.png title='t' data-x=1 style="display:none" hidden aria-hidden=true>x</div>"#,
            r#"<img alt="a"src="b"/><div x="a"/y class=k>t</div><div =x class=k>u</div><p a=b/>t"#,
            r#"<a href = "u" >l</a><a href=>m</a><a HREF='u' Title=t>n</a><A href=u href=v>o</A>"#,
            "<div class=a class=b onclick=c class=d>t</div><div title='<p>x</p>' class=k>y</div>",
            "<p><b title=1><b title=2><b title=3><b title=4>x<p>y</b></b>",
            "<p><a title=1>a<a title=2>b<a title=3>c<a title=4>d<p>e",
            "<p><i data-a=1>a<i data-a=1>b<i data-a=1>c<i class=k>d<p>e",
            "<table><input type=hidden title=t><input type=text x=1><tr><td>a</table>",
            r##"<svg viewBox="0 0 1 1"><path d="M0"/><a xlink:href="#u">s</a><font color=red size=1 title=t>f</font></svg>"##,
            r#"<math><annotation-xml encoding="text/html" foo=bar><div title=x>x</div></annotation-xml></math>"#,
            "<template shadowrootmode=open title=x><p>y</p></template><div>after</div>",
            "a<<!-- x -->b>c<!-- a --!> b<!--> x<!---> y<!-- <!-- --> z<p>x<!-- unterminated",
            r#"<meta name=author content="A B" itemprop=x title=y><link rel=canonical href="https://e/x" title=t><time datetime=2020-01-01 title=x>d</time>"#,
            "<html lang=en xml:lang=en foo=bar><body onload=x class=b><body onclick=y id=z>t",
            "<select><option title=a value=1>o<style>s{}</style></select><textarea title=x><b title=y></textarea>",
            "<p>a<script>if (a<b) x()</script>b<style>p{}</style><noscript><img src=x></noscript>",
            "<div><svg><title>t</title><desc title=d>d<div title=e>e</div></desc></svg></div>",
            r#"<svg><g/title='x'>a</g><g/x="1"y=2>b</g><g title=x/>c</g><g / title=x>d</g></svg>"#,
            r#"<div class x=1 =c>a</div><a href="u" =c>b</a><div class data-x=1 = c>d</div>"#,
            "<script><!-- <script> </script> <p>x</p> --></script><p>after</p>",
            "<script><!--</script><p>y</p><script>a<!-- b --> </script><p>z</p>",
            "<script><!--><div></script><p>q</p><script><!---><i></script><p>r",
            "<ScRiPt>x<b></SCRIPT >t<script>x</scripts></script/>u<script><!--<script></script>",
            "<script>a<!--<script>b</script>c-->d</script>e</div><svg></svg><script><div>f</script>",
            "<table><script><tr><td>x</script><tr><td>y</table><select><script><option>z</script></select>",
            "<template><script><p>in</script></template><p>out</p>",
            r#"<font size=+1 title="a>b" data-z='c"d'>x</font><p/title='y'>z"#,
        ] {
            reads_the_same(page);
        }
    }

    /// The same over the evaluation pages, when they are at hand
    /// (`../shared/eval/articles/dev` beside the repository).
    #[test]
    fn what_is_cut_is_read_by_no_stage_on_real_pages() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/articles/dev");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("no {}: skipped", dir.display());
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "html") {
                let bytes = std::fs::read(&path).unwrap();
                let page = crate::decode::decode(&bytes, None).unwrap();
                reads_the_same(&page);
            }
        }
    }

    #[test]
    fn raw_text_and_comments_are_not_markup() {
        // Inside a script, tags are text: nothing to bound, nothing dropped.
        let page = format!(
            "<svg></svg><script>{}</script><p>after</p>",
            "<div>".repeat(5_000)
        );
        assert!(matches!(
            bound(&page, &Limits::default()).unwrap(),
            Cow::Borrowed(_)
        ));
        bounded(&page);
        // (And without an `<svg` before, the script's text is cut.)
        assert_eq!(
            bound(&page[11..], &Limits::default()).unwrap(),
            "<script></script><p>after</p>"
        );
        // An unclosed comment swallows the rest of the page.
        let page = format!("<p>before</p><!--{}", "<div>".repeat(5_000));
        assert!(text_of(&bounded(&page)).contains("before"));
        // But an end tag for something else does not end a raw element.
        bounded(&format!("<textarea></script>{}", "<div>".repeat(5_000)));
        bounded(&format!(
            "<style></styles>{}</style>{}",
            "<div>".repeat(9),
            "<i>".repeat(5_000)
        ));
    }

    #[test]
    fn element_limit_is_an_error() {
        let limits = Limits {
            max_elements: 10,
            ..Limits::default()
        };
        let err = bound(&"<p>x".repeat(11), &limits).unwrap_err();
        assert_eq!(
            err,
            Error::TooManyElements {
                count: 11,
                limit: 10
            }
        );
        assert!(bound(&"<p>x".repeat(10), &limits).is_ok());
    }

    #[test]
    fn element_budget_keeps_text_drops_markup() {
        let limits = Limits::default();
        let n = 200_000;
        let page = format!(
            "<table><tr>{}</tr></table><script>var x;</script>",
            "<td>7</td>".repeat(n)
        );
        let out = bound(&page, &limits).unwrap();
        let html = Html::parse_document(&out);
        let elements = html.tree.nodes().filter(|n| n.value().is_element()).count();
        assert!(
            elements <= ELEMENTS_ALWAYS_KEPT + page.len() / limits.min_bytes_per_element + 8,
            "{elements}"
        );
        assert_eq!(text_of(&html).matches('7').count(), n);
        assert!(!text_of(&html).contains("var x"));
    }

    #[test]
    fn hard_depth_backstop() {
        // With the pre-scan made lax, the backstop still stops the parse.
        let limits = Limits {
            max_depth: usize::MAX,
            hard_depth: 500,
            ..Limits::default()
        };
        let err = parse(&"<div>".repeat(5_000), &limits).unwrap_err();
        assert!(matches!(err, Error::TooDeep { limit: 500, .. }));
    }

    #[test]
    fn work_is_linear_in_nesting() {
        let l = Limits::default();
        let w1 = parse_work(&"<div>".repeat(10_000), &l).unwrap();
        let w2 = parse_work(&"<div>".repeat(20_000), &l).unwrap();
        assert!((w2 as f64) < 2.05 * w1 as f64, "{w1} -> {w2}");
    }

    #[test]
    fn odd_tokens_do_not_panic() {
        for page in [
            "<",
            "</",
            "</>",
            "<!",
            "<!-",
            "<!--",
            "<!-->",
            "<!--->",
            "<!---->",
            "<?",
            "<a",
            "<a ",
            "<a b",
            "<a b=",
            "<a b='",
            "<a b=\"x",
            "<a/",
            "<a/>",
            "</a",
            "</a b='",
            "<script>",
            "<script",
            "</script>",
            "<title></title",
            "<plaintext><div>",
            "<svg><![CDATA[<div>]]>",
            "<\u{0}>",
            "<a\u{0}b>",
            "<é>",
            "<a é=é>",
            "<td><tr><tbody><table>",
        ] {
            let _ = parse(page, &Limits::default()).unwrap();
        }
    }

    /// Tokens of tag soup, chosen to exercise the model: nesting, implied
    /// ends, tables, formatting and adoption, foreign content, raw text.
    const SOUP: &[&str] = &[
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<span>",
        "</span>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<a href=1>",
        "<a href=2>",
        "</a>",
        "<font color=red>",
        "<font>",
        "</font>",
        "<nobr>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<dd>",
        "<dt>",
        "<h2>",
        "</h2>",
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<tbody>",
        "<caption>",
        "<select>",
        "<option>",
        "<svg>",
        "</svg>",
        "<math>",
        "<mi>",
        "<foreignObject>",
        "</foreignObject>",
        "<g>",
        "<g/>",
        "</g>",
        "<desc>",
        "<button>",
        "</button>",
        "<object>",
        "</object>",
        "<template>",
        "</template>",
        "<section/>",
        "<br>",
        "</br>",
        "<img>",
        "<hr>",
        "<x-y>",
        "</x-y>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "text ",
        " ",
        "<form>",
        "</form>",
        "<marquee>",
        "<applet>",
        "<frameset>",
        "<body>",
        "<html>",
        "</body>",
        "<plaintext>",
    ];

    /// The part of [`SOUP`] the model follows exactly: no foreign content,
    /// templates, forms, CDATA or `<plaintext>`.
    fn core(t: &str) -> bool {
        ![
            "svg",
            "math",
            "mi>",
            "foreign",
            "<g",
            "</g",
            "desc",
            "template",
            "form",
            "CDATA",
            "]]>",
            "plaintext",
            "frameset",
            "<title",
            "</title",
        ]
        .iter()
        .any(|x| t.contains(x))
    }

    /// Table shapes the model once followed wrongly (seeds in
    /// `proptest-regressions/guard.txt`): a `<table>` start tag with
    /// elements foster-parented above the open table closes that table;
    /// `</td>` does not close a `<th>`. Either way the model took a later
    /// table tag for a reason to pop what the parser keeps open.
    #[test]
    fn misnested_tables_stay_bounded() {
        let limits = tight_limits();
        let deep = |head: &str, mid: &str| {
            let page = format!("{head}{}{mid}{}", "<div>".repeat(40), "<span>".repeat(40));
            tree_depth(&Html::parse_document(&bound(&page, &limits).unwrap()))
        };
        for (head, mid) in [
            ("<table><x-y><table></table><select>", "<tbody>"),
            ("<table><th></td>", "<table>"),
        ] {
            let depth = deep(head, mid);
            assert!(depth <= 24 + 4 + 8, "depth {depth} on {head}...{mid}");
        }
    }

    /// A `<form>` the guard drops never reaches the parser, so it sets no
    /// form element pointer: the next `<form>` is inserted (seed in
    /// `proptest-regressions/guard.txt`). The model took it as ignored,
    /// then let `</span>` close past it and out of `<math>`, and read the
    /// foreign `<script>` as raw text hiding the markup in it.
    #[test]
    fn dropped_form_sets_no_pointer() {
        let limits = tight_limits();
        let page = format!(
            "{}<span><form><form><math></span><script>{}</script>",
            "<div>".repeat(23),
            "<div>".repeat(40)
        );
        let depth = tree_depth(&Html::parse_document(&bound(&page, &limits).unwrap()));
        assert!(depth <= 24 + 4 + 8, "depth {depth}");
    }

    /// Inside a `<template>` the parser inserts every `<form>`, form
    /// element pointer or not (and sets none): each one nests.
    #[test]
    fn forms_in_a_template_nest() {
        let limits = tight_limits();
        for head in [
            "<template>",
            "<form><template>",
            "<template><form></template>",
        ] {
            let page = format!("{head}{}", "<form>x".repeat(80));
            let depth = tree_depth(&Html::parse_document(&bound(&page, &limits).unwrap()));
            assert!(depth <= 24 + 4 + 8, "depth {depth} on {head}");
        }
    }

    /// Limits tight enough to bite on generated soup, with the
    /// `hard_depth` backstop off so the model alone is tested.
    fn tight_limits() -> Limits {
        Limits {
            max_depth: 24,
            max_formatting: 4,
            hard_depth: usize::MAX,
            ..Limits::default()
        }
    }

    fn soup_depth(toks: &[usize], rep: usize, only_core: bool) -> (usize, String) {
        let mut page = String::new();
        for t in toks.iter().map(|&t| SOUP[t]) {
            if !only_core || core(t) {
                for _ in 0..rep {
                    page.push_str(t);
                }
            }
        }
        let limits = tight_limits();
        let out = bound(&page, &limits).unwrap();
        (tree_depth(&Html::parse_document(&out)), page)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            if cfg!(debug_assertions) { 64 } else { 512 }
        ))]

        /// On ordinary tag soup, the parser's real tree stays within the
        /// bound the model promises (with tight limits, so they bite):
        /// `max_depth + max_formatting` and a few implied elements, up to
        /// twice that on misnested tables.
        #[test]
        fn model_bounds_real_depth(
            toks in proptest::collection::vec(0..SOUP.len(), 0..3000),
            rep in 1usize..8,
        ) {
            let (depth, page) = soup_depth(&toks, rep, true);
            proptest::prop_assert!(depth <= 2 * (24 + 4) + 8, "depth {} on {:?}", depth, page);
        }

        /// The guard drops markup, never text: the characters of the
        /// unguarded parse (whitespace aside) are all still there.
        #[test]
        fn guard_keeps_all_text(
            toks in proptest::collection::vec(0..SOUP.len(), 0..400),
            rep in 1usize..4,
        ) {
            let mut page = String::new();
            // Ordinary markup: CDATA and foreign content mixed with tables
            // and formatting can move text in or out of raw-text elements.
            for (i, t) in toks.iter().map(|&t| SOUP[t]).filter(|t| core(t)).enumerate() {
                for _ in 0..rep {
                    page.push_str(t);
                }
                page.push_str(&format!("w{i} "));
            }
            let limits = Limits {
                max_depth: 24,
                max_formatting: 4,
                ..Limits::default()
            };
            // Text outside elements whose content may be raw text (where
            // dropping an enclosing <svg> changes how it is read).
            const RAWISH: &[&str] = &[
                "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
                "noscript", "plaintext", "template",
            ];
            let chars = |h: &Html| {
                let mut v: Vec<char> = h
                    .tree
                    .nodes()
                    .filter_map(|n| n.value().as_text().map(|t| (n, t)))
                    .filter(|(n, _)| {
                        !n.ancestors().any(|a| {
                            a.value().as_element().is_some_and(|e| {
                                &*e.name.ns == "http://www.w3.org/1999/xhtml"
                                    && RAWISH.contains(&&*e.name.local)
                            })
                        })
                    })
                    .flat_map(|(_, t)| t.chars().collect::<Vec<_>>())
                    .filter(|c| !c.is_whitespace())
                    .collect();
                v.sort_unstable();
                v
            };
            let guarded = Html::parse_document(&bound(&page, &limits).unwrap());
            let raw = Html::parse_document(&page);
            // Every character of the unguarded text is still there (the
            // guarded page may show more: a dropped foreign <script> is
            // text, not raw text, there).
            let (g, r) = (chars(&guarded), chars(&raw));
            let mut gi = g.iter().peekable();
            let lost = r.iter().filter(|c| {
                while gi.next_if(|x| x < c).is_some() {}
                gi.next_if(|x| x == c).is_none()
            }).count();
            proptest::prop_assert!(lost == 0, "{} characters lost on {:?}", lost, page);
        }

        /// With foreign content, templates, CDATA and the like mixed in,
        /// the model is not exact, but where unsure it errs on the deep
        /// side: the tree stays within a small factor of the bound. (The
        /// worst seen is 114 levels, 4.07 times, on the last seed saved in
        /// `proptest-regressions/guard.txt`: nested tables and divs inside
        /// an unclosed comment, `<math>` and CDATA. `hard_depth`, off here,
        /// is what caps the real tree.)
        #[test]
        fn model_bounds_real_depth_within_a_factor(
            toks in proptest::collection::vec(0..SOUP.len(), 0..3000),
            rep in 1usize..8,
        ) {
            let (depth, page) = soup_depth(&toks, rep, false);
            proptest::prop_assert!(depth <= 5 * (24 + 4), "depth {} on {:?}", depth, page);
        }
    }
}
