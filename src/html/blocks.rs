//! The chosen subtrees to blocks: one iterative walk over the flat list
//! with a stack of open elements. Block-level elements end the current
//! block (so `<div>a</div><div>b</div>` never gives `ab`), `<br>` is a line
//! break inside a block (two in a row end the block), inline whitespace is
//! collapsed, tables become one row per line with ` | ` between cells, and
//! `<pre>` is kept verbatim. Inside the chosen content, containers that are
//! not the story (captions, share bars, link lists, forms) are dropped.

use scraper::ElementRef;

use super::content::{Fig, Mode};
use super::dom::{Dom, Ref, Tag, BYLINE, EMBED, IN_TABLE_OR_CODE, NOISE};
use super::headings::heading_level_with;
use crate::article::{Block, BlockKind};
use crate::options::Options;

/// Renders chosen subtrees into blocks.
pub(crate) struct Renderer<'d, 'a> {
    dom: &'d Dom<'a>,
    figs: &'d [Fig],
    scores: &'d [f32],
    mode: Mode,
    options: &'d Options,
    pub out: Vec<Block>,
    buf: String,
    link_bytes: usize,
    /// A space is owed before the next word.
    space: bool,
    link_depth: u32,
    /// Links opened since the last flush.
    block_links: usize,
    /// Open block-level elements (the innermost owns the current text).
    owners: Vec<usize>,
    /// Open elements that give their kind to the blocks inside.
    kinds: Vec<(BlockKind, u8)>,
}

impl<'d, 'a> Renderer<'d, 'a> {
    pub(crate) fn new(
        dom: &'d Dom<'a>,
        figs: &'d [Fig],
        scores: &'d [f32],
        mode: Mode,
        options: &'d Options,
    ) -> Self {
        Renderer {
            dom,
            figs,
            scores,
            mode,
            options,
            out: Vec::new(),
            buf: String::new(),
            link_bytes: 0,
            space: false,
            link_depth: 0,
            block_links: 0,
            owners: Vec::new(),
            kinds: Vec::new(),
        }
    }

    fn element(&self, i: usize) -> Option<ElementRef<'a>> {
        match self.dom.items[i].node {
            Ref::Element(e) => Some(e),
            Ref::Text(_) => None,
        }
    }

    /// Append one text node, collapsing whitespace.
    fn push_text(&mut self, t: &str) {
        let in_link = self.link_depth > 0;
        let mut first = true;
        for word in t.split(char::is_whitespace) {
            if !first {
                self.space = true;
            }
            first = false;
            if word.is_empty() {
                continue;
            }
            let before = self.buf.len();
            if self.space && !self.buf.is_empty() && !self.buf.ends_with('\n') {
                self.buf.push(' ');
            }
            self.buf.push_str(word);
            if in_link {
                self.link_bytes += self.buf.len() - before;
            }
            self.space = false;
        }
    }

    fn line_break(&mut self) {
        while self.buf.ends_with(' ') {
            self.buf.pop();
        }
        if self.buf.ends_with('\n') {
            // Two breaks in a row end the paragraph.
            self.flush();
        } else if !self.buf.is_empty() {
            self.buf.push('\n');
        }
        self.space = false;
    }

    /// End the current block.
    pub(crate) fn flush(&mut self) {
        self.space = false;
        let text = self.buf.trim();
        if text.is_empty() {
            self.buf.clear();
            self.link_bytes = 0;
            self.block_links = 0;
            return;
        }
        let text = text.to_string();
        self.buf.clear();
        let link_bytes = std::mem::take(&mut self.link_bytes).min(text.len());
        let links = std::mem::take(&mut self.block_links);
        let c = &self.options.content;
        if links >= c.link_row_min_links
            && link_bytes as f32 >= c.link_row_min_link_density * text.len() as f32
            && self.kinds.is_empty()
        {
            // A row of links (tags, "read more"), whatever element holds it.
            return;
        }
        let owner = self.owners.last().and_then(|&o| self.element(o));
        let level = owner.and_then(|el| heading_level_with(el, &text, &self.options.sections));
        let mut block = match (level, self.kinds.last()) {
            (Some(l), _) => Block::heading(l, text),
            (None, Some(&(BlockKind::Heading, l))) => Block::heading(l, text),
            (None, Some(&(kind, _))) => Block::new(kind, text),
            (None, None) => Block::new(BlockKind::Paragraph, text),
        };
        block.link_bytes = link_bytes;
        self.out.push(block);
    }

    /// Render the subtree rooted at `root`.
    pub(crate) fn render(&mut self, root: usize) {
        let items = &self.dom.items;
        let end = items[root].end as usize;
        // Open elements: (index, end).
        let mut open: Vec<(usize, usize)> = Vec::new();
        let mut i = root;
        while i < end {
            while let Some(&(o, oe)) = open.last() {
                if i < oe {
                    break;
                }
                open.pop();
                self.exit(o);
            }
            let it = &items[i];
            match it.node {
                Ref::Text(t) => {
                    self.push_text(t);
                    i += 1;
                    continue;
                }
                Ref::Element(_) => {}
            }
            if i != root && self.drop(i) {
                if it.tag.is_block() {
                    self.flush();
                } else {
                    self.space = true;
                }
                i = it.end as usize;
                continue;
            }
            match it.tag {
                Tag::Header if self.options.content.drop_headers => {
                    self.flush();
                    self.header(i);
                    i = it.end as usize;
                    continue;
                }
                Tag::Br => {
                    self.line_break();
                    i = it.end as usize;
                    continue;
                }
                Tag::Pre => {
                    self.flush();
                    if self.options.keep_code {
                        self.pre(i);
                    }
                    i = it.end as usize;
                    continue;
                }
                Tag::Table if !self.is_layout_table(i) => {
                    self.flush();
                    if self.options.keep_tables {
                        self.table(i);
                    }
                    i = it.end as usize;
                    continue;
                }
                Tag::Li if !self.options.keep_lists => {
                    self.flush();
                    i = it.end as usize;
                    continue;
                }
                Tag::Blockquote if !self.options.keep_quotes => {
                    self.flush();
                    i = it.end as usize;
                    continue;
                }
                _ => {}
            }
            self.enter(i);
            open.push((i, it.end as usize));
            i += 1;
        }
        while let Some((o, _)) = open.pop() {
            self.exit(o);
        }
        self.flush();
    }

    fn enter(&mut self, i: usize) {
        let tag = self.dom.items[i].tag;
        if tag.is_block() {
            self.flush();
            self.owners.push(i);
            match tag {
                Tag::Li | Tag::Dd | Tag::Dt => self.kinds.push((BlockKind::ListItem, 0)),
                Tag::Blockquote => self.kinds.push((BlockKind::Quote, 0)),
                Tag::H(l) => self.kinds.push((BlockKind::Heading, l)),
                _ => {}
            }
        } else if tag == Tag::A {
            self.link_depth += 1;
            self.block_links += 1;
        }
    }

    fn exit(&mut self, i: usize) {
        let tag = self.dom.items[i].tag;
        if tag.is_block() {
            self.flush();
            self.owners.pop();
            if matches!(
                tag,
                Tag::Li | Tag::Dd | Tag::Dt | Tag::Blockquote | Tag::H(_)
            ) {
                self.kinds.pop();
            }
        } else if tag == Tag::A {
            self.link_depth = self.link_depth.saturating_sub(1);
        }
    }

    /// Whether element `i` (inside the chosen content) is dropped with its subtree.
    fn drop(&self, i: usize) -> bool {
        let it = &self.dom.items[i];
        let f = &self.figs[i];
        let c = &self.options.content;
        if f.excluded {
            return true;
        }
        if it.flags & (IN_TABLE_OR_CODE | EMBED) != 0 || f.embeds > 0 {
            return false;
        }
        if it.flags & NOISE != 0 {
            return true;
        }
        if it.flags & BYLINE != 0 && (f.text as usize) < c.byline_max_chars {
            // Not when it sits inside running text ("by <span>Ann</span> on Monday").
            let p = it.parent as usize;
            let in_running_text = it.parent != super::dom::NO_PARENT
                && !it.tag.is_block()
                && !self.figs[p].block_child;
            if !in_running_text {
                return true;
            }
        }
        // A run of links set as a paragraph (tag lists, "read more" rows).
        if it.tag.is_block()
            && f.links as usize >= c.link_row_min_links
            && f.link_density() >= c.link_row_min_link_density
        {
            return true;
        }
        if !self.mode.clean_conditionally
            || !matches!(
                it.tag,
                Tag::Div
                    | Tag::Section
                    | Tag::Ul
                    | Tag::Ol
                    | Tag::Dl
                    | Tag::Form
                    | Tag::Aside
                    | Tag::Figure
                    | Tag::Header
                    | Tag::Footer
                    | Tag::Table
            )
        {
            return false;
        }
        let weight = if self.mode.weight_classes {
            f32::from(it.weight)
        } else {
            0.0
        };
        let prose = f.paras > 0
            && f.text as usize > c.sibling_par_min_chars
            && f.link_density() < c.prose_max_link_density;
        if weight + self.scores[i] < 0.0 && !prose {
            return true;
        }
        if f.commas as usize >= c.clean_max_commas {
            return false;
        }
        let ld = f.link_density();
        let text = f.text as usize;
        let is_list = matches!(it.tag, Tag::Ul | Tag::Ol)
            || (text > 0 && f.list_text as f32 > c.list_text_share * text as f32);
        if is_list {
            // Every item a link: a list of other stories.
            let all_linked = f.lis >= 2 && f.linked_lis == f.lis;
            return ld > c.list_max_link_density
                || (all_linked && ld > c.linked_list_max_link_density);
        }
        if it.tag == Tag::Table {
            return ld > c.list_max_link_density;
        }
        let heading_density = if text == 0 {
            0.0
        } else {
            f.heading_text as f32 / text as f32
        };
        (f.imgs > 1 && (f.paras as f32) / (f.imgs as f32) < 0.5)
            || f.inputs > f.paras / 3
            || (heading_density < 0.9 && text < c.min_paragraph_chars && f.imgs <= 2 && ld > 0.0)
            // A wrapper of a single paragraph is judged as that paragraph.
            || (weight < 25.0 && f.paras > 1 && ld > c.clean_link_density)
            || (weight < 25.0 && f.paras <= 1 && ld > c.clean_link_density_hinted)
            || (weight >= 25.0 && ld > c.clean_link_density_hinted)
    }

    /// A `<header>` inside the content: keep its `<h1>` title and its
    /// standfirst paragraphs; drop kickers, bylines, dates and share bars.
    fn header(&mut self, i: usize) {
        let items = &self.dom.items;
        let end = items[i].end as usize;
        // A title header (with the `<h1>`) keeps only the title and the
        // standfirst; a section header keeps its headings too.
        let title_header = (i + 1..end).any(|j| items[j].tag == Tag::H(1));
        let mut j = i + 1;
        while j < end {
            let it = &items[j];
            let keep = match it.tag {
                Tag::H(1) => true,
                Tag::H(_) => !title_header,
                Tag::P => {
                    it.flags & (BYLINE | NOISE) == 0
                        && self.figs[j].text as usize >= self.options.content.sibling_par_min_chars
                }
                _ => false,
            };
            if keep && !self.figs[j].excluded {
                let saved_owners = std::mem::take(&mut self.owners);
                let saved_kinds = std::mem::take(&mut self.kinds);
                self.render(j);
                self.owners = saved_owners;
                self.kinds = saved_kinds;
                j = it.end as usize;
            } else if self.figs[j].excluded {
                j = it.end as usize;
            } else {
                j += 1;
            }
        }
    }

    /// A table is layout (rendered as containers) when it nests tables or
    /// holds long cells.
    fn is_layout_table(&self, i: usize) -> bool {
        let items = &self.dom.items;
        if self
            .element(i)
            .and_then(|e| e.value().attr("role"))
            .is_some_and(|r| r.eq_ignore_ascii_case("presentation"))
        {
            return true;
        }
        (i + 1..items[i].end as usize).any(|j| match items[j].tag {
            Tag::Table => true,
            Tag::Td | Tag::Th => {
                self.figs[j].text as usize > self.options.content.layout_cell_chars
            }
            _ => false,
        })
    }

    /// A `<pre>`: its text verbatim.
    fn pre(&mut self, i: usize) {
        let items = &self.dom.items;
        let mut s = String::new();
        for it in &items[i + 1..items[i].end as usize] {
            match it.node {
                Ref::Text(t) => s.push_str(t),
                Ref::Element(_) if it.tag == Tag::Br => s.push('\n'),
                _ => {}
            }
        }
        let s = s.trim_matches('\n').trim_end();
        if !s.trim().is_empty() {
            self.out.push(Block::new(BlockKind::Code, s));
        }
    }

    /// A data table: one row per line, cells joined by ` | `.
    fn table(&mut self, i: usize) {
        let items = &self.dom.items;
        let mut rows: Vec<String> = Vec::new();
        let mut row: Vec<String> = Vec::new();
        let mut cell: Option<String> = None;
        let mut link_bytes = 0;
        // End of the link being read, if any.
        let mut link_end = 0usize;
        let mut j = i + 1;
        let end = items[i].end as usize;
        let finish_cell = |cell: &mut Option<String>, row: &mut Vec<String>| {
            if let Some(c) = cell.take() {
                row.push(c.trim().to_string());
            }
        };
        while j < end {
            let it = &items[j];
            if self.figs[j].excluded {
                j = it.end as usize;
                continue;
            }
            if it.tag == Tag::A && j >= link_end {
                link_end = it.end as usize;
            }
            match it.tag {
                Tag::Tr => {
                    finish_cell(&mut cell, &mut row);
                    if row.iter().any(|c| !c.is_empty()) {
                        rows.push(row.join(" | "));
                    }
                    row.clear();
                }
                Tag::Td | Tag::Th => {
                    finish_cell(&mut cell, &mut row);
                    cell = Some(String::new());
                }
                Tag::Text => {
                    if let (Some(c), Ref::Text(t)) = (cell.as_mut(), it.node) {
                        let in_link = j < link_end;
                        for w in t.split_whitespace() {
                            if !c.is_empty() {
                                c.push(' ');
                            }
                            c.push_str(w);
                            if in_link {
                                link_bytes += w.len() + 1;
                            }
                        }
                    }
                }
                _ => {}
            }
            j += 1;
        }
        finish_cell(&mut cell, &mut row);
        if row.iter().any(|c| !c.is_empty()) {
            rows.push(row.join(" | "));
        }
        if !rows.is_empty() {
            let text = rows.join("\n");
            let mut b = Block::new(BlockKind::Table, text);
            b.link_bytes = link_bytes.min(b.text.len());
            self.out.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    /// Render the whole body with the strict mode.
    fn blocks(html: &str, options: &Options) -> Vec<Block> {
        let doc = Html::parse_document(html);
        let dom = Dom::build(&doc);
        let mode = Mode::CASCADE[0];
        let figs = super::super::content::figures(&dom, mode, &options.content);
        let scores = super::super::content::final_scores(&dom, &figs, mode, &options.content);
        let body = (0..dom.len())
            .find(|&i| dom.items[i].tag == Tag::Body)
            .unwrap();
        let mut r = Renderer::new(&dom, &figs, &scores, mode, options);
        r.render(body);
        r.out
    }

    fn texts(html: &str) -> Vec<String> {
        blocks(html, &Options::default())
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn no_glued_words_across_blocks() {
        assert_eq!(texts("<div>a</div><div>b</div>"), vec!["a", "b"]);
        assert_eq!(texts("<span>x<div>a</div>b</span>"), vec!["x", "a", "b"]);
        assert_eq!(texts("<p>one <b>two</b>three</p>"), vec!["one twothree"]);
    }

    #[test]
    fn br_is_a_line_break_and_two_end_the_block() {
        assert_eq!(texts("<div>a<br>b<br><br>c</div>"), vec!["a\nb", "c"]);
        assert_eq!(texts("<p>a <br> b</p>"), vec!["a\nb"]);
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(texts("<p>  a \n\t b  </p>"), vec!["a b"]);
    }

    #[test]
    fn kinds_and_levels() {
        let b = blocks(
            "<h2>Sub</h2><p>Par</p><ul><li>One</li><li><p>Two</p></li></ul><blockquote>Q</blockquote><pre>  x\n  y</pre>",
            &Options::default(),
        );
        let got: Vec<_> = b
            .iter()
            .map(|b| (b.kind, b.level, b.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading, 2, "Sub"),
                (BlockKind::Paragraph, 0, "Par"),
                (BlockKind::ListItem, 0, "One"),
                (BlockKind::ListItem, 0, "Two"),
                (BlockKind::Quote, 0, "Q"),
                (BlockKind::Code, 0, "  x\n  y"),
            ]
        );
    }

    #[test]
    fn lists_follow_the_option() {
        let o = Options {
            keep_lists: false,
            ..Options::default()
        };
        let b = blocks("<p>Par</p><ul><li>One</li></ul>", &o);
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn data_tables_are_rows_of_cells() {
        let b = blocks(
            "<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ann</td><td>12</td></tr></table>",
            &Options::default(),
        );
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].kind, BlockKind::Table);
        assert_eq!(b[0].text, "Name | Votes\nAnn | 12");
    }

    #[test]
    fn table_link_bytes_are_counted() {
        let b = blocks(
            "<table><tr><td><a href=/a>Ann</a></td><td>12 votes in the first round</td></tr></table>",
            &Options::default(),
        );
        assert_eq!(b[0].text, "Ann | 12 votes in the first round");
        assert_eq!(b[0].link_bytes, "Ann ".len());
    }

    #[test]
    fn link_bytes_are_counted() {
        let b = blocks("<p>read <a href=/x>this story</a></p>", &Options::default());
        assert_eq!(b[0].text, "read this story");
        assert_eq!(b[0].link_bytes, " this story".len());
    }

    #[test]
    fn captions_and_share_bars_are_dropped() {
        let t = texts(
            "<p>Story text.</p><figure><img src=x><figcaption>A caption</figcaption></figure><div class='share-buttons'>Share</div>",
        );
        assert_eq!(t, vec!["Story text."]);
    }

    #[test]
    fn deep_nesting_renders_without_overflow() {
        let doc = super::super::dom::tests::nested_divs(100_000, "deep");
        let dom = Dom::build(&doc);
        let options = Options::default();
        let mode = Mode::CASCADE[3];
        let figs = super::super::content::figures(&dom, mode, &options.content);
        let scores = super::super::content::final_scores(&dom, &figs, mode, &options.content);
        let mut r = Renderer::new(&dom, &figs, &scores, mode, &options);
        r.render(0);
        assert_eq!(r.out.len(), 1);
        assert_eq!(r.out[0].text, "deep");
    }

    #[test]
    fn header_keeps_title_and_standfirst_only() {
        let standfirst = "A standfirst that sums up the story in one long sentence, as many news sites like to do.";
        let b = blocks(
            &format!("<article><header><span class=kicker>World</span><h1>Title</h1><p class=dek>{standfirst}</p><div class=byline>By Ann Lee</div></header><p>Body.</p></article>"),
            &Options::default(),
        );
        let got: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(got, vec!["Title", standfirst, "Body."]);
        assert_eq!((b[0].kind, b[0].level), (BlockKind::Heading, 1));
    }

    #[test]
    fn section_header_keeps_its_heading() {
        let b = blocks(
            "<section><header><h2>Background</h2><span class=date>Today</span></header><p>Body.</p></section>",
            &Options::default(),
        );
        let got: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading, "Background"),
                (BlockKind::Paragraph, "Body.")
            ]
        );
    }

    #[test]
    fn single_paragraph_wrapper_with_a_link_is_kept() {
        let t = texts(
            "<div class=card><p>The discovery was announced in an article published Monday in the <a href=/n>journal Nature Astronomy</a>.</p></div>",
        );
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn link_list_box_is_dropped() {
        let t = texts(
            "<p>Story.</p><div class=box><p><a href=/1>One related story</a></p><p><a href=/2>Another related story</a></p></div>",
        );
        assert_eq!(t, vec!["Story."]);
    }

    #[test]
    fn list_of_linked_stories_is_dropped_but_not_a_plain_list() {
        let t = texts(
            "<p>Story.</p><ul><li>The strange life and <a href=/1>mysterious death of a coder</a></li><li>How a company <a href=/2>gets the law backward</a></li></ul><ul><li>Plain item one</li><li>Plain item two</li></ul>",
        );
        assert_eq!(t, vec!["Story.", "Plain item one", "Plain item two"]);
    }

    #[test]
    fn paragraph_of_links_is_dropped() {
        let t = texts(
            "<p>Story text, long enough.</p><p>Tags<br><a href=/1>stock car 2018</a>, <a href=/2>stock car brasil</a>, <a href=/3>stock car cascavel</a></p>",
        );
        assert_eq!(t, vec!["Story text, long enough."]);
    }

    #[test]
    fn inline_run_of_links_is_dropped() {
        let t = texts(
            "<div><p>Story text, long enough to outweigh the links below, with a second clause.</p><p>Story text, long enough to outweigh the links below, with a second clause.</p><p>Story text, long enough to outweigh the links below, with a second clause.</p><strong>Tags<br><a href=/1>stock car 2018</a>, <a href=/2>stock car brasil</a>, <a href=/3>stock car cascavel</a></strong></div>",
        );
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t.iter().all(|t| t.starts_with("Story")));
    }

    #[test]
    fn embedded_tweet_is_kept() {
        let t = texts(
            "<div class='social-media-embed'><blockquote class=twitter-tweet><p>Yes this is real: <a href=https://t.co/x>https://t.co/x</a></p>— Someone <a href=/s>November 18, 2019</a></blockquote></div>",
        );
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].starts_with("Yes this is real"));
    }

    #[test]
    fn byline_alone_is_dropped_but_not_inside_a_sentence() {
        let t = texts(
            "<div><span class=byline>By Ann Lee</span><p>Written <span class=author>by Ann</span> on Monday.</p></div>",
        );
        assert_eq!(t, vec!["Written by Ann on Monday."]);
    }
}
