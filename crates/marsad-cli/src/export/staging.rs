//! An export written under a temporary name beside its destination and renamed into
//! place only when whole: a failed or interrupted export leaves the destination as it
//! was (absent, or the previous export with `--force`) and removes what it wrote.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// A file or folder being written under a temporary name.
pub(crate) struct Staged {
    dest: PathBuf,
    temp: PathBuf,
    done: bool,
}

impl Staged {
    /// Prepares to write `dest` (a file, or a folder when `folder`); an existing `dest`
    /// is refused unless `force`.
    pub(crate) fn new(dest: &Path, folder: bool, force: bool) -> Result<Staged> {
        if dest.as_os_str().is_empty() {
            bail!("-o: give the path to write the export to");
        }
        if dest.symlink_metadata().is_ok() && !force {
            bail!("{} exists: give --force to replace it", dest.display());
        }
        let name = dest.file_name().with_context(|| format!("{} names no file", dest.display()))?;
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        if !parent.is_dir() {
            bail!("cannot write {}: the folder {} does not exist", dest.display(), parent.display());
        }
        let temp = parent.join(format!(".{}.partial-{}", name.to_string_lossy(), std::process::id()));
        let staged = Staged { dest: dest.to_owned(), temp, done: false };
        staged.clear();
        if folder {
            std::fs::create_dir(&staged.temp).with_context(|| format!("cannot create {}", staged.temp.display()))?;
        }
        Ok(staged)
    }

    /// Where to write.
    pub(crate) fn path(&self) -> &Path {
        &self.temp
    }

    /// Moves what was written into place, replacing what was there.
    pub(crate) fn commit(mut self) -> Result<()> {
        if self.dest.is_dir() && !self.dest.is_symlink() {
            // a folder cannot be renamed over another: the old one goes first
            std::fs::remove_dir_all(&self.dest).with_context(|| format!("cannot replace {}", self.dest.display()))?;
        }
        std::fs::rename(&self.temp, &self.dest)
            .with_context(|| format!("cannot move {} to {}", self.temp.display(), self.dest.display()))?;
        self.done = true;
        Ok(())
    }

    fn clear(&self) {
        if self.temp.is_dir() {
            let _ = std::fs::remove_dir_all(&self.temp);
        } else {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            self.clear();
        }
    }
}
