//! WARC files (ISO 28500; `.warc`, and `.warc.gz` whose records are gzip members):
//! the HTML pages among their response records.
//!
//! Records are parsed by the `warc` crate, one at a time from a reader that counts
//! bytes, so that each record has its number (from 1) and its byte offset (in the
//! uncompressed stream). A `response` record whose HTTP status is 2xx and whose
//! `Content-Type` is HTML is a page: its HTTP header is stripped (a chunked body
//! joined, a gzip or deflate body inflated) and the header's charset passed on. Other
//! records (`warcinfo`, `request`, `metadata`, responses of images, redirects…) are
//! [`WarcEntry::Other`], to be counted. A broken record (a header that does not
//! parse, a body shorter or longer than its `Content-Length`) is
//! [`WarcEntry::Broken`] with its number and offset, and reading goes on at the next
//! line that starts a record (`WARC/1.`); damaged gzip data ends the file.

use std::io::{BufRead, Read};

use warc::{WarcHeader, WarcReader};

/// A `BufRead` that counts the bytes consumed.
struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.consumed += amt as u64;
        self.inner.consume(amt);
    }
}

/// An HTML page from a WARC response record.
#[derive(Clone, Debug)]
pub struct WarcPage {
    /// The record's number in the file, from 1.
    pub number: usize,
    /// The record's byte offset in the (uncompressed) file.
    pub offset: u64,
    /// `WARC-Target-URI`: the address the page was fetched from.
    pub uri: Option<String>,
    /// The charset of the HTTP `Content-Type`, when it names one.
    pub charset: Option<String>,
    /// The page's bytes, HTTP header stripped.
    pub body: Vec<u8>,
}

/// What one record of a WARC file gives.
#[derive(Clone, Debug)]
pub enum WarcEntry {
    /// An HTML page.
    Page(WarcPage),
    /// A record that is not an HTML page (`request`, `metadata`, an image…): what it is.
    Other(String),
    /// A record that cannot be read: its number, offset and why.
    Broken {
        /// The record's number, from 1.
        number: usize,
        /// Its byte offset in the (uncompressed) file.
        offset: u64,
        /// Why it cannot be read.
        reason: String,
    },
}

/// The entries of a WARC file, read lazily.
pub struct WarcPages<R> {
    reader: Counting<R>,
    number: usize,
    done: bool,
}

impl<R: BufRead> WarcPages<R> {
    /// The records of an uncompressed WARC stream (wrap a `.warc.gz` file in
    /// `flate2::read::MultiGzDecoder` and a `BufReader` first).
    pub fn new(reader: R) -> Self {
        WarcPages { reader: Counting { inner: reader, consumed: 0 }, number: 0, done: false }
    }

    /// Skips to the next line that starts a record; false at the end of the stream.
    fn resync(&mut self) -> std::io::Result<bool> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            if buf.starts_with(b"WARC/1.") {
                return Ok(true);
            }
            let n = memchr::memchr(b'\n', buf).map_or(buf.len(), |i| i + 1);
            self.reader.consume(n);
        }
    }
}

impl<R: BufRead> Iterator for WarcPages<R> {
    type Item = WarcEntry;

    fn next(&mut self) -> Option<WarcEntry> {
        if self.done {
            return None;
        }
        // blank lines between records are not records
        loop {
            match self.reader.fill_buf() {
                Ok([]) => return None,
                Ok(buf) if buf[0] == b'\r' || buf[0] == b'\n' => self.reader.consume(1),
                Ok(_) => break,
                Err(e) => {
                    self.done = true;
                    return Some(self.broken(self.reader.consumed, format!("cannot be read: {e}")));
                }
            }
        }
        self.number += 1;
        let offset = self.reader.consumed;
        let record = WarcReader::new(&mut self.reader).iter_raw_records().next()?;
        match record {
            Ok((header, body)) => Some(entry(self.number, offset, &header.headers, body)),
            Err(e) => {
                let reason = match &e {
                    warc::Error::ReadData(io) => {
                        self.done = true;
                        format!("the data cannot be read ({io}); the rest of the file is not read")
                    }
                    warc::Error::UnexpectedEOB => "the file ends inside the record (truncated)".to_owned(),
                    warc::Error::ReadOverflow => "the record is longer than its Content-Length".to_owned(),
                    other => format!("its header does not parse ({other})"),
                };
                if !self.done {
                    match self.resync() {
                        Ok(more) => self.done = !more,
                        Err(_) => self.done = true,
                    }
                }
                Some(self.broken(offset, reason))
            }
        }
    }
}

impl<R> WarcPages<R> {
    fn broken(&self, offset: u64, reason: String) -> WarcEntry {
        WarcEntry::Broken { number: self.number.max(1), offset, reason }
    }
}

fn header(headers: &std::collections::HashMap<WarcHeader, Vec<u8>>, h: WarcHeader) -> Option<&str> {
    headers.get(&h).and_then(|v| std::str::from_utf8(v).ok()).map(str::trim)
}

fn entry(
    number: usize,
    offset: u64,
    headers: &std::collections::HashMap<WarcHeader, Vec<u8>>,
    body: Vec<u8>,
) -> WarcEntry {
    let kind = header(headers, WarcHeader::WarcType).unwrap_or("").to_ascii_lowercase();
    if kind != "response" {
        return WarcEntry::Other(if kind.is_empty() {
            "record without WARC-Type".to_owned()
        } else {
            format!("{kind} record")
        });
    }
    let block_type = header(headers, WarcHeader::ContentType).unwrap_or("").to_ascii_lowercase();
    if !block_type.starts_with("application/http") {
        return WarcEntry::Other(format!("response record of {block_type}"));
    }
    let uri = header(headers, WarcHeader::TargetURI).map(|u| u.trim_matches(['<', '>']).to_owned());
    match http_page(&body) {
        Ok((charset, page)) => WarcEntry::Page(WarcPage { number, offset, uri, charset, body: page }),
        Err(HttpSkip::NotPage(what)) => WarcEntry::Other(what),
        Err(HttpSkip::Broken(reason)) => WarcEntry::Broken { number, offset, reason },
    }
}

enum HttpSkip {
    NotPage(String),
    Broken(String),
}

/// The HTML page of an HTTP response: its charset and its body.
fn http_page(block: &[u8]) -> Result<(Option<String>, Vec<u8>), HttpSkip> {
    let (head_len, sep) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(i) => (i, 4),
        None => match memchr::memmem::find(block, b"\n\n") {
            Some(i) => (i, 2),
            None => return Err(HttpSkip::Broken("its HTTP response has no end of header".to_owned())),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code = status.split_whitespace().nth(1).and_then(|c| c.parse::<u16>().ok());
    let Some(code) = code.filter(|_| status.starts_with("HTTP/")) else {
        return Err(HttpSkip::Broken(format!("its HTTP status line does not parse: {status:?}")));
    };
    if !(200..300).contains(&code) {
        return Err(HttpSkip::NotPage(format!("HTTP {code} response")));
    }
    let field = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    };
    let content_type = field("content-type").unwrap_or_default();
    let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if mime != "text/html" && mime != "application/xhtml+xml" {
        return Err(HttpSkip::NotPage(format!(
            "response of {}",
            if mime.is_empty() { "no Content-Type" } else { &mime }
        )));
    }
    let charset = super::charset::content_type_charset(&content_type).map(str::to_owned);
    let mut body = block[head_len + sep..].to_vec();
    if field("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body).ok_or_else(|| HttpSkip::Broken("its chunked HTTP body is damaged".to_owned()))?;
    }
    match field("content-encoding").map(|c| c.to_ascii_lowercase()).as_deref() {
        None | Some("identity") | Some("") => {}
        Some("gzip") | Some("x-gzip") => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]))?,
        Some("deflate") => body = inflate(flate2::read::ZlibDecoder::new(&body[..]))?,
        Some(other) => return Err(HttpSkip::NotPage(format!("response in {other} content encoding"))),
    }
    Ok((charset, body))
}

fn inflate(mut r: impl Read) -> Result<Vec<u8>, HttpSkip> {
    let mut out = Vec::new();
    r.read_to_end(&mut out).map_err(|e| HttpSkip::Broken(format!("its compressed HTTP body is damaged: {e}")))?;
    Ok(out)
}

/// Joins the chunks of a chunked HTTP body; `None` when they are damaged.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = memchr::memchr(b'\n', data)?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?.trim();
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = &data[size..];
        data = data.strip_prefix(b"\r\n").or_else(|| data.strip_prefix(b"\n")).unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, block_type: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: 2015-07-21T10:00:00Z\r\n\
             WARC-Target-URI: {uri}\r\nContent-Type: {block_type}\r\nContent-Length: {}\r\n\r\n",
            uuid_like(kind),
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn uuid_like(kind: &str) -> String {
        format!("00000000-0000-0000-0000-{:012}", kind.len())
    }

    #[test]
    fn pages_other_records_and_a_broken_one() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\n\r\n<html>x</html>";
        let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<html\r\n8\r\n>y</html\r\n1\r\n>\r\n0\r\n\r\n";
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
        let mut file = record("warcinfo", "application/warc-fields", "x", b"software: test\r\n");
        file.extend(record("response", "application/http; msgtype=response", "http://a.example/1", page));
        file.extend(record(
            "request",
            "application/http; msgtype=request",
            "http://a.example/1",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        file.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\nnot a body\r\n\r\n");
        file.extend(record("response", "application/http; msgtype=response", "http://a.example/2", chunked));
        file.extend(record("response", "application/http; msgtype=response", "http://a.example/3", image));
        let broken_offset = file.len();
        file.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\ncut short");
        let entries: Vec<WarcEntry> = WarcPages::new(&file[..]).collect();
        let pages: Vec<&WarcPage> =
            entries.iter().filter_map(|e| if let WarcEntry::Page(p) = e { Some(p) } else { None }).collect();
        assert_eq!(pages.len(), 2, "{entries:?}");
        assert_eq!((pages[0].number, pages[0].uri.as_deref()), (2, Some("http://a.example/1")));
        assert_eq!((pages[0].charset.as_deref(), &pages[0].body[..]), (Some("windows-1256"), &b"<html>x</html>"[..]));
        assert_eq!((pages[1].number, &pages[1].body[..]), (5, &b"<html>y</html>"[..]));
        let broken: Vec<(usize, u64)> = entries
            .iter()
            .filter_map(
                |e| if let WarcEntry::Broken { number, offset, .. } = e { Some((*number, *offset)) } else { None },
            )
            .collect();
        assert_eq!(broken.len(), 2, "{entries:?}");
        assert_eq!(broken[0].0, 4);
        assert_eq!(broken[1], (7, broken_offset as u64));
        let others = entries.iter().filter(|e| matches!(e, WarcEntry::Other(_))).count();
        assert_eq!(others, 3);
    }
}
