//! `facts::extract` on arbitrary text: no panic, every span slices the
//! input to the fact's text, and values are finite.
#![no_main]
use article_extract::facts::{self, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for f in facts::extract(&text) {
        assert_eq!(text.get(f.start..f.end), Some(f.text.as_str()), "span of {f:?}");
        match f.value {
            Value::Number(x) => assert!(x.is_finite(), "{f:?}"),
            Value::Range(a, b) => assert!(a.is_finite() && b.is_finite(), "{f:?}"),
            Value::Date(_) => {}
        }
    }
});
