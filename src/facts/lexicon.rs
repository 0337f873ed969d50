//! Word tables of the facts stage, as data: number words, scales, months,
//! qualifiers, currencies, units and the category lexicon.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::{Category, Qualifier};

/// FNV-1a: a fast hash for short words.
#[derive(Default)]
pub(crate) struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map keyed by lower-case words (their bytes: a look-up needs no
/// UTF-8 check of the lower-cased copy).
pub(crate) type WordMap<V> = HashMap<&'static [u8], V, BuildHasherDefault<Fnv>>;

/// Longest word looked up in a [`Lex`].
const MAX_KEY: usize = 24;

/// ASCII-lower-case `w` into `buf`; `None` if too long. The bytes are
/// those of `w.to_ascii_lowercase()`.
#[inline]
pub(crate) fn lower<'b>(b: &[u8], buf: &'b mut [u8; MAX_KEY]) -> Option<&'b [u8]> {
    if b.len() > MAX_KEY {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..b.len()])
}

/// A word table compiled to a hash map, looked up case-insensitively, with
/// a shape filter in front (see [`Shapes`]).
pub(crate) struct Lex<T: 'static>(WordMap<T>, Shapes);

/// For each pair of first and last byte class (`a`–`z` in either case,
/// else 26), a bit per key length (< 32) that some key has: most words miss
/// without lower-casing or hashing.
struct Shapes([u32; 27 * 27]);

impl Shapes {
    fn of<T>(m: &WordMap<T>) -> Self {
        let mut s = [0u32; 27 * 27];
        for k in m.keys() {
            if k.len() < 32 {
                s[shape_index(k)] |= 1 << k.len();
            }
        }
        Shapes(s)
    }
    /// False when no key has the first and last letter and the length of `w`.
    #[inline]
    fn may_have(&self, w: &[u8]) -> bool {
        w.len() < 32 && self.0[shape_index(w)] & (1 << w.len()) != 0
    }
}

/// Index of a word in [`Shapes`]: the classes of its first and last byte.
#[inline]
fn shape_index(w: &[u8]) -> usize {
    let class = |c: Option<&u8>| match c {
        Some(&c) if c.is_ascii_alphabetic() => usize::from(c.to_ascii_lowercase() - b'a'),
        _ => 26,
    };
    class(w.first()) * 27 + class(w.last())
}

impl<T: Copy> Lex<T> {
    fn new(rows: &'static [(&'static str, T)]) -> Self {
        Self::from_map(rows.iter().map(|&(w, v)| (w.as_bytes(), v)).collect())
    }
    pub(crate) fn from_map(m: WordMap<T>) -> Self {
        let shapes = Shapes::of(&m);
        Lex(m, shapes)
    }
    pub(crate) fn get(&self, w: &str) -> Option<T> {
        self.get_bytes(w.as_bytes())
    }
    /// [`get`](Self::get) of a word's bytes.
    #[inline]
    pub(crate) fn get_bytes(&self, w: &[u8]) -> Option<T> {
        if !self.1.may_have(w) {
            return None;
        }
        let mut buf = [0u8; MAX_KEY];
        self.0.get(lower(w, &mut buf)?).copied()
    }
    /// A look-up of lower-case `w` without the shape filter.
    #[cfg(test)]
    pub(crate) fn get_unfiltered(&self, w: &[u8]) -> Option<T> {
        self.0.get(w).copied()
    }
    /// The words of the table (lower case).
    #[cfg(test)]
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'static [u8]> + '_ {
        self.0.keys().copied()
    }
}

impl Lex<()> {
    pub(crate) fn set(rows: &'static [&'static str]) -> Self {
        Self::from_map(rows.iter().map(|&w| (w.as_bytes(), ())).collect())
    }
    pub(crate) fn has(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

pub(crate) static NP_STOP_SET: LazyLock<Lex<()>> = LazyLock::new(|| Lex::set(NP_STOP));
pub(crate) static CLAUSE_STOP_SET: LazyLock<Lex<()>> = LazyLock::new(|| Lex::set(CLAUSE_STOP));
pub(crate) static CATEGORY_MAP: LazyLock<Lex<Category>> =
    LazyLock::new(|| Lex::new(CATEGORY_WORDS));
pub(crate) static IDENTIFIER_SET: LazyLock<Lex<()>> = LazyLock::new(|| Lex::set(IDENTIFIER_WORDS));
pub(crate) static YEAR_CUES_SET: LazyLock<Lex<()>> = LazyLock::new(|| Lex::set(YEAR_CUES));
pub(crate) static CHANGE_SET: LazyLock<Lex<()>> = LazyLock::new(|| Lex::set(CHANGE_VERBS));
pub(crate) static LOSS_SET: LazyLock<Lex<()>> = LazyLock::new(|| Lex::set(LOSS_WORDS));

/// Cardinal number words 0–19.
pub(crate) const CARDINALS: &[(&str, u32)] = &[
    ("zero", 0),
    ("nought", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Tens 20–90.
pub(crate) const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words (multipliers) written out.
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// Scale abbreviations glued to digits (`2bn`, `€300m`, `5k`).
/// `m`/`M` is only read as million after a currency (else it is metres).
pub(crate) const SCALE_ABBREV_GLUED: &[(&str, f64)] = &[
    ("k", 1e3),
    ("K", 1e3),
    ("bn", 1e9),
    ("Bn", 1e9),
    ("BN", 1e9),
    ("b", 1e9),
    ("B", 1e9),
    ("mn", 1e6),
    ("mln", 1e6),
    ("tn", 1e12),
    ("trn", 1e12),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Scale abbreviations after a space (`$2 bn`, `8 B people`).
pub(crate) const SCALE_ABBREV_SPACED: &[(&str, f64)] = &[
    ("bn", 1e9),
    ("mn", 1e6),
    ("mln", 1e6),
    ("tn", 1e12),
    ("B", 1e9),
];

/// Ordinal words and their values; their plurals (`fifths`) are fraction
/// denominators.
pub(crate) const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 1e2),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// Plural ordinals, read as fraction denominators (`two fifths`).
pub(crate) const ORDINALS_PLURAL: &[(&str, f64)] = &[
    ("thirds", 3.0),
    ("fourths", 4.0),
    ("fifths", 5.0),
    ("sixths", 6.0),
    ("sevenths", 7.0),
    ("eighths", 8.0),
    ("ninths", 9.0),
    ("tenths", 10.0),
    ("elevenths", 11.0),
    ("twelfths", 12.0),
    ("thirteenths", 13.0),
    ("fourteenths", 14.0),
    ("fifteenths", 15.0),
    ("sixteenths", 16.0),
    ("seventeenths", 17.0),
    ("eighteenths", 18.0),
    ("nineteenths", 19.0),
    ("twentieths", 20.0),
    ("thirtieths", 30.0),
    ("fortieths", 40.0),
    ("fiftieths", 50.0),
    ("sixtieths", 60.0),
    ("seventieths", 70.0),
    ("eightieths", 80.0),
    ("ninetieths", 90.0),
    ("hundredths", 1e2),
    ("thousandths", 1e3),
    ("millionths", 1e6),
    ("billionths", 1e9),
    ("trillionths", 1e12),
];

/// Plural of a whole unit read as "an unknown multiple" (`hundreds of`).
pub(crate) const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("tens", 10.0),
];

/// Month names and abbreviations.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Words before a month name alone that make it a date (`in October`).
pub(crate) const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "early",
    "late",
    "mid",
    "through",
    "from",
    "before",
    "after",
    "of",
    "throughout",
];

/// Weekday names.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Day offsets of relative day words (need a reference date).
pub(crate) const RELATIVE_DAYS: &[(&str, i64)] =
    &[("today", 0), ("tomorrow", 1), ("yesterday", -1)];

/// Ordinal suffixes glued to digits.
pub(crate) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Qualifier phrases read just before a number (longest match wins).
pub(crate) const QUALIFIERS_BEFORE: &[(&str, Qualifier)] = &[
    ("about", Qualifier::Approximately),
    ("around", Qualifier::Approximately),
    ("roughly", Qualifier::Approximately),
    ("some", Qualifier::Approximately),
    ("an estimated", Qualifier::Approximately),
    ("estimated", Qualifier::Approximately),
    ("approximately", Qualifier::Approximately),
    ("approx", Qualifier::Approximately),
    ("circa", Qualifier::Approximately),
    ("~", Qualifier::Approximately),
    ("≈", Qualifier::Approximately),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("greater than or equal to", Qualifier::AtLeast),
    ("more than or equal to", Qualifier::AtLeast),
    ("greater or equal than", Qualifier::AtLeast),
    (">=", Qualifier::AtLeast),
    ("≥", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("higher than", Qualifier::MoreThan),
    ("larger than", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    (">", Qualifier::MoreThan),
    ("up to", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("less than or equal to", Qualifier::AtMost),
    ("smaller or equal than", Qualifier::AtMost),
    ("smaller than or equal to", Qualifier::AtMost),
    ("less or equal than", Qualifier::AtMost),
    ("<=", Qualifier::AtMost),
    ("≤", Qualifier::AtMost),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("just under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("smaller than", Qualifier::LessThan),
    ("lower than", Qualifier::LessThan),
    ("<", Qualifier::LessThan),
];

/// Qualifier phrases read just after a number (`300 or more`).
pub(crate) const QUALIFIERS_AFTER: &[(&str, Qualifier)] = &[
    ("or more", Qualifier::AtLeast),
    ("or greater", Qualifier::AtLeast),
    ("and greater", Qualifier::AtLeast),
    ("and above", Qualifier::AtLeast),
    ("or above", Qualifier::AtLeast),
    ("or so", Qualifier::Approximately),
    ("or less", Qualifier::AtMost),
    ("or fewer", Qualifier::AtMost),
    ("or below", Qualifier::AtMost),
    ("-plus", Qualifier::MoreThan),
    ("plus", Qualifier::MoreThan),
    ("+", Qualifier::MoreThan),
];

/// Currency signs and codes written before the amount (`$`, `US$`, `USD`, `RM`).
pub(crate) const CURRENCY_PREFIX: &[&str] = &[
    "$", "€", "£", "¥", "₹", "₽", "₩", "₺", "₴", "₦", "US$", "US $", "A$", "AU$", "AU $", "C$",
    "CA$", "NZ$", "NZ $", "HK$", "S$", "R$", "Rs", "Rs.", "RM", "USD", "EUR", "GBP", "JPY", "AUD",
    "CAD", "CHF", "CNY", "RMB", "INR", "RUB", "NZD", "HKD", "SGD", "ZAR", "KRW", "MYR", "BRL",
    "MXN", "SEK", "NOK", "DKK", "PLN", "UAH", "NGN", "EGP", "ILS", "IDR", "THB",
];

/// Currency signs, codes and words written after the amount.
pub(crate) const CURRENCY_SUFFIX: &[&str] = &[
    "€",
    "$",
    "£",
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "AUD",
    "CAD",
    "CHF",
    "CNY",
    "RMB",
    "INR",
    "RUB",
    "US dollars",
    "U.S. dollars",
    "Australian dollars",
    "Canadian dollars",
    "New Zealand dollars",
    "Hong Kong dollars",
    "Singapore dollars",
    "dollars",
    "dollar",
    "bucks",
    "euros",
    "euro",
    "pounds sterling",
    "sterling",
    "cents",
    "cent",
    "pence",
    "yen",
    "yuan",
    "renminbi",
    "rupees",
    "rupee",
    "rubles",
    "ruble",
    "roubles",
    "rouble",
    "francs",
    "franc",
    "pesos",
    "peso",
    "shekels",
    "shekel",
    "ringgit",
    "rand",
    "dirhams",
    "dirham",
    "riyals",
    "riyal",
    "naira",
    "baht",
    "lira",
    "liras",
    "kronor",
    "kronur",
    "krona",
    "krone",
    "kroner",
    "zloty",
    "zlotys",
    "hryvnias",
    "hryvnia",
    "hryvnia",
    "won",
    "rupiah",
    "dinars",
    "dinar",
    "sen",
];

/// Units of measure (quantity category), matched after the number.
/// Multi-word units are listed before their first word.
pub(crate) const UNITS: &[&str] = &[
    "square kilometres",
    "square kilometers",
    "square metres",
    "square meters",
    "square miles",
    "square feet",
    "sq km",
    "sq m",
    "sq ft",
    "sq mi",
    "basis points",
    "basis point",
    "percentage points",
    "percentage point",
    "km/h",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "metres",
    "meters",
    "metre",
    "meter",
    "cm",
    "centimetres",
    "centimeters",
    "mm",
    "millimetres",
    "millimeters",
    "μm",
    "µm",
    "nm",
    "miles",
    "mile",
    "mi",
    "ft",
    "feet",
    "foot",
    "inches",
    "inch",
    "yards",
    "yard",
    "kg",
    "kgs",
    "kilograms",
    "kilogram",
    "kilos",
    "grams",
    "gram",
    "mg",
    "milligrams",
    "milligram",
    "mcg",
    "micrograms",
    "tonnes",
    "tonne",
    "tons",
    "ton",
    "lb",
    "lbs",
    "pounds",
    "ounces",
    "ounce",
    "oz",
    "drams",
    "dram",
    "litres",
    "liters",
    "litre",
    "liter",
    "ml",
    "millilitres",
    "milliliters",
    "gallons",
    "gallon",
    "barrels",
    "barrel",
    "bpd",
    "mph",
    "kph",
    "knots",
    "GHz",
    "Ghz",
    "MHz",
    "kHz",
    "Hz",
    "TB",
    "GB",
    "MB",
    "KB",
    "kW",
    "MW",
    "GW",
    "kWh",
    "MWh",
    "GWh",
    "TWh",
    "megawatts",
    "megawatt",
    "gigawatts",
    "gigawatt",
    "kilowatts",
    "kilowatt",
    "watts",
    "watt",
    "volts",
    "volt",
    "hectares",
    "hectare",
    "acres",
    "acre",
    "degrees fahrenheit",
    "degrees celsius",
    "degrees",
    "degree",
    "°C",
    "°F",
    "°",
    "degF",
    "degC",
    "deg",
    "gigapascals",
    "GPa",
    "calories",
    "kcal",
    "year-old",
    "years-old",
    "month-old",
    "week-old",
    "day-old",
    "points",
    "years old",
    "year old",
    "months old",
    "month old",
    "weeks old",
    "days old",
    "metres per second",
    "meters per second",
    "m/s",
    "horsepower",
    "gigabytes",
    "gigabyte",
    "megabytes",
    "megabyte",
    "kilobytes",
    "terabytes",
    "terabyte",
    "bytes",
    "bits",
    "Mbps",
    "mbps",
    "Gbps",
    "kbps",
    "millimetre",
    "millimeter",
    "centimetre",
    "centimeter",
    "pound",
    "celsius",
    "fahrenheit",
    "kelvin",
    "centigrade",
    "cubic metres",
    "cubic meters",
    "cubic feet",
    "light years",
    "light-years",
    "nautical miles",
    "km2",
    "gb",
    "mb",
    "kb",
    "tb",
    "kw",
    "mw",
    "gw",
    "ghz",
    "mhz",
    "khz",
    "hz",
    "kwh",
    "mwh",
    "gwh",
    "twh",
    "hp",
    "bhp",
    "cc",
    "psi",
    "rpm",
    "mAh",
    "KM",
    "Km",
    "Kg",
    "KG",
    "yd",
    "dm",
    "m",
    "g",
    "l",
];

/// Units of time (duration category).
pub(crate) const DURATION_UNITS: &[&str] = &[
    "seconds",
    "second",
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "decades",
    "decade",
    "centuries",
    "century",
];

/// Words before a number that make it an identifier, not a quantity
/// (`Article 4`, `Section 230`, `Flight 370`).
pub(crate) const IDENTIFIER_WORDS: &[&str] = &[
    "article",
    "articles",
    "section",
    "sections",
    "chapter",
    "clause",
    "paragraph",
    "resolution",
    "amendment",
    "rule",
    "title",
    "flight",
    "route",
    "highway",
    "interstate",
    "room",
    "no",
    "nos",
    "number",
    "page",
    "pages",
    "pp",
    "vol",
    "volume",
    "version",
    "model",
    "episode",
    "season",
    "apollo",
    "windows",
    "iphone",
    "galaxy",
    "pixel",
    "ios",
    "android",
    "bus",
    "gate",
    "platform",
    "unit",
    "building",
    "block",
    "lot",
    "suite",
    "apartment",
    "apt",
    "ward",
    "district",
    "precinct",
    "code",
    "stoxx",
    "ftse",
];

/// Category lexicon: a word (lower case) and the category it signals.
/// Event words (`killed`, `fled`) are read in the noun phrase and in a
/// short window of the clause around the number; they beat nouns.
pub(crate) const CATEGORY_WORDS: &[(&str, Category)] = &[
    ("killed", Category::Killed),
    ("died", Category::Killed),
    ("dead", Category::Killed),
    ("deaths", Category::Killed),
    ("fatalities", Category::Killed),
    ("perished", Category::Killed),
    ("slain", Category::Killed),
    ("executed", Category::Killed),
    ("killing", Category::Killed),
    ("toll", Category::Killed),
    ("bodies", Category::Killed),
    ("wounded", Category::Wounded),
    ("injured", Category::Wounded),
    ("injuries", Category::Wounded),
    ("injuring", Category::Wounded),
    ("wounding", Category::Wounded),
    ("hurt", Category::Wounded),
    ("captured", Category::Captured),
    ("prisoners", Category::Captured),
    ("prisoner", Category::Captured),
    ("pows", Category::Captured),
    ("captives", Category::Captured),
    ("hostages", Category::Captured),
    ("surrendered", Category::Captured),
    ("missing", Category::Missing),
    ("unaccounted", Category::Missing),
    ("displaced", Category::Displaced),
    ("refugees", Category::Displaced),
    ("fled", Category::Displaced),
    ("evacuated", Category::Displaced),
    ("evacuees", Category::Displaced),
    ("uprooted", Category::Displaced),
    ("homeless", Category::Displaced),
    ("deployed", Category::Troops),
    ("soldiers", Category::Troops),
    ("soldier", Category::Troops),
    ("troops", Category::Troops),
    ("servicemen", Category::Troops),
    ("servicemembers", Category::Troops),
    ("fighters", Category::Troops),
    ("marines", Category::Troops),
    ("sailors", Category::Troops),
    ("paratroopers", Category::Troops),
    ("mercenaries", Category::Troops),
    ("personnel", Category::Troops),
    ("forces", Category::Troops),
    ("force", Category::Troops),
    ("conscripts", Category::Troops),
    ("reservists", Category::Troops),
    ("recruits", Category::Troops),
    ("militants", Category::Troops),
    ("people", Category::People),
    ("persons", Category::People),
    ("civilians", Category::People),
    ("residents", Category::People),
    ("children", Category::People),
    ("women", Category::People),
    ("men", Category::People),
    ("adults", Category::People),
    ("students", Category::People),
    ("workers", Category::People),
    ("employees", Category::People),
    ("voters", Category::People),
    ("patients", Category::People),
    ("citizens", Category::People),
    ("migrants", Category::People),
    ("inhabitants", Category::People),
    ("protesters", Category::People),
    ("passengers", Category::People),
    ("individuals", Category::People),
    ("villagers", Category::People),
    ("victims", Category::People),
    ("members", Category::People),
    ("users", Category::People),
    ("customers", Category::People),
    ("visitors", Category::People),
    ("families", Category::People),
    ("staff", Category::People),
];

/// Words before a number that signal a loss of the counted people
/// (`lost more than 300 men`): killed, when the noun is troops or people.
pub(crate) const LOSS_WORDS: &[&str] = &["lost", "losing", "lose", "loses"];

/// Words that end a counted noun phrase.
pub(crate) const NP_STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "without",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "after",
    "before",
    "during",
    "since",
    "until",
    "than",
    "as",
    "per",
    "via",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "while",
    "if",
    "then",
    "so",
    "not",
    "no",
    "also",
    "only",
    "just",
    "even",
    "still",
    "yet",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "your",
    "my",
    "them",
    "us",
    "him",
    "me",
    "there",
    "here",
    "each",
    "every",
    "all",
    "both",
    "some",
    "any",
    "more",
    "most",
    "less",
    "fewer",
    "many",
    "much",
    "such",
    "other",
    "another",
    "very",
    "too",
    "again",
    "said",
    "says",
    "say",
    "according",
    "ago",
    "later",
    "earlier",
    "now",
    "up",
    "down",
    "out",
    "off",
    "against",
    "between",
    "among",
    "through",
    "across",
    "around",
    "near",
    "inside",
    "outside",
    "within",
    "last",
    "next",
    "year",
    "years",
    "old",
    "percent",
    "per",
    "cent",
    "lost",
    "sent",
    "told",
    "made",
    "took",
    "gave",
    "got",
    "left",
    "went",
    "came",
    "saw",
    "held",
    "met",
    "paid",
    "won",
    "fell",
    "rose",
    "spent",
    "led",
    "fought",
    "remain",
    "remained",
    "face",
    "faced",
    "need",
    "needed",
    "including",
    "isn",
    "aren",
    "wasn",
    "weren",
    "don",
    "doesn",
    "didn",
    "couldn",
    "shouldn",
    "wouldn",
    "hasn",
    "haven",
    "hadn",
    "found",
    "find",
    "finds",
    "view",
    "views",
    "see",
    "sees",
    "think",
    "thinks",
    "thought",
    "know",
    "knew",
    "want",
    "wants",
    "get",
    "gets",
    "make",
    "makes",
    "take",
    "takes",
    "come",
    "comes",
    "go",
    "goes",
    "use",
    "uses",
    "give",
    "gives",
    "show",
    "shows",
    "believe",
    "live",
    "lives",
    "work",
    "works",
    "seem",
    "seems",
    "become",
    "became",
    "began",
    "begin",
    "feel",
    "felt",
    "keep",
    "kept",
    "run",
    "ran",
    "win",
    "wins",
    "lose",
    "loses",
    "pay",
    "pays",
    "buy",
    "bought",
    "sell",
    "sold",
    "hold",
    "holds",
    "expect",
    "expects",
    "remains",
    "reach",
    "reached",
    "rise",
    "rises",
    "fall",
    "falls",
];

/// Words that end the clause window read for event words.
pub(crate) const CLAUSE_STOP: &[&str] = &[
    "and",
    "but",
    "while",
    "whereas",
    "including",
    "although",
    "though",
    "because",
    "after",
    "before",
    "when",
    "which",
    "who",
];

/// Words before a year that mark it as a year even below 1900 (`in 1066`).
pub(crate) const YEAR_CUES: &[&str] = &[
    "in", "since", "from", "by", "until", "till", "of", "during", "year", "circa", "c", "ad", "bc",
    "between", "before", "after", "early", "late", "mid", "around", "spring", "summer", "autumn",
    "fall", "winter", "end", "through",
];

/// Verbs of change before `from A to B`: a change, not a range.
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "fell",
    "fall",
    "falls",
    "fallen",
    "increased",
    "increase",
    "increases",
    "decreased",
    "decrease",
    "up",
    "down",
    "climbed",
    "grew",
    "grown",
    "dropped",
    "jumped",
    "declined",
    "cut",
    "raised",
    "reduced",
    "went",
    "changed",
    "moved",
    "surged",
    "slipped",
    "soared",
    "plunged",
    "tumbled",
    "gained",
    "lowered",
    "boosted",
    "expanded",
    "shrank",
    "slid",
    "edged",
];

/// Whether `w` is in `list`, ASCII case-insensitively.
pub(crate) fn contains(list: &[&str], w: &str) -> bool {
    list.iter().any(|k| k.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_filter_never_hides_a_key() {
        // The filtered look-up agrees with a plain map look-up on every key,
        // in three casings, cut short, extended, and on words no key has.
        let sets: [&Lex<()>; 7] = [
            &NP_STOP_SET,
            &CLAUSE_STOP_SET,
            &IDENTIFIER_SET,
            &YEAR_CUES_SET,
            &CHANGE_SET,
            &LOSS_SET,
            &Lex::set(&["", "é", "1a", "Mixed"]),
        ];
        for lex in sets {
            let plain = |w: &str| {
                let mut buf = [0u8; MAX_KEY];
                lower(w.as_bytes(), &mut buf).is_some_and(|k| lex.0.contains_key(k))
            };
            let mut words: Vec<String> = vec!["".into(), "x".into(), "ü".into(), "the".into()];
            for k in lex.0.keys() {
                let k = String::from_utf8(k.to_vec()).unwrap();
                words.push(k.to_uppercase());
                let mut short = k.clone();
                short.pop();
                words.push(short);
                words.push(format!("{k}s"));
                words.push(k);
            }
            for w in &words {
                assert_eq!(lex.has(w), plain(w), "{w:?}");
            }
        }
        for &(k, c) in CATEGORY_WORDS {
            assert_eq!(CATEGORY_MAP.get(&k.to_uppercase()), Some(c), "{k}");
        }
    }

    #[test]
    fn lookups_ignore_case() {
        assert_eq!(CATEGORY_MAP.get("Soldiers"), Some(Category::Troops));
        assert!(IDENTIFIER_SET.has("Article"));
        assert!(!IDENTIFIER_SET.has("soldiers"));
        assert!(contains(ORDINAL_SUFFIXES, "TH"));
    }

    #[test]
    fn category_table_has_no_duplicates() {
        for (i, (w, _)) in CATEGORY_WORDS.iter().enumerate() {
            assert!(
                !CATEGORY_WORDS[i + 1..].iter().any(|(x, _)| x == w),
                "duplicate {w}"
            );
        }
    }
}
