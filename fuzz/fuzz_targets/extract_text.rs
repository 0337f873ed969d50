//! `extract_text` on arbitrary text: no panic; the renderers run.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let opts = article_extract::Options::default();
    if let Ok(a) = article_extract::extract_text(&text, &opts) {
        let _ = a.text().len() + a.to_markdown().len();
    }
});
