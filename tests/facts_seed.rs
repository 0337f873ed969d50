//! The seed page's hand-annotated facts (`fixtures/seed/facts-gold.json`):
//! every required fact found with its value, qualifier and category, and no
//! false alarm (an unmatched troops/killed fact, or a fact on a `not_facts` number).

use article_extract::facts::{self, Value};
use serde_json::Value as J;

fn same_value(g: &J, v: &Value) -> bool {
    match (g, v) {
        (J::Number(n), Value::Number(x)) => (n.as_f64().unwrap_or(f64::NAN) - x).abs() < 1e-9,
        (J::Array(a), Value::Range(lo, hi)) if a.len() == 2 => {
            a[0].as_f64() == Some(*lo) && a[1].as_f64() == Some(*hi)
        }
        (J::String(s), Value::Date(d)) => s.get(..10) == d.get(..10),
        _ => false,
    }
}

#[test]
fn seed_page_facts() {
    let text = std::fs::read_to_string("fixtures/seed/source.txt").unwrap();
    let gold: J =
        serde_json::from_str(&std::fs::read_to_string("fixtures/seed/facts-gold.json").unwrap())
            .unwrap();
    assert_eq!(gold["text"].as_str().unwrap(), text);
    let found = facts::extract(&text);
    for f in &found {
        assert_eq!(f.text, &text[f.start..f.end]);
    }
    let mut used = vec![false; found.len()];
    for g in gold["facts"].as_array().unwrap() {
        let (gs, ge) = (
            g["start"].as_u64().unwrap() as usize,
            g["end"].as_u64().unwrap() as usize,
        );
        let hit = found.iter().enumerate().find(|(j, f)| {
            !used[*j] && f.start <= ge && f.end >= gs && same_value(&g["value"], &f.value)
        });
        let required = g["required"].as_bool().unwrap();
        match hit {
            Some((j, f)) => {
                used[j] = true;
                if required {
                    let q = serde_json::to_value(f.qualifier).unwrap();
                    let c = serde_json::to_value(f.category).unwrap();
                    assert_eq!(q, g["qualifier"], "qualifier of {}", g["text"]);
                    assert_eq!(c, g["category"], "category of {}", g["text"]);
                }
            }
            None => assert!(!required, "missing {}", g["text"]),
        }
    }
    for (j, f) in found.iter().enumerate() {
        let c = serde_json::to_value(f.category).unwrap();
        assert!(
            used[j] || (c != "troops" && c != "killed"),
            "false alarm {f:?}"
        );
        for nf in gold["not_facts"].as_array().unwrap() {
            assert_ne!(
                f.start as u64,
                nf["start"].as_u64().unwrap(),
                "not a fact: {f:?}"
            );
        }
    }
}
