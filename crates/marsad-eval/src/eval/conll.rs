//! A reader of CoNLL-style named-entity files: one `token TAG` per line (the tag is the
//! last white-space-separated field), a blank line between sentences, BIO tags
//! (`O`, `B-PER`, `I-LOC`, ...). `-DOCSTART-` lines are skipped.

use std::fmt;
use std::path::Path;

/// One sentence of a CoNLL file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllSentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// Their tags, as written (`B-PERS`).
    pub tags: Vec<String>,
    /// Line number (1-based) of the first token.
    pub line: usize,
}

/// A malformed line, with the file and line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllError {
    /// The file name as given.
    pub file: String,
    /// Line number (1-based); 0 when the file could not be read.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConllError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for ConllError {}

/// True for a tag this reader accepts: `O`, or `B-`/`I-` and a type of letters.
fn valid_tag(tag: &str) -> bool {
    if tag == "O" {
        return true;
    }
    match tag.split_once('-') {
        Some(("B" | "I", ty)) => !ty.is_empty() && ty.chars().all(|c| c.is_ascii_alphabetic()),
        _ => false,
    }
}

/// Parses the text of a CoNLL file; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Vec<ConllSentence>, ConllError> {
    let err = |line: usize, message: String| ConllError { file: file.to_owned(), line, message };
    let mut out = Vec::new();
    let mut cur = ConllSentence { tokens: Vec::new(), tags: Vec::new(), line: 0 };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(&mut cur, ConllSentence { tokens: Vec::new(), tags: Vec::new(), line: 0 }));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            continue;
        }
        let Some((token, tag)) = line.trim().rsplit_once(|c: char| c.is_whitespace()) else {
            return Err(err(line_no, format!("expected `token TAG`, found {:?}", line.trim())));
        };
        let token = token.trim();
        if token.is_empty() {
            return Err(err(line_no, format!("expected `token TAG`, found {:?}", line.trim())));
        }
        if !valid_tag(tag) {
            return Err(err(line_no, format!("bad tag {tag:?}: expected O, B-TYPE or I-TYPE")));
        }
        if cur.tokens.is_empty() {
            cur.line = line_no;
        }
        // a token with inner spaces (rare): keep it as one token without them
        cur.tokens.push(token.split_whitespace().collect::<Vec<_>>().join(""));
        cur.tags.push(tag.to_owned());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads and parses a CoNLL file.
pub fn read(path: &Path) -> Result<Vec<ConllSentence>, ConllError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConllError {
        file: name.clone(),
        line: 0,
        message: e.to_string(),
    })?;
    parse(&text, &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_and_tags() {
        let s = parse("أعلن O\nاتحاد B-ORG\nصناعة I-ORG\n\n\nفي O\r\nألمانيا B-LOC\n", "x.conll").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["أعلن", "اتحاد", "صناعة"]);
        assert_eq!(s[0].tags, ["O", "B-ORG", "I-ORG"]);
        assert_eq!(s[1].line, 6);
        assert_eq!(s[1].tags, ["O", "B-LOC"]);
    }

    #[test]
    fn malformed_lines_name_the_file_and_line() {
        let e = parse("أعلن O\nاتحاد\n", "gold/train.conll").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("gold/train.conll", 2));
        assert!(e.to_string().starts_with("gold/train.conll:2: "), "{e}");
        let e = parse("أعلن O\n\nاتحاد X-ORG\n", "a.conll").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("X-ORG"));
        let e = parse("كلمة B-\n", "a.conll").unwrap_err();
        assert_eq!(e.line, 1);
        let e = read(Path::new("/nonexistent/marsad.conll")).unwrap_err();
        assert!(e.to_string().starts_with("/nonexistent/marsad.conll: "), "{e}");
    }
}
