//! Web inputs on the project's own small pages (`tests/web/`): the page around the
//! article dropped, metadata taken in its order of precedence, charsets from every
//! place they are declared, feeds item by item, and bad input reported with its position.

use std::path::PathBuf;

use marsad::input::web::{read_feed, read_page, WarcEntry, WarcPages, WebFormat};
use marsad::input::Limits;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/web").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_page_around_the_article_is_dropped() {
    let page = read_page(&fixture("news_page.html"), None, &Limits::default()).unwrap();
    let lines: Vec<&str> = page.text.lines().collect();
    assert_eq!(lines.len(), 3, "{}", page.text);
    assert!(lines[0].starts_with("قال وزير الخارجية"));
    assert!(lines[1].starts_with("وأضاف الوزير"));
    assert!(lines[2].starts_with("وأكد أن بلاده"));
    for gone in
        ["ملفات تعريف", "الرئيسية", "إعلان", "اقرأ أيضا", "خبر آخر", "تعليق القارئ", "حقوق", "tracking", "content:"]
    {
        assert!(!page.text.contains(gone), "{gone:?} in {}", page.text);
    }
}

#[test]
fn json_ld_comes_before_open_graph_and_meta_names() {
    let m = read_page(&fixture("news_page.html"), None, &Limits::default()).unwrap().meta;
    assert_eq!(m.title.as_deref(), Some("العنوان من JSON-LD"));
    assert_eq!(m.published.as_deref(), Some("2019-03-01"), "the day as written, not the <time> nor og");
    assert_eq!(m.outlet.as_deref(), Some("صحيفة المثال"));
    assert_eq!(m.author.as_deref(), Some("سارة الكاتبة"));
    assert_eq!(m.url.as_deref(), Some("https://www.example.com/news/2019/03/01/story"));
    assert_eq!(m.language.as_deref(), Some("ar"));
}

#[test]
fn open_graph_and_then_the_title_tag() {
    let og = read_page(&fixture("og_only.html"), None, &Limits::default()).unwrap();
    assert_eq!(og.meta.title.as_deref(), Some("العنوان من Open Graph"));
    assert_eq!(og.meta.outlet.as_deref(), Some("موقع المثال"));
    assert_eq!(og.meta.url.as_deref(), Some("https://example.org/a/1"));
    assert_eq!(og.meta.published.as_deref(), Some("2020-06-15"));
    assert!(og.text.starts_with("أعلنت وزارة الصحة") && og.text.lines().count() == 2, "{}", og.text);
    assert!(!og.text.contains("مرتبط"), "{}", og.text);

    let t = read_page(&fixture("title_only.html"), None, &Limits::default()).unwrap();
    assert_eq!(t.meta.title.as_deref(), Some("اجتماع مجلس الوزراء"), "the site's name dropped from <title>");
    assert_eq!(t.meta.outlet.as_deref(), Some("جريدة الأمس"));
    assert_eq!(t.meta.published, None);
    let lines: Vec<&str> = t.text.lines().collect();
    assert_eq!(lines.len(), 2, "<br><br> separates paragraphs: {}", t.text);
    assert!(!t.text.contains("الرئيسية"));
}

#[test]
fn charsets_from_http_equiv_detection_and_a_byte_order_mark() {
    let utf8 = read_page(&fixture("og_only.html"), None, &Limits::default()).unwrap();
    for (name, encoding) in [
        ("og_only_1256.html", "windows-1256"),
        ("og_only_8859_6_undeclared.html", "ISO-8859-6"),
        ("og_only_utf16.html", "UTF-16LE"),
    ] {
        let page = read_page(&fixture(name), None, &Limits::default()).unwrap();
        assert_eq!(page.encoding, encoding, "{name}");
        assert_eq!(page.text, utf8.text, "{name}");
        assert_eq!(page.meta, utf8.meta, "{name}");
    }
}

#[test]
fn pages_without_content_and_truncated_pages_are_refused_with_where() {
    let e = read_page(&fixture("no_content.html"), None, &Limits::default()).unwrap_err();
    assert_eq!(e.kind, "no content");
    let bytes = fixture("truncated.html");
    let e = read_page(&bytes, None, &Limits::default()).unwrap_err();
    assert_eq!(e.kind, "truncated");
    assert!(e.reason.contains(&format!("byte offset {}", bytes.len())), "{}", e.reason);
    // cut inside a character: still truncated, not undecodable
    let page = fixture("news_page.html");
    let cut = &page[..page.len() / 2];
    let cut = if std::str::from_utf8(cut).is_ok() { &page[..page.len() / 2 + 1] } else { cut };
    let e = read_page(cut, None, &Limits::default()).unwrap_err();
    assert_eq!(e.kind, "truncated", "{}", e.reason);
}

#[test]
fn feeds_give_an_article_per_item() {
    let items = read_feed(&fixture("feed.rss")).unwrap();
    assert_eq!(items.len(), 3);
    let first = items[0].article.as_ref().unwrap();
    assert_eq!(first.text, "النص الكامل للخبر الأول، في فقرتين.\nوالفقرة الثانية برابط في وسطها.");
    assert_eq!(first.title.as_deref(), Some("الخبر الأول"));
    assert_eq!(first.url.as_deref(), Some("https://agency.example/1"));
    assert_eq!(first.published.as_deref(), Some("2015-07-21"));
    assert_eq!(first.author.as_deref(), Some("مراسل الوكالة"));
    assert_eq!(first.outlet.as_deref(), Some("وكالة المثال"));
    let second = items[1].article.as_ref().unwrap();
    assert_eq!(second.text, "وصف الخبر الثاني وحده، بلا محتوى كامل.", "the description when there is no content");
    let third = items[2].article.as_ref().unwrap_err();
    assert_eq!((items[2].number, third.kind), (3, "no content"));

    let atom = read_feed(&fixture("feed.atom")).unwrap();
    let entry = atom[0].article.as_ref().unwrap();
    assert_eq!(entry.text, "نص التدوينة الكامل هنا.");
    assert_eq!((entry.author.as_deref(), entry.published.as_deref()), (Some("كاتبة المدونة"), Some("2020-01-02")));
    assert_eq!(entry.outlet.as_deref(), Some("مدونة المثال"));

    let e = read_feed("هذه ليست قناة".as_bytes()).unwrap_err();
    assert_eq!(e.kind, "bad feed");
    assert!(e.reason.contains("byte offset 0"), "{}", e.reason);
}

#[test]
fn warc_files_plain_and_gzip_give_their_pages_and_report_a_broken_record() {
    for name in ["crawl.warc", "crawl.warc.gz"] {
        let bytes = fixture(name);
        let entries: Vec<WarcEntry> = if name.ends_with(".gz") {
            WarcPages::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(&bytes[..]))).collect()
        } else {
            WarcPages::new(&bytes[..]).collect()
        };
        let mut pages = Vec::new();
        let mut broken = Vec::new();
        let mut others = 0;
        for e in entries {
            match e {
                WarcEntry::Page(p) => pages.push(p),
                WarcEntry::Broken { number, reason, .. } => broken.push((number, reason)),
                WarcEntry::Other(_) => others += 1,
            }
        }
        assert_eq!(pages.len(), 1, "{name}");
        assert_eq!((pages[0].number, pages[0].uri.as_deref()), (3, Some("https://example.org/a/1?from=crawl")));
        assert_eq!(pages[0].charset.as_deref(), Some("windows-1256"));
        let page = read_page(&pages[0].body, pages[0].charset.as_deref(), &Limits::default()).unwrap();
        assert!(page.text.starts_with("أعلنت وزارة الصحة"), "{name}: {}", page.text);
        assert_eq!(broken.len(), 1, "{name}: {broken:?}");
        assert_eq!(broken[0].0, 4, "{name}");
        assert_eq!(others, 3, "{name}: warcinfo, request, an image");
    }
}

#[test]
fn formats_are_told_by_the_file_name() {
    let of = |n: &str| WebFormat::of(std::path::Path::new(n));
    assert_eq!(of("a/b.HTML"), Some(WebFormat::Html));
    assert_eq!(of("x.htm"), Some(WebFormat::Html));
    assert_eq!(of("news.rss"), Some(WebFormat::Feed));
    assert_eq!(of("crawl.warc.gz"), Some(WebFormat::Warc));
    assert_eq!(of("notes.gz"), None);
    assert_eq!(of("article.txt"), None);
}
