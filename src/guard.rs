//! Guards run before parsing: a linear pre-scan of the markup that bounds
//! nesting depth and element count, so the parser never meets a shape it is
//! quadratic on. (Skeleton: element count only.)

use std::borrow::Cow;

use crate::error::Error;
use crate::options::Limits;

/// Check `page` against `limits`; return it unchanged or rewritten so that
/// parsing it is bounded, or a typed error.
pub(crate) fn bound<'a>(page: &'a str, limits: &Limits) -> Result<Cow<'a, str>, Error> {
    let count = page.bytes().filter(|&b| b == b'<').count();
    if count > limits.max_elements {
        return Err(Error::TooManyElements {
            count,
            limit: limits.max_elements,
        });
    }
    Ok(Cow::Borrowed(page))
}
