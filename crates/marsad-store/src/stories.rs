//! Stories: reports of one happening from different outlets, grouped.
//!
//! Two reports are of one story when they were published within [`WINDOW_DAYS`] of
//! each other, say much the same in their titles and leads — the cosine of their
//! TF-IDF vectors (words of the normalised title and first [`LEAD_WORDS`] words,
//! the definite article and the conjunction و taken off, weighted by how rare they
//! are among the articles of those days) — and name at least one entity in common.
//! The score of a pair weighs the text most and the shared entities and event
//! types after it; a pair is kept from [`STORY_THRESHOLD`] up.
//!
//! Articles are taken in order of publication: an article joins the story of its
//! best match, or starts one with it, but only when that story began within the
//! window, so that a long thread of related reports does not chain into one story.
//! Precision first: an article without a good enough match is in no story.

use std::collections::{HashMap, HashSet};

use crate::keys::normalised_for_identity;

/// Reports further apart than this many days are not of one story.
pub const WINDOW_DAYS: i32 = 3;
/// Words of the text after the title that make the lead.
pub const LEAD_WORDS: usize = 60;
/// The least score of a pair of reports of one story.
pub const STORY_THRESHOLD: f64 = 0.45;
/// The least text cosine of a pair, whatever else they share.
pub const MIN_COSINE: f64 = 0.35;
/// Words in more than this share of the articles of the days considered carry no
/// evidence of a story and are not looked up.
const COMMON_WORD_SHARE: f64 = 0.02;
/// Entities named by more than this share of the articles are not evidence either
/// (the kingdom, the king).
const COMMON_ENTITY_SHARE: f64 = 0.02;

/// What the clustering knows of an article.
#[derive(Clone, Debug, Default)]
pub struct StoryArticle {
    /// Its id.
    pub id: i64,
    /// Its outlet.
    pub outlet: String,
    /// Its publication day, as days since 1970-01-01.
    pub day: i32,
    /// Its title and the start of its text.
    pub title_and_lead: String,
    /// The entities it names (gazetteer link or name).
    pub entities: Vec<String>,
    /// The event types it reports.
    pub events: Vec<String>,
}

/// An article's place in a story as the clustering found it.
#[derive(Clone, Debug, PartialEq)]
pub struct Membership {
    /// The story: an existing story's id, or a new one's number (negative: -1, -2, …).
    pub story: i64,
    /// The article.
    pub article: i64,
    /// How strongly it belongs: the score of the match that put it there.
    pub score: f64,
}

/// The words of a text as compared: normalised, split at what is not a letter or a
/// digit, the definite article and a leading و taken off, one-letter words dropped.
pub fn words(text: &str) -> Vec<String> {
    normalised_for_identity(text)
        .split(|c: char| !c.is_alphanumeric())
        .map(|w| {
            let n = w.chars().count();
            let w = if n > 4 { w.strip_prefix('و').filter(|r| r.starts_with("ال")).unwrap_or(w) } else { w };
            let n = w.chars().count();
            if n > 4 {
                w.strip_prefix("ال").unwrap_or(w)
            } else {
                w
            }
        })
        .filter(|w| w.chars().count() > 1)
        .map(str::to_owned)
        .collect()
}

/// A weighted vector, unit length.
type Vector = HashMap<u32, f64>;

fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().filter_map(|(k, v)| large.get(k).map(|w| v * w)).sum()
}

/// Groups `targets` (ids of `pool`) into stories with the articles of `pool`.
/// `existing` maps the pool's articles already in a story to it, with the day that
/// story began. Returns the new memberships, in the order they were found.
pub fn cluster(pool: &[StoryArticle], targets: &HashSet<i64>, existing: &HashMap<i64, (i64, i32)>) -> Vec<Membership> {
    let n = pool.len().max(1) as f64;
    // vocabulary and document frequencies over the pool
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut bags: Vec<HashMap<u32, f64>> = Vec::with_capacity(pool.len());
    let mut df: HashMap<u32, u32> = HashMap::new();
    for a in pool {
        let mut bag: HashMap<u32, f64> = HashMap::new();
        for w in words(&a.title_and_lead) {
            let next = vocab.len() as u32;
            let id = *vocab.entry(w).or_insert(next);
            *bag.entry(id).or_default() += 1.0;
        }
        for id in bag.keys() {
            *df.entry(*id).or_default() += 1;
        }
        bags.push(bag);
    }
    let common_word = (COMMON_WORD_SHARE * n).max(10.0) as u32;
    let vectors: Vec<Vector> = bags
        .into_iter()
        .map(|bag| {
            let mut v: Vector =
                bag.into_iter().map(|(id, tf)| (id, (1.0 + tf.ln()) * (n / f64::from(df[&id])).ln())).collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|x| *x /= norm);
            }
            v
        })
        .collect();
    let mut entity_df: HashMap<&str, u32> = HashMap::new();
    for a in pool {
        for e in a.entities.iter().collect::<HashSet<_>>() {
            *entity_df.entry(e.as_str()).or_default() += 1;
        }
    }
    let common_entity = (COMMON_ENTITY_SHARE * n).max(10.0) as u32;
    let rare_entities: Vec<HashSet<&str>> = pool
        .iter()
        .map(|a| a.entities.iter().map(String::as_str).filter(|e| entity_df[e] <= common_entity).collect())
        .collect();
    // postings of the words rare enough to be evidence, with their weights
    let mut postings: HashMap<u32, Vec<(usize, f64)>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        for (id, w) in v {
            if df[id] <= common_word {
                postings.entry(*id).or_default().push((i, *w));
            }
        }
    }
    let mut order: Vec<usize> = (0..pool.len()).filter(|&i| targets.contains(&pool[i].id)).collect();
    order.sort_by_key(|&i| (pool[i].day, pool[i].id));
    let mut story_of: HashMap<i64, (i64, i32)> = existing.clone();
    let mut found = Vec::new();
    let mut next_story = -1;
    let mut partial: HashMap<usize, f64> = HashMap::new();
    for i in order {
        let a = &pool[i];
        if story_of.contains_key(&a.id) {
            continue;
        }
        // the part of the cosine the rare words make, accumulated over their postings:
        // only pairs with enough of it are scored whole
        partial.clear();
        for (id, w) in &vectors[i] {
            for &(j, wj) in postings.get(id).map(Vec::as_slice).unwrap_or_default() {
                if j != i && (pool[j].day - a.day).abs() <= WINDOW_DAYS {
                    *partial.entry(j).or_default() += w * wj;
                }
            }
        }
        let mut best: Option<(f64, usize)> = None;
        for (&j, &p) in &partial {
            if p < MIN_COSINE / 2.0 {
                continue;
            }
            let Some(score) = pair_score(&vectors[i], &vectors[j], &rare_entities[i], &rare_entities[j], a, &pool[j])
            else {
                continue;
            };
            // ties go to the earlier report
            let better = match best {
                None => true,
                Some((s, k)) => score > s || (score == s && (pool[j].day, pool[j].id) < (pool[k].day, pool[k].id)),
            };
            if better {
                best = Some((score, j));
            }
        }
        let Some((score, j)) = best else { continue };
        let b = &pool[j];
        match story_of.get(&b.id).copied() {
            Some((story, began)) => {
                if (a.day - began).abs() <= WINDOW_DAYS {
                    story_of.insert(a.id, (story, began));
                    found.push(Membership { story, article: a.id, score });
                }
            }
            None => {
                let story = next_story;
                next_story -= 1;
                let began = a.day.min(b.day);
                story_of.insert(a.id, (story, began));
                story_of.insert(b.id, (story, began));
                found.push(Membership { story, article: b.id, score });
                found.push(Membership { story, article: a.id, score });
            }
        }
    }
    found
}

/// The score of two reports as one story's (0..1), or `None` when they are not:
/// too little said alike, or no rare entity in common.
fn pair_score(
    va: &Vector,
    vb: &Vector,
    ea: &HashSet<&str>,
    eb: &HashSet<&str>,
    a: &StoryArticle,
    b: &StoryArticle,
) -> Option<f64> {
    let text = cosine(va, vb);
    if text < MIN_COSINE {
        return None;
    }
    let shared = ea.intersection(eb).count();
    if shared == 0 {
        return None;
    }
    let entities = shared as f64 / ea.union(eb).count() as f64;
    let (xa, xb): (HashSet<&String>, HashSet<&String>) = (a.events.iter().collect(), b.events.iter().collect());
    let events = if xa.is_empty() || xb.is_empty() {
        0.0
    } else {
        xa.intersection(&xb).count() as f64 / xa.union(&xb).count() as f64
    };
    let score = 0.7 * text + 0.2 * entities + 0.1 * events;
    (score >= STORY_THRESHOLD).then_some(score.min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: i64, outlet: &str, day: i32, text: &str, entities: &[&str]) -> StoryArticle {
        StoryArticle {
            id,
            outlet: outlet.to_owned(),
            day,
            title_and_lead: text.to_owned(),
            entities: entities.iter().map(|e| (*e).to_owned()).collect(),
            events: vec!["CONSULT".to_owned()],
        }
    }

    /// Filler articles so that document frequencies mean something.
    fn background() -> Vec<StoryArticle> {
        (100..160)
            .map(|i| {
                let text = format!(
                    "خبر رقم {i} عن موضوع مختلف تماما في مجال {} والاقتصاد",
                    ["الرياضة", "الفن", "الطقس"][i as usize % 3]
                );
                article(i, "x", 10, &text, &[])
            })
            .collect()
    }

    #[test]
    fn reports_of_one_meeting_are_one_story_and_an_unrelated_one_is_in_none() {
        let mut pool = background();
        pool.push(article(
            1,
            "aawsat",
            10,
            "وزير الخارجية السعودي يلتقي نظيره الروسي لافروف في موسكو لبحث الأزمة السورية",
            &["lavrov", "moscow"],
        ));
        pool.push(article(
            2,
            "okaz",
            11,
            "لافروف يبحث مع وزير الخارجية السعودي في موسكو الأزمة السورية",
            &["lavrov", "moscow"],
        ));
        pool.push(article(3, "alriyadh", 10, "افتتاح معرض الكتاب في جدة بمشاركة دور نشر عربية", &["jeddah"]));
        // the same words a week later are another happening
        pool.push(article(
            4,
            "alwatan",
            20,
            "وزير الخارجية السعودي يلتقي لافروف في موسكو لبحث الأزمة السورية",
            &["lavrov", "moscow"],
        ));
        let targets: HashSet<i64> = pool.iter().map(|a| a.id).collect();
        let found = cluster(&pool, &targets, &HashMap::new());
        let mut members: Vec<i64> = found.iter().map(|m| m.article).collect();
        members.sort_unstable();
        assert_eq!(members, vec![1, 2], "{found:?}");
        assert!(found.iter().all(|m| m.story == -1 && m.score >= STORY_THRESHOLD && m.score <= 1.0));
    }

    #[test]
    fn a_new_report_joins_an_existing_story() {
        let mut pool = background();
        pool.push(article(
            1,
            "aawsat",
            10,
            "وزير الخارجية السعودي يلتقي نظيره الروسي لافروف في موسكو لبحث الأزمة السورية",
            &["lavrov"],
        ));
        pool.push(article(5, "okaz", 11, "لافروف يبحث مع وزير الخارجية السعودي في موسكو الأزمة السورية", &["lavrov"]));
        let existing = HashMap::from([(1, (7, 10))]);
        let found = cluster(&pool, &HashSet::from([5]), &existing);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].story, found[0].article), (7, 5));
    }

    #[test]
    fn words_drop_the_article_and_the_conjunction() {
        assert_eq!(words("والحكومة، الوزير وزير"), vec!["حكومه", "وزير", "وزير"]);
    }
}

/// Which articles to group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryScope {
    /// Those stored since stories were last computed (an ingest's new articles).
    New,
    /// Every article: the stories are made again from nothing.
    All,
}

/// What a computation of stories did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoryCounts {
    /// Articles considered (those of the scope with a publication date).
    pub considered: usize,
    /// Stories made.
    pub new_stories: usize,
    /// Articles put into a story.
    pub grouped: usize,
    /// Stories in the store afterwards.
    pub stories: u64,
}

/// A story as [`crate::Store::largest_stories`] lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorySummary {
    /// The story's id.
    pub id: i64,
    /// The first publication date of its articles.
    pub first_published: Option<String>,
    /// The last publication date of its articles.
    pub last_published: Option<String>,
    /// Its articles.
    pub articles: i64,
    /// The distinct outlets among them.
    pub outlets: i64,
    /// The first report's title ('' when it has none).
    pub title: String,
}

fn day(date: &str) -> Option<i32> {
    let d = chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
    Some((d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days() as i32)
}

fn date(day: i32) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date") + chrono::Duration::days(i64::from(day));
    d.format("%Y-%m-%d").to_string()
}

/// The title and the first words of the text.
fn title_and_lead(title: &str, text: &str) -> String {
    let lead: Vec<&str> = text.split_whitespace().take(LEAD_WORDS).collect();
    format!("{title} {}", lead.join(" "))
}

/// An article as a back end reads it for [`update`]: id, outlet, publication date,
/// title ('' when none) and the first 800 characters of its current text.
pub(crate) type PoolRow = (i64, String, String, String, String);

/// An article in a story as a back end reads it for [`update`]: article, story,
/// and the story's first publication date.
pub(crate) type MemberRow = (i64, i64, Option<String>);

/// What [`update`] reads and writes of a back end, inside one transaction: the
/// same grouping whatever the database.
pub(crate) trait StoryTables {
    /// The back end's error.
    type Error;
    /// Deletes every story, membership and the progress mark.
    fn clear(&mut self) -> Result<(), Self::Error>;
    /// The article id stories were computed through (0 when never).
    fn up_to(&mut self) -> Result<i64, Self::Error>;
    /// The highest article id (0 when none).
    fn last_article(&mut self) -> Result<i64, Self::Error>;
    /// The first and last publication dates of the dated articles after `up_to`.
    fn published_after(&mut self, up_to: i64) -> Result<(Option<String>, Option<String>), Self::Error>;
    /// The articles published from `from` to `to`, by id.
    fn articles(&mut self, from: &str, to: &str) -> Result<Vec<PoolRow>, Self::Error>;
    /// `(article, entity link or name)` of those articles' current revisions.
    fn entities(&mut self, from: &str, to: &str) -> Result<Vec<(i64, String)>, Self::Error>;
    /// Distinct `(article, event type)` of those articles' current revisions.
    fn events(&mut self, from: &str, to: &str) -> Result<Vec<(i64, String)>, Self::Error>;
    /// `(article, story, the story's first publication date)` of those articles in a story.
    fn memberships(&mut self, from: &str, to: &str) -> Result<Vec<MemberRow>, Self::Error>;
    /// Makes an empty story whose first report is `first`; returns its id.
    fn new_story(&mut self, first: i64) -> Result<i64, Self::Error>;
    /// Puts an article into a story.
    fn join(&mut self, story: i64, article: i64, score: f64) -> Result<(), Self::Error>;
    /// Recounts a story's articles, outlets, dates, first report and title.
    fn summarise(&mut self, story: i64) -> Result<(), Self::Error>;
    /// Marks stories as computed through article `up_to`.
    fn set_up_to(&mut self, up_to: i64) -> Result<(), Self::Error>;
    /// The stories in the store.
    fn count(&mut self) -> Result<u64, Self::Error>;
}

/// Groups the articles of `scope` into stories, through a back end's tables.
pub(crate) fn update<T: StoryTables + ?Sized>(t: &mut T, scope: StoryScope) -> Result<StoryCounts, T::Error> {
    if scope == StoryScope::All {
        t.clear()?;
    }
    let up_to = t.up_to()?;
    let last = t.last_article()?;
    let (lo, hi) = t.published_after(up_to)?;
    let mut counts = StoryCounts::default();
    if let (Some(lo), Some(hi)) = (lo.as_deref().and_then(day), hi.as_deref().and_then(day)) {
        let (from, to) = (date(lo - WINDOW_DAYS), date(hi + WINDOW_DAYS));
        let pool = pool(t, &from, &to)?;
        let targets: HashSet<i64> = pool.iter().map(|a| a.id).filter(|id| *id > up_to).collect();
        counts.considered = targets.len();
        let mut existing: HashMap<i64, (i64, i32)> = HashMap::new();
        for (article, story, began) in t.memberships(&from, &to)? {
            if let Some(began) = began.as_deref().and_then(day) {
                existing.insert(article, (story, began));
            }
        }
        let found = cluster(&pool, &targets, &existing);
        let mut ids: HashMap<i64, i64> = HashMap::new();
        let mut touched: Vec<i64> = Vec::new();
        for m in &found {
            let story = if m.story > 0 {
                m.story
            } else if let Some(id) = ids.get(&m.story) {
                *id
            } else {
                let id = t.new_story(m.article)?;
                ids.insert(m.story, id);
                counts.new_stories += 1;
                id
            };
            t.join(story, m.article, m.score)?;
            if !touched.contains(&story) {
                touched.push(story);
            }
        }
        counts.grouped = found.len();
        for story in touched {
            t.summarise(story)?;
        }
    }
    t.set_up_to(last)?;
    counts.stories = t.count()?;
    Ok(counts)
}

/// The dated articles published from `from` to `to`, with their entities and events.
fn pool<T: StoryTables + ?Sized>(t: &mut T, from: &str, to: &str) -> Result<Vec<StoryArticle>, T::Error> {
    let mut pool = Vec::new();
    let mut at: HashMap<i64, usize> = HashMap::new();
    for (id, outlet, published, title, text) in t.articles(from, to)? {
        let Some(day) = day(&published) else { continue };
        at.insert(id, pool.len());
        pool.push(StoryArticle {
            id,
            outlet,
            day,
            title_and_lead: title_and_lead(&title, &text),
            ..Default::default()
        });
    }
    for (id, entity) in t.entities(from, to)? {
        if let Some(&i) = at.get(&id) {
            pool[i].entities.push(entity);
        }
    }
    for (id, event) in t.events(from, to)? {
        if let Some(&i) = at.get(&id) {
            pool[i].events.push(event);
        }
    }
    Ok(pool)
}
