//! `marsad analyze` on inputs that are hard to read: errors, legacy encodings, standard input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const ARTICLE: &str = "قال وزير الخارجية، في مؤتمر صحفي عقده اليوم، إن المحادثات ستستأنف غدا.\r\n\
                       فهل تنجح هذه المرة؟ لا أحد يعرف، لكن الجميع ينتظر.\r\n";

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("the marsad binary is built")
}

/// Writes `bytes` to `name` in a fresh temporary directory.
fn fixture(name: &str, bytes: &[u8]) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the fixture is written");
    (dir, path)
}

/// Runs `marsad analyze PATH [extra…]`, expects failure, and checks stderr names
/// the path, says `reason`, and nothing went to stdout.
fn fails(path: &Path, extra: &[&str], reason: &str) {
    let shown = path.display().to_string();
    marsad()
        .arg("analyze")
        .arg(path)
        .args(extra)
        .assert()
        .failure()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::starts_with(format!("marsad: error: cannot read {shown}: ")))
        .stderr(predicate::str::contains(reason));
}

/// Runs `marsad analyze PATH --format json`, expects success, and returns the
/// JSON output and stderr.
fn succeeds_json(path: &Path) -> (serde_json::Value, String) {
    let out = marsad().arg("analyze").arg(path).args(["--format", "json"]).assert().success();
    let out = out.get_output();
    let json = serde_json::from_slice(&out.stdout).expect("the output is JSON");
    (json, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Encodes ASCII and Arabic text in windows-1256 (the subset of the table the tests need).
fn windows_1256(text: &str) -> Vec<u8> {
    const LETTERS: &str = "ءآأؤإئابةتثجحخدذرزسشصض"; // 0xC1..=0xD6
    const MORE: &str = "طظعغـفقك"; // 0xD8..=0xDF
    text.chars()
        .map(|c| match c {
            _ if c.is_ascii() => c as u8,
            '،' => 0xA1,
            '؛' => 0xBA,
            '؟' => 0xBF,
            'ل' => 0xE1,
            'م' => 0xE3,
            'ن' => 0xE4,
            'ه' => 0xE5,
            'و' => 0xE6,
            'ى' => 0xEC,
            'ي' => 0xED,
            _ => {
                if let Some(i) = LETTERS.chars().position(|l| l == c) {
                    0xC1 + i as u8
                } else if let Some(i) = MORE.chars().position(|l| l == c) {
                    0xD8 + i as u8
                } else {
                    panic!("{c} is not in the test table")
                }
            }
        })
        .collect()
}

/// Encodes ASCII and Arabic text in ISO-8859-6.
fn iso_8859_6(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            _ if c.is_ascii() => c as u8,
            '،' => 0xAC,
            '؛' => 0xBB,
            '؟' => 0xBF,
            '\u{0621}'..='\u{063A}' => (c as u32 - 0x0621 + 0xC1) as u8,
            '\u{0640}'..='\u{0652}' => (c as u32 - 0x0640 + 0xE0) as u8,
            _ => panic!("{c} is not in ISO-8859-6"),
        })
        .collect()
}

/// Encodes ASCII and Russian text in windows-1251.
fn windows_1251(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            _ if c.is_ascii() => c as u8,
            '\u{0410}'..='\u{044F}' => (c as u32 - 0x0410 + 0xC0) as u8,
            _ => panic!("{c} is not in the test table"),
        })
        .collect()
}

#[test]
fn empty_file() {
    let (_dir, path) = fixture("empty.txt", b"");
    fails(&path, &[], "the input is empty (0 bytes)");
}

#[test]
fn blank_file() {
    let (_dir, path) = fixture("blank.txt", b"  \r\n\t\n");
    fails(&path, &[], "only white space (6 bytes");
}

#[test]
fn binary_file() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let (_dir, path) = fixture("image.bin", &bytes);
    fails(&path, &[], "looks like binary data");
    fails(&path, &[], "byte offset 0");
}

#[test]
fn file_over_max_bytes_reports_its_size() {
    let (_dir, path) = fixture("big.txt", ARTICLE.repeat(3).as_bytes());
    let size = ARTICLE.len() * 3;
    fails(&path, &["--max-bytes", "100"], &format!("{size} bytes, more than the limit of 100 bytes"));
    fails(&path, &["--max-bytes", "100"], "--max-bytes");
}

#[test]
fn file_at_max_bytes_is_read() {
    let (_dir, path) = fixture("exact.txt", ARTICLE.as_bytes());
    marsad().arg("analyze").arg(&path).args(["--max-bytes", &ARTICLE.len().to_string()]).assert().success();
}

#[test]
fn stdin_over_max_bytes() {
    marsad()
        .args(["analyze", "-", "--max-bytes", "100"])
        .write_stdin(ARTICLE.repeat(3))
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::starts_with("marsad: error: cannot read <stdin>: "))
        .stderr(predicate::str::contains("more than the limit of 100 bytes"))
        .stderr(predicate::str::contains("--max-bytes"));
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    fails(&dir.path().join("no-such-article.txt"), &[], "no such file or directory");
}

/// A folder is a batch of articles: it must hold some.
#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    let shown = dir.path().display().to_string();
    for format in ["text", "json"] {
        marsad()
            .args(["analyze", "--format", format])
            .arg(dir.path())
            .assert()
            .failure()
            .code(1)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(format!("marsad: error: no articles in {shown}")));
    }
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = fixture("secret.txt", ARTICLE.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: permissions are not enforced for this user (root?)");
        return;
    }
    fails(&path, &[], "permission denied");
}

#[test]
fn windows_1256_file() {
    let (_dir, path) = fixture("arabic-1256.txt", &windows_1256(ARTICLE));
    let (json, stderr) = succeeds_json(&path);
    assert_eq!(json["text"], ARTICLE);
    assert_eq!(json["meta"]["encoding"], "windows-1256");
    assert!(stderr.contains("windows-1256"), "{stderr}");
}

#[test]
fn iso_8859_6_file() {
    let (_dir, path) = fixture("arabic-iso.txt", &iso_8859_6(ARTICLE));
    let (json, stderr) = succeeds_json(&path);
    assert_eq!(json["text"], ARTICLE);
    assert_eq!(json["meta"]["encoding"], "ISO-8859-6");
    assert!(stderr.contains("ISO-8859-6"), "{stderr}");
}

#[test]
fn utf16le_file_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
    let (_dir, path) = fixture("arabic-utf16.txt", &bytes);
    let (json, stderr) = succeeds_json(&path);
    assert_eq!(json["text"], ARTICLE);
    assert_eq!(json["meta"]["encoding"], "UTF-16LE");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn utf8_file_with_bom() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat();
    let (_dir, path) = fixture("arabic-bom.txt", &bytes);
    let (json, _) = succeeds_json(&path);
    assert_eq!(json["text"], ARTICLE);
    assert_eq!(json["meta"]["encoding"], "UTF-8");
}

#[test]
fn stdin() {
    let out = marsad().args(["analyze", "-", "--format", "json"]).write_stdin(ARTICLE).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["text"], ARTICLE);
    assert_eq!(json["meta"]["encoding"], "UTF-8");
}

#[test]
fn empty_stdin() {
    marsad()
        .args(["analyze", "-"])
        .write_stdin("")
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("marsad: error: cannot read <stdin>: the input is empty (0 bytes)"));
}

#[test]
fn english_file_succeeds_with_a_warning() {
    let (_dir, path) = fixture("english.txt", b"The minister said on Monday that the talks would resume.\n");
    let (json, stderr) = succeeds_json(&path);
    assert_eq!(json["text"], "The minister said on Monday that the talks would resume.\n");
    let shown = path.display().to_string();
    assert!(stderr.contains(&format!("marsad: warning: {shown}: ")), "{stderr}");
    assert!(stderr.contains("Arabic"), "{stderr}");
}

#[test]
fn unsupported_encoding() {
    let text = "Министр иностранных дел заявил, что переговоры возобновятся завтра.";
    let (_dir, path) = fixture("russian.txt", &windows_1251(text));
    fails(&path, &[], "windows-1251");
}

#[test]
fn gdelt_rows_have_61_columns() {
    let (_dir, path) = fixture("a.txt", "زار الرئيس الفرنسي إيمانويل ماكرون الجزائر يوم 5 مارس 2024.".as_bytes());
    let out = marsad().arg("analyze").arg(&path).args(["--format", "gdelt", "--header"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 2, "{text}");
    assert!(lines.iter().all(|l| l.split('\t').count() == 61), "{text}");
    assert!(lines[0].starts_with("GlobalEventID\tDay"));
}

/// Arabic with one invalid byte in the middle: the offset of the first invalid
/// sequence, counted in the file's bytes.
fn damaged() -> (Vec<u8>, usize) {
    let mut bytes = ARTICLE.as_bytes().to_vec();
    let at = ARTICLE.find("مؤتمر").unwrap();
    bytes.insert(at, 0xFF);
    (bytes, at)
}

#[test]
fn invalid_utf8_stops_with_the_byte_offset_and_writes_nothing() {
    let (bytes, at) = damaged();
    let (dir, path) = fixture("damaged.txt", &bytes);
    fails(&path, &[], &format!("the input is not valid UTF-8: an invalid byte sequence at byte offset {at}"));
    fails(&path, &[], "--lossy");
    let out = dir.path().join("report.json");
    marsad().arg("analyze").arg(&path).args(["--format", "json", "-o"]).arg(&out).assert().failure().code(1);
    assert!(!out.exists(), "nothing is written");
    // standard input and a UTF-8 file with a byte order mark too
    marsad()
        .args(["analyze", "-"])
        .write_stdin(bytes.clone())
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(format!(
            "cannot read <stdin>: the input is not valid UTF-8: an invalid byte sequence at byte offset {at}"
        )));
    let (_dir, bom) = fixture("bom.txt", &[b"\xEF\xBB\xBF".as_slice(), &bytes].concat());
    fails(&bom, &[], &format!("byte offset {}", at + 3));
}

#[test]
fn lossy_reads_invalid_bytes_as_replacement_characters_with_a_warning() {
    let (bytes, at) = damaged();
    let (_dir, path) = fixture("damaged.txt", &bytes);
    let out = marsad().arg("analyze").arg(&path).args(["--lossy", "--format", "json"]).assert().success();
    let out = out.get_output();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["text"].as_str().unwrap().contains('\u{FFFD}'));
    assert_eq!(json["warnings"][0]["code"], "replaced_bytes");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("marsad: warning: {}: 1 invalid byte sequence(s)", path.display())), "{stderr}");
    assert!(stderr.contains(&format!("byte offset {at}")), "{stderr}");
}

#[test]
fn the_output_may_not_be_an_input() {
    let (dir, path) = fixture("article.txt", ARTICLE.as_bytes());
    for format in ["text", "json", "html"] {
        marsad()
            .arg("analyze")
            .arg(&path)
            .args(["--format", format, "-o"])
            .arg(&path)
            .assert()
            .failure()
            .code(1)
            .stderr(predicate::str::contains("is the input"))
            .stderr(predicate::str::contains("give another path with -o"));
        assert_eq!(std::fs::read(&path).unwrap(), ARTICLE.as_bytes(), "the article is untouched");
    }
    // the same file by another name: a relative path, a symbolic link
    let relative = dir.path().join(".").join("article.txt");
    marsad()
        .arg("analyze")
        .arg(&path)
        .arg("-o")
        .arg(&relative)
        .assert()
        .failure()
        .stderr(predicate::str::contains("is the input"));
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        marsad()
            .arg("analyze")
            .arg(&link)
            .arg("-o")
            .arg(&path)
            .assert()
            .failure()
            .stderr(predicate::str::contains("is the input"));
    }
    // one of several inputs, or a file inside an input folder
    let other = dir.path().join("other.txt");
    std::fs::write(&other, ARTICLE).unwrap();
    marsad()
        .args(["analyze", "--format", "json"])
        .arg(&other)
        .arg(&path)
        .arg("-o")
        .arg(&path)
        .assert()
        .failure()
        .stderr(predicate::str::contains("is the input"));
    marsad()
        .args(["analyze", "--format", "json"])
        .arg(dir.path())
        .arg("-o")
        .arg(&other)
        .assert()
        .failure()
        .stderr(predicate::str::contains("is the input"));
    assert_eq!(std::fs::read(&other).unwrap(), ARTICLE.as_bytes());
    // a new file is fine
    marsad().arg("analyze").arg(&path).arg("-o").arg(dir.path().join("report.txt")).assert().success();
}

#[test]
fn persian_mixed_into_arabic_is_named() {
    let text = format!("{ARTICLE}سخنگوی وزارت امور خارجه گفت که پیشنهاد چین برای گفتگو پذیرفته شد و گروه ژاپنی آمد.\n");
    let (_dir, path) = fixture("mixed.txt", text.as_bytes());
    let (json, stderr) = succeeds_json(&path);
    assert!(
        json["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "persian_letters"),
        "{}",
        json["warnings"]
    );
    assert!(stderr.contains("Persian-only"), "{stderr}");
}

#[test]
fn bidi_overrides_are_escaped_in_the_report_and_kept_in_json() {
    let text = "قال الوزير \u{202E}إن المحادثات\u{202C} ستستأنف غدا.\n";
    let (_dir, path) = fixture("bidi.txt", text.as_bytes());
    let out = marsad().arg("analyze").arg(&path).assert().success().get_output().stdout.clone();
    let report = String::from_utf8(out).unwrap();
    assert!(report.contains("<U+202E>إن المحادثات<U+202C>"), "{report}");
    assert!(!report.contains('\u{202E}'), "{report}");
    let (json, _) = succeeds_json(&path);
    assert_eq!(json["text"], text, "JSON keeps the text exactly");
}

#[test]
fn jobs_must_be_one_or_more() {
    marsad()
        .args(["analyze", "--jobs", "0", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .failure()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("--jobs takes a number of threads, 1 or more"));
}

#[test]
fn eval_entities_has_its_own_help() {
    let out = marsad().args(["eval", "entities", "--help"]).assert().success().get_output().stdout.clone();
    let help = String::from_utf8(out).unwrap();
    assert!(help.contains("gold/test/entities.jsonl"), "{help}");
    assert!(!help.contains("time.jsonl") && !help.contains("quantities"), "{help}");
}

#[test]
fn layers_and_compact_json() {
    let (_dir, path) = fixture("a.txt", ARTICLE.as_bytes());
    let out = marsad()
        .arg("analyze")
        .arg(&path)
        .args(["--format", "json", "--layers", "tokens,times"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["meta", "offsets", "schema_version", "text", "times", "tokens", "warnings"]);
    let compact = marsad().arg("analyze").arg(&path).args(["--format", "json", "--compact"]).assert().success();
    let compact = compact.get_output().stdout.clone();
    assert_eq!(compact.iter().filter(|&&b| b == b'\n').count(), 1, "one line");
    let json: serde_json::Value = serde_json::from_slice(&compact).unwrap();
    assert_eq!(json["profile"], "compact");
    assert!(json["tokens"][0].is_array());
    let report = marsad().arg("analyze").arg(&path).args(["--layers", "sentences"]).assert().success();
    let report = String::from_utf8(report.get_output().stdout.clone()).unwrap();
    assert!(report.contains("[1] قال وزير الخارجية") && !report.contains("Repairs"), "{report}");
    marsad()
        .arg("analyze")
        .arg(&path)
        .args(["--layers", "nonsense"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no layer called \"nonsense\""));
    marsad()
        .arg("analyze")
        .arg(&path)
        .args(["--compact"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("add --format json"));
}
