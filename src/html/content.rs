//! Choosing the article body: per-node figures in one reverse sweep over the
//! flat list, Readability-style paragraph scores pushed to ancestors, the
//! best candidate refined (shared ancestor of close candidates, climbing to
//! a better parent) and joined with its sibling containers.

use super::dom::{
    Dom, Tag, ALWAYS_OUT, BODY_HINT, BYLINE, EMBED, IN_TABLE_OR_CODE, NOISE, NO_PARENT, UNLIKELY,
};
use super::ContentOptions;

/// Which of the strict rules are on; the cascade relaxes them one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mode {
    /// Drop unlikely candidates (class/id/role/tag hints) before scoring.
    pub strip_unlikely: bool,
    /// Weigh candidates by class/id hints.
    pub weight_classes: bool,
    /// Drop link-heavy and form-like containers inside the chosen content.
    pub clean_conditionally: bool,
}

impl Mode {
    /// The cascade: strictest first.
    pub(crate) const CASCADE: [Mode; 4] = [
        Mode {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        },
        Mode {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
        },
        Mode {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Mode {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
}

/// Figures of one node, summed over its (non-excluded) subtree.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Fig {
    /// Excluded in this mode (itself or an ancestor).
    pub excluded: bool,
    /// Has a block-level child element.
    pub block_child: bool,
    /// Scored as a candidate (some paragraph pushed score to it).
    pub candidate: bool,
    pub text: u32,
    pub link: u32,
    pub commas: u32,
    /// Text of direct text children and inline children.
    pub inline_text: u32,
    pub inline_link: u32,
    pub inline_commas: u32,
    /// Paragraphs (blocks with enough inline text) in the subtree.
    pub paras: u32,
    pub imgs: u32,
    pub inputs: u32,
    /// Links in the subtree.
    pub links: u32,
    /// List items in the subtree.
    pub lis: u32,
    /// List items holding a link.
    pub linked_lis: u32,
    /// Embedded posts (tweets, ...) in the subtree.
    pub embeds: u32,
    /// Text inside headings.
    pub heading_text: u32,
    /// Text inside `ul`/`ol`.
    pub list_text: u32,
    /// Accumulated paragraph score (before tag/class init and link scaling).
    pub score: f32,
}

impl Fig {
    /// Share of the text inside links.
    pub(crate) fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }
}

/// Whether item `i` is dropped with its subtree in `mode`.
fn own_out(dom: &Dom<'_>, i: usize, mode: Mode) -> bool {
    let f = dom.items[i].flags;
    f & ALWAYS_OUT != 0
        || (mode.strip_unlikely && f & IN_TABLE_OR_CODE == 0 && f & (UNLIKELY | NOISE) != 0)
}

/// Compute every node's figures for `mode` in two linear sweeps.
pub(crate) fn figures(dom: &Dom<'_>, mode: Mode, opts: &ContentOptions) -> Vec<Fig> {
    let n = dom.len();
    let mut figs = vec![Fig::default(); n];
    for i in 0..n {
        let p = dom.items[i].parent;
        figs[i].excluded = own_out(dom, i, mode) || (p != NO_PARENT && figs[p as usize].excluded);
    }
    for i in (0..n).rev() {
        let it = &dom.items[i];
        let p = it.parent;
        if figs[i].excluded {
            if it.tag == Tag::Input && p != NO_PARENT && !figs[p as usize].excluded {
                figs[p as usize].inputs += 1;
            }
            continue;
        }
        match it.tag {
            Tag::Text => {
                figs[i].text = it.chars;
                figs[i].commas = it.commas;
            }
            Tag::A => {
                figs[i].link = figs[i].text;
                figs[i].links += 1;
            }
            Tag::Img => figs[i].imgs += 1,
            Tag::Li => {
                figs[i].lis += 1;
                if figs[i].link > 0 {
                    figs[i].linked_lis += 1;
                }
            }
            _ if it.flags & EMBED != 0 => figs[i].embeds += 1,
            Tag::H(_) => figs[i].heading_text = figs[i].text,
            Tag::Ul | Tag::Ol => figs[i].list_text = figs[i].text,
            _ => {}
        }
        let f = figs[i];
        if it.tag.is_block()
            && it.tag != Tag::H(1)
            && f.inline_text as usize >= opts.min_paragraph_chars
        {
            let len = f.inline_text as f32;
            let ld = f.inline_link as f32 / len;
            let s = (1.0 + f.inline_commas as f32 + (len / 100.0).min(3.0)) * (1.0 - ld);
            figs[i].paras += 1;
            let mut a = if f.block_child { i as u32 } else { p };
            let mut level = 0u32;
            while a != NO_PARENT && level < opts.score_ancestors {
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                let fa = &mut figs[a as usize];
                fa.score += s / div;
                fa.candidate = true;
                a = dom.items[a as usize].parent;
                level += 1;
            }
        }
        if p == NO_PARENT {
            continue;
        }
        let f = figs[i];
        let fp = &mut figs[p as usize];
        fp.text += f.text;
        fp.link += f.link;
        fp.commas += f.commas;
        fp.paras += f.paras;
        fp.imgs += f.imgs;
        fp.inputs += f.inputs;
        fp.embeds += f.embeds;
        fp.lis += f.lis;
        fp.links += f.links;
        fp.linked_lis += f.linked_lis;
        fp.heading_text += f.heading_text;
        fp.list_text += f.list_text;
        if it.tag.is_block() {
            fp.block_child = true;
        } else {
            fp.inline_text += f.text;
            fp.inline_link += f.link;
            fp.inline_commas += f.commas;
        }
    }
    figs
}

/// Readability's initial score of a candidate by its tag.
fn tag_init(tag: Tag) -> f32 {
    match tag {
        Tag::Div => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H(_) | Tag::Th => -5.0,
        _ => 0.0,
    }
}

/// Final score of every candidate (0 for non-candidates).
pub(crate) fn final_scores(
    dom: &Dom<'_>,
    figs: &[Fig],
    mode: Mode,
    opts: &ContentOptions,
) -> Vec<f32> {
    dom.items
        .iter()
        .zip(figs)
        .map(|(it, f)| {
            if !f.candidate || f.excluded {
                return 0.0;
            }
            let mut s = f.score + tag_init(it.tag);
            if mode.weight_classes {
                let mut hint = f32::from(it.weight);
                if it.flags & BODY_HINT != 0 {
                    hint += opts.body_hint_bonus;
                }
                if matches!(it.tag, Tag::Article | Tag::Main) {
                    hint += opts.article_tag_bonus;
                }
                // Hints count in full only for elements that hold real text.
                s += hint * (f.score / opts.hint_full_score).min(1.0);
            }
            s * (1.0 - f.link_density())
        })
        .collect()
}

/// Element children of `i` (indices), in order.
pub(crate) fn children<'d>(dom: &'d Dom<'_>, i: usize) -> impl Iterator<Item = usize> + 'd {
    let end = dom.items[i].end as usize;
    let mut j = i + 1;
    std::iter::from_fn(move || {
        if j >= end {
            return None;
        }
        let c = j;
        j = dom.items[j].end as usize;
        Some(c)
    })
}

fn is_ancestor(dom: &Dom<'_>, a: usize, d: usize) -> bool {
    a <= d && d < dom.items[a].end as usize
}

/// The chosen content: subtree roots in document order. Empty when the
/// page has no candidate at all.
pub(crate) fn choose(
    dom: &Dom<'_>,
    figs: &[Fig],
    scores: &[f32],
    opts: &ContentOptions,
) -> Vec<usize> {
    let n = dom.len();
    // Top candidates, best first.
    let mut top: Vec<usize> = Vec::with_capacity(opts.top_candidates + 1);
    for i in 0..n {
        if scores[i] <= 0.0 || !figs[i].candidate {
            continue;
        }
        let pos = top
            .iter()
            .position(|&t| scores[t] < scores[i])
            .unwrap_or(top.len());
        if pos < opts.top_candidates {
            top.insert(pos, i);
            top.truncate(opts.top_candidates);
        }
    }
    let Some(&first) = top.first() else {
        // No paragraph anywhere: the whole body, as Readability does.
        return (0..n)
            .find(|&i| dom.items[i].tag == Tag::Body && !figs[i].excluded)
            .into_iter()
            .collect();
    };
    let parent = |i: usize| -> Option<usize> {
        let p = dom.items[i].parent;
        (p != NO_PARENT
            && dom.items[p as usize].tag != Tag::Body
            && dom.items[p as usize].parent != NO_PARENT)
            .then_some(p as usize)
    };
    let mut best = first;
    if dom.items[best].tag == Tag::Body {
        return vec![best];
    }
    // Several close candidates sharing an ancestor: take the ancestor.
    let close: Vec<usize> = top[1..]
        .iter()
        .copied()
        .filter(|&t| scores[t] / scores[best] >= opts.alt_candidate_ratio)
        .collect();
    if close.len() >= opts.min_alt_candidates {
        let mut a = parent(best);
        while let Some(p) = a {
            let sharing = close.iter().filter(|&&c| is_ancestor(dom, p, c)).count();
            if sharing >= opts.min_alt_candidates {
                best = p;
                break;
            }
            a = parent(p);
        }
    }
    // Climb while the parent scores better.
    let mut last = scores[best];
    let threshold = last / 3.0;
    let mut a = parent(best);
    while let Some(p) = a {
        if !figs[p].candidate {
            a = parent(p);
            continue;
        }
        if scores[p] < threshold {
            break;
        }
        if scores[p] > last {
            best = p;
            break;
        }
        last = scores[p];
        a = parent(p);
    }
    // Climb through parents that hold nothing else.
    while let Some(p) = parent(best) {
        if children(dom, p)
            .filter(|&c| dom.items[c].tag != Tag::Text || dom.items[c].chars > 0)
            .count()
            != 1
        {
            break;
        }
        best = p;
    }
    // Siblings that belong to the story.
    let Some(p) = parent(best).or_else(|| {
        let p = dom.items[best].parent;
        (p != NO_PARENT).then_some(p as usize)
    }) else {
        return vec![best];
    };
    let best_score = scores[best];
    let sib_threshold = opts
        .sibling_min_score
        .max(best_score * opts.sibling_score_ratio);
    let best_class = class_of(dom, best);
    let mut roots = Vec::new();
    for s in children(dom, p) {
        if s == best {
            roots.push(s);
            continue;
        }
        let it = &dom.items[s];
        let f = &figs[s];
        if f.excluded || it.tag == Tag::Text {
            continue;
        }
        let mut bonus = 0.0;
        if best_class.is_some() && class_of(dom, s) == best_class {
            bonus = best_score * opts.sibling_score_ratio;
        }
        if f.candidate && scores[s] + bonus >= sib_threshold {
            roots.push(s);
            continue;
        }
        if it.tag == Tag::P || (it.tag.is_block() && !f.block_child && it.tag == Tag::Div) {
            let len = f.text as usize;
            let ld = f.link_density();
            let long_prose =
                len > opts.sibling_par_min_chars && ld < opts.sibling_par_max_link_density;
            let short_sentence = len > 0
                && len <= opts.sibling_par_min_chars
                && f.link == 0
                && ends_sentence(dom, s);
            if long_prose || short_sentence {
                roots.push(s);
            }
        }
    }
    // Lead paragraphs between the `<h1>` title and the content (a
    // standfirst in the story header, a lede above the body container).
    if let Some(&first_root) = roots.first() {
        if let Some(h1) = (0..first_root)
            .rev()
            .take(opts.lead_window)
            .find(|&i| dom.items[i].tag == Tag::H(1))
        {
            let mut leads = Vec::new();
            let mut i = dom.items[h1].end as usize;
            while i < first_root {
                let it = &dom.items[i];
                if it.tag == Tag::P && is_lead(dom, figs, i, opts) {
                    leads.push(i);
                    i = it.end as usize;
                } else {
                    i += 1;
                }
            }
            if !leads.is_empty() {
                leads.extend(roots);
                roots = leads;
            }
        }
    }
    // Twins: containers of the same tag and class as the best one elsewhere
    // on the page (articles cut into "chunks" by ad slots).
    if let Some(class) = best_class {
        let tag = dom.items[best].tag;
        let mut twins = Vec::new();
        // `roots` is in document order: one cursor keeps the overlap test linear.
        let mut k = 0;
        let mut i = 0;
        while i < n {
            while k < roots.len() && (dom.items[roots[k]].end as usize) <= i {
                k += 1;
            }
            if k < roots.len() && roots[k] <= i {
                // Inside a root already kept.
                i = dom.items[roots[k]].end as usize;
                continue;
            }
            let it = &dom.items[i];
            let holds_root = k < roots.len() && roots[k] < it.end as usize;
            if it.tag == tag
                && !holds_root
                && !figs[i].excluded
                && class_of(dom, i) == Some(class)
                && scores[i] >= sib_threshold
                && figs[i].link_density() < opts.sibling_par_max_link_density
            {
                twins.push(i);
                i = it.end as usize;
                continue;
            }
            i += 1;
        }
        roots.extend(twins);
        roots.sort_unstable();
    }
    roots
}

/// A standfirst-like paragraph: long enough, few links, not a caption,
/// byline or navigation.
fn is_lead(dom: &Dom<'_>, figs: &[Fig], i: usize, opts: &ContentOptions) -> bool {
    let _ = figs;
    // Figures regardless of mode: the story header may be excluded in strict mode.
    let (mut text, mut link) = (0u32, 0u32);
    let mut link_end = 0usize;
    for j in i..dom.items[i].end as usize {
        let it = &dom.items[j];
        if it.tag == Tag::A && j >= link_end {
            link_end = it.end as usize;
        }
        text += it.chars;
        if j < link_end {
            link += it.chars;
        }
    }
    if text as usize <= opts.sibling_par_min_chars
        || link as f32 >= opts.sibling_par_max_link_density * text as f32
    {
        return false;
    }
    let mut a = i as u32;
    for _ in 0..3 {
        if a == NO_PARENT {
            break;
        }
        let it = &dom.items[a as usize];
        if it.flags & (NOISE | BYLINE | ALWAYS_OUT) != 0
            || matches!(it.tag, Tag::Aside | Tag::Footer | Tag::Form | Tag::Li)
        {
            return false;
        }
        a = it.parent;
    }
    true
}

fn class_of<'a>(dom: &Dom<'a>, i: usize) -> Option<&'a str> {
    match dom.items[i].node {
        super::dom::Ref::Element(e) => e.value().attr("class").filter(|c| !c.is_empty()),
        super::dom::Ref::Text(_) => None,
    }
}

/// Whether the text of `i` contains a sentence end (`. ` or a final `.`).
fn ends_sentence(dom: &Dom<'_>, i: usize) -> bool {
    let end = dom.items[i].end as usize;
    let mut last_dot = false;
    for j in i..end {
        if let super::dom::Ref::Text(t) = dom.items[j].node {
            let mut prev_dot = false;
            for c in t.chars() {
                if prev_dot && c == ' ' {
                    return true;
                }
                prev_dot = c == '.';
            }
            if !t.trim().is_empty() {
                last_dot = t.trim_end().ends_with('.');
            }
        }
    }
    last_dot
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn pick(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        let dom = Dom::build(&doc);
        let opts = ContentOptions::default();
        let mode = Mode::CASCADE[0];
        let figs = figures(&dom, mode, &opts);
        let scores = final_scores(&dom, &figs, mode, &opts);
        choose(&dom, &figs, &scores, &opts)
            .into_iter()
            .map(|i| match dom.items[i].node {
                super::super::dom::Ref::Element(e) => {
                    e.value().attr("id").unwrap_or("?").to_string()
                }
                _ => "#text".into(),
            })
            .collect()
    }

    const PARA: &str = "<p>The council approved the budget on Monday, after a long debate that ran late into the night, with twelve votes in favour.</p>";

    #[test]
    fn paragraphs_win_over_navigation() {
        let html = format!(
            "<body><div id=nav><a href=/>Home</a> <a href=/a>World news today</a> <a href=/b>Business and markets</a></div><div id=story>{PARA}{PARA}{PARA}</div></body>"
        );
        assert_eq!(pick(&html), vec!["story"]);
    }

    #[test]
    fn sibling_containers_are_kept() {
        let html = format!(
            "<body><div id=wrap><div id=a class=part>{PARA}{PARA}{PARA}</div><div id=ad class=ad-slot><a href=/x>Buy now</a></div><div id=b class=part>{PARA}{PARA}</div></div></body>"
        );
        let got = pick(&html);
        assert!(
            got.contains(&"a".to_string()) && got.contains(&"b".to_string()),
            "{got:?}"
        );
        assert!(!got.contains(&"ad".to_string()));
    }

    #[test]
    fn link_density_figure() {
        let doc = Html::parse_document("<div id=x><a href=/>abcd</a>efgh</div>");
        let dom = Dom::build(&doc);
        let figs = figures(&dom, Mode::CASCADE[0], &ContentOptions::default());
        let x = (0..dom.len())
            .find(|&i| dom.items[i].tag == Tag::Div)
            .unwrap();
        assert_eq!(figs[x].text, 8);
        assert!((figs[x].link_density() - 0.5).abs() < 1e-6);
    }

    #[test]
    fn unlikely_nodes_are_excluded_in_strict_mode() {
        let doc = Html::parse_document("<div class=sidebar><p>text of the sidebar</p></div>");
        let dom = Dom::build(&doc);
        let figs = figures(&dom, Mode::CASCADE[0], &ContentOptions::default());
        let x = (0..dom.len())
            .find(|&i| dom.items[i].tag == Tag::P)
            .unwrap();
        assert!(figs[x].excluded);
        let figs = figures(&dom, Mode::CASCADE[1], &ContentOptions::default());
        assert!(!figs[x].excluded);
    }

    #[test]
    fn same_class_chunks_elsewhere_are_joined() {
        let html = format!(
            "<body><div id=story><div class=grid><div id=c1 class='chunk body'>{PARA}{PARA}{PARA}</div><div class=rail><a href=/x>Ad</a></div></div><div class=grid><div id=c2 class='chunk body'>{PARA}{PARA}</div><div class=rail></div></div></div></body>"
        );
        let got = pick(&html);
        assert!(
            got.contains(&"c1".to_string()) && got.contains(&"c2".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn hints_count_in_proportion_to_text() {
        // A wrapper named "page" with almost no text of its own must not win.
        let html = format!(
            "<body><div id=page class=page><p>Short teaser text, nothing else here.</p><div><div><div id=body>{PARA}{PARA}{PARA}{PARA}</div></div><div>Aside text</div></div></div></body>"
        );
        assert_ne!(pick(&html)[0], "page");
    }
}
