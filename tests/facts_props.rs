//! Properties of `facts::extract` on arbitrary input: every span is the
//! fact's text, spans are ordered and disjoint, values are finite, no panic.

use article_extract::facts::{self, Value};
use proptest::prelude::*;

fn check(s: &str) {
    let found = facts::extract(s);
    let mut last_end = 0;
    for f in &found {
        assert!(f.start <= f.end && f.end <= s.len());
        assert_eq!(f.text, &s[f.start..f.end]);
        assert!(f.start >= last_end, "overlap in {s:?}");
        last_end = f.end;
        match f.value {
            Value::Number(v) => assert!(v.is_finite()),
            Value::Range(a, b) => assert!(a.is_finite() && b.is_finite()),
            Value::Date(ref d) => assert!(!d.is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_hold_on_any_text(s in "\\PC{0,200}") {
        check(&s);
    }

    #[test]
    fn spans_hold_on_number_soup(parts in proptest::collection::vec(prop_oneof![
        Just("12,000"), Just("about"), Just("-"), Just("–"), Just("to"), Just("between"),
        Just("and"), Just("May"), Just("9"), Just("2025"), Just("$"), Just("€"), Just("%"),
        Just("million"), Just("a"), Just("third"), Just("twenty"), Just("-one"), Just("th"),
        Just(" "), Just(","), Just("."), Just("\u{a0}"), Just("1e308"), Just("\0"), Just("soldiers"),
        Just("killed"), Just("2016-17"), Just("over"), Just("3"), Just("/"), Just("km"), Just("1990s"),
    ], 0..40)) {
        check(&parts.concat());
    }
}
