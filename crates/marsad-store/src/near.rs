//! Near-duplicates: MinHash signatures of word shingles with LSH banding.
//!
//! A wire copy or a republication differs from its first appearance by a dateline
//! or byline, a dropped or moved sentence, a few changed words: most of its
//! three-word shingles are still the original's. The shingles are taken over
//! marsad's normalised text ([`normalised_for_identity`]: letters unified,
//! diacritics dropped) split into words at every character that is not a letter or
//! a digit, so punctuation and line breaks play no part.
//!
//! Each text gets [`PERMUTATIONS`] minimum hashes; they are cut into [`BANDS`] bands
//! of [`ROWS`] and each band hashed to one key. Two texts that share a band key are
//! candidates (the store finds them with one indexed lookup per band, so a new
//! article costs the same whatever the size of the store); a candidate is kept
//! only when the exact Jaccard similarity of the two shingle sets reaches
//! [`THRESHOLD`]. With 40 bands of 3 rows a pair of Jaccard 0.5 becomes a candidate
//! with probability 1 − (1 − 0.5³)⁴⁰ ≈ 0.995, one of 0.3 with 0.67, and one of 0.1
//! (articles on one topic) with 0.04.

use std::collections::HashSet;

use crate::keys::normalised_for_identity;

/// Words in a shingle.
pub const SHINGLE_WORDS: usize = 3;
/// Minimum hashes per text.
pub const PERMUTATIONS: usize = BANDS * ROWS;
/// Bands of the signature, each one lookup key.
pub const BANDS: usize = 40;
/// Minimum hashes per band.
pub const ROWS: usize = 3;
/// The least exact shingle Jaccard similarity of a near-duplicate, chosen on the
/// development half of the constructed set (`marsad eval duplicates`, docs/store.md).
pub const THRESHOLD: f64 = 0.5;
/// Texts with fewer distinct shingles get no signature: a headline or a caption
/// shares too much with other short texts to call it a copy.
pub const MIN_SHINGLES: usize = 12;

/// The distinct shingles of a text, hashed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shingles(HashSet<u64>);

impl Shingles {
    /// The shingles of `text` (as stored: it is normalised here).
    pub fn of(text: &str) -> Shingles {
        let norm = normalised_for_identity(text);
        let words: Vec<&str> = norm.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let mut set = HashSet::with_capacity(words.len());
        if words.len() < SHINGLE_WORDS {
            if !words.is_empty() {
                set.insert(hash_words(&words));
            }
        } else {
            for window in words.windows(SHINGLE_WORDS) {
                set.insert(hash_words(window));
            }
        }
        Shingles(set)
    }

    /// How many distinct shingles.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the text has no word.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The exact Jaccard similarity of two shingle sets (0 when both are empty).
    pub fn jaccard(&self, other: &Shingles) -> f64 {
        let (small, large) = if self.0.len() <= other.0.len() { (&self.0, &other.0) } else { (&other.0, &self.0) };
        let shared = small.iter().filter(|h| large.contains(h)).count();
        let union = self.0.len() + other.0.len() - shared;
        if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        }
    }

    /// The MinHash signature, or `None` for a text too short to compare
    /// ([`MIN_SHINGLES`]).
    pub fn signature(&self) -> Option<Signature> {
        if self.0.len() < MIN_SHINGLES {
            return None;
        }
        let mut mins = [u64::MAX; PERMUTATIONS];
        for &h in &self.0 {
            for (i, m) in mins.iter_mut().enumerate() {
                let v = mix(h ^ SEEDS[i]);
                if v < *m {
                    *m = v;
                }
            }
        }
        Some(Signature(mins))
    }
}

/// A MinHash signature: the minimum of each of [`PERMUTATIONS`] hash functions
/// over a text's shingles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature([u64; PERMUTATIONS]);

impl Signature {
    /// The share of equal minimum hashes: an estimate of the Jaccard similarity.
    pub fn estimated_jaccard(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(other.0.iter()).filter(|(a, b)| a == b).count();
        same as f64 / PERMUTATIONS as f64
    }

    /// The key of each band, as stored (a signed 64-bit integer, which SQLite's
    /// INTEGER and PostgreSQL's BIGINT hold). The band's number is hashed in, so the
    /// keys of different bands never meet.
    pub fn band_keys(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let mut h = mix(band as u64 ^ 0x6d61_7273_6164_0000);
            for &v in &self.0[band * ROWS..(band + 1) * ROWS] {
                h = mix(h ^ v);
            }
            *key = h as i64;
        }
        keys
    }
}

/// FNV-1a over the words with a separator, then mixed: stable across builds and
/// platforms (the band keys are stored).
fn hash_words(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(0x20)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    mix(h)
}

/// The SplitMix64 finaliser: a bijection of 64-bit values that spreads every input
/// bit over the output.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One seed per hash function, from the SplitMix64 sequence.
const SEEDS: [u64; PERMUTATIONS] = {
    let mut seeds = [0u64; PERMUTATIONS];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut i = 0;
    while i < PERMUTATIONS {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        seeds[i] = mix(state);
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "أعلنت وزارة الداخلية السعودية اليوم القبض على خلية إرهابية في مدينة الرياض. \
        وقال المتحدث الأمني إن الخلية كانت تخطط لتنفيذ هجمات على منشآت حكومية. \
        وأضاف أن التحقيقات ما زالت جارية لكشف بقية أفراد الخلية ومصادر تمويلها. \
        وأشار إلى أن قوات الأمن ضبطت أسلحة ومتفجرات في مخبأ بأحد الأحياء الشرقية للمدينة.";

    #[test]
    fn a_wire_copy_with_a_dateline_and_a_changed_word_stays_above_the_threshold() {
        let copy = format!("الرياض - واس: {}", TEXT.replace("اليوم", "أمس"));
        let (a, b) = (Shingles::of(TEXT), Shingles::of(&copy));
        let j = a.jaccard(&b);
        assert!((THRESHOLD..1.0).contains(&j), "{j}");
        // vocalisation and line breaks change nothing
        let vocalised = TEXT.replace("قال", "قالَ").replace(". ", ".\n");
        assert_eq!(a.jaccard(&Shingles::of(&vocalised)), 1.0);
    }

    #[test]
    fn another_article_on_the_same_topic_is_far_below_it() {
        let other = "أعلنت وزارة الداخلية السعودية أن قوات الأمن أحبطت محاولة تهريب كمية من المخدرات \
            عبر منفذ حدودي في المنطقة الشرقية، وقال المتحدث الأمني إن المضبوطات تقدر بملايين الريالات \
            وإن المتورطين أحيلوا إلى جهات التحقيق المختصة لاستكمال الإجراءات النظامية بحقهم.";
        let j = Shingles::of(TEXT).jaccard(&Shingles::of(other));
        assert!(j < 0.1, "{j}");
    }

    #[test]
    fn the_estimate_follows_the_exact_similarity_and_bands_meet_for_copies() {
        let copy = format!("{} وكانت السلطات قد أعلنت في وقت سابق عن إجراءات مشددة.", TEXT);
        let (a, b) = (Shingles::of(TEXT), Shingles::of(&copy));
        let (sa, sb) = (a.signature().unwrap(), b.signature().unwrap());
        let exact = a.jaccard(&b);
        assert!((sa.estimated_jaccard(&sb) - exact).abs() < 0.2, "{} vs {exact}", sa.estimated_jaccard(&sb));
        let shared = sa.band_keys().iter().zip(sb.band_keys().iter()).filter(|(x, y)| x == y).count();
        assert!(shared > 0);
        // the keys of one text never repeat across bands
        let keys: HashSet<i64> = sa.band_keys().into_iter().collect();
        assert_eq!(keys.len(), BANDS);
    }

    #[test]
    fn short_texts_get_no_signature_and_keys_are_stable() {
        assert!(Shingles::of("عاجل: انفجار في بيروت").signature().is_none());
        assert!(Shingles::of("").is_empty());
        // stored keys must not change between builds: the shingle hash is pinned
        // (FNV-1a of "a b " then SplitMix64's finaliser, computed independently)
        assert_eq!(hash_words(&["a", "b"]), 0x6fc8_6378_f760_fc32);
        assert_ne!(hash_words(&["ab"]), hash_words(&["a", "b"]));
    }
}

/// A near-duplicate link made for an article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NearLink {
    /// The article it is a near-duplicate of: its first appearance.
    pub of: i64,
    /// The exact shingle Jaccard similarity of the two texts.
    pub similarity: f64,
}

/// Candidates verified per article at most (those sharing the most bands first):
/// a text that shares bands with more is boilerplate, and the best are enough.
pub(crate) const MAX_CANDIDATES: usize = 64;

/// Articles signed at once by a back end's backfill, in one transaction.
pub(crate) const BACKFILL_CHUNK: usize = 256;

/// What [`sign`] reads and writes of a back end, inside the transaction that stores
/// the article: the same decisions whatever the database.
pub(crate) trait NearTables {
    /// The back end's error.
    type Error;
    /// Deletes an article's signature and band keys.
    fn forget(&mut self, article: i64) -> Result<(), Self::Error>;
    /// Records that `article` is signed at `revision`: its shingles and band keys counted.
    fn put_signature(&mut self, article: i64, revision: i64, shingles: i64, bands: i64) -> Result<(), Self::Error>;
    /// Stores the band keys of an article.
    fn put_bands(&mut self, article: i64, keys: &[i64; BANDS]) -> Result<(), Self::Error>;
    /// Articles other than `article` sharing a band key with it, those sharing most
    /// first (then by id), at most [`MAX_CANDIDATES`].
    fn candidates(&mut self, article: i64, keys: &[i64; BANDS]) -> Result<Vec<i64>, Self::Error>;
    /// The text of an article's current revision.
    fn current_text(&mut self, article: i64) -> Result<Option<String>, Self::Error>;
    /// The publication date of an article.
    fn published(&mut self, article: i64) -> Result<Option<String>, Self::Error>;
    /// The article an article is linked to as a copy or near-duplicate (the lowest id), if any.
    fn linked_to(&mut self, article: i64) -> Result<Option<i64>, Self::Error>;
    /// Links `article` to `of` as a near-duplicate, unless it is linked to it already.
    fn link(&mut self, article: i64, of: i64, similarity: f64) -> Result<(), Self::Error>;
}

/// Computes the signature of `article` (whose current revision is `revision`, of
/// `text`), stores its band keys, and, when `link` is set and it is not linked yet,
/// links it to its first appearance, or links to it the articles it appeared before.
pub(crate) fn sign<T: NearTables + ?Sized>(
    t: &mut T,
    article: i64,
    revision: i64,
    text: &str,
    link: bool,
) -> Result<Option<NearLink>, T::Error> {
    t.forget(article)?;
    let shingles = Shingles::of(text);
    // an exact copy has its original's shingles: its bands would only repeat them
    let linked = t.linked_to(article)?.is_some();
    let signature = if linked { None } else { shingles.signature() };
    let keys = signature.as_ref().map(Signature::band_keys);
    t.put_signature(article, revision, shingles.len() as i64, keys.map_or(0, |k| k.len() as i64))?;
    let Some(keys) = keys else { return Ok(None) };
    t.put_bands(article, &keys)?;
    if !link || linked {
        return Ok(None);
    }
    let mut matched: Vec<(i64, f64)> = Vec::new();
    for candidate in t.candidates(article, &keys)? {
        if let Some(similarity) = verified(t, &shingles, candidate)? {
            matched.push((candidate, similarity));
        }
    }
    // the first appearance of a match is a candidate too, even when it shares no band
    let mut originals = Vec::new();
    for &(m, _) in &matched {
        if let Some(of) = t.linked_to(m)? {
            if of != article && !matched.iter().any(|(x, _)| *x == of) && !originals.iter().any(|(x, _)| *x == of) {
                if let Some(similarity) = verified(t, &shingles, of)? {
                    originals.push((of, similarity));
                }
            }
        }
    }
    matched.extend(originals);
    if matched.is_empty() {
        return Ok(None);
    }
    let mut ordered = Vec::with_capacity(matched.len());
    for (m, similarity) in matched {
        ordered.push((appearance(t, m)?, m, similarity));
    }
    ordered.sort_by(|a, b| a.0.cmp(&b.0));
    let (first, of, similarity) = ordered[0].clone();
    if first < appearance(t, article)? {
        t.link(article, of, similarity)?;
        return Ok(Some(NearLink { of, similarity }));
    }
    // the new article appeared first: the matches that were first appearances become its copies
    for (_, m, similarity) in ordered {
        if t.linked_to(m)?.is_none() {
            t.link(m, article, similarity)?;
        }
    }
    Ok(None)
}

/// The exact similarity of `shingles` with the current text of `candidate`, when it
/// reaches the threshold.
fn verified<T: NearTables + ?Sized>(t: &mut T, shingles: &Shingles, candidate: i64) -> Result<Option<f64>, T::Error> {
    let text = t.current_text(candidate)?;
    Ok(text.map(|text| shingles.jaccard(&Shingles::of(&text))).filter(|j| *j >= THRESHOLD))
}

/// When an article appeared, to order first appearances: its publication date
/// (undated ones after every dated one), then its id.
fn appearance<T: NearTables + ?Sized>(t: &mut T, article: i64) -> Result<(bool, String, i64), T::Error> {
    let published = t.published(article)?;
    Ok((published.is_none(), published.unwrap_or_default(), article))
}
