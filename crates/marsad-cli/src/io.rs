//! Reading inputs within the size limit and writing outputs whole: to standard output,
//! to a device as it is, or to a file through a temporary file renamed into place.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use marsad::input::Limits;

/// The reason an I/O operation on `path` failed, for a message after `cannot read PATH: `.
pub(crate) fn reason(path: &Path, e: std::io::Error) -> anyhow::Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => match std::fs::read_link(path) {
            Ok(target) => anyhow::anyhow!("a broken symbolic link: {} does not exist", target.display()),
            Err(_) => anyhow::anyhow!("no such file or directory"),
        },
        std::io::ErrorKind::PermissionDenied => anyhow::anyhow!("permission denied"),
        std::io::ErrorKind::IsADirectory => anyhow::anyhow!("it is a directory, not a file"),
        _ => anyhow::Error::new(e),
    }
}

/// Reads a path or standard input, refusing more than the size limit.
///
/// A file larger than the limit is refused from its metadata, before reading it;
/// standard input (and files that do not report a size) is read up to one byte
/// past the limit. Errors say why, in words: the caller adds `cannot read PATH`.
pub(crate) fn read_input(input: &str, limits: &Limits) -> Result<Vec<u8>> {
    use marsad::input::InputError;

    let limit = limits.max_bytes;
    let cap = (limit as u64).saturating_add(1);
    let mut buf = Vec::new();
    if input == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut buf).map_err(|e| reason(Path::new(input), e))?;
    } else {
        let path = Path::new(input);
        let file = std::fs::File::open(path).map_err(|e| reason(path, e))?;
        let meta = file.metadata().map_err(|e| reason(path, e))?;
        if meta.is_dir() {
            bail!("it is a directory, not a file");
        }
        if meta.is_file() && meta.len() > limit as u64 {
            return Err(InputError::TooLarge { size: Some(meta.len()), limit }.into());
        }
        if meta.is_file() {
            buf.reserve_exact(meta.len() as usize);
        }
        file.take(cap).read_to_end(&mut buf).map_err(|e| reason(path, e))?;
    }
    if buf.len() > limit {
        return Err(InputError::TooLarge { size: None, limit }.into());
    }
    Ok(buf)
}

/// True when `path` is a regular file or does not exist yet: output may go to a
/// temporary file renamed over it, so that a failed run leaves nothing half-written.
pub(crate) fn replaceable(path: &Path) -> bool {
    std::fs::metadata(path).map_or(true, |m| m.is_file())
}

/// Refuses an output path that is one of the inputs (the same file, by canonical
/// path or, on Unix, by device and inode, so that a hard link counts too): writing
/// the report would replace the article.
pub(crate) fn refuse_overwriting_an_input<'a>(output: &Path, inputs: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let Ok(out_meta) = std::fs::metadata(output) else { return Ok(()) }; // a new file
    if !out_meta.is_file() {
        return Ok(()); // a device or a pipe is written, not replaced
    }
    let canonical = std::fs::canonicalize(output).ok();
    for input in inputs {
        if input == "-" {
            continue;
        }
        let same_path = canonical.is_some() && std::fs::canonicalize(input).ok() == canonical;
        if same_path || same_inode(&out_meta, Path::new(input)) {
            bail!(
                "the output {} is the input {input}: writing the report would replace the article; give another \
                 path with -o",
                output.display()
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_inode(out: &std::fs::Metadata, input: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(input).is_ok_and(|m| m.dev() == out.dev() && m.ino() == out.ino())
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &Path) -> bool {
    false
}

/// Where the output goes, written as it is made: standard output, a device or pipe
/// as it is, or a regular file through a temporary file renamed into place by
/// [`Output::finish`] (dropped without it, the temporary file is removed).
pub(crate) struct Output {
    out: std::io::BufWriter<Box<dyn Write>>,
    /// The temporary file and the path it becomes.
    rename: Option<(PathBuf, PathBuf)>,
}

impl Output {
    /// Opens the output: `path`, or standard output.
    pub(crate) fn create(path: Option<&Path>) -> Result<Output> {
        let (inner, rename): (Box<dyn Write>, _) = match path {
            None => (Box::new(std::io::stdout().lock()), None),
            // a device or pipe (/dev/null, /dev/stdout, a FIFO) is written as it is:
            // renaming a file over it would replace it
            Some(p) if !replaceable(p) => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(p)
                    .with_context(|| format!("cannot write {}", p.display()))?;
                (Box::new(file), None)
            }
            Some(p) => {
                let tmp = p.with_extension("marsad-tmp");
                let file = std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
                (Box::new(file), Some((tmp, p.to_owned())))
            }
        };
        Ok(Output { out: std::io::BufWriter::with_capacity(1 << 16, inner), rename })
    }

    /// Flushes the output and puts a file in place.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.out.flush().context("cannot write the output")?;
        if let Some((tmp, path)) = self.rename.take() {
            std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.out.write_all(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Some((tmp, _)) = &self.rename {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Writes the whole output, to a file atomically (a temporary file renamed into place).
pub(crate) fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    let mut out = Output::create(path)?;
    out.write_all(bytes).context("cannot write the output")?;
    out.finish()
}
