//! Tests of the whole stage, one group per family of the issue.

use super::*;

fn one(s: &str) -> Fact {
    let f = extract(s);
    assert_eq!(f.len(), 1, "{s}: {f:#?}");
    f.into_iter().next().unwrap()
}

fn vals(s: &str) -> Vec<Value> {
    extract(s).into_iter().map(|f| f.value).collect()
}

#[test]
fn seed_sentence() {
    let s = "According to media reports, about 12,000 North Korean soldiers have been sent, and nearly 4,000 have died.";
    let f = extract(s);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].text, "about 12,000");
    assert_eq!(f[0].qualifier, Qualifier::Approximately);
    assert_eq!(f[0].category, Category::Troops);
    assert_eq!(f[0].counted.as_deref(), Some("North Korean soldiers"));
    assert_eq!(f[1].text, "nearly 4,000");
    assert_eq!(f[1].category, Category::Killed);
    assert_eq!(f[1].qualifier, Qualifier::Nearly);
    assert_eq!(f[1].counted.as_deref(), Some("North Korean soldiers"));
    assert_eq!(f[1].sentence, s);
}
