//! A page's metadata: title, publication date, outlet, author, address, language.
//!
//! Each is taken from the first place that gives it, in this order (the most
//! deliberate statement first: JSON-LD is written for machines about the article
//! itself; Open Graph for sharing the page; plain `<meta>` names are older and
//! looser; the visible page last):
//!
//! | field | from |
//! |---|---|
//! | title | JSON-LD `headline`, `og:title`, `twitter:title`, `<meta name="title">`, the page's `<h1>` in the main content, `<title>` without the site's name |
//! | date | JSON-LD `datePublished`, `article:published_time`, `<meta name>` `pubdate` / `publishdate` / `date` / `dc.date` / `dcterms.date` / `dc.date.issued` / `parsely-pub-date`, `itemprop="datePublished"`, the first `<time datetime>` in the main content, then in the page |
//! | outlet | JSON-LD `publisher.name`, `og:site_name`, `application-name`, the host of the address (`www.` dropped) |
//! | author | JSON-LD `author` (`name`, a string, or the first of a list), `<meta name="author">`, `article:author` (when not an address), `<meta name="byl">` |
//! | address | `<link rel="canonical">`, `og:url`, JSON-LD `url` / `mainEntityOfPage` |
//! | language | `<html lang>`, `content-language`, JSON-LD `inLanguage`, `og:locale` (the primary subtag: `ar-SA` → `ar`) |
//!
//! JSON-LD is read from every `<script type="application/ld+json">`: the first
//! object (also inside a list or an `@graph`) whose `@type` is an article
//! (`NewsArticle`, `Article`, `ReportageNewsArticle`, `AnalysisNewsArticle`,
//! `OpinionNewsArticle`, `BlogPosting`…). A script that is not JSON is ignored.

use scraper::{Html, Selector};
use serde_json::Value;

use crate::input::record::parse_date;

/// What a page says about itself, each field from the first place that gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline.
    pub title: Option<String>,
    /// Publication day, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The site's name.
    pub outlet: Option<String>,
    /// The author or authors' first.
    pub author: Option<String>,
    /// The page's canonical address.
    pub url: Option<String>,
    /// ISO 639 code of the page's language.
    pub language: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "Report",
];

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

/// The `<meta>` tags of a page, by lower-cased `name`, `property` or `itemprop`.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn of(doc: &Html) -> MetaTags {
        let mut tags = Vec::new();
        for m in doc.select(&selector("meta")) {
            let v = m.value();
            let Some(content) = v.attr("content") else { continue };
            let content = super::extract::collapse(content);
            if content.is_empty() {
                continue;
            }
            for key in ["name", "property", "itemprop", "http-equiv"] {
                if let Some(k) = v.attr(key) {
                    tags.push((k.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        MetaTags(tags)
    }

    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.0.iter().find(|(name, _)| name == k).map(|(_, v)| v.clone()))
    }
}

/// The first article object of the page's JSON-LD.
fn json_ld_article(doc: &Html) -> Option<Value> {
    fn find(v: &Value) -> Option<&Value> {
        match v {
            Value::Array(items) => items.iter().find_map(find),
            Value::Object(o) => {
                let is_article = match o.get("@type") {
                    Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                    _ => false,
                };
                if is_article {
                    Some(v)
                } else {
                    o.get("@graph").and_then(find)
                }
            }
            _ => None,
        }
    }
    doc.select(&selector(r#"script[type="application/ld+json"]"#)).find_map(|s| {
        let json: Value = serde_json::from_str(s.text().collect::<String>().trim()).ok()?;
        find(&json).cloned()
    })
}

/// A JSON-LD value as a name: a string, an object's `name`, or the first of a list.
fn ld_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(ld_name),
        Value::Array(items) => items.iter().find_map(ld_name),
        _ => None,
    }
    .map(|s| ld_text(&s))
    .filter(|s| !s.is_empty())
}

/// A JSON-LD string as text. Some sites write HTML into it (`&#171;`, `&amp;`,
/// `<b>`), which is read as HTML; other strings only have their white space collapsed.
fn ld_text(s: &str) -> String {
    if s.contains('&') || s.contains('<') {
        super::extract::fragment_text(s).replace('\n', " ")
    } else {
        super::extract::collapse(s)
    }
}

/// A JSON-LD value as an address: a string or an object's `@id` or `url`.
fn ld_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Object(o) => o.get("@id").or_else(|| o.get("url")).and_then(ld_url),
        _ => None,
    }
    .filter(|s| s.starts_with("http"))
}

fn day(s: &str) -> Option<String> {
    parse_date(s).map(|d| d.format("%Y-%m-%d").to_string())
}

/// The primary language subtag, lower-cased: `ar-SA` and `ar_SA` are `ar`.
fn language_code(s: &str) -> Option<String> {
    let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

/// The host of an address, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (!host.is_empty()).then_some(host)
}

/// `<title>` without the site's name: `Headline - Site`, `Site | Headline`.
fn title_without_site(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else { return title.to_owned() };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
        let parts: Vec<&str> = title.split(sep).collect();
        if parts.len() > 1 {
            let kept: Vec<&str> = parts.iter().copied().filter(|p| p.trim() != outlet.trim()).collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return kept.join(sep);
            }
        }
    }
    title.to_owned()
}

/// Reads a page's metadata. `main_heading` and `main_time` are the `<h1>` and
/// `<time datetime>` of the main content, when the extractor found them.
pub(crate) fn page_meta(
    doc: &Html,
    main_heading: Option<&str>,
    main_time: Option<&str>,
    any_time: Option<&str>,
) -> PageMeta {
    let tags = MetaTags::of(doc);
    let ld = json_ld_article(doc);
    let ld_get = |k: &str| ld.as_ref().and_then(|v| v.get(k));

    let url = doc
        .select(&selector(r#"link[rel~="canonical"]"#))
        .find_map(|l| l.value().attr("href").map(str::trim).filter(|h| h.starts_with("http")).map(str::to_owned))
        .or_else(|| tags.get(&["og:url"]).filter(|u| u.starts_with("http")))
        .or_else(|| ld_get("url").and_then(ld_url))
        .or_else(|| ld_get("mainEntityOfPage").and_then(ld_url));

    let outlet = ld_get("publisher")
        .and_then(ld_name)
        .or_else(|| tags.get(&["og:site_name", "application-name"]))
        .or_else(|| url.as_deref().and_then(host_of));

    let page_title =
        doc.select(&selector("title")).next().map(|t| super::extract::collapse(&t.text().collect::<String>()));
    let title = ld_get("headline")
        .and_then(ld_name)
        .or_else(|| tags.get(&["og:title", "twitter:title", "title"]))
        .or_else(|| main_heading.map(str::to_owned).filter(|h| !h.is_empty()))
        .or_else(|| page_title.filter(|t| !t.is_empty()).map(|t| title_without_site(&t, outlet.as_deref())));

    let published = ld_get("datePublished")
        .and_then(Value::as_str)
        .and_then(day)
        .or_else(|| {
            let keys = [
                "article:published_time",
                "pubdate",
                "publishdate",
                "date",
                "dc.date",
                "dcterms.date",
                "dc.date.issued",
                "parsely-pub-date",
                "datepublished",
            ];
            keys.iter().find_map(|k| tags.get(&[*k]).and_then(|v| day(&v)))
        })
        .or_else(|| main_time.and_then(day))
        .or_else(|| any_time.and_then(day));

    let author = ld_get("author")
        .and_then(ld_name)
        .or_else(|| tags.get(&["author"]))
        .or_else(|| tags.get(&["article:author"]).filter(|a| !a.starts_with("http")))
        .or_else(|| tags.get(&["byl"]));

    let language = doc
        .root_element()
        .value()
        .attr("lang")
        .and_then(language_code)
        .or_else(|| tags.get(&["content-language"]).and_then(|l| language_code(&l)))
        .or_else(|| ld_get("inLanguage").and_then(Value::as_str).and_then(language_code))
        .or_else(|| tags.get(&["og:locale"]).and_then(|l| language_code(&l)));

    PageMeta { title, published, outlet, author, url, language }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_the_site_name_and_hosts_their_www() {
        assert_eq!(title_without_site("خبر عاجل - الرياض", Some("الرياض")), "خبر عاجل");
        assert_eq!(title_without_site("الرياض | خبر عاجل", Some("الرياض")), "خبر عاجل");
        assert_eq!(title_without_site("خبر - عاجل", None), "خبر - عاجل");
        assert_eq!(host_of("https://www.Alriyadh.com/123?x=1").as_deref(), Some("alriyadh.com"));
        assert_eq!(language_code("ar-SA").as_deref(), Some("ar"));
        assert_eq!(language_code("x"), None);
        assert_eq!(ld_text("حماية &#171;الأجور&#187; &amp; <b>غيرها</b>"), "حماية «الأجور» & غيرها");
        assert_eq!(ld_text(" عنوان\n  بسيط "), "عنوان بسيط");
    }
}
