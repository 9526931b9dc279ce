//! Reading articles from the web's formats: saved HTML pages, RSS and Atom feeds,
//! and WARC web archives.
//!
//! * [`read_page`] decodes a saved page ([`charset`]: byte order mark, the HTTP
//!   header's charset, `<meta charset>`, else detection as for plain text), finds
//!   its main content ([`extract`]: navigation, ads, related links, comments and
//!   footers dropped) and its metadata ([`meta`]: JSON-LD, Open Graph, `<meta>`,
//!   `<time datetime>`, in that order of trust).
//! * [`read_feed`] reads the items of an RSS or Atom feed; each item's HTML is
//!   turned into text by [`fragment_text`], the same walk without the choice of a
//!   main block.
//! * [`WarcPages`] reads the response records of a WARC file and hands on the HTML
//!   pages among them, with their address and the charset of their HTTP header.
//!
//! Nothing here fails on bad input: a page without main content, a truncated page, a
//! feed that is not XML or a broken WARC record is a [`WebError`] that says where.

pub mod charset;
pub mod extract;
pub mod feed;
pub mod meta;
mod page;
pub mod warc;

use std::path::Path;

pub use self::extract::fragment_text;
pub use self::feed::{read_feed, FeedItem};
pub use self::page::{read_page, Page};
pub use self::warc::{WarcEntry, WarcPage, WarcPages};

/// The web formats marsad reads, told by a file's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebFormat {
    /// A saved page: `.html`, `.htm`, `.xhtml`.
    Html,
    /// An RSS or Atom feed: `.rss`, `.atom`, and `.xml`.
    Feed,
    /// A WARC file: `.warc`, `.warc.gz`.
    Warc,
}

impl WebFormat {
    /// The web format a file's name says, if any.
    pub fn of(path: &Path) -> Option<WebFormat> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let ext = name.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "html" | "htm" | "xhtml" => Some(WebFormat::Html),
            "rss" | "atom" | "xml" => Some(WebFormat::Feed),
            "warc" => Some(WebFormat::Warc),
            "gz" if name.ends_with(".warc.gz") => Some(WebFormat::Warc),
            _ => None,
        }
    }
}

/// Why a page, a feed, an item or a WARC record gives no article, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebError {
    /// A short kind for a summary: `no content`, `truncated`, `bad feed`, `bad record`…
    pub kind: &'static str,
    /// The full reason for a person, with the position (byte offset, item or record).
    pub reason: String,
}

impl WebError {
    pub(crate) fn new(kind: &'static str, reason: impl Into<String>) -> WebError {
        WebError { kind, reason: reason.into() }
    }
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for WebError {}
