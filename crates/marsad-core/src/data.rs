//! Reading the project's data files (gold sets, corpora, model files): one error type
//! that names the file and line, and one JSON Lines reader.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with the gold file or the corpora, naming the file (and line).
#[derive(Debug)]
pub struct DataError {
    /// The file concerned.
    pub file: PathBuf,
    /// Line number (1-based), 0 for the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// An I/O error in words, for a message after the file name.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The non-blank lines of a JSON Lines gold file, parsed, with their line numbers;
/// errors name the file and the line.
pub fn json_lines(path: &Path) -> Result<Vec<(usize, serde_json::Value)>, DataError> {
    let err = |line: usize, message: String| DataError { file: path.to_owned(), line, message };
    let text = std::fs::read_to_string(path).map_err(|e| err(0, io_reason(&e)))?;
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v = serde_json::from_str(raw).map_err(|e| err(n + 1, format!("not JSON: {e}")))?;
        out.push((n + 1, v));
    }
    if out.is_empty() {
        return Err(err(0, "no documents in the gold file".into()));
    }
    Ok(out)
}

/// A file or folder of the shared data beside the repository (`../shared/<relative>`),
/// for acceptance tests and benchmarks.
///
/// `None`, after saying on standard error that the caller is skipped, when it is absent
/// — a fresh clone has no `../shared/`. With `MARSAD_REQUIRE_SHARED=1` in the
/// environment (as `.ci/run` sets it) an absent path is an error instead, so that
/// no acceptance test passes silently where the data should be.
///
/// # Panics
/// When the path is absent and `MARSAD_REQUIRE_SHARED=1`.
pub fn shared_path(relative: &str) -> Option<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = repo.join("../shared").join(relative);
    if path.exists() {
        return Some(path);
    }
    if std::env::var("MARSAD_REQUIRE_SHARED").is_ok_and(|v| v == "1") {
        panic!(
            "{} is absent and MARSAD_REQUIRE_SHARED=1: the shared data must lie beside the repository",
            path.display()
        );
    }
    eprintln!("skipped: {} is absent (the shared data lives in ../shared beside the repository)", path.display());
    None
}
