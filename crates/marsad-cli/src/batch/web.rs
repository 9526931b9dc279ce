//! Articles from the web's formats in a batch: a saved page is one article, a feed
//! one per item, a WARC file one per HTML response record.
//!
//! Items are named by file and position — `page.html`, `news.rss:item 3`,
//! `crawl.warc.gz:record 12` — in messages, error records and the store's `source`.
//! A page is decoded and its main content found in [`decode_page`], in parallel with
//! the other articles; feed items and WARC records are split here, in order.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use marsad::input::web::{read_feed, read_page, WarcEntry, WarcPages, WebError, WebFormat};
use marsad::Metadata;

use super::{Article, Decoded, Item, Reading, RecordFields, Skip};

/// What an article's bytes are.
#[derive(Clone, Debug, Default)]
pub enum Form {
    /// Plain text in any encoding marsad reads.
    #[default]
    Text,
    /// A saved HTML page; from a WARC record, with its HTTP charset and its address.
    Page {
        /// The charset of the HTTP `Content-Type`.
        charset: Option<String>,
        /// The address it was fetched from, which names it over its own canonical link.
        url: Option<String>,
    },
}

impl Skip {
    fn web(e: WebError) -> Skip {
        Skip { kind: e.kind, reason: e.reason }
    }
}

/// Decodes a saved page: its main content as text, its metadata over the defaults.
pub(super) fn decode_page(
    reading: &Reading,
    article: Article,
    charset: Option<&str>,
    url: Option<String>,
) -> Result<Decoded, Skip> {
    let page = read_page(&article.bytes, charset, &reading.limits).map_err(Skip::web)?;
    let mut meta = article.meta;
    let m = page.meta;
    meta.title = m.title.or(meta.title);
    meta.outlet = m.outlet.or(meta.outlet);
    meta.url = url.or(m.url).or(meta.url);
    meta.published = m.published.or(meta.published);
    meta.language = m.language.or(meta.language);
    meta.encoding = Some(page.encoding.to_owned());
    let record = RecordFields { author: m.author.or(article.record.author), ..article.record };
    let warnings = page.warnings.into_iter().chain(article.warnings).collect();
    Ok(Decoded { text: page.text, meta, warnings, record })
}

/// Counts of the WARC records that are not pages, for a note at the end of the file.
#[derive(Default)]
pub(super) struct Others(BTreeMap<String, usize>);

impl Others {
    /// `12 records: 4 HTML pages; skipped 4 request records, 3 metadata records, 1 response of image/png`.
    fn note(&self, path: &str, records: usize, pages: usize) -> Option<String> {
        if self.0.is_empty() {
            return None;
        }
        let parts: Vec<String> = self.0.iter().map(|(what, n)| format!("{n} × {what}")).collect();
        Some(format!(
            "marsad: {path}: {records} records, {pages} HTML page{}; not pages, skipped: {}",
            if pages == 1 { "" } else { "s" },
            parts.join(", ")
        ))
    }
}

fn unreadable(path: &str, e: std::io::Error) -> Item {
    let reason = format!("{:#}", crate::io::reason(Path::new(path), e));
    Item { name: path.to_owned(), article: Err(Skip { kind: "unreadable", reason }), dated: None }
}

/// The articles of a web file, in order; `notes` gets what a person should know
/// about the file as a whole (records that are not pages).
pub(super) fn items<'a>(
    path: &str,
    format: WebFormat,
    reading: &'a Reading,
    notes: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
) -> Box<dyn Iterator<Item = Item> + 'a> {
    let defaults = Metadata { source: Some(path.to_owned()), ..reading.meta.clone() };
    match format {
        WebFormat::Html => {
            let article =
                crate::io::read_input(path, &reading.limits).map_err(|e| Skip::input(&e)).map(|bytes| Article {
                    bytes,
                    meta: defaults,
                    warnings: Vec::new(),
                    record: RecordFields::default(),
                    form: Form::Page { charset: None, url: None },
                });
            Box::new(std::iter::once(Item { name: path.to_owned(), article, dated: None }))
        }
        WebFormat::Feed => {
            let bytes = match crate::io::read_input(path, &reading.limits) {
                Ok(b) => b,
                Err(e) => {
                    return Box::new(std::iter::once(Item {
                        name: path.to_owned(),
                        article: Err(Skip::input(&e)),
                        dated: None,
                    }))
                }
            };
            let items = match read_feed(&bytes) {
                Ok(items) => items,
                Err(e) => {
                    return Box::new(std::iter::once(Item {
                        name: path.to_owned(),
                        article: Err(Skip::web(e)),
                        dated: None,
                    }))
                }
            };
            let path = path.to_owned();
            Box::new(items.into_iter().map(move |it| {
                let name = format!("{path}:item {}", it.number);
                let article = it.article.map_err(Skip::web).map(|a| {
                    let mut meta = Metadata { source: Some(name.clone()), ..defaults.clone() };
                    meta.title = a.title.or(meta.title);
                    meta.url = a.url.or(meta.url);
                    meta.outlet = a.outlet.or(meta.outlet);
                    meta.published = a.published.or(meta.published);
                    meta.language = a.language.or(meta.language);
                    let record = RecordFields { author: a.author, id: None };
                    Article { bytes: a.text.into_bytes(), meta, warnings: Vec::new(), record, form: Form::Text }
                });
                Item { name, article, dated: None }
            }))
        }
        WebFormat::Warc => {
            let file = match std::fs::File::open(path) {
                Ok(f) => f,
                Err(e) => return Box::new(std::iter::once(unreadable(path, e))),
            };
            let reader: Box<dyn BufRead> = if path.to_ascii_lowercase().ends_with(".gz") {
                Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(BufReader::new(file))))
            } else {
                Box::new(BufReader::with_capacity(1 << 16, file))
            };
            Box::new(WarcItems {
                path: path.to_owned(),
                entries: WarcPages::new(reader),
                defaults,
                others: Others::default(),
                records: 0,
                pages: 0,
                notes,
                max_bytes: reading.limits.max_bytes,
            })
        }
    }
}

/// The pages of a WARC file as items.
struct WarcItems<R> {
    path: String,
    entries: WarcPages<R>,
    defaults: Metadata,
    others: Others,
    records: usize,
    pages: usize,
    notes: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    max_bytes: usize,
}

impl<R: BufRead> Iterator for WarcItems<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let Some(entry) = self.entries.next() else {
                if let Some(note) = self.others.note(&self.path, self.records, self.pages) {
                    self.notes.borrow_mut().push(note);
                    self.others = Others::default();
                }
                return None;
            };
            self.records += 1;
            match entry {
                WarcEntry::Other(what) => *self.others.0.entry(what).or_default() += 1,
                WarcEntry::Broken { number, offset, reason } => {
                    let name = format!("{}:record {number}", self.path);
                    let reason = format!("WARC record {number} at byte offset {offset}: {reason}");
                    return Some(Item { name, article: Err(Skip { kind: "bad record", reason }), dated: None });
                }
                WarcEntry::Page(page) => {
                    self.pages += 1;
                    let name = format!("{}:record {}", self.path, page.number);
                    if page.body.len() > self.max_bytes {
                        let reason = format!(
                            "WARC record {} at byte offset {}: the page is {} bytes, more than the limit of {} bytes (--max-bytes)",
                            page.number, page.offset, page.body.len(), self.max_bytes
                        );
                        return Some(Item { name, article: Err(Skip { kind: "too large", reason }), dated: None });
                    }
                    let meta = Metadata { source: Some(name.clone()), ..self.defaults.clone() };
                    let article = Article {
                        bytes: page.body,
                        meta,
                        warnings: Vec::new(),
                        record: RecordFields::default(),
                        form: Form::Page { charset: page.charset, url: page.uri },
                    };
                    return Some(Item { name, article: Ok(article), dated: None });
                }
            }
        }
    }
}
