//! Reading stored articles back from PostgreSQL: those of a date range for an
//! export, and what the search index holds of each.

use postgres::Client;

use super::Statements;
use crate::listing::{DateRange, Listed};
use crate::search::IndexRecord;

/// The articles published in `range`, by id, each with its current revision and
/// the first article it is a copy or a near-duplicate of.
pub(crate) fn list(client: &mut Client, range: &DateRange) -> Result<Vec<Listed>, postgres::Error> {
    let rows = client.query(
        "SELECT a.id, a.current_revision, r.number, a.outlet, a.url, a.canonical_url, a.title, a.author,
                a.published, a.external_id, r.source,
                (SELECT min(d.of_article_id) FROM duplicates d WHERE d.article_id = a.id)
         FROM articles a JOIN revisions r ON r.id = a.current_revision
         WHERE ($1 OR (a.published IS NOT NULL
                AND ($2::text IS NULL OR a.published >= $2) AND ($3::text IS NULL OR a.published <= $3)))
         ORDER BY a.id",
        &[&range.is_all(), &range.from, &range.to],
    )?;
    Ok(rows
        .iter()
        .map(|r| Listed {
            id: r.get(0),
            revision: r.get(1),
            revision_number: r.get(2),
            outlet: r.get(3),
            url: r.get(4),
            canonical_url: r.get(5),
            title: r.get(6),
            author: r.get(7),
            published: r.get(8),
            external_id: r.get(9),
            source: r.get(10),
            copy_of: r.get(11),
        })
        .collect())
}

/// The current revision of every article: `(article, revision)`, by article.
pub(crate) fn current_revisions(client: &mut Client) -> Result<Vec<(i64, i64)>, postgres::Error> {
    let rows = client
        .query("SELECT id, current_revision FROM articles WHERE current_revision IS NOT NULL ORDER BY id", &[])?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

const HEAD: &str = "SELECT a.current_revision, a.title, a.outlet, a.published, r.text, a.url
    FROM articles a JOIN revisions r ON r.id = a.current_revision WHERE a.id = $1";
const ENTITIES: &str = "SELECT name, name_en, link FROM entities WHERE revision_id = $1";
const EVENTS: &str = "SELECT event_type FROM events WHERE revision_id = $1";
const TECHNIQUES: &str = "SELECT technique FROM techniques WHERE revision_id = $1";

/// The index record of an article's current revision.
pub(crate) fn index_record(
    client: &mut Client,
    statements: &mut Statements,
    article: i64,
) -> Result<Option<IndexRecord>, postgres::Error> {
    let head = statements.get(client, HEAD)?;
    let Some(row) = client.query_opt(&head, &[&article])? else { return Ok(None) };
    let revision: i64 = row.get(0);
    let mut record = IndexRecord {
        article,
        revision,
        title: row.get(1),
        outlet: row.get(2),
        published: row.get(3),
        text: row.get(4),
        url: row.get(5),
        ..IndexRecord::default()
    };
    let entities = statements.get(client, ENTITIES)?;
    for e in client.query(&entities, &[&revision])? {
        record.entities.push(e.get(0));
        record.entities.extend(e.get::<_, Option<String>>(1));
        record.entities.extend(e.get::<_, Option<String>>(2));
    }
    let events = statements.get(client, EVENTS)?;
    record.events = client.query(&events, &[&revision])?.iter().map(|r| r.get(0)).collect();
    let techniques = statements.get(client, TECHNIQUES)?;
    record.techniques = client.query(&techniques, &[&revision])?.iter().map(|r| r.get(0)).collect();
    Ok(Some(record))
}
