//! Reading input: from bytes of unknown encoding to text.
//!
//! [`decode`] reads the bytes of one article:
//!
//! 1. it refuses input larger than [`Limits::max_bytes`], and empty input;
//! 2. a byte order mark decides UTF-8, UTF-16LE or UTF-16BE (the mark is not
//!    part of the text);
//! 3. input with NUL bytes or many control characters is refused as binary data;
//! 4. otherwise valid UTF-8 is UTF-8; UTF-8 with a few invalid sequences is
//!    UTF-8 too; anything else is read as windows-1256 or ISO-8859-6, chosen as
//!    explained in the documentation of the private `encoding` module:
//!    `chardetng`, checked by a score of how Arabic each decoding looks (a
//!    warning names the encoding);
//! 5. invalid byte sequences are refused, naming the byte offset of the first
//!    ([`InputError::InvalidBytes`]); with [`Limits::lossy`] a few of them (at
//!    most 1 % of the characters) are replaced by U+FFFD with a warning instead;
//! 6. input that decodes to white space only is refused.
//!
//! Line ends are kept as they are (CRLF, CR or LF): the decoded string is the
//! original text that every span points into.
//!
//! ```
//! use marsad::input::{decode, Limits};
//!
//! let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("قال الوزير، ثم سأل: لماذا؟\r\n");
//! let decoded = decode(&bytes, &Limits::default()).unwrap();
//! assert_eq!(decoded.encoding, "windows-1256");
//! assert_eq!(decoded.text, "قال الوزير، ثم سأل: لماذا؟\r\n");
//! assert_eq!(decoded.warnings[0].code, "legacy_encoding");
//! ```

mod binary;
mod encoding;
mod errors;
pub mod record;
#[cfg(test)]
mod tests;
pub mod web;

use encoding_rs::{Encoding, UTF_16BE, UTF_8};

use self::encoding::{decode_counting, decode_legacy, utf8_counts, Decoding, Legacy};
use marsad_core::document::Warning;

pub use self::errors::InputError;

/// Limits on what [`decode`] accepts.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// Accept a few invalid byte sequences (at most 1 % of the characters),
    /// replaced by U+FFFD with a `replaced_bytes` warning. Off by default: an
    /// invalid sequence is refused with its byte offset, as a careful reader of
    /// one article wants; a crawler's ingest may prefer to go on.
    pub lossy: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 16 * 1024 * 1024, lossy: false }
    }
}

/// Decoded text and how it was decoded.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text, exactly as decoded (line ends kept, byte order mark removed).
    pub text: String,
    /// The encoding it was decoded from: `UTF-8`, `UTF-16LE`, `UTF-16BE`,
    /// `windows-1256` or `ISO-8859-6`.
    pub encoding: &'static str,
    /// Problems that did not stop decoding: `replaced_bytes` (with
    /// [`Limits::lossy`], a few invalid byte sequences were replaced by U+FFFD)
    /// and `legacy_encoding` (the input is in windows-1256 or ISO-8859-6).
    pub warnings: Vec<Warning>,
}

/// Detects the encoding of `bytes` and decodes them.
///
/// # Errors
///
/// An [`InputError`] when the input is larger than `limits.max_bytes`, empty or
/// blank, looks like binary data, has invalid byte sequences (unless
/// `limits.lossy`, and then too many of them), or cannot be decoded in a
/// supported encoding.
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<Decoded, InputError> {
    if bytes.len() > limits.max_bytes {
        return Err(InputError::TooLarge { size: Some(bytes.len() as u64), limit: limits.max_bytes });
    }
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    let mut warnings = Vec::new();
    let (encoding, decoding, base) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) if encoding == UTF_8 => {
            binary::check_bytes(&bytes[bom..], bom)?;
            (encoding, decode_counting(UTF_8, &bytes[bom..]), bom)
        }
        Some((encoding, bom)) => {
            binary::check_utf16(&bytes[bom..], encoding == UTF_16BE, bom)?;
            (encoding, decode_counting(encoding, &bytes[bom..]), bom)
        }
        None => {
            binary::check_bytes(bytes, 0)?;
            let (encoding, decoding) = decode_unmarked(bytes)?;
            if encoding != UTF_8 {
                warnings.push(legacy_warning(encoding, decoding.1));
            }
            (encoding, decoding.0, 0)
        }
    };
    if decoding.invalid > 0 {
        let first = base + decoding.first_invalid.unwrap_or(0);
        if !limits.lossy && decoding.invalid_tolerable() {
            return Err(InputError::InvalidBytes {
                encoding: encoding.name(),
                invalid: decoding.invalid,
                offset: first,
            });
        }
        if !decoding.invalid_tolerable() {
            return Err(InputError::Undecodable {
                encoding: encoding.name(),
                invalid: decoding.invalid,
                chars: decoding.chars(),
                offset: first,
            });
        }
        warnings.insert(
            0,
            Warning {
                code: "replaced_bytes".to_owned(),
                message: format!(
                    "{} invalid byte sequence(s) in the {} input were replaced by U+FFFD (the first at byte \
                     offset {first}); the text around them may be damaged",
                    decoding.invalid,
                    encoding.name()
                ),
            },
        );
    }
    if decoding.text.trim().is_empty() {
        return Err(InputError::Blank { bytes: bytes.len() });
    }
    Ok(Decoded { text: decoding.text, encoding: encoding.name(), warnings })
}

/// [`decode`] of bytes the caller owns: UTF-8 without a byte order mark (the
/// common case) keeps their buffer as the text instead of copying it, so a large
/// article is not held twice. The result is the same as [`decode`]'s.
///
/// # Errors
///
/// As [`decode`].
pub fn decode_owned(bytes: Vec<u8>, limits: &Limits) -> Result<Decoded, InputError> {
    if bytes.is_empty() || bytes.len() > limits.max_bytes || Encoding::for_bom(&bytes).is_some() {
        return decode(&bytes, limits);
    }
    binary::check_bytes(&bytes, 0)?;
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => Err(InputError::Blank { bytes: text.len() }),
        Ok(text) => Ok(Decoded { text, encoding: UTF_8.name(), warnings: Vec::new() }),
        Err(e) => decode(e.as_bytes(), limits),
    }
}

/// Decodes input without a byte order mark: UTF-8 if it is (nearly) valid UTF-8,
/// a legacy Arabic encoding otherwise. The flag is true when the choice between
/// the two Arabic encodings was a tie.
fn decode_unmarked(bytes: &[u8]) -> Result<(&'static Encoding, (Decoding, bool)), InputError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let decoding = Decoding { text: text.to_owned(), invalid: 0, first_invalid: None };
        return Ok((UTF_8, (decoding, false)));
    }
    // Legacy Arabic text read as UTF-8 is nearly all invalid sequences (a letter
    // byte is a lead byte followed by another letter byte); damaged UTF-8 has
    // far more valid non-ASCII characters than invalid sequences.
    let (valid, invalid) = utf8_counts(bytes);
    if valid >= 2 * invalid {
        return Ok((UTF_8, (decode_counting(UTF_8, bytes), false)));
    }
    match decode_legacy(bytes) {
        Legacy::Chosen { encoding, decoding, ambiguous } => Ok((encoding, (decoding, ambiguous))),
        Legacy::Unsupported { detected } => Err(InputError::UnsupportedEncoding { detected: detected.name() }),
    }
}

fn legacy_warning(encoding: &'static Encoding, ambiguous: bool) -> Warning {
    let name = encoding.name();
    let tie = if ambiguous {
        format!(" (the bytes read as Arabic in both windows-1256 and ISO-8859-6; {name} was chosen)")
    } else {
        String::new()
    };
    Warning {
        code: "legacy_encoding".to_owned(),
        message: format!(
            "the input is not UTF-8: it was read as {name}, a legacy Arabic encoding{tie}; check the Arabic \
             text of the output, or convert the file to UTF-8"
        ),
    }
}
