//! Issue 3, "a `SiteProfile` test": learn from several pages of one made-up
//! site, then a line the site repeats on most pages is removed while a line
//! that occurs on only one page is kept; the profile survives a JSON round trip.

use article_extract::{Extractor, Options, SiteProfile};

/// Lines the made-up site prints on every page (neutral wording, so that only
/// the profile, not a generic boilerplate rule, can know they are chrome).
const SITE_LINES: &[&str] = &[
    "The Valley Courier has served the towns of the upper valley since 1952.",
    "Letters to the editor may be edited for length and published in print.",
];

/// Story paragraphs, one list per page; none repeats across pages.
const STORIES: &[&[&str]] = &[
    &[
        "The library on Mill Street will close for three weeks in March while its roof is replaced, the town council said on Tuesday.",
        "Borrowers can return books at the school hall on Church Road, which will open on weekday afternoons during the work.",
    ],
    &[
        "A farmer near Ashby has found the remains of a Roman road while digging a drainage ditch across one of his fields.",
        "Archaeologists from the county museum say the road probably linked two forts and was in use for about two hundred years.",
    ],
    &[
        "The valley's only cinema has been bought by a group of residents who plan to run it as a community business.",
        "They raised the money in six weeks through small donations, most of them under fifty pounds, from more than a thousand people.",
    ],
    &[
        "Bus services between the upper valley and the city will run every half hour from next month after a new contract was signed.",
        "The operator said it would add two electric buses to the route and extend the last evening departure until eleven o'clock.",
    ],
    &[
        "Volunteers planted four hundred trees along the river path on Saturday as part of a scheme to reduce flooding downstream.",
        "The river trust plans a second planting day in the autumn and is looking for landowners willing to offer space.",
    ],
];

/// A line that appears on one page only; it must survive.
const ONE_OFF: &str =
    "Mrs Patel, who has run the school crossing for thirty years, will retire at the end of term.";

/// A plain-text page of the site: site line, a title made from the story's
/// first words, the story, an optional extra line, site line.
fn page(story: &[&str], extra: Option<&str>) -> String {
    let title: String = story[0]
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let mut parts: Vec<&str> = Vec::new();
    parts.push(SITE_LINES[0]);
    parts.push(&title);
    parts.extend_from_slice(story);
    if let Some(e) = extra {
        parts.push(e);
    }
    parts.push(SITE_LINES[1]);
    parts.join("\n\n")
}

/// An extractor that learned every page of the site, each page's article
/// taken from an extractor without a profile (the uncleaned article).
fn learned() -> Extractor {
    let plain = Extractor::new(Options::default());
    let mut ex = Extractor::new(Options::default());
    for (i, story) in STORIES.iter().enumerate() {
        let extra = (i == 2).then_some(ONE_OFF);
        let raw = plain.extract_text(&page(story, extra)).expect("page");
        ex.learn(&raw);
    }
    ex
}

#[test]
fn site_lines_are_dropped_and_one_off_lines_kept() {
    let ex = learned();
    assert_eq!(ex.profile().map(SiteProfile::pages), Some(STORIES.len()));

    // A new page of the same site.
    let story = [
        "The annual cheese fair drew a record crowd to the market square, with stalls from forty farms across the region.",
        "Organisers said next year's fair would move to the showground so that it could stay open for a second day.",
    ];
    let a = ex.extract_text(&page(&story, None)).expect("new page");
    for line in SITE_LINES {
        assert!(
            !a.text().contains(line),
            "site-wide line kept: {line:?}\n{}",
            a.text()
        );
    }
    for p in story {
        assert!(
            a.text().contains(p),
            "story paragraph lost: {p:?}\n{}",
            a.text()
        );
    }

    // The page that carried the one-off line, re-extracted with the profile.
    let again = ex
        .extract_text(&page(STORIES[2], Some(ONE_OFF)))
        .expect("page again");
    assert!(
        again.text().contains(ONE_OFF),
        "one-off line dropped:\n{}",
        again.text()
    );
    for p in STORIES[2] {
        assert!(again.text().contains(p), "story paragraph lost: {p:?}");
    }
}

#[test]
fn a_profile_round_trips_through_json() {
    let ex = learned();
    let profile = ex.profile().expect("profile").clone();
    let json = serde_json::to_string(&profile).expect("serialise");
    let back: SiteProfile = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, profile);
    let ex2 = Extractor::new(Options::default()).with_profile(back);
    let page = page(STORIES[0], None);
    assert_eq!(
        serde_json::to_string(&ex.extract_text(&page).unwrap()).unwrap(),
        serde_json::to_string(&ex2.extract_text(&page).unwrap()).unwrap(),
        "a reloaded profile cleans exactly like the original"
    );
}

#[test]
fn without_a_profile_nothing_site_specific_is_dropped() {
    let ex = Extractor::new(Options::default());
    let a = ex.extract_text(&page(STORIES[1], None)).expect("page");
    for p in STORIES[1] {
        assert!(a.text().contains(p), "story paragraph lost: {p:?}");
    }
}
