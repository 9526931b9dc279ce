//! Telling text from binary data, before decoding.
//!
//! Two signs of binary data are looked for:
//!
//! * a NUL (in single-byte and UTF-8 input, any `0x00` byte; in UTF-16 input,
//!   any U+0000 code unit): text files never contain one;
//! * a high share of control characters other than tab, line feed, form feed
//!   and carriage return: more than [`MAX_CONTROL_PERCENT`] % of the first
//!   [`SNIFF_BYTES`] bytes.

use super::InputError;

/// How much of the input the share of control characters is measured on, in bytes.
pub(super) const SNIFF_BYTES: usize = 64 * 1024;

/// The largest share of control characters (in percent) accepted in text.
pub(super) const MAX_CONTROL_PERCENT: usize = 5;

/// Whether a code point is a C0 control character (or DEL) that text does not use.
fn is_control(unit: u32) -> bool {
    (unit < 0x20 && !matches!(unit, 0x09 | 0x0A | 0x0C | 0x0D)) || unit == 0x7F
}

/// Checks input that is not UTF-16: single bytes are the units.
pub(super) fn check_bytes(bytes: &[u8], base: usize) -> Result<(), InputError> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            offset: base + i,
            what: "a NUL byte (0x00)".to_owned(),
            hint: utf16_hint(bytes),
        });
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    check_controls(head.iter().map(|&b| u32::from(b)), 1, base, "bytes")
}

/// Checks UTF-16 input (without its byte order mark), unit by unit.
pub(super) fn check_utf16(payload: &[u8], big_endian: bool, base: usize) -> Result<(), InputError> {
    let units = payload.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        u32::from(if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) })
    });
    if let Some(i) = units.clone().position(|u| u == 0) {
        return Err(InputError::Binary {
            offset: base + 2 * i,
            what: "a NUL character (U+0000)".to_owned(),
            hint: String::new(),
        });
    }
    check_controls(units.take(SNIFF_BYTES / 2), 2, base, "characters")
}

/// Fails if more than [`MAX_CONTROL_PERCENT`] % of `units` are control characters.
fn check_controls(
    units: impl Iterator<Item = u32>,
    unit_len: usize,
    base: usize,
    noun: &str,
) -> Result<(), InputError> {
    let mut total = 0usize;
    let mut controls = 0usize;
    let mut first = None;
    for (i, unit) in units.enumerate() {
        total += 1;
        if is_control(unit) {
            controls += 1;
            first.get_or_insert((i, unit));
        }
    }
    match first {
        Some((i, unit)) if controls * 100 > total * MAX_CONTROL_PERCENT => Err(InputError::Binary {
            offset: base + i * unit_len,
            what: format!(
                "control character 0x{unit:02X} ({controls} of the first {total} {noun} are control \
                 characters, more than {MAX_CONTROL_PERCENT} %)"
            ),
            hint: String::new(),
        }),
        _ => Ok(()),
    }
}

/// Advice for input whose NUL bytes fall nearly all on even or nearly all on odd
/// offsets: the mark of UTF-16 text without a byte order mark.
fn utf16_hint(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in head.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let (hi, lo) = (even.max(odd), even.min(odd));
    let units = head.len() / 2;
    if hi * 20 >= units && lo * 10 <= hi {
        let order = if odd > even { "UTF-16LE" } else { "UTF-16BE" };
        format!(
            "; it may be {order} text without a byte order mark: convert it to UTF-8, \
             or save it as UTF-16 with a byte order mark"
        )
    } else {
        String::new()
    }
}
