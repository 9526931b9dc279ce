//! The gazetteer index: countries, demonyms, places, organisations, institutions and
//! person names from `resources/gazetteer/`, compiled by `build.rs`
//! ([`super::gazetteer_build`]) into an fst map from a name's matching-key phrase to
//! its entries, and read in place (loading costs nothing).
//!
//! [`Gazetteer::matches`] finds every name that starts at a token, multi-word names
//! included, walking the fst token by token. The first token of a name may carry
//! proclitics (لروسيا، بالجزائر، وموسكو، للجزائر): besides its key, the matcher tries the
//! token without its conjunction and preposition, as the clitics layer segments it and
//! by rule.

pub use marsad_core::document::GazKind;

use fst::raw::{Fst, Node, Output};
use fst::Map;

use super::gazetteer_build::FLAG_MAJOR;
use marsad_core::document::{Document, MorphemeRole, TokenKind};

static FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.fst"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_postings.bin"));
static ENTRIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_entries.bin"));

/// The longest name, in tokens, the matcher looks for.
pub const MAX_NAME_TOKENS: usize = 12;

/// All kinds, in code order (the order of [`KIND_NAMES`]).
pub const GAZ_KINDS: [GazKind; 13] = [
    GazKind::Country,
    GazKind::Demonym,
    GazKind::EthnicGroup,
    GazKind::Place,
    GazKind::Region,
    GazKind::Organization,
    GazKind::Institution,
    GazKind::Office,
    GazKind::Portfolio,
    GazKind::GivenName,
    GazKind::FamilyName,
    GazKind::ForeignGivenName,
    GazKind::ForeignFamilyName,
];

/// One gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazEntry {
    /// What it is.
    pub kind: GazKind,
    /// A national capital or a city of 500,000 or more; a checked demonym; a frequent name.
    pub major: bool,
    /// Its identifier (see [`GazKind`]).
    pub id: &'static str,
    /// Its details as tab-separated fields; read them with [`GazEntry::details`].
    pub info: &'static str,
}

/// What the gazetteer knows of an entry beyond its names.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Details {
    /// Its English name (for a demonym, empty).
    pub name_en: &'static str,
    /// Its canonical Arabic name.
    pub name_ar: &'static str,
    /// Its country (ISO 3166-1 alpha-3); several `|`-separated for an ethnic group.
    pub country: &'static str,
    /// Latitude and longitude, for places.
    pub coordinates: Option<(f64, f64)>,
    /// Population, for places.
    pub population: u64,
    /// A country's capital (GeoNames id), a place's feature code (`PPLC` for a national
    /// capital), an organisation's kind (`igo`, `bloc`…).
    pub extra: &'static str,
}

impl GazEntry {
    /// The entry's details (fields of `gazetteer_build::INFO_FIELDS`).
    pub fn details(&self) -> Details {
        let mut f = self.info.split('\t');
        let mut next = || f.next().unwrap_or("");
        let (name_en, name_ar, country, lat, lon, population, extra) =
            (next(), next(), next(), next(), next(), next(), next());
        let coordinates = lat.parse().ok().zip(lon.parse().ok());
        Details { name_en, name_ar, country, coordinates, population: population.parse().unwrap_or(0), extra }
    }

    /// True for a national capital.
    pub fn is_capital(&self) -> bool {
        self.kind == GazKind::Place && self.details().extra == "PPLC"
    }
}

/// A name found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazMatch {
    /// Index of its first token.
    pub first_token: usize,
    /// One past its last token.
    pub end_token: usize,
    /// Byte offset where the name starts in the original text (after the proclitics
    /// of its first token).
    pub start: usize,
    /// True when proclitics were removed from the first token.
    pub clitics: bool,
    /// Where its postings start.
    postings: u32,
    /// How many entries it has.
    count: u32,
    /// The kinds of its entries, one bit per [`GazKind`].
    pub kinds: u16,
    /// The kinds of its major entries.
    pub major_kinds: u16,
}

impl GazMatch {
    /// Number of tokens it covers.
    pub fn len(&self) -> usize {
        self.end_token - self.first_token
    }

    /// True for an empty match (never returned by the matcher).
    pub fn is_empty(&self) -> bool {
        self.end_token == self.first_token
    }

    /// True when one of its entries is of kind `k`.
    pub fn has(&self, k: GazKind) -> bool {
        self.kinds & (1 << k as u16) != 0
    }
}

/// Bytes per entry in the entry table.
const RECORD: usize = 16;

/// The compiled gazetteer, read in place from the binary.
pub struct Gazetteer {
    map: Map<&'static [u8]>,
    postings: &'static [u8],
    entries: &'static [u8],
    n_entries: usize,
    /// Entry number of each country, by ISO 3166-1 alpha-3 code.
    countries: rustc_hash::FxHashMap<&'static str, usize>,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary.
    pub fn embedded() -> Self {
        let n_entries = u32::from_le_bytes(ENTRIES[..4].try_into().expect("entry count")) as usize;
        let mut g = Gazetteer {
            map: Map::new(FST).expect("embedded gazetteer fst is valid"),
            postings: POSTINGS,
            entries: ENTRIES,
            n_entries,
            countries: Default::default(),
        };
        g.countries =
            (0..n_entries).filter(|&i| g.entry(i).kind == GazKind::Country).map(|i| (g.entry(i).id, i)).collect();
        g
    }

    /// The entry of a country by its ISO 3166-1 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<GazEntry> {
        self.countries.get(iso3).map(|&i| self.entry(i))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.n_entries
    }

    /// True when no gazetteer file was found at build time.
    pub fn is_empty(&self) -> bool {
        self.n_entries == 0
    }

    /// Number of distinct names (phrases).
    pub fn names(&self) -> usize {
        self.map.len()
    }

    fn entry(&self, i: usize) -> GazEntry {
        let rec = &self.entries[4 + i * RECORD..4 + (i + 1) * RECORD];
        let kind = GAZ_KINDS[rec[0] as usize];
        let text = &self.entries[4 + self.n_entries * RECORD..];
        let field = |len_at: usize, off_at: usize| {
            let len = u16::from_le_bytes([rec[len_at], rec[len_at + 1]]) as usize;
            let off = u32::from_le_bytes(rec[off_at..off_at + 4].try_into().expect("offset")) as usize;
            std::str::from_utf8(&text[off..off + len]).unwrap_or("")
        };
        GazEntry { kind, major: rec[1] & FLAG_MAJOR != 0, id: field(2, 4), info: field(8, 12) }
    }

    fn postings(&self, start: u32, count: u32) -> impl Iterator<Item = GazEntry> + '_ {
        (start..start + count).map(move |p| {
            let at = p as usize * 4;
            let e = u32::from_le_bytes(self.postings[at..at + 4].try_into().expect("posting"));
            self.entry(e as usize)
        })
    }

    /// The entries of a phrase of matching keys joined by single spaces (`الولايات المتحده`).
    pub fn lookup(&self, phrase: &str) -> Vec<GazEntry> {
        match self.map.get(phrase) {
            Some(v) => self.postings((v >> 8) as u32, (v & 0xff) as u32).collect(),
            None => Vec::new(),
        }
    }

    /// The entries of a match, best candidates first.
    pub fn entries(&self, m: &GazMatch) -> impl Iterator<Item = GazEntry> + '_ {
        self.postings(m.postings, m.count)
    }

    fn make_match(&self, first: usize, end: usize, start: usize, clitics: bool, value: u64) -> GazMatch {
        let (postings, count) = ((value >> 8) as u32, (value & 0xff) as u32);
        let (mut kinds, mut major_kinds) = (0u16, 0u16);
        for e in self.postings(postings, count) {
            kinds |= 1 << e.kind as u16;
            if e.major {
                major_kinds |= 1 << e.kind as u16;
            }
        }
        GazMatch { first_token: first, end_token: end, start, clitics, postings, count, kinds, major_kinds }
    }

    /// Every name that starts at a token of `tokens` (a range of token indexes) and
    /// ends inside it: for each start and each spelling of its first token, every length.
    pub fn matches(&self, doc: &Document, tokens: std::ops::Range<usize>) -> Vec<GazMatch> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let fst = self.map.as_fst();
        let mut variants = Vec::new();
        for i in tokens.clone() {
            first_token_variants(doc, i, &mut variants);
            for (vi, (key, start)) in variants.iter().enumerate() {
                if variants[..vi].iter().any(|(k, _)| k == key) {
                    continue;
                }
                let clitics = vi > 0;
                let Some((mut node, mut out_val)) = walk(fst, fst.root(), Output::zero(), key.as_bytes()) else {
                    continue;
                };
                let mut end = i + 1;
                loop {
                    if node.is_final() {
                        let value = out_val.cat(node.final_output()).value();
                        out.push(self.make_match(i, end, *start, clitics, value));
                    }
                    if end >= tokens.end || end - i >= MAX_NAME_TOKENS {
                        break;
                    }
                    let Some((n, o)) = walk(fst, node, out_val, b" ") else { break };
                    let Some((n, o)) = walk(fst, n, o, doc.tokens[end].key.as_bytes()) else { break };
                    node = n;
                    out_val = o;
                    end += 1;
                }
            }
        }
        out
    }

    /// Leftmost-longest matches that do not overlap, from [`Gazetteer::matches`].
    pub fn longest(&self, doc: &Document, tokens: std::ops::Range<usize>) -> Vec<GazMatch> {
        let all = self.matches(doc, tokens);
        let mut out: Vec<GazMatch> = Vec::new();
        let mut next_free = 0;
        let mut i = 0;
        while i < all.len() {
            // matches are grouped by first token
            let first = all[i].first_token;
            let mut best = all[i];
            while i < all.len() && all[i].first_token == first {
                if all[i].len() > best.len() || (all[i].len() == best.len() && !all[i].clitics && best.clitics) {
                    best = all[i];
                }
                i += 1;
            }
            if first >= next_free {
                next_free = best.end_token;
                out.push(best);
            }
        }
        out
    }
}

fn walk<'f>(fst: &'f Fst<&'static [u8]>, node: Node<'f>, out: Output, bytes: &[u8]) -> Option<(Node<'f>, Output)> {
    let (mut node, mut out) = (node, out);
    for &b in bytes {
        let t = node.transition(node.find_input(b)?);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, out))
}

/// The spellings a name's first token may be looked up under, with the byte offset
/// where each starts: its key; without the conjunction and preposition the clitics
/// layer found; and without them by rule (و/ف, then ب/ل/ك, لل read as ل + ال).
fn first_token_variants(doc: &Document, i: usize, out: &mut Vec<(String, usize)>) {
    out.clear();
    let tok = &doc.tokens[i];
    out.push((tok.key.to_string(), tok.span.start));
    if tok.kind != TokenKind::Arabic {
        return;
    }
    if let Some(seg) = doc.segmentation_of(i) {
        let kept: Vec<_> =
            seg.morphemes.iter().filter(|m| matches!(m.role, MorphemeRole::Article | MorphemeRole::Stem)).collect();
        if let Some(first) = kept.first() {
            let key: String = kept.iter().map(|m| marsad_core::normalize::match_key(&m.form)).collect();
            if key != tok.key {
                out.push((key, first.span.start));
            }
        }
    }
    // by rule, on the key
    let key = tok.key.as_str();
    let mut at = 0;
    if key[at..].starts_with(['و', 'ف']) {
        at += 'و'.len_utf8();
    }
    let mut article_from_lam = false;
    if key[at..].starts_with(['ب', 'ل', 'ك']) {
        let lam = key[at..].starts_with('ل');
        at += 'ب'.len_utf8();
        if lam && key[at..].starts_with('ل') && !key[at..].starts_with("ال") {
            article_from_lam = true;
        }
    }
    if at > 0 && key[at..].chars().count() >= 3 {
        let rest = if article_from_lam { format!("ا{}", &key[at..]) } else { key[at..].to_owned() };
        // the original offset of the first letter kept
        let nspan = tok.norm_span;
        let start = doc.normalized.orig_offset(nspan.start + at);
        out.push((rest, start));
    }
    // the conjunction alone, for a name that itself begins with ب/ل/ك (ولبنان → لبنان)
    if key.starts_with(['و', 'ف']) && key.chars().count() >= 4 {
        let rest = key['و'.len_utf8()..].to_owned();
        let nspan = tok.norm_span;
        out.push((rest, doc.normalized.orig_offset(nspan.start + 'و'.len_utf8())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;
    use marsad_core::document::Metadata;

    fn found(text: &str) -> Vec<(String, Vec<GazKind>, Vec<&'static str>)> {
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "entities");
        let gaz = &Pipeline::new().resources().gazetteer;
        gaz.longest(&doc, 0..doc.tokens.len())
            .iter()
            .map(|m| {
                let surface = doc.text[m.start..doc.tokens[m.end_token - 1].span.end].to_owned();
                let entries: Vec<GazEntry> = gaz.entries(m).collect();
                (surface, entries.iter().map(|e| e.kind).collect(), entries.iter().map(|e| e.id).collect())
            })
            .collect()
    }

    #[test]
    fn finds_multi_word_names_longest_first() {
        let f = found("وصل الوفد إلى الولايات المتحدة الأمريكية");
        let us = f.iter().find(|(s, _, _)| s.starts_with("الولايات")).expect("United States found");
        assert_eq!(us.0, "الولايات المتحدة الأمريكية");
        assert!(us.2.contains(&"USA"), "{f:?}");
    }

    #[test]
    fn finds_names_under_proclitics() {
        for (text, name, id) in [
            ("زيارة لروسيا", "روسيا", "RUS"),
            ("اجتماع بالجزائر", "الجزائر", "DZA"),
            ("وصل وموسكو", "موسكو", "524901"),
            ("رسالة للجزائر", "لجزائر", "DZA"),
        ] {
            let f = found(text);
            let hit = f.iter().find(|(_, _, ids)| ids.contains(&id));
            assert!(hit.is_some(), "{text}: {f:?}");
            assert!(hit.unwrap().0.ends_with(name), "{text}: {f:?}");
        }
    }

    #[test]
    fn inflected_demonyms_resolve_to_their_country() {
        for word in ["جزائري", "الجزائرية", "الجزائريين", "الجزائريون", "والجزائريين", "للجزائريين", "جزائريات"]
        {
            let f = found(word);
            assert!(
                f.iter().any(|(_, kinds, ids)| kinds.contains(&GazKind::Demonym) && ids.contains(&"DZA")),
                "{word}: {f:?}"
            );
        }
    }

    #[test]
    fn organisations_and_places_have_ids() {
        let f = found("قالت الأمم المتحدة إن القاهرة");
        assert!(f.iter().any(|(s, k, _)| s == "الأمم المتحدة" && k.contains(&GazKind::Organization)), "{f:?}");
        assert!(f.iter().any(|(s, _, ids)| s == "القاهرة" && ids.contains(&"360630")), "{f:?}");
    }
}
