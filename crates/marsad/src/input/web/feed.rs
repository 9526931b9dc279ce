//! RSS and Atom feeds (`feed-rs`): one article per item.
//!
//! An item's text is its content, or its description (RSS) / summary (Atom) when it
//! has no content, with the HTML inside turned into text by [`fragment_text`]; its
//! title, link, date (published, else updated; the day in UTC, as `feed-rs` gives
//! it) and author (the first named) are the item's own; the outlet is the feed's
//! title, else the host of the feed's link, else the host of the item's link.

use feed_rs::model::{Entry, Text};

use super::extract::{collapse, fragment_text};
use super::meta::host_of;
use super::WebError;

/// One item of a feed: its number (from 1) and its article, or why it has none.
#[derive(Clone, Debug)]
pub struct FeedItem {
    /// The item's number in the feed, from 1.
    pub number: usize,
    /// The article, or why the item gives none.
    pub article: Result<FeedArticle, WebError>,
}

/// The article of a feed item.
#[derive(Clone, Debug, Default)]
pub struct FeedArticle {
    /// The item's text.
    pub text: String,
    /// Its title.
    pub title: Option<String>,
    /// Its link.
    pub url: Option<String>,
    /// Its publication day, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Its first author's name.
    pub author: Option<String>,
    /// The feed's title, or a host.
    pub outlet: Option<String>,
    /// The item's or the feed's language (primary subtag).
    pub language: Option<String>,
}

/// The text of a feed's text construct: HTML read as HTML, plain text as it is.
fn text_of(t: &Text) -> String {
    if t.content_type.to_string().contains("html") {
        fragment_text(&t.content)
    } else {
        collapse(&t.content)
    }
}

fn some(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Reads a feed's items.
///
/// # Errors
///
/// A [`WebError`] (`bad feed`) when the bytes are not an RSS, Atom (or JSON) feed,
/// with the byte offset of the first byte that cannot start one when that is the cause.
pub fn read_feed(bytes: &[u8]) -> Result<Vec<FeedItem>, WebError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let first = body.iter().position(|b| !b.is_ascii_whitespace());
        let at = match first {
            Some(i) if body[i] != b'<' && body[i] != b'{' => {
                format!(
                    " (byte offset {}: a feed starts with '<', this file with {:?})",
                    i + bytes.len() - body.len(),
                    char::from(body[i])
                )
            }
            None => " (the file holds no feed)".to_owned(),
            _ => String::new(),
        };
        WebError::new("bad feed", format!("not an RSS or Atom feed: {e}{at}"))
    })?;
    let outlet =
        feed.title.as_ref().map(text_of).and_then(some).or_else(|| feed.links.iter().find_map(|l| host_of(&l.href)));
    let language = feed.language.clone();
    Ok(feed.entries.iter().enumerate().map(|(i, e)| item(i + 1, e, outlet.as_deref(), language.as_deref())).collect())
}

fn item(number: usize, e: &Entry, outlet: Option<&str>, language: Option<&str>) -> FeedItem {
    let content = e.content.as_ref().and_then(|c| c.body.as_deref()).map(fragment_text).and_then(some);
    let text = content.or_else(|| e.summary.as_ref().map(|s| fragment_text(&s.content)).and_then(some));
    let Some(text) = text else {
        let reason = format!("item {number} has no text: neither content nor a description");
        return FeedItem { number, article: Err(WebError::new("no content", reason)) };
    };
    let url =
        e.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate")).map(|l| l.href.trim().to_owned());
    let url = url.filter(|u| !u.is_empty());
    let article = FeedArticle {
        text,
        title: e.title.as_ref().map(text_of).and_then(some),
        outlet: outlet.map(str::to_owned).or_else(|| url.as_deref().and_then(host_of)),
        url,
        published: e.published.or(e.updated).map(|d| d.format("%Y-%m-%d").to_string()),
        author: e.authors.iter().find_map(|a| a.name.clone().map(|n| collapse(&n)).and_then(some)),
        language: e
            .language
            .as_deref()
            .or(language)
            .and_then(|l| l.split(['-', '_']).next())
            .map(str::to_ascii_lowercase),
    };
    FeedItem { number, article: Ok(article) }
}
