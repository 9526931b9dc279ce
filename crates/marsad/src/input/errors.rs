//! Why an input cannot be read as text.

/// Why an input cannot be read as text.
///
/// Every message says what is wrong and what to do about it; the command line
/// prints it after `cannot read PATH: `.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The input has no bytes.
    #[error("the input is empty (0 bytes); give a file that holds the text of an article")]
    Empty,

    /// The input holds only white space (and perhaps a byte order mark).
    #[error(
        "the input holds only white space ({bytes} bytes, no text); give a file that holds the text of an article"
    )]
    Blank {
        /// Size of the input in bytes.
        bytes: usize,
    },

    /// The input looks like binary data (an image, an archive, a word processor
    /// file…), not text.
    #[error(
        "the input looks like binary data, not text: {what} at byte offset {offset}; marsad reads plain text \
         in UTF-8, UTF-16 (with a byte order mark), windows-1256 or ISO-8859-6{hint}"
    )]
    Binary {
        /// Byte offset of the first offending byte.
        offset: usize,
        /// What was found there, e.g. `a NUL byte (0x00)`.
        what: String,
        /// Extra advice (empty, or starting with `; `).
        hint: String,
    },

    /// The input is larger than [`Limits::max_bytes`](super::Limits::max_bytes).
    #[error("{}", too_large(*size, *limit))]
    TooLarge {
        /// Size of the input in bytes, when known (standard input is not read past the limit).
        size: Option<u64>,
        /// The limit in bytes.
        limit: usize,
    },

    /// The bytes are mostly in a supported encoding, but too many of them are invalid in it.
    #[error(
        "the input is not valid {encoding}: {invalid} invalid byte sequence(s) among {chars} characters \
         (the first at byte offset {offset}); the file may be damaged, truncated or in another encoding: \
         convert it to UTF-8"
    )]
    Undecodable {
        /// The encoding that was tried, e.g. `UTF-8`.
        encoding: &'static str,
        /// Number of invalid byte sequences.
        invalid: usize,
        /// Number of characters decoded (each invalid sequence counts as one).
        chars: usize,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },

    /// A few byte sequences are invalid in the input's encoding, and decoding
    /// was not asked to replace them ([`Limits::lossy`](super::Limits::lossy)).
    #[error(
        "the input is not valid {encoding}: {} at byte offset {offset}{}; the file may be damaged or \
         truncated: repair it, or give --lossy to read invalid bytes as U+FFFD",
        if *invalid == 1 { "an invalid byte sequence" } else { "the first invalid byte sequence" },
        if *invalid == 1 { String::new() } else { format!(" ({invalid} in all)") }
    )]
    InvalidBytes {
        /// The encoding the input is in, e.g. `UTF-8`.
        encoding: &'static str,
        /// Number of invalid byte sequences.
        invalid: usize,
        /// Byte offset of the first invalid sequence in the input.
        offset: usize,
    },

    /// The bytes are not UTF-8 and do not read as Arabic in windows-1256 or ISO-8859-6.
    #[error(
        "the input is not in an encoding marsad reads: it is not valid UTF-8 and does not read as Arabic \
         in windows-1256 or ISO-8859-6 (the bytes look like {detected}); convert the file to UTF-8, \
         e.g. `iconv -f {detected} -t UTF-8 FILE`"
    )]
    UnsupportedEncoding {
        /// The encoding the bytes look like, as guessed by the detector, e.g. `windows-1251`.
        detected: &'static str,
    },
}

fn too_large(size: Option<u64>, limit: usize) -> String {
    match size {
        Some(size) => format!(
            "the input is too large: {size} bytes, more than the limit of {limit} bytes; \
             raise the limit with --max-bytes if the file really is one article"
        ),
        None => format!(
            "the input is too large: more than the limit of {limit} bytes; \
             raise the limit with --max-bytes if the input really is one article"
        ),
    }
}
