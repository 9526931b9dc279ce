//! Markup handed to a writer a piece at a time.

use std::fmt;
use std::io;

/// How much markup is collected before it is handed to the writer.
const CHUNK: usize = 1 << 16;

/// Markup collected and handed to a writer whenever 64 KiB of it are ready, so that
/// the page of a long article is never held whole. The first error of the writer
/// is kept (the markup after it is dropped) and returned by [`Sink::finish`], so
/// the renderers write without checking every piece.
pub(super) struct Sink<'w> {
    buf: String,
    w: &'w mut dyn io::Write,
    error: Option<io::Error>,
}

impl<'w> Sink<'w> {
    /// A sink handing its markup to `w`.
    pub(super) fn new(w: &'w mut dyn io::Write) -> Self {
        Sink { buf: String::with_capacity(CHUNK + 4096), w, error: None }
    }

    /// Appends `s`.
    pub(super) fn push_str(&mut self, s: &str) {
        self.buf.push_str(s);
        if self.buf.len() >= CHUNK {
            self.hand_on();
        }
    }

    fn hand_on(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.w.write_all(self.buf.as_bytes()) {
                self.error = Some(e);
            }
        }
        self.buf.clear();
    }

    /// Hands on what is left.
    ///
    /// # Errors
    ///
    /// The first error of the writer.
    pub(super) fn finish(mut self) -> io::Result<()> {
        self.hand_on();
        self.error.take().map_or(Ok(()), Err)
    }
}

impl fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    /// A writer that takes `room` bytes and then fails.
    struct Full {
        room: usize,
        got: Vec<u8>,
    }

    impl io::Write for Full {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            if self.got.len() + b.len() > self.room {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "no room"));
            }
            self.got.extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn everything_reaches_the_writer_in_order() {
        let mut w = Full { room: usize::MAX, got: Vec::new() };
        let mut sink = Sink::new(&mut w);
        let mut expected = String::new();
        for i in 0..50_000 {
            let _ = write!(sink, "<{i}>");
            expected.push_str(&format!("<{i}>"));
        }
        sink.finish().unwrap();
        assert!(expected.len() > 3 * CHUNK);
        assert_eq!(String::from_utf8(w.got).unwrap(), expected);
    }

    #[test]
    fn a_write_error_is_returned_at_the_end() {
        let mut w = Full { room: CHUNK + 10, got: Vec::new() };
        let mut sink = Sink::new(&mut w);
        for _ in 0..3 * CHUNK / 8 {
            sink.push_str("abcdefgh");
        }
        let err = sink.finish().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert!(w.got.len() <= CHUNK + 10);
    }
}
