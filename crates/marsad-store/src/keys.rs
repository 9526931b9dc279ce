//! The keys that say whether two articles are the same: the outlet, the canonical
//! address, and hashes of the text as given and of its normalised form.

use marsad_core::normalize::key_of;
use sha2::{Digest, Sha256};

/// What identifies an article in the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleKeys {
    /// The outlet, trimmed; empty when unknown.
    pub outlet: String,
    /// The canonical address ([`canonical_url`]), when the article has one.
    pub canonical_url: Option<String>,
    /// SHA-256 of the text exactly as stored, in hex.
    pub text_hash: String,
    /// SHA-256 of the normalised text ([`normalised_for_identity`]), in hex.
    pub norm_hash: String,
}

impl ArticleKeys {
    /// The keys of an article's text, outlet and address.
    pub fn new(text: &str, outlet: Option<&str>, url: Option<&str>) -> Self {
        ArticleKeys {
            outlet: outlet.map(str::trim).unwrap_or_default().to_owned(),
            canonical_url: url.and_then(canonical_url),
            text_hash: sha256_hex(text.as_bytes()),
            norm_hash: sha256_hex(normalised_for_identity(text).as_bytes()),
        }
    }
}

/// The text as compared for identity: marsad's matching key (letters unified,
/// diacritics and tatweel dropped, Latin lower-cased) with every run of white space
/// made one space, so that re-encoded, re-wrapped or re-vocalised copies compare equal.
pub fn normalised_for_identity(text: &str) -> String {
    let key = key_of(text);
    let mut out = String::with_capacity(key.len());
    for word in key.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The canonical form of an address: scheme and host lower-cased, default port,
/// fragment, tracking parameters (`utm_*`, `fbclid`, `gclid`) and a trailing `/`
/// dropped, the path percent-decoded so that `%D8%A8` and `ب` are one address.
/// `None` for what is not an absolute http(s) address (it then plays no part in
/// identity).
pub fn canonical_url(raw: &str) -> Option<String> {
    let mut url = url::Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !(k.starts_with("utm_") || k == "fbclid" || k == "gclid"))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    // http and https name the same article on news sites
    let host = url.host_str()?.trim_start_matches("www.").to_owned();
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let path = url.path().trim_end_matches('/');
    let path = percent_decode(path);
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    Some(format!("{host}{port}{path}{query}"))
}

/// Decodes `%XX` escapes that make valid UTF-8; the rest is kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// SHA-256 in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_that_name_one_article_are_one() {
        let a = canonical_url("https://www.example.com/news/123/?utm_source=x#top");
        let b = canonical_url("http://example.com/news/123");
        assert_eq!(a, b);
        assert_eq!(a.as_deref(), Some("example.com/news/123"));
        assert_eq!(canonical_url("http://aawsat.com/a/%D8%A8"), canonical_url("http://aawsat.com/a/ب"));
        assert_ne!(canonical_url("http://a.com/x?id=1"), canonical_url("http://a.com/x?id=2"));
        assert_eq!(canonical_url("not a url"), None);
        assert_eq!(canonical_url("file:///tmp/x"), None);
    }

    #[test]
    fn vocalisation_and_wrapping_do_not_change_the_normalised_hash() {
        let a = ArticleKeys::new("قالَ الوزيرُ\n  إنّ", Some("x"), None);
        let b = ArticleKeys::new("قال الوزير إن", Some(" x "), None);
        assert_eq!(a.norm_hash, b.norm_hash);
        assert_ne!(a.text_hash, b.text_hash);
        assert_eq!(a.outlet, b.outlet);
        let c = ArticleKeys::new("قال الرئيس إن", Some("x"), None);
        assert_ne!(a.norm_hash, c.norm_hash);
    }
}
