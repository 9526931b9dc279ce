//! Decoding with a count of invalid bytes, and the choice of a legacy encoding.
//!
//! # Windows-1256 or ISO-8859-6?
//!
//! Bytes that are not UTF-8 are run through `chardetng`. On sentences of Arabic
//! it tells windows-1256 from ISO-8859-6 well, but on a few words it often
//! guesses an unrelated encoding (GBK for `ماذا بعد؟`, windows-1255 for
//! `لبنان`), and a handful of words are valid Arabic in both (`عمان` in
//! windows-1256 reads `عكال` in ISO-8859-6). So both Arabic encodings are also
//! decoded and scored by [`assess`]: Arabic letters count for, and signs of a
//! wrong guess count against (replacement characters, C1 controls, harakat with
//! no letter before them, Latin accented letters or ASCII letters touching an
//! Arabic letter). The higher score wins; on a tie, the detector's guess wins if
//! it is one of the two, and windows-1256 (by far the more common) otherwise.
//!
//! When the detector guesses an encoding marsad does not read (windows-1251,
//! GBK…), the chosen Arabic decoding is kept only if it shows no sign of a wrong
//! guess at all, or if it gives the same text as the detected encoding would
//! (windows-1256 shares most of its punctuation and French letters with
//! windows-1252); otherwise the input is refused.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, ISO_8859_6, WINDOWS_1256};

/// Text decoded with a count of the invalid byte sequences (each replaced by U+FFFD).
pub(super) struct Decoding {
    /// The decoded text.
    pub text: String,
    /// How many invalid byte sequences were replaced.
    pub invalid: usize,
    /// Byte offset (in the decoded bytes) of the first invalid sequence.
    pub first_invalid: Option<usize>,
}

impl Decoding {
    /// Number of characters of the text.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }

    /// Whether the invalid sequences are few enough to only warn about them: at
    /// most 1 % of the characters, and always at least one.
    pub fn invalid_tolerable(&self) -> bool {
        self.invalid <= (self.chars() / 100).max(1)
    }
}

/// Decodes `bytes` (without a byte order mark) and counts the invalid sequences.
pub(super) fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> Decoding {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(capacity(&decoder, bytes.len()));
    let mut read_total = 0;
    let mut invalid = 0;
    let mut first_invalid = None;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut text, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = capacity(&decoder, bytes.len() - read_total);
                text.reserve(more);
            }
            DecoderResult::Malformed(bad, extra) => {
                invalid += 1;
                first_invalid.get_or_insert(read_total.saturating_sub(usize::from(bad) + usize::from(extra)));
                text.push('\u{FFFD}');
            }
        }
    }
    Decoding { text, invalid, first_invalid }
}

fn capacity(decoder: &encoding_rs::Decoder, len: usize) -> usize {
    decoder.max_utf8_buffer_length_without_replacement(len).unwrap_or(len.saturating_mul(3)).max(16)
}

/// Counts the valid non-ASCII characters and the invalid sequences of `bytes` read as UTF-8.
pub(super) fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (valid, invalid)
}

/// How Arabic a decoding looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Assessment {
    /// Arabic letters that count for: not touching a Latin letter.
    pub arabic: usize,
    /// Signs of a wrong guess.
    pub bad: usize,
    /// Arabic letters minus weighted signs of a wrong guess.
    pub score: i64,
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32,
        0x0621..=0x063A | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF
        | 0x06FA..=0x06FC | 0x06FF)
}

fn is_haraka(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x0652)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c as u32, 0x00C0..=0x024F) && c.is_alphabetic())
}

/// Scores a decoding by how much it looks like Arabic text (see the module documentation).
pub(super) fn assess(text: &str) -> Assessment {
    let mut a = Assessment::default();
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let u = c as u32;
        let weight = if is_arabic_letter(c) {
            if is_latin_letter(prev) || is_latin_letter(next) {
                -2
            } else {
                a.arabic += 1;
                1
            }
        } else if is_haraka(c) {
            if is_arabic_letter(prev) || is_haraka(prev) {
                0
            } else {
                -2
            }
        } else if c == '\u{FFFD}' || (0x80..=0x9F).contains(&u) {
            -3
        } else if is_latin_letter(c) && !c.is_ascii() && (is_arabic_letter(prev) || is_arabic_letter(next)) {
            -2
        } else {
            0
        };
        if weight < 0 {
            a.bad += 1;
        }
        a.score += weight;
        prev = c;
    }
    a
}

/// The outcome of reading non-UTF-8 bytes as a legacy Arabic encoding.
pub(super) enum Legacy {
    /// Decoded in `encoding`; `ambiguous` when both Arabic encodings scored the same.
    Chosen { encoding: &'static Encoding, decoding: Decoding, ambiguous: bool },
    /// The bytes look like `detected`, an encoding marsad does not read.
    Unsupported { detected: &'static Encoding },
}

/// Chooses between windows-1256 and ISO-8859-6 for bytes that are not UTF-8.
pub(super) fn decode_legacy(bytes: &[u8]) -> Legacy {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let detected = detector.guess(None, Utf8Detection::Deny);

    let windows = decode_counting(WINDOWS_1256, bytes);
    let iso = decode_counting(ISO_8859_6, bytes);
    let (aw, ai) = (assess(&windows.text), assess(&iso.text));
    let ambiguous = aw.score == ai.score;
    let iso_first = ai.score > aw.score || (ambiguous && detected == ISO_8859_6);
    let ranked = if iso_first {
        [(ISO_8859_6, iso, ai), (WINDOWS_1256, windows, aw)]
    } else {
        [(WINDOWS_1256, windows, aw), (ISO_8859_6, iso, ai)]
    };

    if detected == WINDOWS_1256 || detected == ISO_8859_6 {
        let [(encoding, decoding, _), _] = ranked;
        return Legacy::Chosen { encoding, decoding, ambiguous };
    }
    let as_detected = detected.decode_without_bom_handling(bytes).0;
    for (encoding, decoding, assessment) in ranked {
        let plausible = assessment.bad == 0 && assessment.arabic > 0;
        if plausible || decoding.text == *as_detected {
            return Legacy::Chosen { encoding, decoding, ambiguous };
        }
    }
    Legacy::Unsupported { detected }
}
