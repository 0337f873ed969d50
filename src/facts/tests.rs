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

#[test]
fn digits_separators_decimals_signs() {
    assert_eq!(vals("It cost 4.5 units"), vec![Value::Number(4.5)]);
    assert_eq!(vals("sold 1\u{2009}200 cars"), vec![Value::Number(1200.0)]);
    assert_eq!(vals("sold 1\u{a0}200 cars"), vec![Value::Number(1200.0)]);
    assert_eq!(vals("1,234,567"), vec![Value::Number(1_234_567.0)]);
    assert_eq!(vals("FTSE fell -0.6% today"), vec![Value::Number(-0.6)]);
    assert_eq!(vals("a .500 record"), vec![Value::Number(0.5)]);
}

#[test]
fn scales() {
    assert_eq!(vals("1.5 million people"), vec![Value::Number(1.5e6)]);
    assert_eq!(vals("a 2bn deal"), vec![Value::Number(2e9)]);
    assert_eq!(vals("3.2 billion"), vec![Value::Number(3.2e9)]);
    assert_eq!(
        vals("tens of thousands of people"),
        vec![Value::Range(1e4, 1e5)]
    );
    let f = one("hundreds of refugees");
    assert_eq!(f.value, Value::Range(100.0, 1000.0));
    assert_eq!(f.category, Category::Displaced);
    assert_eq!(vals("dozens of homes"), vec![Value::Range(24.0, 120.0)]);
}

#[test]
fn number_words() {
    assert_eq!(
        vals("twelve thousand soldiers"),
        vec![Value::Number(12000.0)]
    );
    assert_eq!(
        vals("one hundred and five people"),
        vec![Value::Number(105.0)]
    );
    assert_eq!(vals("a dozen eggs"), vec![Value::Number(12.0)]);
    let third = one("A third of voters");
    assert!(matches!(third.value, Value::Number(v) if (v - 1.0 / 3.0).abs() < 1e-12));
    assert_eq!(vals("half of them"), vec![Value::Number(0.5)]);
    assert_eq!(vals("3/4 of them"), vec![Value::Number(0.75)]);
    assert_eq!(vals("a couple of days"), vec![Value::Number(2.0)]);
    assert!(extract("no one came").is_empty());
    assert!(extract("in the second half")
        .iter()
        .all(|f| f.value != Value::Number(0.5)));
}

#[test]
fn ordinals() {
    let f = one("Russia's 80th Victory Day celebrations");
    assert_eq!(
        (f.value.clone(), f.category),
        (Value::Number(80.0), Category::Ordinal)
    );
    assert_eq!(f.counted.as_deref(), Some("Victory Day celebrations"));
    assert_eq!(one("the first time").category, Category::Ordinal);
    assert_eq!(one("the twenty-third day").value, Value::Number(23.0));
}

#[test]
fn ranges() {
    assert_eq!(
        vals("3,000 to 4,000 people"),
        vec![Value::Range(3000.0, 4000.0)]
    );
    let f = one("between 3,000 and 4,000 people");
    assert_eq!(f.text, "between 3,000 and 4,000");
    assert_eq!(f.value, Value::Range(3000.0, 4000.0));
    assert_eq!(
        vals("3,000-4,000 troops"),
        vec![Value::Range(3000.0, 4000.0)]
    );
    assert_eq!(vals("3-5 people"), vec![Value::Range(3.0, 5.0)]);
    assert_eq!(
        vals("four to five thousand people"),
        vec![Value::Range(4000.0, 5000.0)]
    );
    assert_eq!(
        vals("from $200 to $4 million"),
        vec![Value::Range(200.0, 4e6)]
    );
    // a change, not a range
    assert_eq!(
        vals("sales rose from 5 to 10 units"),
        vec![Value::Number(5.0), Value::Number(10.0)]
    );
}

#[test]
fn years_and_year_ranges() {
    let f = one("During 2016-17, Russia criticized sanctions");
    assert_eq!(
        (f.value.clone(), f.category),
        (Value::Range(2016.0, 2017.0), Category::YearRange)
    );
    assert_eq!(one("in 2016–2017").value, Value::Range(2016.0, 2017.0));
    let f = one("from 2014 to 2017");
    assert_eq!(
        (f.text.as_str(), f.category),
        ("from 2014 to 2017", Category::YearRange)
    );
    assert_eq!(one("in 2014, it").category, Category::Year);
    assert_eq!(one("since 2022 ties").category, Category::Year);
    assert_eq!(one("on Victory Day 2025, marking").category, Category::Year);
    assert_eq!(
        one("the 2024 Comprehensive Treaty").category,
        Category::Year
    );
    assert_eq!(one("in the 1990s").value, Value::Range(1990.0, 1999.0));
    assert_ne!(one("2000 people").category, Category::Year);
}

#[test]
fn dates() {
    let d = |s: &str| one(s).value;
    assert_eq!(d("on May 9, 2025."), Value::Date("2025-05-09".into()));
    assert_eq!(d("on 9 May 2025."), Value::Date("2025-05-09".into()));
    assert_eq!(d("on 2025-05-09."), Value::Date("2025-05-09".into()));
    assert_eq!(d("on May 9."), Value::Date("XXXX-05-09".into()));
    let f = extract("Putin spoke on May 9, 2025. On May 10 he left.");
    assert_eq!(f[1].value, Value::Date("2025-05-10".into()));
    assert!(extract("the soldiers did not march in Moscow").is_empty());
}

#[test]
fn money_percent_quantities() {
    let f = one("a $1.2 billion deal");
    assert_eq!(
        (f.text.as_str(), f.value.clone(), f.category),
        ("$1.2 billion", Value::Number(1.2e9), Category::Money)
    );
    assert_eq!(one("a €300m loan").value, Value::Number(3e8));
    assert_eq!(one("500 million rubles").category, Category::Money);
    assert_eq!(one("USD1,700 an ounce").value, Value::Number(1700.0));
    for s in ["12%", "12 percent", "12 per cent"] {
        let f = one(&format!("rose {s} this"));
        assert_eq!(
            (f.value.clone(), f.category),
            (Value::Number(12.0), Category::Percent),
            "{s}"
        );
    }
    let f = one("about 300 km away");
    assert_eq!(f.category, Category::Quantity);
    assert_eq!(
        (f.text.as_str(), f.counted.as_deref()),
        ("about 300", Some("km"))
    );
    assert_eq!(one("40 tonnes of grain").category, Category::Quantity);
    assert_eq!(one("a 100m sprint").category, Category::Quantity);
    assert_eq!(one("within six weeks").category, Category::Duration);
}

#[test]
fn qualifiers() {
    let q = |s: &str| one(s).qualifier;
    assert_eq!(q("some 300 residents"), Qualifier::Approximately);
    assert_eq!(q("an estimated 300 residents"), Qualifier::Approximately);
    assert_eq!(q("~300 residents"), Qualifier::Approximately);
    assert_eq!(q("almost 300 residents"), Qualifier::Nearly);
    assert_eq!(q("close to 300 residents"), Qualifier::Nearly);
    assert_eq!(q("at least 300 residents"), Qualifier::AtLeast);
    assert_eq!(q("no fewer than 300 residents"), Qualifier::AtLeast);
    assert_eq!(q("upwards of 300 residents"), Qualifier::MoreThan);
    assert_eq!(q("in excess of 300 residents"), Qualifier::MoreThan);
    assert_eq!(q("over 300 residents"), Qualifier::MoreThan);
    assert_eq!(q("up to 300 residents"), Qualifier::AtMost);
    assert_eq!(q("as many as 300 residents"), Qualifier::AtMost);
    assert_eq!(q("fewer than 300 residents"), Qualifier::LessThan);
    assert_eq!(q("under 300 residents"), Qualifier::LessThan);
    assert_eq!(q("300 or more residents"), Qualifier::AtLeast);
    assert_eq!(
        one("more than 30 and less than 40 people").value,
        Value::Range(30.0, 40.0)
    );
}

#[test]
fn categories() {
    let c = |s: &str| one(s).category;
    assert_eq!(c("50 people were injured"), Category::Wounded);
    assert_eq!(c("20 soldiers were taken prisoner"), Category::Captured);
    assert_eq!(c("300 POWs"), Category::Captured);
    assert_eq!(c("2,000 villagers fled"), Category::Displaced);
    assert_eq!(c("12 remain missing"), Category::Missing);
    assert_eq!(c("a crowd of 5,000 people"), Category::People);
    assert_eq!(c("5 apples"), Category::Count);
    let f = extract("the 1,200-strong force lost more than 300 men");
    assert_eq!(f.len(), 2);
    assert_eq!(
        (f[0].qualifier, f[0].category),
        (Qualifier::Exact, Category::Troops)
    );
    assert_eq!(
        (f[1].qualifier, f[1].category),
        (Qualifier::MoreThan, Category::Killed)
    );
}

#[test]
fn never_facts() {
    for s in [
        "the G20 summit",
        "COVID-19 cases",
        "an F-16 jet",
        "a Su-27 fighter",
        "Under Article 4, both",
        "Section 230 protects",
        "call 555-123-4567 now",
        "see https://example.com/2024/05/story-123",
        "won 3-2 at home",
        "at 10:30 today",
        "a 3D printer",
        "as Destiny 2 isn't out",
        "the Stoxx 50 index",
    ] {
        assert!(extract(s).is_empty(), "{s}: {:?}", extract(s));
    }
}

#[test]
fn no_number_twice() {
    let f = extract("between 3,000 and 4,000 people, about 12,000 soldiers and 2016-17");
    for w in f.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn robustness() {
    let big = "9".repeat(10_000);
    let f = extract(&big);
    assert!(f
        .iter()
        .all(|f| matches!(f.value, Value::Number(v) if v.is_finite())));
    let commas = format!("1{}", ",000".repeat(1_000_000));
    let _ = extract(&commas);
    let many = ",".repeat(1_000_000);
    assert!(extract(&many).is_empty());
    assert_eq!(vals("1e308"), vec![Value::Number(1e308)]);
    let _ = extract("1e309 \0\0 12\0 000 \u{0}May\u{0}9");
    let soup = format!("{} troops", "1,000".repeat(1000));
    assert!(extract(&soup).is_empty());
    let endless: String = (0..2000).map(|i| format!("{i} people ")).collect();
    let f = extract(&endless);
    assert_eq!(f.len(), 2000);
    assert!(f.iter().all(|f| f.sentence.is_empty()));
    // Degenerate text: facts are bounded to one per FACT_MIN_BYTES bytes
    // (plus a few per 64 KB chunk), so memory stays linear.
    let words = "one ".repeat(100_000);
    let n = extract(&words).len();
    assert!(
        n > 40_000 && n <= words.len() / super::FACT_MIN_BYTES + 64 * 8,
        "{n}"
    );
}

#[test]
fn last_this_next_with_context() {
    let ctx = Context {
        year: Some(2025),
        today: Some((2025, 5, 9)),
    };
    let got = |s: &str| -> Vec<(String, Value)> {
        extract_with_context(s, &ctx)
            .into_iter()
            .map(|f| (f.text, f.value))
            .collect()
    };
    let n = |t: &str, v: f64| (t.to_string(), Value::Number(v));
    let d = |t: &str, v: &str| (t.to_string(), Value::Date(v.into()));
    assert_eq!(
        got("It rose last year, fell this year and may rise next year."),
        vec![
            n("last year", 2024.0),
            n("this year", 2025.0),
            n("next year", 2026.0)
        ]
    );
    assert_eq!(
        got("Sales fell last month and will rise next week."),
        vec![d("last month", "2025-04"), d("next week", "2025-W20")]
    );
    assert!(got("year after year").is_empty());
}
