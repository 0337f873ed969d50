//! Pages for the benches, read at bench time (the repository stays small).
//!
//! Source, in order of preference:
//! 1. `dev/` (HTML) and `dev-text/` (plain text) of `$ARTICLE_BENCH_DIR` if
//!    set, else of `../shared/eval/articles` beside the repo;
//! 2. the repo's own `fixtures/` (every `*.html` / `*.txt`, recursively);
//! 3. a synthetic news page built here, so `cargo bench -- --test` works on
//!    a clean clone with nothing beside it.
//!
//! `BENCH_PAGES=N` takes N pages (evenly spread over the sorted file list;
//! default 16), `BENCH_PAGES=all` takes every page.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One input page.
pub struct Sample {
    /// File name (or a synthetic name).
    pub name: String,
    /// The page's bytes as stored.
    pub bytes: Vec<u8>,
}

/// Pages of one kind and where they came from.
pub struct Corpus {
    /// Where the pages were read from, for the bench's log line.
    pub origin: String,
    /// The pages.
    pub pages: Vec<Sample>,
}

impl Corpus {
    /// Total bytes of all pages.
    pub fn bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.bytes.len() as u64).sum()
    }
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The repository root (this file is in `benches/common/` of the root crate,
/// or is included by `benches/peers`, whose manifest dir is two levels down).
fn repo_root() -> PathBuf {
    let dir = manifest_dir();
    if dir.join("benches").join("common").is_dir() && dir.join("src").join("lib.rs").is_file() {
        dir
    } else {
        dir.join("..").join("..")
    }
}

fn wanted() -> Option<usize> {
    match std::env::var("BENCH_PAGES") {
        Ok(v) if v == "all" => None,
        Ok(v) => v.parse().ok().or(Some(16)),
        Err(_) => Some(16),
    }
}

fn files_with_ext(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_with_ext(&path, exts, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            out.push(path);
        }
    }
}

fn read_sample(mut files: Vec<PathBuf>) -> Vec<Sample> {
    files.sort();
    let take = wanted().unwrap_or(files.len()).min(files.len());
    let chosen: Vec<&PathBuf> = if take == files.len() {
        files.iter().collect()
    } else {
        // Evenly spread, deterministic.
        (0..take).map(|i| &files[i * files.len() / take]).collect()
    };
    chosen
        .into_iter()
        .filter_map(|p| {
            Some(Sample {
                name: p.file_name()?.to_string_lossy().into_owned(),
                bytes: std::fs::read(p).ok()?,
            })
        })
        .collect()
}

fn load(shared_sub: &str, exts: &[&str], synthetic: fn() -> String) -> Corpus {
    let shared = match std::env::var_os("ARTICLE_BENCH_DIR") {
        Some(d) => PathBuf::from(d),
        None => repo_root()
            .join("..")
            .join("shared")
            .join("eval")
            .join("articles"),
    }
    .join(shared_sub);
    let mut files = Vec::new();
    files_with_ext(&shared, exts, &mut files);
    if !files.is_empty() {
        let pages = read_sample(files);
        return Corpus {
            origin: format!("{} ({} pages)", shared.display(), pages.len()),
            pages,
        };
    }
    let fixtures = repo_root().join("fixtures");
    files_with_ext(&fixtures, exts, &mut files);
    if !files.is_empty() {
        let pages = read_sample(files);
        eprintln!(
            "bench: {} not found; using {} pages of {}",
            shared.display(),
            pages.len(),
            fixtures.display()
        );
        return Corpus {
            origin: format!("{} ({} pages)", fixtures.display(), pages.len()),
            pages,
        };
    }
    eprintln!(
        "bench: neither {} nor {} has pages; using a synthetic page",
        shared.display(),
        fixtures.display()
    );
    Corpus {
        origin: "synthetic page".into(),
        pages: vec![Sample {
            name: "synthetic".into(),
            bytes: synthetic().into_bytes(),
        }],
    }
}

/// HTML pages (`dev/*.html`).
pub fn html_corpus() -> Corpus {
    load("dev", &["html", "htm"], synthetic_html)
}

/// Plain-text pages (`dev-text/*.txt`).
pub fn text_corpus() -> Corpus {
    load("dev-text", &["txt"], synthetic_text)
}

const PARAGRAPH: &str = "About 12,000 people were evacuated on Tuesday as the storm reached \
the coast, officials said, and nearly 300 homes were damaged according to the regional \
government, which opened 14 shelters and asked residents to stay indoors until Thursday.";

/// A news-like page of about 60 KB: navigation, an article with headings,
/// paragraphs, a list and a table, a sidebar of links, a footer.
pub fn synthetic_html() -> String {
    let mut s = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Storm hits coast | Daily News</title>\
         <meta property=\"og:title\" content=\"Storm hits coast\"></head><body>\
         <header><nav><ul>",
    );
    for i in 0..40 {
        s.push_str(&format!(
            "<li><a href=\"/section/{i}\">Section {i}</a></li>"
        ));
    }
    s.push_str("</ul></nav></header><main><article><h1>Storm hits coast</h1>");
    for h in 0..8 {
        s.push_str(&format!("<h2>Part {h}</h2>"));
        for _ in 0..6 {
            s.push_str("<p>");
            s.push_str(PARAGRAPH);
            s.push_str(" <a href=\"/more\">Read more</a>.</p>");
        }
        s.push_str("<ul><li>First point of the list.</li><li>Second point.</li></ul>");
    }
    s.push_str(
        "<table><tr><th>Town</th><th>Homes</th></tr><tr><td>Ayr</td><td>120</td></tr></table>",
    );
    s.push_str("</article><aside><ul>");
    for i in 0..60 {
        s.push_str(&format!(
            "<li><a href=\"/story/{i}\">Related story number {i} of the day</a></li>"
        ));
    }
    s.push_str(
        "</ul></aside></main><footer><p>Copyright 2026 Daily News</p></footer></body></html>",
    );
    s
}

/// A plain-text dump of about 30 KB: menu lines, an article, related links.
pub fn synthetic_text() -> String {
    let mut s = String::new();
    for i in 0..30 {
        s.push_str(&format!("Section {i}\n\n"));
    }
    s.push_str("Storm hits coast\n\n");
    for h in 0..8 {
        s.push_str(&format!("Part {h}\n\n"));
        for _ in 0..6 {
            s.push_str(PARAGRAPH);
            s.push_str("\n\n");
        }
        s.push_str("Advertisement\n\n");
    }
    for i in 0..40 {
        s.push_str(&format!("Related story number {i} of the day\n\n"));
    }
    s
}

/// Pathological inputs that grow with `n`, for the growth group: a stage
/// that is super-linear in one of them shows as falling throughput.
pub mod grow {
    /// `n` nested `<div>`s around a paragraph.
    pub fn nesting(n: usize) -> String {
        let mut s = String::with_capacity(n * 11 + 200);
        s.push_str("<html><body>");
        for _ in 0..n {
            s.push_str("<div>");
        }
        s.push_str("<p>The council approved the budget on Monday after a long debate.</p>");
        for _ in 0..n {
            s.push_str("</div>");
        }
        s.push_str("</body></html>");
        s
    }

    /// `n` nested inline tags (`<b>`, `<i>`, `<span>`) around text, the
    /// adoption-agency-prone shape for HTML parsers.
    pub fn inline_nesting(n: usize) -> String {
        let tags = ["b", "i", "span", "em"];
        let mut s = String::with_capacity(n * 10 + 200);
        s.push_str("<html><body><p>");
        for i in 0..n {
            s.push('<');
            s.push_str(tags[i % tags.len()]);
            s.push('>');
            s.push_str("word ");
        }
        s.push_str("</p></body></html>");
        s
    }

    /// `n` paragraphs of which most repeat one of a few lines (the shape
    /// repeated-block removal meets), HTML.
    pub fn repeated_html(n: usize) -> String {
        let mut s = String::from("<html><body><article>");
        for i in 0..n {
            if i % 3 == 0 {
                s.push_str(&format!(
                    "<p>Paragraph {i}: the council approved the budget after a long debate.</p>"
                ));
            } else {
                s.push_str("<p>Share this article on social media</p>");
            }
        }
        s.push_str("</article></body></html>");
        s
    }

    /// `n` blank-line-separated lines, most of them repeated, plain text.
    pub fn repeated_text(n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i % 3 == 0 {
                s.push_str(&format!(
                    "Paragraph {i}: the council approved the budget after a long debate.\n\n"
                ));
            } else {
                s.push_str("Share this article on social media\n\n");
            }
        }
        s
    }

    /// One paragraph holding `n` links (link-density arithmetic), plus `n`
    /// list items of links.
    pub fn links(n: usize) -> String {
        let mut s = String::from("<html><body><article><p>");
        for i in 0..n {
            s.push_str(&format!("text <a href=\"/l/{i}\">link {i}</a> "));
        }
        s.push_str("</p><ul>");
        for i in 0..n {
            s.push_str(&format!("<li><a href=\"/r/{i}\">related {i}</a></li>"));
        }
        s.push_str("</ul></article></body></html>");
        s
    }

    /// `n` sibling paragraphs of article text (the linear reference).
    pub fn paragraphs(n: usize) -> String {
        let mut s = String::from("<html><body><article>");
        for i in 0..n {
            s.push_str(&format!(
                "<p>Paragraph {i}: about 12,000 people were evacuated on Tuesday, officials said.</p>"
            ));
        }
        s.push_str("</article></body></html>");
        s
    }
}
