//! The index folder: its schema, opening it, writing to it, and keeping it level
//! with the store.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STRING};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::analyzer::{ArabicAnalyzer, ANALYZER};
use super::error::{Doing, SearchError};
use super::record::IndexRecord;
use crate::Store;

/// The version of what the index holds and how its text is analysed: an index of
/// another version is rebuilt, never read with the wrong analyzer.
pub const INDEX_FORMAT: u32 = 1;
/// The file in the index folder that records [`INDEX_FORMAT`].
const FORMAT_FILE: &str = "marsad-index.json";
/// Memory for the writer's buffers.
const WRITER_HEAP: usize = 64 * 1024 * 1024;
/// Records to add between commits while reconciling.
const COMMIT_EVERY: usize = 2000;

/// The fields of the index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    pub article: Field,
    pub revision: Field,
    pub title: Field,
    pub body: Field,
    pub outlet: Field,
    pub day: Field,
    pub entity: Field,
    pub event: Field,
    pub technique: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        article: b.add_u64_field("article", INDEXED | FAST),
        revision: b.add_u64_field("revision", FAST),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text),
        outlet: b.add_text_field("outlet", STRING),
        day: b.add_u64_field("day", INDEXED | FAST),
        entity: b.add_text_field("entity", STRING),
        event: b.add_text_field("event", STRING),
        technique: b.add_text_field("technique", STRING),
    };
    (b.build(), fields)
}

/// The key a filter value is matched under: normalised as the analyzer
/// normalises text (hamza, diacritics, ta marbuta), lower-cased, spaces single.
pub fn filter_key(value: &str) -> String {
    let key = marsad_core::normalize::key_of(value.trim()).to_lowercase();
    key.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date `YYYY-MM-DD` as the number the index compares (`20150721`).
pub fn day_number(date: &str) -> Option<u64> {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).filter(|d| d.iter().all(u8::is_ascii_digit)).map(|_| ());
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    digits(0..4)?;
    digits(5..7)?;
    digits(8..10)?;
    let (y, m, d): (u64, u64, u64) = (date[0..4].parse().ok()?, date[5..7].parse().ok()?, date[8..10].parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(y * 10_000 + m * 100 + d)
}

/// A search index: a tantivy index in its own folder beside the store.
pub struct SearchIndex {
    dir: PathBuf,
    pub(crate) index: Index,
    pub(crate) fields: Fields,
    pub(crate) reader: IndexReader,
}

/// How many articles a reconciliation added and removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Articles (or new revisions) indexed.
    pub added: usize,
    /// Articles the index held and the store no longer does.
    pub removed: usize,
    /// The articles of the store.
    kept: std::collections::HashSet<i64>,
}

impl SearchIndex {
    /// The default folder of a store's index: `<store file>.index` beside it.
    pub fn default_dir(store: &Path) -> PathBuf {
        let mut name = store.as_os_str().to_owned();
        name.push(".index");
        PathBuf::from(name)
    }

    /// Opens the index in `dir`, creating it (and the folder) when absent. An index
    /// of another format is emptied and made again when `rebuild_other` is true,
    /// refused otherwise.
    ///
    /// # Errors
    /// A folder that cannot be made or read, or an index of another format.
    pub fn open(dir: &Path, rebuild_other: bool) -> Result<SearchIndex, SearchError> {
        let doing = || format!("cannot open the index {}", dir.display());
        let io = |e: std::io::Error| SearchError::Index { doing: doing(), source: e.into() };
        std::fs::create_dir_all(dir).map_err(io)?;
        let format_file = dir.join(FORMAT_FILE);
        let has_index = dir.join("meta.json").is_file();
        let (schema, fields) = schema();
        if has_index {
            let found = std::fs::read_to_string(&format_file)
                .ok()
                .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok()?.get("format")?.as_u64());
            if found != Some(u64::from(INDEX_FORMAT)) {
                let reason = match found {
                    Some(v) => format!("format {v}, this marsad reads {INDEX_FORMAT}"),
                    None => format!("no readable {FORMAT_FILE}"),
                };
                if !rebuild_other {
                    return Err(SearchError::Format { dir: dir.to_owned(), reason });
                }
                clear_dir(dir).map_err(io)?;
            }
        } else if std::fs::read_dir(dir).map_err(io)?.next().is_some() {
            return Err(SearchError::Format {
                dir: dir.to_owned(),
                reason: "a folder that holds other files; give an empty or new folder with --index".to_owned(),
            });
        }
        let directory = MmapDirectory::open(dir)
            .map_err(|e| SearchError::Index { doing: doing(), source: tantivy::TantivyError::from(e) })?;
        let index = Index::open_or_create(directory, schema.clone()).doing(doing)?;
        if index.schema() != schema {
            return Err(SearchError::Format { dir: dir.to_owned(), reason: "another schema".to_owned() });
        }
        std::fs::write(&format_file, serde_json::json!({ "format": INDEX_FORMAT }).to_string()).map_err(io)?;
        index.tokenizers().register(ANALYZER, ArabicAnalyzer);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().doing(doing)?;
        Ok(SearchIndex { dir: dir.to_owned(), index, fields, reader })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A writer, the only one: another process that writes makes this fail with
    /// [`SearchError::Busy`].
    ///
    /// # Errors
    /// The index is locked by another writer, or cannot be written.
    pub fn writer(&self) -> Result<Indexer, SearchError> {
        let writer = self.index.writer_with_num_threads(1, WRITER_HEAP).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => SearchError::Busy { dir: self.dir.clone() },
            e => SearchError::Index { doing: format!("cannot write the index {}", self.dir.display()), source: e },
        })?;
        Ok(Indexer { writer, fields: self.fields, dir: self.dir.clone(), pending: 0 })
    }

    /// Sees what the last commit wrote.
    ///
    /// # Errors
    /// A failure of the index.
    pub fn reload(&self) -> Result<(), SearchError> {
        self.reader.reload().doing(|| format!("cannot read the index {}", self.dir.display()))
    }

    /// The revision indexed for each article.
    ///
    /// # Errors
    /// A failure of the index.
    pub fn contents(&self) -> Result<HashMap<i64, i64>, SearchError> {
        let doing = || format!("cannot read the index {}", self.dir.display());
        let searcher = self.reader.searcher();
        let mut out = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let article = fast.u64("article").doing(doing)?;
            let revision = fast.u64("revision").doing(doing)?;
            for doc in segment.doc_ids_alive() {
                if let (Some(a), Some(r)) = (article.first(doc), revision.first(doc)) {
                    out.insert(a as i64, r as i64);
                }
            }
        }
        Ok(out)
    }

    /// How many articles the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True when the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Brings the index level with the store: indexes the current revision of
    /// every article the index lacks (or holds at an older revision) and removes
    /// the articles the store no longer has. What an interrupted ingest left out is
    /// added here. `progress` hears how many records are done of how many.
    ///
    /// # Errors
    /// The index is locked by another writer, or a failure of the index or the store.
    pub fn reconcile(&self, store: &dyn Store, progress: impl FnMut(usize, usize)) -> Result<Reconciled, SearchError> {
        let held = self.contents()?;
        self.level(store, &held, None, true, progress)
    }

    /// Empties the index and indexes every article of the store again, in one
    /// commit: a reader sees the old index until the new one is complete.
    ///
    /// # Errors
    /// The index is locked by another writer, or a failure of the index or the store.
    pub fn rebuild(&self, store: &dyn Store, progress: impl FnMut(usize, usize)) -> Result<Reconciled, SearchError> {
        let writer = self.writer()?;
        writer.writer.delete_all_documents().doing(|| format!("cannot empty the index {}", self.dir.display()))?;
        let held = self.contents()?;
        let mut r = self.level(store, &HashMap::new(), Some(writer), false, progress)?;
        r.removed = held.keys().filter(|a| !r.kept.contains(a)).count();
        Ok(r)
    }

    /// Indexes what the store has and `held` lacks, removes what the store lacks;
    /// `batched` commits every [`COMMIT_EVERY`] articles, else once at the end.
    fn level(
        &self,
        store: &dyn Store,
        held: &HashMap<i64, i64>,
        writer: Option<Indexer>,
        batched: bool,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Reconciled, SearchError> {
        let current = store.current_revisions()?;
        let missing: Vec<i64> = current.iter().filter(|(a, r)| held.get(a) != Some(r)).map(|(a, _)| *a).collect();
        let in_store: std::collections::HashSet<i64> = current.iter().map(|(a, _)| *a).collect();
        let gone: Vec<i64> = held.keys().filter(|a| !in_store.contains(a)).copied().collect();
        if missing.is_empty() && gone.is_empty() && writer.is_none() {
            return Ok(Reconciled::default());
        }
        let mut writer = match writer {
            Some(w) => w,
            None => self.writer()?,
        };
        for a in &gone {
            writer.remove(*a);
        }
        for (done, a) in missing.iter().enumerate() {
            if let Some(record) = store.index_record(*a)? {
                writer.add(&record)?;
            }
            // a rebuild commits once, so that its emptying is never seen alone
            if batched && writer.pending >= COMMIT_EVERY {
                writer.commit()?;
                progress(done + 1, missing.len());
            }
        }
        writer.pending += 1;
        writer.commit()?;
        progress(missing.len(), missing.len());
        self.reload()?;
        Ok(Reconciled { added: missing.len(), removed: gone.len(), kept: in_store })
    }
}

/// Removes what an index folder holds (not the folder).
fn clear_dir(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// The writer of an index: adds articles, and makes them visible on commit.
pub struct Indexer {
    writer: IndexWriter,
    fields: Fields,
    dir: PathBuf,
    /// Changes since the last commit.
    pending: usize,
}

impl Indexer {
    /// Indexes an article, replacing what the index held of it (an older revision).
    ///
    /// # Errors
    /// A failure of the index.
    pub fn add(&mut self, r: &IndexRecord) -> Result<(), SearchError> {
        let f = self.fields;
        self.remove(r.article);
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.article, r.article as u64);
        doc.add_u64(f.revision, r.revision as u64);
        if let Some(title) = &r.title {
            doc.add_text(f.title, title);
        }
        doc.add_text(f.body, &r.text);
        doc.add_text(f.outlet, filter_key(&r.outlet));
        if let Some(day) = r.published.as_deref().and_then(day_number) {
            doc.add_u64(f.day, day);
        }
        let mut add_keys = |field: Field, values: &[String]| {
            let mut keys: Vec<String> = values.iter().map(|v| filter_key(v)).filter(|k| !k.is_empty()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                doc.add_text(field, k);
            }
        };
        add_keys(f.entity, &r.entities);
        add_keys(f.event, &r.events);
        add_keys(f.technique, &r.techniques);
        self.writer.add_document(doc).doing(|| format!("cannot write the index {}", self.dir.display()))?;
        Ok(())
    }

    /// Removes an article.
    pub fn remove(&mut self, article: i64) {
        self.writer.delete_term(Term::from_field_u64(self.fields.article, article as u64));
        self.pending += 1;
    }

    /// Makes what was added and removed visible and durable (nothing to do when nothing was).
    ///
    /// # Errors
    /// A failure of the index.
    pub fn commit(&mut self) -> Result<(), SearchError> {
        if self.pending == 0 {
            return Ok(());
        }
        self.writer.commit().doing(|| format!("cannot commit the index {}", self.dir.display()))?;
        self.pending = 0;
        Ok(())
    }
}
