//! The HTML report in a real browser.
//!
//! Headless Chromium renders `marsad analyze --format html` of the project's
//! examples; a check script added to a copy of the page verifies that every
//! highlight starts where its `data-start` says and holds exactly the text of its
//! span, that highlights are laid out (non-empty boxes), that switching a layer off
//! removes its styling, that the article is set right to left in the Arabic
//! font stack, that marks on parts of words leave the letters joined, and, at
//! 1,280, 1,300 and 390 px, that the article comes first at a readable measure
//! and no table cell breaks a word. The page's Content-Security-Policy is checked
//! to keep injected script inert. Screenshots at 1,280 and 390 px, one with every
//! layer on, and a printed PDF of each page are kept under `target/tmp/browser/`.
//!
//! Chromium is `$MARSAD_CHROMIUM`, else `chromium` or `chromium-browser` on the
//! `PATH` (Debian's `chromium` package, which `.ci/run` installs). Without one the
//! test prints "skipped"; with `MARSAD_REQUIRE_BROWSER=1` (set by `.ci/run`) it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// Runs in the page after it is laid out; writes its findings into the title.
const CHECK: &str = r#"<script>
(() => {
  const art = document.querySelector('article.text');
  // the layers on when the page opens; then every layer on for the checks below
  const switches = [...document.querySelectorAll('main.view > input[type=checkbox]')];
  const defaults = switches.filter(b => b.checked).map(b => b.id.replace('layer-', '')).sort();
  for (const b of switches) b.checked = true;
  // the article: first, at a readable measure, and filling a phone's screen
  const artBox = art.getBoundingClientRect();
  const asideBox = document.querySelector('aside').getBoundingClientRect();
  const em = parseFloat(getComputedStyle(art).fontSize);
  const layout = {
    before_panel: artBox.bottom <= asideBox.top && !!(art.compareDocumentPosition(document.querySelector('aside')) & Node.DOCUMENT_POSITION_FOLLOWING),
    measure_em: Math.round(artBox.width / em), share: Math.round(100 * artBox.width / innerWidth),
  };
  const chars = Array.from(art.textContent);
  const errors = [];
  const pieces = new Map();
  const layers = new Set();
  let checked = 0;
  for (const el of art.querySelectorAll('[data-layer]')) {
    const key = el.dataset.layer + ':' + el.dataset.start + ':' + el.dataset.end;
    const start = +el.dataset.start, end = +el.dataset.end;
    const range = document.createRange();
    range.setStart(art, 0);
    range.setEndBefore(el);
    const at = Array.from(range.toString()).length;
    const own = Array.from(el.textContent).length;
    if (!el.classList.contains('cont') && at !== start) errors.push(key + ' begins at ' + at);
    if (at < start || at + own > end) errors.push(key + ' has a piece outside its span at ' + at);
    const box = el.getBoundingClientRect();
    if (el.textContent.trim() !== '' && (box.width === 0 || box.height === 0)) errors.push(key + ' has no box');
    pieces.set(key, (pieces.get(key) || '') + el.textContent);
    layers.add(el.dataset.layer);
    checked++;
  }
  for (const [key, text] of pieces) {
    const [, s, e] = key.split(':');
    if (text !== chars.slice(+s, +e).join('')) errors.push(key + ' holds other text');
  }
  // A word with clitics, its parts marked, is as wide as the same word unmarked.
  const unjoined = [];
  let words = 0;
  for (const el of art.querySelectorAll('.cw[data-layer="clitics"]:not(.cont)')) {
    const text = el.textContent;
    const tops = new Set([...el.getClientRects()].map(r => Math.round(r.top)));
    if (text !== chars.slice(+el.dataset.start, +el.dataset.end).join('') || tops.size !== 1) continue; // a piece, or two lines
    const probe = document.createElement('span');
    probe.textContent = text;
    art.appendChild(probe);
    const plain = probe.getBoundingClientRect().width;
    probe.remove();
    const marked = el.getBoundingClientRect().width;
    words++;
    if (Math.abs(marked - plain) > 0.5) unjoined.push(text + ' ' + marked.toFixed(1) + ' wide, unmarked ' + plain.toFixed(1));
  }
  const toggled = {};
  for (const [layer, property] of [['techniques', 'textDecorationLine'], ['mentions', 'borderBottomStyle'], ['tone', 'color']]) {
    const el = art.querySelector('[data-layer="' + layer + '"]');
    const box = document.getElementById('layer-' + layer);
    if (!el || !box) { toggled[layer] = 'absent'; continue; }
    const label = document.querySelector('label[for="layer-' + layer + '"]');
    const on = getComputedStyle(el)[property];
    label.click();
    const off = getComputedStyle(el)[property];
    label.click();
    toggled[layer] = on !== off ? 'ok' : 'unchanged: ' + on;
  }
  // Table cells never break a word across lines, and every table fits or scrolls in its frame.
  const broken = [];
  let cellWords = 0;
  for (const cell of document.querySelectorAll('aside td, aside th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const tops = rects.map(r => r.top);
        const height = Math.max(...rects.map(r => r.height));
        cellWords++;
        if (rects.length && Math.max(...tops) - Math.min(...tops) > height / 2) broken.push(m[0]);
      }
    }
  }
  const clipped = [];
  for (const table of document.querySelectorAll('aside table')) {
    const frame = table.parentElement;
    const box = frame.getBoundingClientRect();
    const scrolls = /auto|scroll/.test(getComputedStyle(frame).overflowX);
    if (box.left < -1 || box.right > innerWidth + 1) clipped.push(table.className + ': its frame leaves the page');
    if (!scrolls && table.getBoundingClientRect().width > box.width + 1) clipped.push(table.className + ': wider than its frame');
  }
  const style = getComputedStyle(art);
  document.title = 'MARSAD-CHECK ' + JSON.stringify({ width: innerWidth, defaults, layout,
    checked, layers: [...layers].sort(), words, unjoined: unjoined.slice(0, 20),
    cell_words: cellWords, broken: broken.slice(0, 20), clipped, page_width: document.documentElement.scrollWidth, errors: errors.slice(0, 20), error_count: errors.length, toggled,
    direction: style.direction, font: style.fontFamily,
    panel: [...document.querySelectorAll('aside h2')].map(h => h.textContent),
  });
  if (parent !== window) parent.postMessage(document.title, '*');
})();
</script>
"#;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MARSAD_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs Chromium headless with the flags a closed network needs; kills it after a minute.
fn run_chromium(chromium: &Path, profile: &Path, args: &[String]) -> String {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    // Read while it runs: a page's DOM is larger than a pipe holds.
    let mut stdout = child.stdout.take().expect("chromium's stdout");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut out);
        out
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("chromium can be waited for").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    String::from_utf8_lossy(&reader.join().expect("the reader thread")).into_owned()
}

/// Headless Chromium's windows are at least this wide; narrower pages are shown in a frame.
const NARROWEST_WINDOW: u32 = 500;

/// A page showing `page` in a frame `width` pixels wide, as a phone would: the
/// frame passes on what the page posts (the check's report) as its title.
fn framed(page: &Path, width: u32, height: u32) -> PathBuf {
    let name = page.file_name().unwrap().to_string_lossy();
    let frame = page.with_file_name(format!("{}.{width}px.html", name.trim_end_matches(".html")));
    let html = format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>framed</title></head>\n<body style=\"margin:0;background:#888\"><iframe src=\"{name}\" style=\"border:0;width:{width}px;height:{height}px;background:#fff\"></iframe>\n<script>addEventListener('message', e => {{ document.title = e.data; }});</script>\n</body></html>\n"
    );
    std::fs::write(&frame, html).expect("the framing page");
    frame
}

/// Runs the check script of `page` in a window (or, below the narrowest window,
/// a frame) `width` pixels wide; its report.
fn check(chromium: &Path, profile: &Path, page: &Path, width: u32) -> Value {
    let (page, window) =
        if width < NARROWEST_WINDOW { (framed(page, width, 1000), NARROWEST_WINDOW) } else { (page.to_owned(), width) };
    let dom = run_chromium(
        chromium,
        profile,
        &[
            "--dump-dom".into(),
            "--virtual-time-budget=5000".into(),
            format!("--window-size={window},1000"),
            format!("file://{}", page.display()),
        ],
    );
    let title = dom
        .split_once("<title>MARSAD-CHECK ")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(json, _)| unescape(json))
        .unwrap_or_else(|| {
            panic!("the check script did not run in {}: {}", page.display(), &dom[..dom.len().min(500)])
        });
    serde_json::from_str(&title).expect("the check's report is JSON")
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&")
}

#[test]
fn report_renders_in_chromium_with_highlights_where_the_spans_say() {
    let Some(chromium) = chromium() else {
        if std::env::var_os("MARSAD_REQUIRE_BROWSER").is_some() {
            panic!("MARSAD_REQUIRE_BROWSER is set but no chromium was found (set MARSAD_CHROMIUM)");
        }
        eprintln!("skipped: no chromium on PATH (apt-get install chromium, or set MARSAD_CHROMIUM)");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out_dir).expect("the artefact folder");
    let profile = tempfile::tempdir().expect("a chromium profile folder");
    for example in ["04_nafy", "02_tamrin_mushtarak"] {
        let input = root.join("examples").join(format!("{example}.txt"));
        let page = out_dir.join(format!("{example}.html"));
        let status = Command::new(env!("CARGO_BIN_EXE_marsad"))
            .arg("analyze")
            .arg(&input)
            .args(["--format", "html", "--published", "2025-03-01", "--title", "<img src=x onerror=alert(1)> تقرير"])
            .arg("-o")
            .arg(&page)
            .status()
            .expect("marsad runs");
        assert!(status.success());
        let html = std::fs::read_to_string(&page).expect("the page");
        assert!(!html.contains("<img"), "the title is escaped");
        // The page's policy forbids script: the check runs in a copy that allows inline script.
        let policy = "content=\"default-src 'none'; ";
        assert_eq!(html.matches(policy).count(), 1, "{example}: a Content-Security-Policy with default-src 'none'");
        let checked = out_dir.join(format!("{example}.check.html"));
        let allowing = html.replacen(policy, "content=\"script-src 'unsafe-inline'; default-src 'none'; ", 1);
        std::fs::write(&checked, allowing.replacen("</body>", &format!("{CHECK}</body>"), 1))
            .expect("the checked copy");

        // Markup that escaped escaping would still neither run nor load anything.
        let injected = out_dir.join(format!("{example}.injected.html"));
        let payload = "<script>document.title = 'SCRIPT RAN'</script><img src=\"https://example.com/x.png\"></body>";
        std::fs::write(&injected, html.replacen("</body>", payload, 1)).expect("the injected copy");
        let dom =
            run_chromium(&chromium, profile.path(), &["--dump-dom".into(), format!("file://{}", injected.display())]);
        assert!(dom.contains("<title>"), "{example}: chromium gave no page: {}", &dom[..dom.len().min(300)]);
        assert!(!dom.contains("<title>SCRIPT RAN</title>"), "{example}: a script in the page ran despite the policy");

        for width in [1280, 1300, 390] {
            let report = check(&chromium, profile.path(), &checked, width);
            let at = format!("{example} at {width} px");
            eprintln!("{at}: {report}");
            assert_eq!(report["error_count"], 0, "{at}: {report}");
            assert!(report["checked"].as_u64().unwrap() > 50, "{report}");
            let layers: Vec<&str> = report["layers"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
            for layer in ["sentences", "claims", "mentions", "techniques", "tone", "quotations", "events", "times"] {
                assert!(layers.contains(&layer), "{at}: no {layer} highlight in {layers:?}");
            }
            for (layer, result) in report["toggled"].as_object().unwrap() {
                assert_eq!(result, "ok", "{at}: switching {layer} off");
            }
            assert!(report["words"].as_u64().unwrap() > 20, "{at}: words with clitics measured: {report}");
            assert_eq!(report["unjoined"], json!([]), "{at}: marked words drawn unjoined");
            assert_eq!(report["direction"], "rtl");
            assert!(report["font"].as_str().unwrap().contains("Noto Naskh Arabic"), "{report}");
            let panel = report["panel"].to_string();
            for section in ["Claims", "Persuasion techniques", "Events", "Entities", "Tone"] {
                assert!(panel.contains(section), "{at}: no {section} section in {panel}");
            }
            // the side tables: every word whole, every column reachable
            assert!(report["cell_words"].as_u64().unwrap() > 100, "{at}: words in table cells: {report}");
            assert_eq!(report["broken"], json!([]), "{at}: words broken across lines in table cells");
            assert_eq!(report["clipped"], json!([]), "{at}: tables cut off");
            assert_eq!(report["defaults"], json!(["claims", "events", "mentions", "techniques"]), "{at}: layers on");
            let layout = &report["layout"];
            assert_eq!(layout["before_panel"], true, "{at}: the article comes before the tables: {layout}");
            if width >= 1000 {
                let measure = layout["measure_em"].as_u64().unwrap();
                assert!((26..=40).contains(&measure), "{at}: the article's measure is {measure} em");
            } else {
                assert!(layout["share"].as_u64().unwrap() >= 85, "{at}: the article fills the screen: {layout}");
            }
            assert_eq!(report["width"], width, "{at}: the page is shown {} px wide", report["width"]);
            assert!(
                report["page_width"].as_u64().unwrap() <= u64::from(width),
                "{at}: the page scrolls sideways: {report}"
            );
        }

        for (width, height) in [(1280, 2400), (390, 3200)] {
            let shot = out_dir.join(format!("{example}.{width}.png"));
            let _ = std::fs::remove_file(&shot);
            let (shown, window) = if width < NARROWEST_WINDOW {
                (framed(&page, width, height), NARROWEST_WINDOW)
            } else {
                (page.clone(), width)
            };
            run_chromium(
                &chromium,
                profile.path(),
                &[
                    format!("--screenshot={}", shot.display()),
                    format!("--window-size={window},{height}"),
                    format!("file://{}", shown.display()),
                ],
            );
            let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
            assert!(size > 20_000, "{example}: the screenshot {} is missing or blank ({size} bytes)", shot.display());
            eprintln!("screenshot: {}", shot.display());
        }

        // Every layer on, enlarged: the marks on parts of words keep the letters joined.
        let all = out_dir.join(format!("{example}.all-layers.html"));
        std::fs::write(&all, html.replace("type=\"checkbox\" id=", "type=\"checkbox\" checked id=")).expect("a copy");
        let shot = out_dir.join(format!("{example}.all-layers.png"));
        let _ = std::fs::remove_file(&shot);
        run_chromium(
            &chromium,
            profile.path(),
            &[
                format!("--screenshot={}", shot.display()),
                "--window-size=1280,900".into(),
                "--force-device-scale-factor=2".into(),
                format!("file://{}", all.display()),
            ],
        );
        assert!(std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0) > 20_000, "{example}: {}", shot.display());
        eprintln!("screenshot: {}", shot.display());

        // Printing: the print style sheet lays the page out for paper.
        let pdf = out_dir.join(format!("{example}.pdf"));
        let _ = std::fs::remove_file(&pdf);
        run_chromium(
            &chromium,
            profile.path(),
            &[
                "--no-pdf-header-footer".into(),
                format!("--print-to-pdf={}", pdf.display()),
                format!("file://{}", page.display()),
            ],
        );
        let bytes = std::fs::read(&pdf).unwrap_or_default();
        assert!(
            bytes.starts_with(b"%PDF") && bytes.len() > 20_000,
            "{example}: the printed page {} ({} bytes)",
            pdf.display(),
            bytes.len()
        );
    }
}
