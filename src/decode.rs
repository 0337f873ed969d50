//! Bytes to text: BOM, declared charset, caller hint, safe fallback.
//! (Minimal version; see the decode issue work for the full sniffing.)

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::error::Error;

/// Decode `bytes` to text. Never panics; malformed sequences become U+FFFD.
pub(crate) fn decode<'a>(bytes: &'a [u8], hint: Option<&str>) -> Result<Cow<'a, str>, Error> {
    let hinted = match hint {
        Some(label) => Some(
            Encoding::for_label(label.as_bytes())
                .ok_or_else(|| Error::UnknownEncoding(label.to_string()))?,
        ),
        None => None,
    };
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(enc.decode_without_bom_handling(&bytes[bom_len..]).0);
    }
    let enc = hinted.unwrap_or(if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    });
    Ok(enc.decode_without_bom_handling(bytes).0)
}
