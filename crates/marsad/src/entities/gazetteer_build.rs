//! Compiles the gazetteer TSV files under `resources/gazetteer/` into the index the
//! running code reads ([`super::gazetteer`]).
//!
//! Shared by `build.rs` (which writes the index into `OUT_DIR`) and the library (whose
//! tests check name splitting and demonym inflection), so it depends on nothing but
//! the standard library and `fst`: the key function (the text layer's
//! [`key_of_plain`](marsad_core::chars::key_of_plain)) is passed in.
//!
//! Files are parsed by the column names of their `# columns: a, b, c` header line,
//! not by position, and a missing file or column is skipped: the gazetteer grows as
//! its files do.
//!
//! The index is three blobs:
//! - `gazetteer.fst`: an fst map from a name's matching-key phrase (token keys joined
//!   by single spaces) to `postings_start << 8 | count`;
//! - `gazetteer_postings.bin`: little-endian `u32` entry numbers, grouped per phrase,
//!   best candidates first (countries and organisations before places, larger places first);
//! - `gazetteer_entries.bin`: per entry 16 bytes (kind `u8`, flags `u8`, id length
//!   `u16`, id offset `u32` into the text blob, info length `u16`, zero `u16`, info
//!   offset `u32`), then the text blob (UTF-8): ids and [`Entry::info`] records.

use std::collections::BTreeMap;

/// Kind codes shared with the runtime ([`super::gazetteer::GazKind`]), in order.
pub const KIND_NAMES: &[&str] = &[
    "country",
    "demonym",
    "ethnic_group",
    "place",
    "region",
    "organization",
    "institution",
    "office",
    "portfolio",
    "given_name",
    "family_name",
    "foreign_given_name",
    "foreign_family_name",
];

/// Flag: a major place (a national capital or a city of 500,000 or more), or a
/// checked demonym; for names, a frequent one.
pub const FLAG_MAJOR: u8 = 1;

/// Number of postings per phrase kept in the index (the rest are the least likely).
pub const MAX_POSTINGS: usize = 255;

/// One gazetteer entry with the names it is written with.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Index into [`KIND_NAMES`].
    pub kind: u8,
    /// [`FLAG_MAJOR`] or 0.
    pub flags: u8,
    /// Identifier: ISO 3166 alpha-3 code, GeoNames id, organisation id, or the Arabic name.
    pub id: String,
    /// How likely the entry is among several with the same name (higher first).
    pub rank: u64,
    /// The Arabic names (original spelling; keyed later).
    pub names: Vec<String>,
    /// What resolution needs to know of it, as tab-separated fields (see [`INFO_FIELDS`]).
    pub info: String,
}

/// The fields of [`Entry::info`], in order: English name, canonical Arabic name,
/// country (ISO 3166-1 alpha-3), latitude, longitude, population, and an extra field:
/// a country's capital (GeoNames id), a place's GeoNames feature code, an
/// organisation's kind.
pub const INFO_FIELDS: [&str; 7] = ["name_en", "name_ar", "country", "lat", "lon", "population", "extra"];

/// An [`Entry::info`] record from its fields, in [`INFO_FIELDS`] order.
fn info(fields: [&str; 7]) -> String {
    fields.iter().map(|f| f.replace('\t', " ")).collect::<Vec<_>>().join("\t")
}

fn kind(name: &str) -> u8 {
    KIND_NAMES.iter().position(|k| *k == name).expect("known kind") as u8
}

/// A TSV file with a `# columns:` header, as rows of named fields.
pub struct Table<'a> {
    columns: Vec<&'a str>,
    /// The rows, as fields in column order.
    pub rows: Vec<Vec<&'a str>>,
}

impl<'a> Table<'a> {
    /// Parses `text`; `None` when it has no `# columns:` line.
    pub fn parse(text: &'a str) -> Option<Table<'a>> {
        let mut columns = None;
        let mut rows = Vec::new();
        for line in text.lines() {
            if let Some(comment) = line.strip_prefix('#') {
                if let Some(cols) = comment.trim().strip_prefix("columns:") {
                    columns = Some(cols.split(',').map(str::trim).collect());
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            rows.push(line.split('\t').collect());
        }
        Some(Table { columns: columns?, rows })
    }

    /// The column number of `name`.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == name)
    }

    /// Field `col` of `row`, trimmed; empty when absent.
    pub fn get(&self, row: &[&'a str], col: Option<usize>) -> &'a str {
        col.and_then(|c| row.get(c)).map_or("", |s| s.trim())
    }
}

fn split_variants(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split('|').map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// The inflections of a masculine nisba adjective (`جزائري`): feminine, sound plurals,
/// duals, each also with the article.
pub fn inflect_nisba(base: &str) -> Vec<String> {
    let base = base.trim();
    let mut forms = Vec::new();
    if base.is_empty() {
        return forms;
    }
    let suffixes: &[&str] = if base.ends_with('ي') {
        &["", "ة", "ون", "ين", "ات", "ان", "تان", "تين"]
    } else {
        // not a nisba (rare in the lists): add the nisba endings
        &["", "ي", "ية", "يون", "يين", "يات"]
    };
    for s in suffixes {
        let form = format!("{base}{s}");
        forms.push(format!("ال{form}"));
        forms.push(form);
    }
    forms
}

/// Splits a name into the keys of the tokens the tokenizer would make of it (runs of
/// Arabic letters, runs of other letters and digits, single other characters), joined
/// by single spaces.
pub fn phrase_key(name: &str, key_of: fn(&str) -> String) -> String {
    let key = key_of(name);
    let mut out = String::with_capacity(key.len());
    let mut class = 0u8; // 0 none, 1 arabic, 2 other word
    for c in key.chars() {
        let c_class = if is_arabic(c) {
            1
        } else if c.is_alphanumeric() {
            2
        } else if c.is_whitespace() {
            0
        } else {
            3
        };
        if c_class == 0 {
            class = 0;
            continue;
        }
        if !out.is_empty() && (c_class != class || c_class == 3) {
            out.push(' ');
        }
        out.push(c);
        class = c_class;
    }
    out
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}')
}

/// Reads the entries of every known gazetteer file; `files` pairs a file name
/// (`countries.tsv`) with its text.
pub fn entries(files: &[(&str, &str)]) -> Vec<Entry> {
    let mut out = Vec::new();
    for (name, text) in files {
        let Some(t) = Table::parse(text) else { continue };
        match *name {
            "countries.tsv" => {
                let (id, ar, var) = (t.col("iso3"), t.col("name_ar"), t.col("variants_ar"));
                let (en, capital) = (t.col("name_en"), t.col("capital_geonameid"));
                for r in &t.rows {
                    let mut names = vec![t.get(r, ar).to_owned()];
                    names.extend(split_variants(t.get(r, var)));
                    let (iso3, name_ar) = (t.get(r, id), t.get(r, ar));
                    let info = info([t.get(r, en), name_ar, iso3, "", "", "", t.get(r, capital)]);
                    out.push(Entry { kind: kind("country"), flags: 0, id: iso3.into(), rank: u64::MAX, names, info });
                }
            }
            "demonyms.tsv" | "ethnic_groups.tsv" => {
                let is_dem = *name == "demonyms.tsv";
                let id = if is_dem { t.col("iso3") } else { t.col("id") };
                let adj = t.col("adjective_masc_ar");
                let var = t.col("variants_ar");
                let plural = t.col("plural_broken_ar").or(t.col("plural_ar"));
                let conf = t.col("confidence");
                let (en, iso3) = (t.col("name_en"), t.col("iso3"));
                for r in &t.rows {
                    let mut names = Vec::new();
                    for base in std::iter::once(t.get(r, adj).to_owned()).chain(split_variants(t.get(r, var))) {
                        names.extend(inflect_nisba(&base));
                    }
                    for p in split_variants(t.get(r, plural)) {
                        names.push(format!("ال{p}"));
                        names.push(p);
                    }
                    let major = !is_dem || t.get(r, conf).parse::<f32>().map_or(true, |c| c >= 0.9);
                    out.push(Entry {
                        kind: kind(if is_dem { "demonym" } else { "ethnic_group" }),
                        flags: if major { FLAG_MAJOR } else { 0 },
                        id: t.get(r, id).into(),
                        rank: u64::MAX - 1,
                        names,
                        info: info([t.get(r, en), t.get(r, adj), t.get(r, iso3), "", "", "", ""]),
                    });
                }
            }
            "places.tsv" => {
                let (id, k, ar, var) = (t.col("geonameid"), t.col("kind"), t.col("name_ar"), t.col("variants_ar"));
                let (pop, code) = (t.col("population"), t.col("feature_code"));
                let (en, iso3, lat, lon) = (t.col("name_en"), t.col("iso3"), t.col("lat"), t.col("lon"));
                for r in &t.rows {
                    let ar_name = t.get(r, ar);
                    if ar_name.is_empty() {
                        continue;
                    }
                    let mut names = vec![ar_name.to_owned()];
                    names.extend(split_variants(t.get(r, var)));
                    let population: u64 = t.get(r, pop).parse().unwrap_or(0);
                    let capital = t.get(r, code) == "PPLC";
                    let region = t.get(r, k) == "admin1";
                    let major = capital || population >= 500_000;
                    out.push(Entry {
                        kind: kind(if region { "region" } else { "place" }),
                        flags: if major { FLAG_MAJOR } else { 0 },
                        id: t.get(r, id).into(),
                        rank: if capital { u64::MAX / 2 } else { population.min(u64::MAX / 4) },
                        names,
                        info: info([
                            t.get(r, en),
                            ar_name,
                            t.get(r, iso3),
                            t.get(r, lat),
                            t.get(r, lon),
                            t.get(r, pop),
                            t.get(r, code),
                        ]),
                    });
                }
            }
            "organizations.tsv" => {
                let (id, ar, var) = (t.col("id"), t.col("name_ar"), t.col("variants_ar"));
                let (en, k) = (t.col("name_en"), t.col("kind"));
                for r in &t.rows {
                    let mut names = vec![t.get(r, ar).to_owned()];
                    names.extend(split_variants(t.get(r, var)));
                    out.push(Entry {
                        kind: kind("organization"),
                        flags: 0,
                        id: t.get(r, id).into(),
                        rank: u64::MAX - 2,
                        names,
                        info: info([t.get(r, en), t.get(r, ar), "", "", "", "", t.get(r, k)]),
                    });
                }
            }
            "institutions.tsv" => {
                let (head, person, role) = (t.col("head_ar"), t.col("person"), t.col("role_en"));
                let (k, iso3) = (t.col("kind"), t.col("iso3"));
                for r in &t.rows {
                    let head = t.get(r, head);
                    let office = t.get(r, person) == "yes";
                    out.push(Entry {
                        kind: kind(if office { "office" } else { "institution" }),
                        flags: 0,
                        id: head.into(),
                        rank: u64::MAX - 3,
                        names: vec![head.to_owned()],
                        info: info([t.get(r, role), head, t.get(r, iso3), "", "", "", t.get(r, k)]),
                    });
                }
            }
            "ministry_portfolios.tsv" => {
                let (ar, en) = (t.col("portfolio_ar"), t.col("portfolio_en"));
                for r in &t.rows {
                    out.push(Entry {
                        kind: kind("portfolio"),
                        flags: 0,
                        id: t.get(r, en).into(),
                        rank: u64::MAX - 4,
                        names: vec![t.get(r, ar).to_owned()],
                        info: info([t.get(r, en), t.get(r, ar), "", "", "", "", ""]),
                    });
                }
            }
            "person_names.tsv" => {
                let (ar, k, var) = (t.col("name_ar"), t.col("kind"), t.col("variants_ar"));
                let freq = t.col("frequency").or(t.col("zipf"));
                for r in &t.rows {
                    let kind_name = match t.get(r, k) {
                        "given" => "given_name",
                        "family" => "family_name",
                        "foreign_given" => "foreign_given_name",
                        "foreign_family" => "foreign_family_name",
                        _ => continue,
                    };
                    let mut names = vec![t.get(r, ar).to_owned()];
                    names.extend(split_variants(t.get(r, var)));
                    let major = t.get(r, freq).parse::<f32>().is_ok_and(|f| f >= 3.0);
                    out.push(Entry {
                        kind: kind(kind_name),
                        flags: if major { FLAG_MAJOR } else { 0 },
                        id: t.get(r, ar).into(),
                        rank: 0,
                        names,
                        info: String::new(),
                    });
                }
            }
            _ => {}
        }
    }
    out.retain(|e| !e.id.is_empty());
    out
}

/// The three blobs of the index (see the module documentation).
pub struct Compiled {
    /// The fst map.
    pub fst: Vec<u8>,
    /// The postings.
    pub postings: Vec<u8>,
    /// The entry table and id blob.
    pub entries: Vec<u8>,
}

/// Compiles `entries` with the key function `key_of`.
pub fn compile(entries: &[Entry], key_of: fn(&str) -> String) -> Compiled {
    let mut by_phrase: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for name in &e.names {
            let phrase = phrase_key(name, key_of);
            if phrase.is_empty() {
                continue;
            }
            let list = by_phrase.entry(phrase).or_default();
            if !list.contains(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    let mut postings = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let mut count = 0u64;
    for (phrase, mut list) in by_phrase {
        // best first: by rank (descending), then kind and file order
        list.sort_by(|&a, &b| {
            let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
            eb.rank.cmp(&ea.rank).then(ea.kind.cmp(&eb.kind)).then(a.cmp(&b))
        });
        list.truncate(MAX_POSTINGS);
        let value = (count << 8) | list.len() as u64;
        for id in &list {
            postings.extend_from_slice(&id.to_le_bytes());
        }
        count += list.len() as u64;
        builder.insert(phrase.as_bytes(), value).expect("phrases are sorted and unique");
    }
    let mut table = Vec::with_capacity(entries.len() * 16 + 4);
    table.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    let mut text = Vec::new();
    for e in entries {
        table.push(e.kind);
        table.push(e.flags);
        table.extend_from_slice(&(e.id.len().min(u16::MAX as usize) as u16).to_le_bytes());
        table.extend_from_slice(&(text.len() as u32).to_le_bytes());
        text.extend_from_slice(e.id.as_bytes());
        table.extend_from_slice(&(e.info.len().min(u16::MAX as usize) as u16).to_le_bytes());
        table.extend_from_slice(&0u16.to_le_bytes());
        table.extend_from_slice(&(text.len() as u32).to_le_bytes());
        text.extend_from_slice(e.info.as_bytes());
    }
    table.extend_from_slice(&text);
    Compiled { fst: builder.into_inner().expect("fst builds"), postings, entries: table }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nisba_inflections_with_and_without_the_article() {
        let forms = inflect_nisba("جزائري");
        for f in ["جزائري", "الجزائرية", "الجزائريون", "الجزائريين", "جزائريات", "الجزائريتين"]
        {
            assert!(forms.iter().any(|x| x == f), "{f} in {forms:?}");
        }
    }

    #[test]
    fn names_split_like_the_tokenizer() {
        let key = marsad_core::chars::key_of_plain;
        assert_eq!(phrase_key("غينيا-بيساو", key), "غينيا - بيساو");
        assert_eq!(phrase_key("  الأمم   المتحدة ", key), "الامم المتحده");
        // tatweel is dropped, digits are a token of their own, as the tokenizer does
        assert_eq!(phrase_key("مجموعة الـ20", key), "مجموعه ال 20");
    }

    #[test]
    fn tables_are_read_by_column_name() {
        let text = "# columns: name_ar, iso3\nالجزائر\tDZA\n";
        let t = Table::parse(text).unwrap();
        let (name, iso) = (t.col("name_ar"), t.col("iso3"));
        assert_eq!((t.get(&t.rows[0], name), t.get(&t.rows[0], iso)), ("الجزائر", "DZA"));
        assert_eq!(t.get(&t.rows[0], t.col("missing")), "");
    }
}
