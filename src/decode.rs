//! Bytes to text: BOM, caller hint, declared charset, UTF-8, detection.
//!
//! Order of precedence (first that applies wins):
//!
//! 1. A byte order mark (UTF-8, UTF-16LE, UTF-16BE): it cannot lie.
//! 2. The caller's hint ([`Options::encoding`](crate::Options::encoding)), a
//!    WHATWG label. It usually comes from the HTTP `Content-Type` header, which
//!    per the HTML spec beats anything the page says about itself.
//! 3. A charset the page declares: an XML declaration's `encoding`, then
//!    `<meta charset>` or `<meta http-equiv="content-type" content="...;
//!    charset=...">`, found by a WHATWG-style byte prescan of the head (up to
//!    [`PRESCAN_BYTES`], stopping at `<body`). As the spec says, a UTF-16
//!    label there means UTF-8 and `x-user-defined` means windows-1252.
//! 4. No declaration: UTF-8 when the bytes are valid UTF-8 (or nearly so: a
//!    few damaged sequences among many good ones), UTF-16 when the bytes show
//!    the interleaved NULs of UTF-16 text, else Mozilla's `chardetng` guess
//!    (windows-1252 for Western text, windows-1251, Shift_JIS, GBK, ...).
//!
//! Two sanity checks correct a declaration (hint or page) that is plainly
//! wrong: bytes that are *valid* UTF-8 with non-ASCII characters are decoded
//! as UTF-8 even when a legacy single-byte or multi-byte encoding is declared
//! (real legacy text is essentially never valid UTF-8), and bytes declared
//! UTF-8 that hold not one valid multi-byte sequence but some invalid bytes
//! go to the detector. Otherwise a lying UTF-8 declaration decodes with
//! U+FFFD for the bad bytes. A label naming the `replacement` encoding
//! (ISO-2022-KR, HZ-GB-2312, ...) is ignored rather than turning the page into
//! one U+FFFD.
//!
//! Everything is linear in the input: one UTF-8 validation pass, a bounded
//! prescan, a bounded detector feed and one decoding pass. Never panics.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

use crate::error::Error;

/// Bytes at the start of a page searched for a declared charset. The WHATWG
/// prescan reads 1024; real pages often put `<meta charset>` after long
/// inline styles and scripts (tens of KB in), so look further. The prescan
/// also stops at the first `<body`.
pub(crate) const PRESCAN_BYTES: usize = 128 * 1024;

/// Most bytes fed to the statistical detector when nothing is declared
/// (only words with non-ASCII bytes are fed).
pub(crate) const DETECT_BYTES: usize = 64 * 1024;

/// Longest stretch around a non-ASCII byte taken as one word for detection.
pub(crate) const WORD_MAX_BYTES: usize = 64;

/// Undeclared bytes that are not valid UTF-8 are still decoded as UTF-8
/// when they hold at least this many valid multi-byte sequences ...
pub(crate) const DAMAGED_UTF8_MIN_MULTIBYTE: usize = 4;

/// ... and at most one invalid sequence per this many valid ones.
pub(crate) const DAMAGED_UTF8_VALID_PER_INVALID: usize = 4;

/// The UTF-8 survey stops after this many invalid sequences when they
/// already outnumber the valid ones beyond the damaged-UTF-8 ratio.
pub(crate) const SURVEY_STOP_INVALID: usize = 256;

/// Bytes at the start looked at for the NUL pattern of BOM-less UTF-16.
pub(crate) const UTF16_SNIFF_BYTES: usize = 1024;

/// Decode `bytes` to text; see the module documentation for the order of
/// precedence. Malformed sequences become U+FFFD. Borrows when the bytes are
/// valid UTF-8 decoded as UTF-8.
///
/// Errors only when `hint` is not a known WHATWG encoding label.
pub(crate) fn decode<'a>(bytes: &'a [u8], hint: Option<&str>) -> Result<Cow<'a, str>, Error> {
    let hinted = match hint {
        Some(label) => Some(
            Encoding::for_label(label.as_bytes())
                .ok_or_else(|| Error::UnknownEncoding(label.to_string()))?,
        ),
        None => None,
    };
    Ok(decode_with(bytes, hinted))
}

fn decode_with<'a>(bytes: &'a [u8], hinted: Option<&'static Encoding>) -> Cow<'a, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom_len..]).0;
    }
    let enc = choose(bytes, hinted.filter(|e| *e != REPLACEMENT));
    enc.decode_without_bom_handling(bytes).0
}

/// The encoding to decode BOM-less `bytes` with.
fn choose(bytes: &[u8], hinted: Option<&'static Encoding>) -> &'static Encoding {
    if let Some(enc) = hinted {
        if enc == UTF_16LE || enc == UTF_16BE {
            return enc; // the caller knows the bytes are not ASCII-compatible
        }
        return reconcile(enc, bytes, &survey(bytes));
    }
    if let Some(enc) = declared(bytes) {
        return reconcile(enc, bytes, &survey(bytes));
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return enc;
    }
    let s = survey(bytes);
    if s.invalid == 0
        || (s.multibyte >= DAMAGED_UTF8_MIN_MULTIBYTE
            && s.invalid.saturating_mul(DAMAGED_UTF8_VALID_PER_INVALID) <= s.multibyte)
    {
        return UTF_8;
    }
    detect(bytes)
}

/// Check a declared (or hinted) ASCII-compatible encoding against the bytes.
fn reconcile(enc: &'static Encoding, bytes: &[u8], s: &Utf8Survey) -> &'static Encoding {
    if enc == UTF_8 {
        if s.invalid > 0 && s.multibyte == 0 {
            return detect(bytes);
        }
        return UTF_8;
    }
    if s.invalid == 0 && s.multibyte > 0 {
        return UTF_8;
    }
    enc
}

/// Mozilla's detector over the words with non-ASCII bytes (see
/// [`non_ascii_words`]); never UTF-8 (the caller has already decided the
/// bytes are not UTF-8).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let sample = non_ascii_words(bytes, DETECT_BYTES);
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(&sample, true);
    let enc = det.guess(None, Utf8Detection::Deny);
    if enc == REPLACEMENT {
        WINDOWS_1252
    } else {
        enc
    }
}

/// The words of `bytes` that hold non-ASCII bytes, space-separated, at most
/// about `cap` bytes. The detector learns nothing from pure-ASCII markup and
/// is slow on it; a word keeps the ASCII letters around its non-ASCII bytes
/// (the Latin-script signal), and the byte after each non-ASCII byte (an
/// ASCII trail byte of Shift_JIS or GBK) so no character is cut in two.
fn non_ascii_words(bytes: &[u8], cap: usize) -> Vec<u8> {
    let n = bytes.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n && out.len() < cap {
        match bytes[i..].iter().position(|&b| b >= 0x80) {
            Some(p) => i += p,
            None => break,
        }
        let mut start = i;
        while start > 0 && bytes[start - 1].is_ascii_alphanumeric() && i - start < WORD_MAX_BYTES {
            start -= 1;
        }
        let mut end = i;
        while end < n && end - i < WORD_MAX_BYTES {
            if bytes[end] >= 0x80 {
                end += 1;
                // A possible trail byte in the ASCII range (0x40..0x7F).
                if end < n && (0x40..0x80).contains(&bytes[end]) {
                    end += 1;
                }
            } else if bytes[end].is_ascii_alphanumeric() {
                end += 1;
            } else {
                break;
            }
        }
        out.extend_from_slice(&bytes[start..end]);
        out.push(b' ');
        i = end;
    }
    out
}

/// How UTF-8-like the bytes are: valid multi-byte sequences and invalid
/// sequences (an incomplete sequence cut off by the end counts as neither).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Utf8Survey {
    multibyte: usize,
    invalid: usize,
}

fn survey(bytes: &[u8]) -> Utf8Survey {
    fn leads(b: &[u8]) -> usize {
        // Counted in u8 lanes, 240 bytes at a time (no overflow; a multiple
        // of the vector width, so no chunk ends in a scalar tail), a shape
        // the compiler vectorises; a plain filter-count ran a byte at a time.
        b.chunks(240)
            .map(|c| usize::from(c.iter().fold(0u8, |n, &x| n + u8::from(x >= 0xC0))))
            .sum()
    }
    let mut s = Utf8Survey::default();
    let mut rest = bytes;
    loop {
        // encoding_rs's validator (SIMD over ASCII runs) finds where the valid
        // prefix ends; std's error, computed from there, says how long the
        // invalid sequence is.
        let good = Encoding::utf8_valid_up_to(rest);
        match std::str::from_utf8(&rest[good..]) {
            Ok(_) => {
                s.multibyte += leads(rest);
                return s;
            }
            Err(e) => {
                debug_assert_eq!(e.valid_up_to(), 0);
                s.multibyte += leads(&rest[..good]);
                match e.error_len() {
                    Some(n) => {
                        s.invalid += 1;
                        rest = &rest[good + n..];
                        // Plainly not UTF-8: stop counting (binary junk has an
                        // error every few bytes).
                        if s.invalid >= SURVEY_STOP_INVALID
                            && s.invalid.saturating_mul(DAMAGED_UTF8_VALID_PER_INVALID)
                                > s.multibyte
                        {
                            return s;
                        }
                    }
                    None => return s,
                }
            }
        }
    }
}

/// BOM-less UTF-16: ASCII-range text shows a NUL in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES)];
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for p in head.chunks_exact(2) {
        even += usize::from(p[0] == 0);
        odd += usize::from(p[1] == 0);
    }
    // At least 60% of one parity NUL, almost none of the other.
    if odd * 10 >= pairs * 6 && even * 20 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 6 && odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The charset the page declares in its first [`PRESCAN_BYTES`], if any.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    xml_declaration(head)
        .or_else(|| prescan(head))
        .map(ascii_compatible)
        .filter(|e| *e != REPLACEMENT)
}

/// The WHATWG rule for a label found inside an ASCII-compatible page.
fn ascii_compatible(enc: &'static Encoding) -> &'static Encoding {
    if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else if enc == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn starts_with_ci(hay: &[u8], pos: usize, needle: &[u8]) -> bool {
    hay.get(pos..pos + needle.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(needle))
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|i| i + from)
}

/// `<?xml version="1.0" encoding="..."?>` at the very start (after spaces).
fn xml_declaration(head: &[u8]) -> Option<&'static Encoding> {
    let start = head.iter().position(|&b| !is_space(b))?;
    if !starts_with_ci(head, start, b"<?xml") {
        return None;
    }
    let end = find(head, start, b"?>").or_else(|| find(head, start, b">"))?;
    let decl = &head[start..end];
    let at = decl
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"encoding"))?;
    let mut p = at + 8;
    while p < decl.len() && is_space(decl[p]) {
        p += 1;
    }
    if decl.get(p) != Some(&b'=') {
        return None;
    }
    p += 1;
    while p < decl.len() && is_space(decl[p]) {
        p += 1;
    }
    let q = *decl.get(p)?;
    if q != b'"' && q != b'\'' {
        return None;
    }
    let rest = &decl[p + 1..];
    let len = rest.iter().position(|&b| b == q)?;
    Encoding::for_label(&rest[..len])
}

/// The WHATWG "prescan a byte stream to determine its encoding" algorithm,
/// over `head`, stopping at `<body`.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let n = head.len();
    let mut pos = 0;
    // Attribute buffers, reused for every attribute of the head.
    let (mut name, mut value) = (Vec::new(), Vec::new());
    while pos < n {
        // Jump to the next '<': nothing else matters to the prescan.
        match memchr::memchr(b'<', &head[pos..]) {
            Some(i) => pos += i,
            None => return None,
        }
        if starts_with_ci(head, pos, b"<!--") {
            pos = find(head, pos + 2, b"-->")? + 3;
            continue;
        }
        if starts_with_ci(head, pos, b"<meta")
            && head.get(pos + 5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            if let Some(enc) = meta_charset(head, &mut pos) {
                return Some(enc);
            }
            continue;
        }
        if starts_with_ci(head, pos, b"<body")
            && !matches!(head.get(pos + 5), Some(&b) if !(is_space(b) || b == b'>' || b == b'/'))
        {
            return None;
        }
        let next = head.get(pos + 1).copied();
        let after = head.get(pos + 2).copied();
        let tag_start = match next {
            Some(b) if b.is_ascii_alphabetic() => Some(pos + 1),
            Some(b'/') if after.is_some_and(|b| b.is_ascii_alphabetic()) => Some(pos + 2),
            _ => None,
        };
        if let Some(mut p) = tag_start {
            while p < n && !is_space(head[p]) && head[p] != b'>' {
                p += 1;
            }
            pos = p;
            while get_attribute(head, &mut pos, &mut name, &mut value) {}
            pos += 1;
            continue;
        }
        if matches!(next, Some(b'!' | b'/' | b'?')) {
            pos = pos + 1 + head[pos + 1..].iter().position(|&b| b == b'>')?;
        }
        pos += 1;
    }
    None
}

/// The attributes of one `<meta` tag (position just after `<meta`); the
/// encoding it declares, if it declares one.
fn meta_charset(head: &[u8], pos: &mut usize) -> Option<&'static Encoding> {
    // Only the first of each of these three attributes counts.
    let (mut seen_equiv, mut seen_content, mut seen_charset) = (false, false, false);
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    let mut charset: Option<&'static Encoding> = None;
    let (mut name, mut value) = (Vec::new(), Vec::new());
    while get_attribute(head, pos, &mut name, &mut value) {
        match name.as_slice() {
            b"http-equiv" if !seen_equiv => {
                seen_equiv = true;
                got_pragma = value == b"content-type";
            }
            b"content" if !seen_content => {
                seen_content = true;
                if charset.is_none() {
                    if let Some(enc) = charset_from_content(&value) {
                        charset = Some(enc);
                        need_pragma = Some(true);
                    }
                }
            }
            b"charset" if !seen_charset => {
                seen_charset = true;
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
    }
    match need_pragma {
        None => None,
        Some(true) if !got_pragma => None,
        _ => charset,
    }
}

/// The WHATWG "extract a character encoding from a meta element" algorithm.
fn charset_from_content(value: &[u8]) -> Option<&'static Encoding> {
    let mut p = 0;
    loop {
        let at = value
            .get(p..)?
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        p += at + 7;
        while p < value.len() && is_space(value[p]) {
            p += 1;
        }
        if value.get(p) == Some(&b'=') {
            break;
        }
    }
    p += 1;
    while p < value.len() && is_space(value[p]) {
        p += 1;
    }
    let rest = value.get(p..)?;
    match rest.first() {
        Some(&q) if q == b'"' || q == b'\'' => {
            let len = rest[1..].iter().position(|&b| b == q)?;
            Encoding::for_label(&rest[1..1 + len])
        }
        Some(_) => {
            let len = rest
                .iter()
                .position(|&b| is_space(b) || b == b';')
                .unwrap_or(rest.len());
            Encoding::for_label(&rest[..len])
        }
        None => None,
    }
}

/// The WHATWG "get an attribute" algorithm: the next attribute's name and
/// value, lower-cased, into `name` and `value`; false when there is none.
fn get_attribute(head: &[u8], pos: &mut usize, name: &mut Vec<u8>, value: &mut Vec<u8>) -> bool {
    let n = head.len();
    while *pos < n && (is_space(head[*pos]) || head[*pos] == b'/') {
        *pos += 1;
    }
    if *pos >= n || head[*pos] == b'>' {
        return false;
    }
    name.clear();
    value.clear();
    // Name.
    loop {
        let Some(&b) = head.get(*pos) else {
            return false;
        };
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        }
        if is_space(b) {
            while *pos < n && is_space(head[*pos]) {
                *pos += 1;
            }
            if head.get(*pos) != Some(&b'=') {
                return true;
            }
            *pos += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return true;
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // Value.
    while *pos < n && is_space(head[*pos]) {
        *pos += 1;
    }
    let Some(&b) = head.get(*pos) else {
        return false;
    };
    if b == b'"' || b == b'\'' {
        *pos += 1;
        loop {
            let Some(&c) = head.get(*pos) else {
                return false;
            };
            *pos += 1;
            if c == b {
                return true;
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return true;
    }
    loop {
        match head.get(*pos) {
            Some(&c) if !is_space(c) && c != b'>' => {
                value.push(c.to_ascii_lowercase());
                *pos += 1;
            }
            _ => return true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{EUC_KR, GBK, SHIFT_JIS, WINDOWS_1251};

    fn dec(bytes: &[u8], hint: Option<&str>) -> String {
        decode(bytes, hint).unwrap().into_owned()
    }

    fn page(head: &str, body: &[u8]) -> Vec<u8> {
        let mut v = format!("<html><head>{head}</head><body><p>").into_bytes();
        v.extend_from_slice(body);
        v.extend_from_slice(b"</p></body></html>");
        v
    }

    const RU: &str = "Москва является столицей России и крупнейшим городом страны. \
        В городе живут более двенадцати миллионов человек, работают музеи и театры.";
    const JA: &str = "東京都は日本の首都であり、世界でも有数の大都市です。\
        多くの人々が毎日電車で通勤しています。";

    #[test]
    fn valid_utf8_borrows() {
        let b = "<p>café</p>".as_bytes();
        assert!(matches!(decode(b, None).unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn boms() {
        assert_eq!(dec(b"\xEF\xBB\xBFcaf\xC3\xA9", None), "café");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("héllo".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(dec(&le, None), "héllo");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("héllo".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(dec(&be, None), "héllo");
    }

    #[test]
    fn bom_beats_hint_and_meta() {
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend(page(r#"<meta charset="windows-1251">"#, "é".as_bytes()));
        assert!(dec(&b, Some("windows-1252")).contains("<p>é</p>"));
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let (body, _, _) = WINDOWS_1251.encode(RU);
        let b = page(r#"<meta charset="windows-1251">"#, &body);
        assert!(dec(&b, None).contains(RU));
        let b = page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">"#,
            &body,
        );
        assert!(dec(&b, None).contains(RU));
        // Unquoted, upper case, odd spacing.
        let b = page(
            "<META CHARSET = KOI8-R >",
            &encoding_rs::KOI8_R.encode(RU).0,
        );
        assert!(dec(&b, None).contains(RU));
    }

    #[test]
    fn content_without_http_equiv_is_ignored() {
        let b = page(
            r#"<meta name="x" content="charset=windows-1251">"#,
            b"caf\xE9",
        );
        // Falls through to detection: Western text, windows-1252.
        assert!(dec(&b, None).contains("café"));
    }

    #[test]
    fn meta_in_comment_or_attribute_is_ignored() {
        let (body, _, _) = WINDOWS_1251.encode(RU);
        let b = page(
            r#"<!-- <meta charset="shift_jis"> --><div title="<meta charset=shift_jis>"></div>"#,
            &body,
        );
        assert!(dec(&b, None).contains(RU));
    }

    #[test]
    fn meta_after_body_is_ignored() {
        let mut b = b"<html><body><p>caf\xE9 cr\xE8me br\xFBl\xE9e</p>".to_vec();
        b.extend_from_slice(br#"<meta charset="windows-1251">"#);
        assert!(dec(&b, None).contains("café crème brûlée"));
    }

    #[test]
    fn xml_declaration() {
        let mut b = br#"<?xml version="1.0" encoding="windows-1251"?>"#.to_vec();
        b.extend(page("", &WINDOWS_1251.encode(RU).0));
        assert!(dec(&b, None).contains(RU));
    }

    #[test]
    fn hint_beats_meta() {
        let (body, _, _) = WINDOWS_1251.encode(RU);
        let b = page(r#"<meta charset="iso-8859-2">"#, &body);
        assert!(dec(&b, Some("windows-1251")).contains(RU));
        assert!(!dec(&b, None).contains(RU));
    }

    #[test]
    fn unknown_hint_is_an_error() {
        assert_eq!(
            decode(b"x", Some("klingon")).unwrap_err(),
            Error::UnknownEncoding("klingon".into())
        );
    }

    #[test]
    fn utf16_label_in_meta_means_utf8() {
        let b = page(r#"<meta charset="utf-16">"#, "café".as_bytes());
        assert!(dec(&b, None).contains("<p>café</p>"));
        let b = page(r#"<meta charset="x-user-defined">"#, b"caf\xE9");
        assert!(dec(&b, None).contains("<p>café</p>"));
    }

    #[test]
    fn utf16_hint_without_bom() {
        let le: Vec<u8> = "<p>héllo</p>"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(dec(&le, Some("utf-16le")), "<p>héllo</p>");
    }

    #[test]
    fn utf16_sniffed_without_bom() {
        let text = "<html><head><title>Hello</title></head><body><p>héllo wörld</p></body></html>";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(dec(&le, None), text);
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(dec(&be, None), text);
    }

    #[test]
    fn lying_utf8_declaration_of_legacy_bytes_is_detected() {
        let b = page(r#"<meta charset="utf-8">"#, b"caf\xE9 cr\xE8me");
        assert!(dec(&b, None).contains("café crème"));
        let b = page(r#"<meta charset="utf-8">"#, &WINDOWS_1251.encode(RU).0);
        assert!(dec(&b, None).contains(RU));
    }

    #[test]
    fn lying_utf8_declaration_with_some_utf8_gives_replacement() {
        let mut body = "Genève — ".as_bytes().to_vec();
        body.extend_from_slice(b"caf\xE9");
        let b = page(r#"<meta charset="utf-8">"#, &body);
        let s = dec(&b, None);
        assert!(s.contains("Genève — caf\u{FFFD}"), "{s}");
    }

    #[test]
    fn valid_utf8_beats_declared_legacy() {
        let b = page(r#"<meta charset="iso-8859-1">"#, "café – naïve".as_bytes());
        assert!(dec(&b, None).contains("café – naïve"));
        // Pure ASCII keeps the declaration (no difference anyway).
        let b = page(r#"<meta charset="iso-8859-1">"#, b"plain");
        assert!(dec(&b, None).contains("plain"));
    }

    #[test]
    fn undeclared_legacy_is_detected() {
        let b = page("", &WINDOWS_1251.encode(RU).0);
        assert!(dec(&b, None).contains(RU));
        let b = page("", &SHIFT_JIS.encode(JA).0);
        assert!(dec(&b, None).contains(JA));
        let b = page("", &GBK.encode(JA).0);
        assert!(!dec(&b, None).contains('\u{FFFD}'));
        let kr = "대한민국의 수도는 서울이며 인구는 약 천만 명입니다. 한국어는 한글로 씁니다.";
        let b = page("", &EUC_KR.encode(kr).0);
        assert!(dec(&b, None).contains(kr));
        let b = page(
            "",
            b"Na\xEFve caf\xE9 cr\xE8me br\xFBl\xE9e, \x93quoted\x94",
        );
        assert!(dec(&b, None).contains("Naïve café crème brûlée, “quoted”"));
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut b = "Zürich, Genève, Köln, Malmö, São Paulo: "
            .as_bytes()
            .to_vec();
        b.push(0xFF);
        b.extend_from_slice("and façade".as_bytes());
        let s = dec(&b, None);
        assert!(s.contains("Genève") && s.contains('\u{FFFD}') && s.contains("façade"));
        // A sequence cut off by the end of the input.
        let mut b = "Genève".as_bytes().to_vec();
        b.extend_from_slice(&"é".as_bytes()[..1]);
        assert_eq!(dec(&b, None), "Genève\u{FFFD}");
    }

    #[test]
    fn replacement_labels_are_ignored() {
        let b = page(r#"<meta charset="iso-2022-kr">"#, "café".as_bytes());
        assert!(dec(&b, None).contains("café"));
        assert!(dec(b"caf\xC3\xA9", Some("hz-gb-2312")).contains("café"));
    }

    #[test]
    fn prescan_edge_cases_do_not_panic() {
        for b in [
            &b"<"[..],
            b"<meta",
            b"<meta ",
            b"<meta charset",
            b"<meta charset=",
            b"<meta charset='utf",
            b"<meta http-equiv=content-type content='charset=",
            b"<meta http-equiv=content-type content=\"text/html; charset",
            b"<!--",
            b"<!-->",
            b"</",
            b"</a",
            b"<?",
            b"<?xml encoding=",
            b"<?xml encoding='",
            b"<a b='",
            b"<a b=\"c\" d",
            b"<a =x>",
        ] {
            let _ = dec(b, None);
            let mut v = b.to_vec();
            v.push(0xE9);
            let _ = dec(&v, None);
        }
    }

    #[test]
    fn duplicate_meta_attributes_count_once() {
        let b = page(
            r#"<meta charset="windows-1251" charset="koi8-r">"#,
            &WINDOWS_1251.encode(RU).0,
        );
        assert!(dec(&b, None).contains(RU));
        // Thousands of attributes on one tag stay linear.
        let mut head = String::from("<meta ");
        for i in 0..20_000 {
            head.push_str(&format!("a{i}=x "));
        }
        head.push_str("charset=windows-1251>");
        let b = page(&head, &WINDOWS_1251.encode(RU).0);
        assert!(dec(&b, None).contains(RU));
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A small deterministic xorshift generator over bytes biased to markup.
        let alphabet = b"<>!-/?='\" metacharsetxml\x00\xC3\xA9\xFF\xFE\xEF\xBB\xBF";
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in 0..400 {
            let v: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    if x % 3 == 0 {
                        (x >> 8) as u8
                    } else {
                        alphabet[(x >> 16) as usize % alphabet.len()]
                    }
                })
                .collect();
            let _ = dec(&v, None);
            let _ = dec(&v, Some("shift_jis"));
        }
    }

    #[test]
    fn detection_sample_keeps_words_whole() {
        assert_eq!(
            non_ascii_words(b"<p>plain caf\xE9 text, na\xEFve.</p>", 1000),
            b"caf\xE9 na\xEFve ".to_vec()
        );
        // A Shift_JIS trail byte in the ASCII range stays with its lead.
        assert_eq!(
            non_ascii_words(b"a \x83\x5C b", 1000),
            b"\x83\x5C ".to_vec()
        );
        assert!(non_ascii_words(b"only ascii", 1000).is_empty());
    }

    #[test]
    fn survey_counts() {
        assert_eq!(
            survey("aé€😀".as_bytes()),
            Utf8Survey {
                multibyte: 3,
                invalid: 0
            }
        );
        assert_eq!(
            survey(b"a\xFFb\xE9c\xC3"),
            Utf8Survey {
                multibyte: 0,
                invalid: 2
            }
        );
    }
}
