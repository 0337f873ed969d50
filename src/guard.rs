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
//! model errs on the deep side where it is unsure, so the parser's real
//! depth stays within `max_depth + max_formatting` plus a few implied
//! elements. Pages within the limits are passed through untouched.
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
/// and checking the depth of the tree between chunks.
pub(crate) fn parse(page: &str, limits: &Limits) -> Result<Html, Error> {
    let page = bound(page, limits)?;
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
    Ok(parser.finish())
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
/// HTML integration point when foreign (`foreignObject`, `mi`, ...).
const INTEGRATION: u32 = 1 << 9;
/// `html`, `head`, `body`, `frameset`: never nested, not modelled.
const ROOT: u32 = 1 << 10;
/// `svg`, `math`: starts foreign content.
const FOREIGN_ROOT: u32 = 1 << 11;
/// `address`, `div`, `p`: do not stop the search for an open `<li>`.
const ADP: u32 = 1 << 12;

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
}

fn classify(n: &[u8]) -> (Kind, u32) {
    use Kind::*;
    const BLOCK: u32 = SPECIAL | CLOSES_P;
    match n {
        b"html" | b"head" | b"body" | b"frameset" => (Other, ROOT | SPECIAL | SCOPE),
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
        | b"figure" | b"footer" | b"form" | b"header" | b"hgroup" | b"main" | b"nav"
        | b"search" | b"section" | b"summary" => (Other, BLOCK),
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => (Heading, BLOCK | BREAKOUT),
        b"li" => (Li, BLOCK | BREAKOUT),
        b"dd" | b"dt" => (DdDt, BLOCK | BREAKOUT),
        b"table" => (Table, SPECIAL | SCOPE | BREAKOUT),
        b"td" | b"th" => (Td, SPECIAL | SCOPE | MARKER),
        b"tr" => (Tr, SPECIAL),
        b"tbody" | b"thead" | b"tfoot" => (TSection, SPECIAL),
        b"caption" => (Other, SPECIAL | SCOPE | MARKER),
        b"colgroup" | b"select" => (Other, SPECIAL),
        b"applet" | b"marquee" | b"object" => (Other, SPECIAL | SCOPE | MARKER),
        b"template" => (Template, SPECIAL | SCOPE | MARKER),
        b"button" => (Button, SPECIAL),
        b"option" | b"optgroup" => (Option, 0),
        b"span" | b"ruby" | b"sub" | b"sup" | b"var" => (Other, BREAKOUT),
        b"svg" | b"math" => (Other, FOREIGN_ROOT),
        b"foreignobject" | b"desc" | b"mi" | b"mo" | b"mn" | b"ms" | b"mtext"
        | b"annotation-xml" => (Other, INTEGRATION),
        _ => (Other, 0),
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
    pops: u64,
    work: u64,
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
            pops: 0,
            work: 0,
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
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.page.len()));
        out.push_str(&self.page[self.copied..a]);
        out.push_str(with);
        self.copied = b;
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
            pos = match b.get(lt + 1) {
                Some(b'!') => {
                    if b[lt + 2..].starts_with(b"--") {
                        comment_end(b, lt + 4)
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
                    Some(c) if c.is_ascii_alphabetic() => self.end_tag(lt),
                    Some(_) => bogus_end(b, lt + 2),
                },
                Some(c) if c.is_ascii_alphabetic() => self.start_tag(lt)?,
                _ => {
                    self.text(lt, lt + 1);
                    lt + 1
                }
            };
        }
        Ok(())
    }

    fn text(&mut self, a: usize, b: usize) {
        if b > a {
            self.reconstruct();
        }
    }

    /// Read a tag whose name starts at `start`; `None` at end of input
    /// (the tokenizer drops a tag cut by the end of the input).
    fn tag(&self, start: usize) -> Option<Tok> {
        let b = self.b;
        let n = b.len();
        let mut i = start;
        while i < n && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name_end = i;
        let mut attrs = 0usize;
        let mut cut = None;
        let mut font_attr = false;
        loop {
            while i < n && is_ws(b[i]) {
                i += 1;
            }
            match b.get(i)? {
                b'>' => {
                    return Some(Tok {
                        name_end,
                        end: i + 1,
                        self_closing: false,
                        cut,
                        font_attr,
                    })
                }
                b'/' => {
                    if b.get(i + 1) == Some(&b'>') {
                        return Some(Tok {
                            name_end,
                            end: i + 2,
                            self_closing: true,
                            cut,
                            font_attr,
                        });
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let an = i;
            i += 1;
            while i < n && !is_ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            attrs += 1;
            if attrs > self.limits.max_attributes {
                cut.get_or_insert(an);
            } else {
                let name = &b[an..i];
                font_attr |= [&b"color"[..], b"face", b"size"]
                    .iter()
                    .any(|a| name.eq_ignore_ascii_case(a));
            }
            while i < n && is_ws(b[i]) {
                i += 1;
            }
            if *b.get(i)? != b'=' {
                continue;
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

    /// Emit the tag `[lt, t.end)`, its attributes cut to the limit.
    fn keep(&mut self, t: &Tok) {
        if let Some(cut) = t.cut {
            self.replace(cut, t.end, if t.self_closing { "/>" } else { ">" });
        }
    }

    fn drop_tag(&mut self, lt: usize, t: &Tok, name: &Name, flags: u32) {
        *self.excess.entry(name.hash).or_insert(0) += 1;
        self.excess_total += 1;
        self.replace(lt, t.end, if flags & SPECIAL != 0 { " " } else { "" });
    }

    fn in_foreign(&self) -> bool {
        matches!(self.stack.last(), Some(e) if e.foreign && e.flags & INTEGRATION == 0)
    }

    fn start_tag(&mut self, lt: usize) -> Result<usize, Error> {
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
        self.work += self.stack.len() as u64 + 1;
        let name = Name {
            hash: name_hash(&self.b[lt + 1..t.name_end]),
            src: Src::Page(lt + 1, t.name_end),
        };
        let (kind, flags) = self.lower_class(lt + 1, t.name_end);
        if flags & ROOT != 0 {
            self.keep(&t);
            return Ok(t.end);
        }
        if self.elements > self.budget && flags & PLAINTEXT == 0 {
            // Over the memory budget: keep the text, drop the markup (and
            // the content of raw-text elements, which is never article).
            if flags & RAW != 0 && self.foreign == 0 {
                let end = self.raw_end(t.end, lt + 1, t.name_end, false);
                self.replace(lt, end, " ");
                return Ok(end);
            }
            if flags & VOID != 0 || t.self_closing {
                self.replace(lt, t.end, " ");
            } else {
                self.drop_tag(lt, &t, &name, SPECIAL);
            }
            return Ok(t.end);
        }
        let breakout = flags & BREAKOUT != 0 || (kind == Kind::Font && t.font_attr);
        let foreign = flags & FOREIGN_ROOT != 0 || (self.in_foreign() && !breakout);
        if foreign {
            if t.self_closing {
                self.keep(&t);
            } else if self.stack.len() >= self.limits.max_depth {
                self.drop_tag(lt, &t, &name, flags);
            } else {
                self.keep(&t);
                self.push(Entry {
                    name,
                    kind: Kind::Other,
                    flags: flags & INTEGRATION,
                    foreign: true,
                    fmt: 0,
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
        if self.in_foreign() {
            while matches!(self.stack.last(), Some(e) if e.foreign && e.flags & INTEGRATION == 0) {
                self.pop();
            }
        }
        if flags & RAW != 0 && self.foreign == 0 {
            self.keep(&t);
            return Ok(self.raw_end(t.end, lt + 1, t.name_end, true));
        }
        if flags & PLAINTEXT != 0 && self.foreign == 0 {
            self.keep(&t);
            return Ok(self.b.len());
        }
        if flags & VOID != 0 {
            self.reconstruct();
            self.keep(&t);
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
        if self.pops == pops && self.stack.len() + need.len() >= self.limits.max_depth + slack {
            self.drop_tag(lt, &t, &name, flags);
            return Ok(t.end);
        }
        self.elements += need.len();
        for &(k, s) in need {
            self.push(Entry {
                name: Name::of_static(s),
                kind: k,
                flags: SPECIAL,
                foreign: false,
                fmt: 0,
            });
        }
        self.keep(&t);
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
        });
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
                    if e.foreign || (e.flags & SPECIAL != 0 && e.flags & ADP == 0) {
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
                            self.stack.remove(si);
                            self.pops += 1;
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
                if matches!(top, Some((Kind::Table | Kind::TSection | Kind::Tr, false))) {
                    if let Some(i) = self.find_table_scope(|e| e.kind == Kind::Table) {
                        self.pop_to(i);
                    }
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
        self.work += self.stack.len() as u64 + 1;
        let name = Name {
            hash: name_hash(&self.b[lt + 2..t.name_end]),
            src: Src::Page(lt + 2, t.name_end),
        };
        let (kind, flags) = self.lower_class(lt + 2, t.name_end);
        let excess = match self.excess_total {
            0 => None,
            _ => self.excess.get_mut(&name.hash).filter(|x| **x > 0),
        };
        if let Some(x) = excess {
            *x -= 1;
            self.excess_total -= 1;
            self.replace(lt, t.end, if flags & SPECIAL != 0 { " " } else { "" });
            return t.end;
        }
        self.keep(&t);
        if flags & ROOT != 0 {
            return t.end;
        }
        // Foreign content: close the nearest foreign element of that name.
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
        if flags & SPECIAL != 0 || kind != Kind::Other {
            let found = match kind {
                Kind::Td | Kind::Tr | Kind::TSection | Kind::Table => {
                    self.find_table_scope(|e| e.kind == kind)
                }
                Kind::Heading => self.find_in_scope(|e| e.kind == Kind::Heading, |_| false),
                Kind::Li => self.find_in_scope(|e| e.kind == Kind::Li, |e| e.kind == Kind::List),
                Kind::P => self.find_in_scope(|e| e.kind == Kind::P, |e| e.kind == Kind::Button),
                _ => {
                    let b = &name;
                    let i = (0..self.stack.len()).rev().find(|&i| {
                        let e = &self.stack[i];
                        e.foreign || e.flags & SCOPE != 0 || self.same(&e.name, b)
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
            if e.foreign || e.flags & SPECIAL != 0 {
                break;
            }
        }
        t.end
    }

    /// Skip the content of a raw-text element named `page[a..e]`, starting
    /// at `from`; return where its end tag ends (or the end of input).
    fn raw_end(&mut self, from: usize, a: usize, e: usize, emit: bool) -> usize {
        let b = self.b;
        let name = &b[a..e];
        let mut i = from;
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
                        if emit {
                            self.keep(&t);
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
            if e.foreign || e.flags & SCOPE != 0 || stop(e) {
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
            if e.foreign || matches!(e.kind, Kind::Table | Kind::Template) {
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
            if e.foreign || e.flags & SCOPE != 0 {
                // Not in scope: the parser ignores the tag.
                return true;
            }
            furthest |= e.flags & SPECIAL != 0;
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
        let html = parse(page, &limits).expect("parse");
        let secs = t.elapsed().as_secs_f64();
        let depth = tree_depth(&html);
        let bound = limits.max_depth + limits.max_formatting + 8;
        assert!(depth <= bound, "depth {depth} > {bound}");
        let mb = page.len() as f64 / 1e6;
        eprintln!("{:>8.3} s/MB  depth {depth:>4}  {:.40}", secs / mb, page);
        // Timing only means something in release builds.
        if !cfg!(debug_assertions) {
            assert!(secs < 0.5 * mb.max(0.2), "{secs:.2}s for {mb:.2} MB");
        }
        html
    }

    fn unchanged(page: &str) {
        assert!(matches!(
            bound(page, &Limits::default()).unwrap(),
            Cow::Borrowed(_)
        ));
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
            "<b>x</b><i>y</i><a href=#>z</a>".repeat(2_000)
        ));
        unchanged(&format!("<svg>{}</svg>", "<path d='M0'/>".repeat(2_000)));
        unchanged(&format!("<script>{}</script>", "<div>".repeat(2_000)));
        unchanged(&format!("<!-- {} -->", "<div>".repeat(2_000)));
        unchanged(&format!("<div title='{}'>x</div>", "<div>".repeat(2_000)));
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
        let page = format!("<div{attrs}>text</div>");
        let html = bounded(&page);
        assert_eq!(text_of(&html), "text");
        let div = html
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element())
            .find(|e| &*e.name.local == "div")
            .unwrap();
        assert_eq!(div.attrs().count(), Limits::default().max_attributes);
    }

    #[test]
    fn raw_text_and_comments_are_not_markup() {
        // Inside a script, tags are text: nothing to bound, nothing dropped.
        let page = format!("<script>{}</script><p>after</p>", "<div>".repeat(5_000));
        assert!(matches!(
            bound(&page, &Limits::default()).unwrap(),
            Cow::Borrowed(_)
        ));
        bounded(&page);
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
            elements <= ELEMENTS_ALWAYS_KEPT + page.len() / 32 + 8,
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
}
