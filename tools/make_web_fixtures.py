#!/usr/bin/env python3
"""Build web fixtures from the shared news corpora: saved pages, feeds and WARC files.

    tools/make_web_fixtures.py OUT_DIR [--shared ../shared] [--pages 60] [--seed 18]

Draws a seed-fixed random sample of articles from ../shared/data/news/ (SaudiNewsNet
and the ANT corpus) and writes, under OUT_DIR (e.g. target/tmp/web-fixtures; never
commit it: the articles belong to their outlets):

  pages/*.html   saved pages in five site templates — navigation, ads between the
                 paragraphs, "read also" links, related stories with teaser text,
                 reader comments, cookie banners, scripts, footers — in UTF-8,
                 windows-1256 and ISO-8859-6 (declared by <meta charset>, by
                 http-equiv, or not at all) and UTF-16 with a byte order mark; the
                 metadata in JSON-LD, Open Graph, <meta> names, <time datetime> or
                 only <title>, as the template has it
  feeds/*.rss, *.atom   RSS 2.0 (content:encoded, or only an HTML description) and Atom
  warc/*.warc, *.warc.gz  request, response and metadata records; responses with the
                 charset in the HTTP header, chunked, gzip-encoded; an image and a
                 redirect (not pages); one file with a broken and a truncated record
  broken cases   a truncated page, a page without content, a feed that is not XML

and OUT_DIR/manifest.jsonl: one line per article marsad should store — `file`
(relative to OUT_DIR), `position` (`item N`, `record N` or null), the true `text`
(the corpus text, a paragraph a line), `title`, `date` (YYYY-MM-DD), `outlet`, `url`,
`author`, `template`, `encoding` — and one per input marsad should report as bad,
with `bad` (what is wrong) instead of the text.

The same seed gives the same files. Only the standard library is used.
"""
import argparse
import gzip
import html
import json
import random
import re
import urllib.parse
from pathlib import Path

CORPORA = ["data/news/saudinewsnet/articles.jsonl", "data/news/antcorpus/articles.jsonl"]


def load(shared: Path):
    """Articles with a title, an address and 300–6,000 characters of text, one per text."""
    seen, out = set(), []
    for rel in CORPORA:
        with open(shared / rel, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                paras = [re.sub(r"\s+", " ", p).strip() for p in r.get("text", "").split("\n")]
                paras = [p for p in paras if p]
                text = "\n".join(paras)
                if not (300 <= len(text) <= 6000) or not r.get("title") or not r.get("url"):
                    continue
                key = re.sub(r"\W+", "", text)
                if key in seen:
                    continue
                seen.add(key)
                day = (r.get("date_iso") or r.get("date") or "")[:10]
                if "/" in day:  # 21/04/2017
                    d, m, y = day.split("/")
                    day = f"{y}-{m}-{d}"
                if not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
                    continue
                author = (r.get("author") or "").strip() or None
                title = re.sub(r"\s+", " ", r["title"]).strip()
                out.append({"id": r["id"], "paras": paras, "text": text, "title": title, "date": day,
                            "outlet": r["outlet"], "url": r["url"].strip(), "author": author})
    return out


E = html.escape

NAV = ["الرئيسية", "محليات", "اقتصاد", "رياضة", "ثقافة", "دوليات", "رأي", "اتصل بنا"]
COMMENTS = [
    "هذا الكلام صحيح تماما، ونتمنى من المسؤولين أن ينظروا في الأمر بجدية، فالمواطن ينتظر منذ سنوات.",
    "مقال رائع، شكرا للكاتب على هذا الطرح المتوازن، لكن الحلول المقترحة تحتاج إلى وقت طويل.",
    "لا أتفق مع ما جاء في الخبر، فالأرقام المذكورة غير دقيقة، والواقع مختلف عما يقال في الإعلام.",
]
COOKIE = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمتابعة التصفح فإنك توافق على سياسة الخصوصية."
AD = "إعلان"
FOOT = "جميع الحقوق محفوظة © 2015، يمنع نسخ أو إعادة نشر المحتوى دون إذن مسبق من إدارة الموقع."


def nav_html(rng):
    items = "".join(f'<li><a href="/section/{i}">{E(n)}</a></li>' for i, n in enumerate(NAV))
    return f"<ul>{items}</ul>"


def teaser_list(others, cls, teaser=True):
    """Links to other stories; with teaser text (prose!) when `teaser`."""
    lis = []
    for o in others:
        t = f"<p>{E(o['paras'][0][:160])}…</p>" if teaser else ""
        lis.append(f'<li><a href="{E(o["url"])}">{E(o["title"])}</a>{t}</li>')
    return f'<div class="{cls}"><h3>أخبار ذات صلة</h3><ul>{"".join(lis)}</ul></div>'


def comments_html(tag="section", attr='id="comments"'):
    cs = "".join(f'<div class="comment-body"><span class="who">زائر {i + 1}</span><p>{E(c)}</p></div>'
                 for i, c in enumerate(COMMENTS))
    return f"<{tag} {attr}><h3>التعليقات (3)</h3>{cs}<form><textarea></textarea><button>أرسل</button></form></{tag}>"


def json_ld(a):
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": a["date"] + "T10:00:00+03:00", "url": a["url"],
          "publisher": {"@type": "Organization", "name": a["outlet"]}}
    if a["author"]:
        ld["author"] = {"@type": "Person", "name": a["author"]}
    # ASCII JSON, as many sites write it: a page in a legacy encoding cannot hold every character
    return '<script type="application/ld+json">' + json.dumps(ld).replace("</", "<\\/") + "</script>"


def paras_with_ads(a, rng, read_also):
    out = []
    for i, p in enumerate(a["paras"]):
        out.append(f"<p>{E(p)}</p>")
        if i == 0 and len(a["paras"]) > 2:
            out.append(f'<div class="ad-slot"><span>{AD}</span><script>loadAd("mid")</script></div>')
        if i == 1 and read_also:
            o = read_also
            out.append(f'<p class="read-also"><strong>اقرأ أيضا:</strong> <a href="{E(o["url"])}">{E(o["title"])}</a></p>')
    return "".join(out)


def template_portal(a, rng, others, charset_tag):
    """Header navigation, a sidebar of most-read links, JSON-LD, comments, a cookie banner."""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>{charset_tag}
<title>{E(a['title'])} - {E(a['outlet'])}</title>
<link rel="canonical" href="{E(a['url'])}">
{json_ld(a)}
<script>window.dataLayer=[];function loadAd(x){{return x;}}</script>
<style>.ad-slot{{min-height:90px}}</style>
</head><body>
<div class="cookie-banner" role="dialog"><p>{COOKIE}</p><button>موافق</button></div>
<header class="site-header"><div class="logo"><a href="/">{E(a['outlet'])}</a></div><nav>{nav_html(rng)}</nav></header>
<div class="container">
<main>
<article class="article">
<h1 class="article-title">{E(a['title'])}</h1>
<div class="article-meta"><time datetime="{a['date']}T10:00:00+03:00">{a['date']}</time></div>
<div class="article-body">{paras_with_ads(a, rng, others[0])}</div>
<div class="article-tags"><a href="/tag/1">أخبار</a> <a href="/tag/2">السعودية</a></div>
<div class="share-buttons"><a href="#">تويتر</a> <a href="#">فيسبوك</a> <a href="#">واتساب</a></div>
</article>
{teaser_list(others[1:4], 'related-articles')}
{comments_html()}
</main>
<aside class="sidebar"><h3>الأكثر قراءة</h3>{teaser_list(others[4:8], 'most-read', teaser=False)}</aside>
</div>
<footer><p>{FOOT}</p><ul><li><a href="/about">من نحن</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul></footer>
<script>(function(){{var s=document.createElement('script');s.src='/analytics.js';}})();</script>
</body></html>
"""


def template_classic(a, rng, others, charset_tag):
    """Tables and <br>-separated text in <font>, <meta> names, http-equiv charset."""
    body = "<br>\n<br>\n".join(f"<font size=3>{E(p)}</font>" for p in a["paras"])
    author = f'<meta name="author" content="{E(a["author"])}">' if a["author"] else ""
    d = a["date"]
    return f"""<html><head>{charset_tag}
<title>{E(a['outlet'])} | {E(a['title'])}</title>
<meta name="description" content="{E(a['paras'][0][:150])}">
{author}
<meta name="pubdate" content="{d[8:10]}/{d[5:7]}/{d[:4]}">
<meta property="og:site_name" content="{E(a['outlet'])}">
<meta property="og:url" content="{E(a['url'])}">
</head><body bgcolor="#ffffff">
<table width="100%"><tr><td class="top-menu">{" | ".join(f'<a href="/s/{i}">{E(n)}</a>' for i, n in enumerate(NAV))}</td></tr></table>
<table width="980"><tr>
<td width="200" valign="top" class="right-col"><b>روابط</b><br>{"<br>".join(f'<a href="{E(o["url"])}">{E(o["title"])}</a>' for o in others[:5])}</td>
<td valign="top">
<div class="banner-ad"><a href="/ads/1"><img src="/ads/1.gif" alt="{AD}"></a></div>
<h2 class="title">{E(a['title'])}</h2>
<div class="text">{body}</div>
<div class="print-tools"><a href="javascript:print()">طباعة</a> | <a href="/send">أرسل لصديق</a></div>
</td></tr></table>
<div id="footer">{FOOT}</div>
</body></html>
"""


def template_magazine(a, rng, others, charset_tag):
    """Open Graph only; an inline newsletter box and a related block inside the story."""
    parts = [f"<p>{E(p)}</p>" for p in a["paras"]]
    mid = max(1, len(parts) // 2)
    parts.insert(mid, '<div class="newsletter-signup"><h4>النشرة البريدية</h4><p>اشترك في نشرتنا '
                      'البريدية ليصلك كل جديد، وكن أول من يعرف الأخبار العاجلة والتحليلات الحصرية.</p>'
                      '<input type="email"><button>اشترك</button></div>')
    author = f'<meta property="article:author" content="{E(a["author"])}">' if a["author"] else ""
    return f"""<!doctype html>
<html lang="ar-SA"><head>{charset_tag}
<meta property="og:title" content="{E(a['title'])}">
<meta property="og:site_name" content="{E(a['outlet'])}">
<meta property="og:url" content="{E(a['url'])}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{a['date']}T08:30:00Z">
{author}
<title>{E(a['title'])}</title>
</head><body>
<div id="top-bar" class="navbar"><a href="/">{E(a['outlet'])}</a>{nav_html(rng)}</div>
<div class="page">
<div class="story">
<h1>{E(a['title'])}</h1>
<div class="story-text">{"".join(parts)}</div>
<div class="social-share"><a href="#">شارك</a></div>
</div>
<div class="col">{teaser_list(others[:3], 'recommended-stories')}</div>
</div>
<div class="comments-area">{comments_html('div', 'class="comment-list"')}</div>
<div class="site-footer">{FOOT}</div>
</body></html>
"""


def template_plain(a, rng, others, charset_tag):
    """No helpful class names at all: the text is found by its density alone."""
    ps = "".join(f"<p>{E(p)}</p>" for p in a["paras"])
    links = "".join(f'<div><a href="{E(o["url"])}">{E(o["title"])}</a></div>' for o in others[:6])
    return f"""<html><head>{charset_tag}<title>{E(a['title'])}</title>
<meta name="date" content="{a['date']}">
<link rel="canonical" href="{E(a['url'])}">
</head><body>
<div>{" ".join(f'<a href="/{i}">{E(n)}</a>' for i, n in enumerate(NAV))}</div>
<div><div>{links}</div>
<div><h1>{E(a['title'])}</h1><div>{ps}</div></div></div>
<div><p>{FOOT}</p></div>
</body></html>
"""


def template_blog(a, rng, others, charset_tag):
    """HTML5 sections with a <time> in the story, microdata author; comments with long prose."""
    ps = "".join(f"<p>{E(p)}</p>" for p in a["paras"])
    author = (f'<span class="byline" itemprop="author">{E(a["author"])}</span>' if a["author"] else "")
    author_meta = f'<meta name="author" content="{E(a["author"])}">' if a["author"] else ""
    return f"""<!DOCTYPE html>
<html lang="ar"><head>{charset_tag}
<title>{E(a['title'])} | {E(a['outlet'])}</title>
<meta name="application-name" content="{E(a['outlet'])}">
{author_meta}
<link rel="canonical" href="{E(a['url'])}">
</head><body>
<nav class="main-menu">{nav_html(rng)}</nav>
<div id="gdpr-consent"><p>{COOKIE}</p></div>
<section class="post">
<h1>{E(a['title'])}</h1>
<p class="post-info">{author} <time datetime="{a['date']}">{a['date']}</time></p>
<div class="entry">{ps}</div>
</section>
{teaser_list(others[:3], 'related')}
<section id="comments">{comments_html('div', 'class="comments"')}</section>
<footer>{FOOT}</footer>
</body></html>
"""


TEMPLATES = [("portal", template_portal), ("classic", template_classic), ("magazine", template_magazine),
             ("plain", template_plain), ("blog", template_blog)]

# (encoding, how it is declared): meta, http-equiv, none (left to detection)
ENCODINGS = [("utf-8", "meta"), ("windows-1256", "meta"), ("utf-8", "none"), ("iso-8859-6", "http-equiv"),
             ("utf-16", "bom"), ("windows-1256", "none"), ("utf-8", "http-equiv")]


def charset_tag(enc, how):
    if how == "meta":
        return f'<meta charset="{enc}">'
    if how == "http-equiv":
        return f'<meta http-equiv="Content-Type" content="text/html; charset={enc}">'
    return ""


def encode(page, enc):
    if enc == "utf-16":
        return page.encode("utf-16")  # with a byte order mark
    return page.encode(enc, errors="xmlcharrefreplace")


def host(url):
    h = urllib.parse.urlsplit(url).hostname or ""
    return h[4:] if h.startswith("www.") else h


def truth(a, file, position, template, encoding):
    """What a reader of the page can know: the plain template names no site, so its outlet is its host;
    it names no author either."""
    plain = template == "plain"
    return {"file": file, "position": position, "id": a["id"], "text": a["text"], "title": a["title"],
            "date": a["date"], "outlet": host(a["url"]) if plain else a["outlet"], "url": a["url"],
            "author": None if plain else a["author"], "template": template, "encoding": encoding}


def page_bytes(a, i, rng, pool, enc_choice=None):
    others = rng.sample(pool, 8)
    name, make = TEMPLATES[i % len(TEMPLATES)]
    enc, how = enc_choice or ENCODINGS[i % len(ENCODINGS)]
    page = make(a, rng, others, charset_tag(enc, how))
    return encode(page, enc), name, enc


def rfc2822(day, hour="07:00:00"):
    import datetime
    d = datetime.date.fromisoformat(day)
    return d.strftime("%a, %d %b %Y ") + hour + " +0000"


def rss(outlet, items, with_content):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/">',
           f"<channel><title>{E(outlet)}</title><link>http://{E(outlet)}.example/</link>"
           f"<description>{E(outlet)}</description><language>ar</language>"]
    for a in items:
        body = "".join(f"<p>{E(p)}</p>" for p in a["paras"])
        out.append("<item>")
        out.append(f"<title>{E(a['title'])}</title><link>{E(a['url'])}</link><guid>{E(a['id'])}</guid>")
        out.append(f"<pubDate>{rfc2822(a['date'])}</pubDate>")
        if a["author"]:
            out.append(f"<dc:creator>{E(a['author'])}</dc:creator>")
        if with_content:
            out.append(f"<description>{E(a['paras'][0][:120])}</description>")
            out.append(f"<content:encoded><![CDATA[{body}<div class=\"share\"><a href=\"#\">شارك</a></div>]]></content:encoded>")
        else:
            out.append(f"<description>{E(body)}</description>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


def atom(outlet, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">',
           f"<title>{E(outlet)}</title><id>urn:feed:{E(outlet)}</id><updated>2017-01-01T00:00:00Z</updated>",
           f'<link href="http://{E(outlet)}.example/"/>']
    for a in items:
        body = "".join(f"<p>{E(p)}</p>" for p in a["paras"])
        out.append("<entry>")
        out.append(f"<title>{E(a['title'])}</title><id>urn:{E(a['id'])}</id>")
        out.append(f'<link rel="alternate" href="{E(a["url"])}"/>')
        out.append(f"<published>{a['date']}T07:00:00Z</published><updated>{a['date']}T09:00:00Z</updated>")
        if a["author"]:
            out.append(f"<author><name>{E(a['author'])}</name></author>")
        out.append(f'<content type="html">{E(body)}</content>')
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out).encode("utf-8")


def warc_record(kind, uri, block, content_type, n, extra=""):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
            f"WARC-Date: 2015-07-21T10:00:00Z\r\n"
            + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + f"Content-Type: {content_type}\r\n{extra}Content-Length: {len(block)}\r\n\r\n")
    return head.encode("ascii") + block + b"\r\n\r\n"


def ascii_url(url):
    """The address as a WARC header writes it: percent-encoded UTF-8."""
    return urllib.parse.quote(url, safe=":/?&=#%~+@!$,;'()*[]")


def chunk(body):
    out = b""
    for i in range(0, len(body), 700):
        part = body[i:i + 700]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def warc_file(pages, rng, counter):
    """Records for each page: request, response (various HTTP forms), metadata; plus an image and a redirect."""
    records = [warc_record("warcinfo", None, b"software: make_web_fixtures\r\nformat: WARC File Format 1.0\r\n",
                           "application/warc-fields", next(counter))]
    for j, (a, body, enc) in enumerate(pages):
        uri = ascii_url(a["url"])
        records.append(warc_record("request", uri, f"GET / HTTP/1.1\r\nHost: example\r\n\r\n".encode(),
                                   "application/http; msgtype=request", next(counter)))
        style = j % 3
        ctype = f"text/html; charset={enc}" if enc != "utf-16" else "text/html"
        if style == 0:
            http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
        elif style == 1:
            http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nTransfer-Encoding: chunked\r\n\r\n".encode() + chunk(body)
        else:
            z = gzip.compress(body, mtime=0)
            http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Encoding: gzip\r\n\r\n".encode() + z
        n = next(counter)
        records.append(warc_record("response", uri, http, "application/http; msgtype=response", n))
        records.append(warc_record("metadata", uri, b"outlinks: 12\r\n", "application/warc-fields", next(counter)))
        positions_of_response = len(records) - 1  # noqa: F841 (kept for readers)
    records.append(warc_record("response", "http://example.org/logo.png",
                               b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n",
                               "application/http; msgtype=response", next(counter)))
    records.append(warc_record("response", "http://example.org/old",
                               b"HTTP/1.1 301 Moved Permanently\r\nLocation: http://example.org/new\r\n\r\n",
                               "application/http; msgtype=response", next(counter)))
    return records


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    ap.add_argument("--pages", type=int, default=60, help="saved pages (feeds and WARC files take more)")
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    articles = load(args.shared)
    articles.sort(key=lambda a: a["id"])
    n_feed, n_warc = 16, 12
    sample = rng.sample(articles, args.pages + n_feed + n_warc + 3)
    used_ids = {a["id"] for a in sample}
    pool = [a for a in rng.sample(articles, 400) if a["id"] not in used_ids]  # related links, not stored
    out = args.out
    for sub in ["pages", "feeds", "warc", "bad"]:
        (out / sub).mkdir(parents=True, exist_ok=True)
    manifest = []

    pages, rest = sample[:args.pages], sample[args.pages:]
    for i, a in enumerate(pages):
        data, template, enc = page_bytes(a, i, rng, pool)
        ext = "htm" if i % 9 == 4 else "html"
        name = f"pages/{i + 1:03d}-{template}.{ext}"
        (out / name).write_bytes(data)
        manifest.append(truth(a, name, None, template, enc))

    feed_items, rest = rest[:n_feed], rest[n_feed:]
    for k, (fname, kind) in enumerate([("feeds/news.rss", "rss-content"), ("feeds/summaries.rss", "rss-description"),
                                       ("feeds/stories.atom", "atom")]):
        items = feed_items[k::3]
        outlet = items[0]["outlet"]
        items = [dict(a, outlet=outlet) for a in items]  # a feed is one outlet's
        data = atom(outlet, items) if kind == "atom" else rss(outlet, items, kind == "rss-content")
        (out / fname).write_bytes(data)
        for j, a in enumerate(items):
            manifest.append(truth(a, fname, f"item {j + 1}", kind, "utf-8"))

    warc_pages, rest = rest[:n_warc], rest[n_warc:]
    counter = iter(range(1, 10_000))
    for fname, group, gz in [("warc/crawl.warc", warc_pages[:6], False), ("warc/crawl.warc.gz", warc_pages[6:], True)]:
        pages_here = []
        for j, a in enumerate(group):
            enc = ENCODINGS[j % len(ENCODINGS)]
            data, template, enc_name = page_bytes(a, j, rng, pool, (enc[0], "none" if enc[0] != "utf-16" else "bom"))
            pages_here.append((a, data, enc_name))
        records = warc_file(pages_here, rng, counter)
        # a response is records[2 + 3j] (warcinfo, then request/response/metadata per page)
        for j, (a, _, enc_name) in enumerate(pages_here):
            manifest.append(dict(truth(a, fname, f"record {3 + 3 * j}", TEMPLATES[j % len(TEMPLATES)][0], enc_name),
                                 url=urllib.parse.unquote(ascii_url(a["url"]))))
        blob = b"".join(gzip.compress(r, mtime=0) for r in records) if gz else b"".join(records)
        (out / fname).write_bytes(blob)

    # bad inputs
    a, b, c = rest[:3]
    data, template, _ = page_bytes(a, 0, rng, pool, ("utf-8", "meta"))
    (out / "bad/truncated.html").write_bytes(data[: len(data) * 2 // 3])
    manifest.append({"file": "bad/truncated.html", "position": None, "bad": "truncated"})
    empty = template_portal(dict(b, paras=["-"], text="-"), rng, rng.sample(pool, 8), '<meta charset="utf-8">')
    empty = re.sub(r'<div class="article-body">.*?</div>', '<div class="article-body"></div>', empty, flags=re.S)
    (out / "bad/empty.html").write_text(empty, encoding="utf-8")
    manifest.append({"file": "bad/empty.html", "position": None, "bad": "no content"})
    (out / "bad/notxml.rss").write_text("هذه ليست قناة أخبار، بل نص عادي.\n", encoding="utf-8")
    manifest.append({"file": "bad/notxml.rss", "position": None, "bad": "bad feed"})
    # a WARC file with one good page, a record whose header does not parse, another good page, a truncated record
    counter = iter(range(5000, 6000))
    good = []
    for j, art in enumerate([c, rest[0]]):
        data, template, enc_name = page_bytes(art, j + 1, rng, pool, ("utf-8", "meta"))
        good.append((art, data, template))
    r1 = warc_record("response", ascii_url(good[0][0]["url"]),
                     b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + good[0][1],
                     "application/http; msgtype=response", next(counter))
    broken = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\n"
              b"HTTP/1.1 200 OK\r\n\r\n<html>lost</html>\r\n\r\n")
    r3 = warc_record("response", ascii_url(c["url"]) + "?copy",
                     b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + good[0][1],
                     "application/http; msgtype=response", next(counter))
    cut = warc_record("response", "http://example.org/cut", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                      + good[1][1], "application/http; msgtype=response", next(counter))
    (out / "bad/broken.warc").write_bytes(r1 + broken + r3 + cut[: len(cut) // 2])
    manifest.append(dict(truth(c, "bad/broken.warc", "record 1", good[0][2], "utf-8"),
                         url=urllib.parse.unquote(ascii_url(c["url"]))))
    manifest.append({"file": "bad/broken.warc", "position": "record 2", "bad": "bad record"})
    # record 3 is the same page at another address: stored once (already in)
    manifest.append({"file": "bad/broken.warc", "position": "record 4", "bad": "bad record"})

    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    good_n = sum(1 for m in manifest if "bad" not in m)
    print(f"make_web_fixtures: {good_n} articles and {len(manifest) - good_n} bad inputs in {out}")


if __name__ == "__main__":
    main()
