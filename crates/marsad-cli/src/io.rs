//! Reading inputs within the size limit and writing outputs whole: to standard output,
//! to a device as it is, or to a file through a temporary file renamed into place.

use std::io::{Read, Write};

use anyhow::{bail, Context, Result};
use marsad::input::Limits;

/// Reads a path or standard input, refusing more than the size limit.
///
/// A file larger than the limit is refused from its metadata, before reading it;
/// standard input (and files that do not report a size) is read up to one byte
/// past the limit. Errors say why, in words: the caller adds `cannot read PATH`.
pub(crate) fn read_input(input: &str, limits: &Limits) -> Result<Vec<u8>> {
    use marsad::input::InputError;

    /// The reason an I/O operation failed, for a message after `cannot read PATH: `.
    fn reason(e: std::io::Error) -> anyhow::Error {
        match e.kind() {
            std::io::ErrorKind::NotFound => anyhow::anyhow!("no such file or directory"),
            std::io::ErrorKind::PermissionDenied => anyhow::anyhow!("permission denied"),
            std::io::ErrorKind::IsADirectory => anyhow::anyhow!("it is a directory, not a file"),
            _ => anyhow::Error::new(e),
        }
    }

    let limit = limits.max_bytes;
    let cap = (limit as u64).saturating_add(1);
    let mut buf = Vec::new();
    if input == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut buf).map_err(reason)?;
    } else {
        let file = std::fs::File::open(input).map_err(reason)?;
        let meta = file.metadata().map_err(reason)?;
        if meta.is_dir() {
            bail!("it is a directory, not a file");
        }
        if meta.is_file() && meta.len() > limit as u64 {
            return Err(InputError::TooLarge { size: Some(meta.len()), limit }.into());
        }
        if meta.is_file() {
            buf.reserve_exact(meta.len() as usize);
        }
        file.take(cap).read_to_end(&mut buf).map_err(reason)?;
    }
    if buf.len() > limit {
        return Err(InputError::TooLarge { size: None, limit }.into());
    }
    Ok(buf)
}

/// Writes the whole output, to a file atomically (a temporary file renamed into place).
/// True when `path` is a regular file or does not exist yet: output may go to a
/// temporary file renamed over it, so that a failed run leaves nothing half-written.
pub(crate) fn replaceable(path: &std::path::Path) -> bool {
    std::fs::metadata(path).map_or(true, |m| m.is_file())
}

pub(crate) fn write_output(path: Option<&std::path::Path>, bytes: &[u8]) -> Result<()> {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
        }
        // a device or pipe (/dev/null, /dev/stdout, a FIFO) is written as it is:
        // renaming a file over it would replace it
        Some(path) if !replaceable(path) => {
            std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        }
        Some(path) => {
            let tmp = path.with_extension("marsad-tmp");
            std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
            std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(())
}
