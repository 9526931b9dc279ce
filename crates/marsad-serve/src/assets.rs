//! The pages: one HTML shell for every page route (the bundled script routes by
//! `location.pathname`) and the files of `assets/`, embedded into the binary when
//! it is built.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use include_dir::{include_dir, Dir};

/// The files of `crates/marsad-serve/assets/`.
static ASSETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets");

/// How long a browser may keep an asset without asking again.
const ASSET_CACHE: &str = "public, max-age=3600";

/// The page routes that serve the shell.
pub const PAGES: &[&str] = &["/", "/search", "/article/{id}", "/map", "/timeline", "/network", "/outlets"];

/// The content type of a file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A page that is not there, as HTML.
pub fn html_not_found(what: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title>\
         <p>{}</p><p><a href=\"/\">marsad</a></p></html>",
        escape_html(what)
    );
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

/// The HTML shell.
pub async fn shell() -> Response {
    match ASSETS.get_file("index.html") {
        Some(f) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            f.contents(),
        )
            .into_response(),
        None => html_not_found("this marsad was built without its pages (crates/marsad-serve/assets/index.html)"),
    }
}

/// The shell for `/article/{id}`: only for an id that is a number.
pub async fn article_page(Path(id): Path<String>) -> Response {
    if id.parse::<u64>().is_ok_and(|n| n > 0) {
        shell().await
    } else {
        html_not_found("an article's address is /article/ and its number")
    }
}

/// A file of `assets/`. A path with `..`, a hidden name, a backslash or an
/// absolute path finds nothing: only the embedded files are served.
pub async fn asset(Path(path): Path<String>) -> Response {
    let safe = !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path.split('/').all(|seg| !seg.is_empty() && !seg.starts_with('.'));
    match ASSETS.get_file(&path).filter(|_| safe) {
        Some(f) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(content_type(&path))),
                (header::CACHE_CONTROL, HeaderValue::from_static(ASSET_CACHE)),
            ],
            f.contents(),
        )
            .into_response(),
        None => html_not_found("no such file among the pages' assets"),
    }
}

/// Text made safe inside HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
