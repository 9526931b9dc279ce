use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1251, WINDOWS_1252, WINDOWS_1256};
use proptest::prelude::*;

use super::encoding::assess;
use super::*;

/// Arabic news sentences with the Arabic comma and question mark.
const NEWS: &[&str] = &[
    "قال وزير الخارجية، في مؤتمر صحفي عقده اليوم، إن المحادثات ستستأنف غدا. فهل تنجح هذه المرة؟",
    "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد الوطني، وقالت إنها ستخفض الضرائب على الشركات الصغيرة.",
    "هل ستنجح المفاوضات؟ لا أحد يعرف، لكن الجميع ينتظر.",
    "ذكرت وكالة الأنباء أن الاجتماع سيعقد في القاهرة يوم الخميس المقبل بحضور ممثلين عن عشر دول عربية.",
    "ارتفعت أسعار النفط بنسبة 3% أمس، وتوقع محللون مزيدا من الارتفاع؛ فما أسباب ذلك؟",
    "السلام عليكم",
    "الرئيس",
];

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode {text}", encoding.name());
    bytes.into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

fn ok(bytes: &[u8]) -> Decoded {
    decode(bytes, &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn err(bytes: &[u8]) -> InputError {
    match decode(bytes, &Limits::default()) {
        Ok(d) => panic!("decoded as {}: {:?}", d.encoding, d.text),
        Err(e) => e,
    }
}

/// Decodes with [`Limits::lossy`]: a few invalid sequences are replaced.
fn lossy(bytes: &[u8]) -> Decoded {
    decode(bytes, &Limits { lossy: true, ..Limits::default() }).unwrap_or_else(|e| panic!("{e}"))
}

fn codes(d: &Decoded) -> Vec<&str> {
    d.warnings.iter().map(|w| w.code.as_str()).collect()
}

#[test]
fn utf8_round_trip() {
    for text in NEWS {
        let d = ok(text.as_bytes());
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", *text));
        assert!(d.warnings.is_empty());
    }
}

#[test]
fn utf8_bom_is_stripped() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), NEWS[0].as_bytes()].concat();
    let d = ok(&bytes);
    assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", NEWS[0]));
    assert!(d.warnings.is_empty());
}

#[test]
fn utf16le_with_bom_round_trip() {
    for text in NEWS {
        let d = ok(&utf16(text, false));
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", *text));
        assert!(d.warnings.is_empty());
    }
}

#[test]
fn utf16be_with_bom_round_trip() {
    for text in NEWS {
        let d = ok(&utf16(text, true));
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16BE", *text));
    }
}

#[test]
fn windows_1256_round_trip() {
    for text in NEWS {
        let d = ok(&encode(WINDOWS_1256, text));
        assert_eq!((d.encoding, d.text.as_str()), ("windows-1256", *text));
        assert_eq!(codes(&d), ["legacy_encoding"]);
        assert!(d.warnings[0].message.contains("windows-1256"));
    }
}

#[test]
fn iso_8859_6_round_trip() {
    for text in NEWS {
        let d = ok(&encode(ISO_8859_6, text));
        assert_eq!((d.encoding, d.text.as_str()), ("ISO-8859-6", *text), "{text}");
        assert_eq!(codes(&d), ["legacy_encoding"]);
        assert!(d.warnings[0].message.contains("ISO-8859-6"));
    }
}

#[test]
fn whole_article_in_each_legacy_encoding() {
    let article = NEWS[..5].join("\r\n\r\n");
    for encoding in [WINDOWS_1256, ISO_8859_6] {
        let d = ok(&encode(encoding, &article));
        assert_eq!((d.encoding, d.text.as_str()), (encoding.name(), article.as_str()));
    }
}

#[test]
fn scoring_prefers_the_right_arabic_encoding() {
    for text in &NEWS[..5] {
        for (right, wrong) in [(WINDOWS_1256, ISO_8859_6), (ISO_8859_6, WINDOWS_1256)] {
            let bytes = encode(right, text);
            let good = assess(&right.decode_without_bom_handling(&bytes).0);
            let bad = assess(&wrong.decode_without_bom_handling(&bytes).0);
            assert!(good.score > bad.score, "{}: {good:?} vs {bad:?} for {text}", right.name());
            assert_eq!(good.bad, 0);
        }
    }
}

#[test]
fn detector_tells_the_arabic_encodings_apart_on_sentences() {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    for text in &NEWS[..5] {
        for encoding in [WINDOWS_1256, ISO_8859_6] {
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(&encode(encoding, text), true);
            assert_eq!(detector.guess(None, Utf8Detection::Deny), encoding, "{text}");
        }
    }
}

#[test]
fn short_text_the_detector_misses_is_still_arabic() {
    // chardetng guesses GBK for these bytes; the scoring step reads them as Arabic.
    let d = ok(&encode(WINDOWS_1256, "ماذا بعد؟"));
    assert_eq!((d.encoding, d.text.as_str()), ("windows-1256", "ماذا بعد؟"));
}

#[test]
fn arabic_and_french_in_windows_1256() {
    let text = "Le ministre a déclaré à la presse: قال الوزير إن المحادثات ستستأنف غدا";
    let d = ok(&encode(WINDOWS_1256, text));
    assert_eq!((d.encoding, d.text.as_str()), ("windows-1256", text));
}

#[test]
fn latin1_text_reads_the_same_in_windows_1256() {
    let d = ok(&encode(WINDOWS_1252, "Un café “noir”, s'il vous plaît."));
    assert_eq!((d.encoding, d.text.as_str()), ("windows-1256", "Un café “noir”, s'il vous plaît."));
}

#[test]
fn line_ends_are_kept() {
    let text = "السطر الأول\r\nالسطر الثاني\rالسطر الثالث\nالرابع\r\n";
    assert_eq!(ok(text.as_bytes()).text, text);
    assert_eq!(ok(&utf16(text, false)).text, text);
    assert_eq!(ok(&utf16(text, true)).text, text);
    assert_eq!(ok(&encode(WINDOWS_1256, text)).text, text);
    assert_eq!(ok(&encode(ISO_8859_6, text)).text, text);
}

#[test]
fn empty_input() {
    let e = err(b"");
    assert!(matches!(e, InputError::Empty));
    assert!(e.to_string().contains("empty (0 bytes)"), "{e}");
}

#[test]
fn blank_input() {
    for bytes in [b" \r\n\t \n".as_slice(), b"\xEF\xBB\xBF", b"\xEF\xBB\xBF  \n", b"\xFF\xFE \x00\n\x00"] {
        let e = err(bytes);
        assert!(matches!(e, InputError::Blank { bytes: n } if n == bytes.len()), "{e:?}");
        assert!(e.to_string().contains("only white space"), "{e}");
    }
    // No-break spaces are white space too.
    assert!(matches!(err("\u{a0}\u{2003}\n".as_bytes()), InputError::Blank { .. }));
}

#[test]
fn nul_byte_is_binary() {
    let mut bytes = "قال الوزير".as_bytes().to_vec();
    bytes.extend(b"\x00abc");
    let e = err(&bytes);
    assert!(matches!(e, InputError::Binary { offset: 19, .. }), "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains("binary data") && msg.contains("byte offset 19") && msg.contains("NUL"), "{msg}");
}

#[test]
fn all_byte_values_are_binary() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert!(matches!(err(&bytes), InputError::Binary { offset: 0, .. }));
}

#[test]
fn many_control_characters_are_binary() {
    let mut bytes = b"news text ".repeat(20);
    for i in (0..bytes.len()).step_by(10) {
        bytes[i] = 0x01;
    }
    bytes[0] = b'n';
    let e = err(&bytes);
    assert!(matches!(e, InputError::Binary { offset: 10, .. }), "{e:?}");
    assert!(e.to_string().contains("control character 0x01"), "{e}");
}

#[test]
fn a_few_control_characters_are_text() {
    let mut bytes = "خبر عاجل ".repeat(20).into_bytes();
    bytes.extend(b"\x1a\x0c\t");
    let d = ok(&bytes);
    assert!(d.text.ends_with("\x1a\x0c\t"));
}

#[test]
fn utf16_without_bom_is_binary_with_a_hint() {
    let bytes: Vec<u8> = utf16("Breaking news: talks resume", false)[2..].to_vec();
    let e = err(&bytes);
    assert!(matches!(e, InputError::Binary { offset: 1, .. }), "{e:?}");
    assert!(e.to_string().contains("UTF-16LE text without a byte order mark"), "{e}");
}

#[test]
fn nul_character_in_utf16_is_binary() {
    let bytes = utf16("قال\0الوزير", false);
    let e = err(&bytes);
    assert!(matches!(e, InputError::Binary { offset: 8, .. }), "{e:?}");
}

#[test]
fn too_large() {
    let limits = Limits { max_bytes: 10, ..Limits::default() };
    assert!(decode(b"0123456789", &limits).is_ok());
    let e = decode(b"0123456789a", &limits).unwrap_err();
    assert!(matches!(e, InputError::TooLarge { size: Some(11), limit: 10 }), "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains("11 bytes") && msg.contains("limit of 10 bytes") && msg.contains("--max-bytes"), "{msg}");
    let unknown = InputError::TooLarge { size: None, limit: 10 }.to_string();
    assert!(unknown.contains("more than the limit of 10 bytes"), "{unknown}");
}

#[test]
fn an_invalid_utf8_byte_is_refused_with_its_offset() {
    let text = NEWS[..4].join(" ");
    let mut bytes = text.as_bytes().to_vec();
    bytes.push(0xD8); // a truncated letter
    let e = err(&bytes);
    assert!(
        matches!(e, InputError::InvalidBytes { encoding: "UTF-8", invalid: 1, offset } if offset == text.len()),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(msg.contains(&format!("an invalid byte sequence at byte offset {}", text.len())), "{msg}");
    assert!(msg.contains("--lossy"), "{msg}");
    // two in the middle of the text: the first is named, and how many there are
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(20, 0xFF);
    bytes.insert(40, 0xFF);
    let msg = err(&bytes).to_string();
    assert!(msg.contains("the first invalid byte sequence at byte offset 20 (2 in all)"), "{msg}");
}

#[test]
fn a_few_invalid_utf8_bytes_are_replaced_with_a_warning_when_lossy() {
    let text = NEWS[..4].join(" ");
    let mut bytes = text.as_bytes().to_vec();
    bytes.push(0xD8); // a truncated letter
    let d = lossy(&bytes);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text, format!("{text}\u{FFFD}"));
    assert_eq!(codes(&d), ["replaced_bytes"]);
    assert!(d.warnings[0].message.starts_with("1 invalid byte sequence(s)"), "{}", d.warnings[0].message);
    assert!(d.warnings[0].message.contains(&format!("offset {}", text.len())));
}

#[test]
fn many_invalid_utf8_bytes_are_an_error() {
    let mut bytes = Vec::new();
    for (i, c) in NEWS[0].chars().enumerate() {
        let mut buf = [0; 4];
        let encoded = c.encode_utf8(&mut buf).as_bytes();
        // Damage every fifth multi-byte character.
        bytes.extend_from_slice(if i % 5 == 0 && encoded.len() > 1 { &encoded[..1] } else { encoded });
    }
    let e = err(&bytes);
    assert!(matches!(e, InputError::Undecodable { encoding: "UTF-8", offset: 0, .. }), "{e:?}");
    assert!(e.to_string().contains("not valid UTF-8"), "{e}");
}

#[test]
fn utf8_bom_with_invalid_bytes_is_still_utf8() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), &encode(WINDOWS_1256, NEWS[0])].concat();
    let e = err(&bytes);
    assert!(matches!(e, InputError::Undecodable { encoding: "UTF-8", offset: 3, .. }), "{e:?}");
}

#[test]
fn odd_utf16_length_is_a_replaced_byte() {
    let mut bytes = utf16(&NEWS[..4].join(" "), false);
    bytes.push(b'x');
    assert!(matches!(err(&bytes), InputError::InvalidBytes { encoding: "UTF-16LE", .. }));
    let d = lossy(&bytes);
    assert_eq!(d.encoding, "UTF-16LE");
    assert!(d.text.ends_with('\u{FFFD}'));
    assert_eq!(codes(&d), ["replaced_bytes"]);
}

#[test]
fn unpaired_surrogates_are_an_error() {
    let mut bytes = vec![0xFF, 0xFE];
    for _ in 0..10 {
        bytes.extend([0x00, 0xD8, b'a', 0x00]);
    }
    let e = err(&bytes);
    assert!(matches!(e, InputError::Undecodable { encoding: "UTF-16LE", invalid: 10, offset: 2, .. }), "{e:?}");
}

#[test]
fn cyrillic_is_an_unsupported_encoding() {
    let text = "Министр иностранных дел заявил, что переговоры возобновятся завтра.";
    let e = err(&encode(WINDOWS_1251, text));
    assert!(matches!(e, InputError::UnsupportedEncoding { detected: "windows-1251" }), "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains("not valid UTF-8") && msg.contains("windows-1256") && msg.contains("ISO-8859-6"), "{msg}");
}

#[test]
fn utf16_round_trip_of_every_news_text_with_bom_in_both_orders() {
    for text in NEWS {
        for (encoding, big_endian) in [(UTF_16LE, false), (UTF_16BE, true)] {
            let bytes = utf16(text, big_endian);
            assert_eq!(encoding.decode_with_bom_removal(&bytes).0, *text);
            assert_eq!(ok(&bytes).encoding, encoding.name());
        }
    }
}

#[test]
fn decode_owned_gives_what_decode_gives() {
    let mut cases: Vec<Vec<u8>> = NEWS.iter().map(|t| t.as_bytes().to_vec()).collect();
    cases.push(encode(WINDOWS_1256, NEWS[0]));
    cases.push(utf16(NEWS[1], true));
    cases.push([b"\xEF\xBB\xBF".as_slice(), NEWS[2].as_bytes()].concat());
    cases.extend([b"".to_vec(), b" \n ".to_vec(), b"a\0b".to_vec(), [NEWS[3].as_bytes(), b"\xD8"].concat()]);
    for limits in
        [Limits::default(), Limits { lossy: true, ..Limits::default() }, Limits { max_bytes: 5, lossy: false }]
    {
        for bytes in &cases {
            let (a, b) = (decode(bytes, &limits), decode_owned(bytes.clone(), &limits));
            match (a, b) {
                (Ok(a), Ok(b)) => assert_eq!((a.text, a.encoding, a.warnings), (b.text, b.encoding, b.warnings)),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                (a, b) => panic!("{bytes:?}: {a:?} but {b:?}"),
            }
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(d) = decode(&bytes, &Limits::default()) {
            prop_assert!(!d.text.trim().is_empty());
        }
    }

    #[test]
    fn arbitrary_text_like_bytes_never_panic(
        bytes in proptest::collection::vec(prop_oneof![0x20u8..0x7f, 0x80u8..=0xff, Just(b'\n')], 0..512),
    ) {
        if let Ok(d) = decode(&bytes, &Limits::default()) {
            prop_assert!(["UTF-8", "windows-1256", "ISO-8859-6"].contains(&d.encoding));
        }
    }

    #[test]
    fn any_utf8_text_round_trips(text in "[\\PC\r\n]{1,80}") {
        prop_assume!(!text.trim().is_empty() && !text.starts_with('\u{feff}'));
        prop_assume!(!text.chars().any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\x0c')));
        let d = decode(text.as_bytes(), &Limits::default()).unwrap();
        prop_assert_eq!(d.text, text);
    }
}
