//! The HTML report keeps everything taken from the input inert: script and markup
//! payloads in the article text, the title, the outlet and the URL come out as text,
//! never as elements, attributes, event handlers or links to anything but the web.

use marsad::{Metadata, Pipeline};
use marsad_render::html;

/// Markup and script payloads of the usual kinds (tags, attribute breakouts, URL
/// schemes, comments, CDATA, template syntax, entity tricks, NUL bytes).
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg/onload=alert(1)>",
    "javascript:alert(document.cookie)",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</textarea><iframe src=\"https://evil.example\"></iframe>",
    "<a href=\"javascript:alert(1)\">اضغط</a>",
    "<body onload=alert(1)>",
    "<!--<script>alert(1)--></script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "{{7*7}} ${alert(1)} `alert(1)`",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<input autofocus onfocus=alert(1)>",
    "\u{0}<script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>",
    "\"onmouseover=\"alert(1)",
];

/// The elements the report itself writes.
const ALLOWED: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "dl", "dt", "dd", "a", "bdi", "ul", "li",
    "code", "div", "main", "input", "label", "article", "span", "aside", "table", "thead", "tbody", "tr", "th", "td",
    "p", "strong", "br", // the persuasion profile: a static chart, no script
    "figure", "svg", "rect", "text",
];

/// The tags of a page, with their attribute text.
fn tags(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("every tag closes");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let tag = tag.trim_start_matches('/');
        if tag.starts_with('!') {
            out.push(("!".to_owned(), tag.to_owned()));
            continue;
        }
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        out.push((name.to_ascii_lowercase(), tag[name.len()..].to_owned()));
    }
    out
}

fn check(page: &str, payload: &str) {
    for (name, attrs) in tags(page) {
        if name == "!" {
            assert_eq!(attrs, "!doctype html", "only the doctype is a declaration ({payload:?})");
            continue;
        }
        assert!(ALLOWED.contains(&name.as_str()), "element <{name}> from payload {payload:?}");
        let lower = attrs.to_ascii_lowercase();
        // attribute names: the text before each `=` that starts a value
        for part in lower.split('"').step_by(2) {
            for word in part.split_whitespace() {
                let attr = word.trim_end_matches('=');
                assert!(!attr.starts_with("on"), "event handler {attr} in <{name}> from payload {payload:?}");
                assert!(
                    !["src", "srcdoc", "formaction", "style", "action"].contains(&attr),
                    "attribute {attr} from {payload:?}"
                );
            }
        }
        if let Some(href) = lower.split("href=\"").nth(1) {
            assert!(href.starts_with("http://") || href.starts_with("https://"), "link {href} from {payload:?}");
        }
    }
    assert!(!page.contains('\0'), "a NUL byte reaches the page");
    let css = page.split("<style>").nth(1).and_then(|s| s.split("</style>").next()).unwrap();
    assert!(!css.contains("@import") && !css.contains("url("), "the style sheet loads nothing ({payload:?})");
}

#[test]
fn payloads_in_text_title_outlet_and_url_stay_text() {
    let pipeline = Pipeline::new();
    for payload in PAYLOADS {
        let text =
            format!("قال الوزير إن «{payload}» ليس إلا رسالة. {payload}\nوأكدت وزارة الخارجية المغربية ذلك {payload}.");
        let meta = Metadata {
            title: Some(format!("عنوان {payload}")),
            outlet: Some((*payload).to_owned()),
            url: Some((*payload).to_owned()),
            published: Some("2025-01-16".into()),
            ..Metadata::default()
        };
        let page = html::render(&pipeline.analyze(text, meta));
        check(&page, payload);
    }
}

#[test]
fn a_web_address_becomes_a_link_and_nothing_else_does() {
    let pipeline = Pipeline::new();
    let page = |url: &str| {
        html::render(&pipeline.analyze(
            "قال الوزير إن المحادثات ستستأنف غدا.",
            Metadata { url: Some(url.to_owned()), ..Metadata::default() },
        ))
    };
    assert!(page("https://example.com/news?id=1&x=\"2\"")
        .contains("href=\"https://example.com/news?id=1&amp;x=&quot;2&quot;\""));
    for url in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x"]
    {
        let p = page(url);
        assert!(!p.contains("href="), "{url} became a link");
        check(&p, url);
    }
}
