//! The encoding of a saved page.
//!
//! In the order a browser trusts them: a byte order mark; the charset of the HTTP
//! `Content-Type` header (a WARC response record has one); a `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes of
//! the page; else the detection `marsad analyze` uses for plain text (UTF-8, or
//! windows-1256 / ISO-8859-6 by how Arabic each decoding looks).
//!
//! One exception to a declaration: bytes declared as a legacy encoding that are
//! valid UTF-8 with non-ASCII characters are read as UTF-8. Browsers that save a
//! page re-encode it as UTF-8 and often keep the old `<meta charset>`; Arabic text
//! in windows-1256 or ISO-8859-6 is practically never valid UTF-8.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::input::{decode, InputError, Limits};
use marsad_core::document::Warning;

/// How far into a page a `<meta charset>` is looked for. The HTML standard's
/// prescan reads 1,024 bytes; saved pages often put long scripts or comments first.
const PRESCAN_BYTES: usize = 8 * 1024;

/// A page's bytes decoded, with the encoding and where it came from.
#[derive(Debug)]
pub struct DecodedPage {
    /// The page's markup as text (byte order mark removed).
    pub html: String,
    /// The encoding's name: `UTF-8`, `windows-1256`…
    pub encoding: &'static str,
    /// Problems met: `legacy_encoding` when the encoding was guessed, `replaced_bytes`.
    pub warnings: Vec<Warning>,
}

/// The charset label a `Content-Type` value names (`text/html; charset=windows-1256`).
pub fn content_type_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

/// The charset label a `<meta>` near the start of the page declares, if any.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(PRESCAN_BYTES)]).to_ascii_lowercase();
    for (start, _) in head.match_indices("<meta") {
        let tag = &head[start..];
        let attrs = &tag[..tag.find('>').unwrap_or(tag.len())];
        let Some(at) = attrs.find("charset") else { continue };
        let Some(value) = attrs[at + "charset".len()..].trim_start().strip_prefix('=') else { continue };
        let value = value.trim_start().trim_start_matches(['"', '\'']);
        let label: String =
            value.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')).collect();
        if !label.is_empty() {
            return Some(label);
        }
    }
    None
}

/// Decodes a page: see the module documentation for the order of the evidence.
///
/// # Errors
///
/// As [`decode`] for pages whose encoding is detected; a page whose bytes hold a NUL
/// is binary data whatever it declares.
pub fn decode_page(bytes: &[u8], http_charset: Option<&str>, limits: &Limits) -> Result<DecodedPage, InputError> {
    if bytes.len() > limits.max_bytes {
        return Err(InputError::TooLarge { size: Some(bytes.len() as u64), limit: limits.max_bytes });
    }
    if Encoding::for_bom(bytes).is_some() {
        return detected(bytes, limits);
    }
    let declared = http_charset.map(str::to_owned).or_else(|| meta_charset(bytes));
    // a page cannot be UTF-16 without a byte order mark (the standard reads such a
    // declaration as UTF-8)
    let encoding = declared.and_then(|label| Encoding::for_label(label.as_bytes())).map(|e| {
        if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else {
            e
        }
    });
    let Some(encoding) = encoding else {
        return detected(bytes, limits);
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset, what: "a NUL byte (0x00)".to_owned(), hint: String::new() });
    }
    if encoding != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return Ok(DecodedPage {
            html: String::from_utf8(bytes.to_vec()).expect("checked"),
            encoding: UTF_8.name(),
            warnings: Vec::new(),
        });
    }
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(html) => Ok(DecodedPage { html: html.into_owned(), encoding: encoding.name(), warnings: Vec::new() }),
        // the declaration is wrong: read the bytes as if there were none
        None => detected(bytes, limits),
    }
}

fn detected(bytes: &[u8], limits: &Limits) -> Result<DecodedPage, InputError> {
    let d = decode(bytes, limits)?;
    Ok(DecodedPage { html: d.text, encoding: d.encoding, warnings: d.warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_are_found_where_pages_declare_them() {
        assert_eq!(meta_charset(b"<html><head><meta charset=\"windows-1256\">").as_deref(), Some("windows-1256"));
        assert_eq!(meta_charset(b"<META CHARSET=utf-8>").as_deref(), Some("utf-8"));
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-6\" />";
        assert_eq!(meta_charset(equiv).as_deref(), Some("iso-8859-6"));
        assert_eq!(meta_charset(b"<meta name=\"x\" content=\"y\"><p>charset=koi8</p>"), None);
        assert_eq!(content_type_charset("text/html; charset=\"windows-1256\""), Some("windows-1256"));
        assert_eq!(content_type_charset("text/html"), None);
    }

    #[test]
    fn a_declaration_is_honoured_and_a_wrong_one_is_not() {
        let (arabic, _, _) = encoding_rs::WINDOWS_1256.encode("<p>قال الوزير</p>");
        let mut page = b"<meta charset=windows-1256>".to_vec();
        page.extend_from_slice(&arabic);
        let d = decode_page(&page, None, &Limits::default()).unwrap();
        assert_eq!((d.encoding, d.html.contains("قال الوزير")), ("windows-1256", true));
        // the HTTP header comes before the page's own declaration…
        let (iso, _, _) = encoding_rs::ISO_8859_6.encode("<p>قال الوزير</p>");
        let mut iso_page = b"<meta charset=windows-1256>".to_vec();
        iso_page.extend_from_slice(&iso);
        let d = decode_page(&iso_page, Some("iso-8859-6"), &Limits::default()).unwrap();
        assert_eq!((d.encoding, d.html.contains("قال الوزير")), ("ISO-8859-6", true));
        // …unless the bytes break it (windows-1256 letters unmapped in ISO-8859-6): detected then
        let d = decode_page(&page, Some("iso-8859-6"), &Limits::default()).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        // re-saved as UTF-8 with the old declaration kept
        let resaved = "<meta charset=windows-1256><p>قال الوزير</p>";
        assert_eq!(decode_page(resaved.as_bytes(), None, &Limits::default()).unwrap().encoding, "UTF-8");
        // no declaration: detected
        let d = decode_page(&arabic, None, &Limits::default()).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert_eq!(d.warnings[0].code, "legacy_encoding");
    }
}
