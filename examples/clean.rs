//! `clean`: extract clean articles from HTML or plain-text files.
//!
//! ```text
//! clean [--format text|markdown|json] [--input auto|html|text] [--out-dir DIR] [--jobs N] PATH...
//! ```
//! A PATH is a file, a directory (every `*.html`, `*.htm`, `*.txt` inside,
//! recursively) or `-` for stdin. Several inputs run in parallel.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use article_extract::{Article, Extractor, Options};
use clap::{Parser, ValueEnum};

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq)]
enum Format {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq)]
enum Input {
    Auto,
    Html,
    Text,
}

/// Extract clean articles from HTML pages or plain-text dumps.
#[derive(Parser, Debug)]
#[command(name = "clean")]
struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// How to read the inputs: sniff, HTML or plain text.
    #[arg(long, value_enum, default_value = "auto")]
    input: Input,
    /// Write DIR/<stem>.<txt|md|json> per input instead of printing.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Files, directories, or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut files = Vec::new();
    let mut failed = false;
    for p in &args.paths {
        if let Err(e) = collect(p, &mut files) {
            eprintln!("clean: {}: {e}", p.display());
            failed = true;
        }
    }
    files.sort();
    files.dedup();
    if let Some(dir) = &args.out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("clean: {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .expect("thread pool");
    let extractor = Extractor::new(Options::default());
    let many = files.len() > 1;
    let progress = Progress::new(files.len());
    // Largest inputs first, one at a time from a shared counter, on every
    // thread of the pool: a big page picked up last would run alone on one
    // core while the others idle. Results keep the input order.
    let mut order: Vec<usize> = (0..files.len()).collect();
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let next = AtomicUsize::new(0);
    let mut results: Vec<Result<Option<String>, String>> = vec![Ok(None); files.len()];
    let done = pool.broadcast(|_| {
        let mut mine = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            mine.push((i, run_one(&extractor, &args, &files[i], many)));
            progress.tick();
        }
        mine
    });
    for (i, r) in done.into_iter().flatten() {
        results[i] = r;
    }
    progress.finish();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (f, r) in files.iter().zip(results) {
        match r {
            Ok(Some(s)) => {
                if out.write_all(s.as_bytes()).is_err() {
                    return ExitCode::FAILURE;
                }
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("clean: {}: {e}", f.display());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Expand a PATH argument into input files.
fn collect(p: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if p.as_os_str() == "-" {
        files.push(p.to_path_buf());
        return Ok(());
    }
    if !p.is_dir() {
        std::fs::metadata(p)?;
        files.push(p.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(p)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if matches!(
            path.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("html" | "htm" | "txt")
        ) {
            files.push(path);
        }
    }
    Ok(())
}

fn run_one(ex: &Extractor, args: &Args, path: &Path, many: bool) -> Result<Option<String>, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::stdin()
            .read_to_end(&mut v)
            .map_err(|e| e.to_string())?;
        v
    } else {
        std::fs::read(path).map_err(|e| e.to_string())?
    };
    let is_html = match args.input {
        Input::Html => true,
        Input::Text => false,
        Input::Auto => looks_like_html(&bytes),
    };
    let article = if is_html {
        ex.extract_html(&bytes)
    } else {
        ex.extract_text(&bom_decode(&bytes))
    }
    .map_err(|e| e.to_string())?;
    for w in &article.warnings {
        eprintln!("clean: {}: warning: {w}", path.display());
    }
    let rendered = render(
        &article,
        args.format,
        (many && args.out_dir.is_none()).then_some(path),
    )?;
    match &args.out_dir {
        Some(dir) => {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("stdin");
            let ext = match args.format {
                Format::Text => "txt",
                Format::Markdown => "md",
                Format::Json => "json",
            };
            std::fs::write(dir.join(format!("{stem}.{ext}")), rendered)
                .map_err(|e| e.to_string())?;
            Ok(None)
        }
        None => Ok(Some(rendered)),
    }
}

fn render(a: &Article, format: Format, path: Option<&Path>) -> Result<String, String> {
    Ok(match format {
        Format::Text => format!("{}\n", a.text()),
        Format::Markdown => a.to_markdown(),
        Format::Json => {
            let mut s = match path {
                Some(p) => {
                    let mut v = serde_json::to_value(a).map_err(|e| e.to_string())?;
                    if let Some(o) = v.as_object_mut() {
                        o.insert("path".into(), p.display().to_string().into());
                    }
                    serde_json::to_string(&v)
                }
                None => serde_json::to_string_pretty(a),
            }
            .map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
    })
}

/// Text of `bytes`: UTF-8, or UTF-16 when a byte-order mark says so (the
/// mark itself dropped); invalid sequences replaced.
fn bom_decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, len)) => enc.decode_without_bom_handling(&bytes[len..]).0,
        None => String::from_utf8_lossy(bytes),
    }
}

/// Markup or plain text? Looks for a tag among the first kilobytes (after
/// a UTF-16 or UTF-8 byte-order mark, if any).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bom_decode(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<div",
        "<p>",
        "<p ",
        "<meta",
        "<title",
        "<article",
    ]
    .iter()
    .any(|t| head.contains(t))
}

/// A progress counter on stderr, shown only for many files on a terminal.
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: total >= 20 && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown && (n % 10 == 0 || n == self.total) {
            let width = 30;
            let filled = width * n / self.total.max(1);
            eprint!(
                "\r[{}{}] {n}/{}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }

    fn finish(&self) {
        if self.shown {
            eprintln!();
        }
    }
}
