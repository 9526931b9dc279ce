//! A saved page read whole: decoded, checked, its main content and metadata found.

use scraper::Html;

use super::charset::decode_page;
use super::extract::Walk;
use super::meta::{page_meta, PageMeta};
use super::WebError;
use crate::input::{InputError, Limits};
use marsad_core::document::Warning;

/// The article a page holds.
#[derive(Clone, Debug)]
pub struct Page {
    /// The main content as text, a block (paragraph, heading, list item) a line.
    pub text: String,
    /// What the page says about itself.
    pub meta: PageMeta,
    /// The encoding the page was read in.
    pub encoding: &'static str,
    /// Problems that did not stop reading it (a guessed legacy encoding…).
    pub warnings: Vec<Warning>,
}

/// How far from the end (in bytes) a page's closing `</body>` or `</html>` is looked for.
const TAIL_BYTES: usize = 8192;

/// Whether a page has a closing `</body>` or `</html>` near its end. Read in the
/// encoding of its byte order mark, else as ASCII, which every other encoding a page
/// may be in agrees with for those tags.
fn ends_whole(bytes: &[u8]) -> bool {
    let (encoding, bom) = encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::UTF_8, 0));
    // in UTF-16, start the tail on a code unit
    let start = bom + ((bytes.len() - bom).saturating_sub(TAIL_BYTES) & !1);
    let tail = encoding.decode_without_bom_handling(&bytes[start..]).0.to_ascii_lowercase();
    tail.contains("</html") || tail.contains("</body")
}

/// Reads a saved page. `http_charset` is the charset of its HTTP `Content-Type`
/// header, when the page came with one (a WARC record).
///
/// # Errors
///
/// A [`WebError`] naming the problem and its byte offset where it has one: the page
/// cannot be decoded (as for plain text: binary, empty, over the size limit), it is
/// truncated (it ends before `</body>` or `</html>`), or it has no main content.
pub fn read_page(bytes: &[u8], http_charset: Option<&str>, limits: &Limits) -> Result<Page, WebError> {
    // before decoding: a page cut short often ends inside a character, which the
    // decoder would report as invalid bytes rather than as what it is
    if !ends_whole(bytes) {
        return Err(WebError::new(
            "truncated",
            format!(
                "the page is truncated: it ends at byte offset {} without </body> or </html>; save it again, or \
                 give the part as plain text",
                bytes.len()
            ),
        ));
    }
    let decoded = decode_page(bytes, http_charset, limits).map_err(|e| {
        let kind = match e {
            InputError::Empty | InputError::Blank { .. } => "empty",
            InputError::Binary { .. } => "binary",
            InputError::TooLarge { .. } => "too large",
            _ => "undecodable",
        };
        WebError::new(kind, e.to_string())
    })?;
    let html = decoded.html;
    let doc = Html::parse_document(&html);
    let mut walk = Walk::of(doc.root_element());
    // the title from the metadata alone first, so that a first heading repeating it is not text
    let early = page_meta(&doc, None, None, None);
    let content = walk.main_content(early.title.as_deref()).ok_or_else(|| {
        WebError::new(
            "no content",
            format!(
                "the page has no main content: no block of text outside navigation, links and boilerplate \
                 ({} bytes of markup)",
                bytes.len()
            ),
        )
    })?;
    let heading = walk.headings.iter().find(|(_, c)| Walk::is_inside(&content, *c)).map(|(h, _)| h.as_str());
    let heading = heading.or_else(|| walk.headings.first().map(|(h, _)| h.as_str()));
    let main_time = walk.times.iter().find(|(_, c)| Walk::is_inside(&content, *c)).map(|(t, _)| t.as_str());
    let any_time = walk.times.first().map(|(t, _)| t.as_str());
    let meta = page_meta(&doc, heading, main_time, any_time);
    Ok(Page { text: content.text, meta, encoding: decoded.encoding, warnings: decoded.warnings })
}
