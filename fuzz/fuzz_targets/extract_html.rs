//! `extract_html` on arbitrary bytes: no panic, and the article serialises.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = article_extract::Options::default();
    if let Ok(a) = article_extract::extract_html(data, &opts) {
        let _ = serde_json_free_render(&a);
    }
});

fn serde_json_free_render(a: &article_extract::Article) -> usize {
    a.text().len() + a.to_markdown().len()
}
