//! Writing the queryable rows of one revision into PostgreSQL, each statement
//! prepared once per connection.

use postgres::types::ToSql;
use postgres::Transaction;

use super::Statements;
use crate::rows::{ParticipantRow, Rows};

const ENTITY: &str = "INSERT INTO entities (revision_id, key, kind, name, name_en, link, country, lat, lon, mentions,
    first_start, first_end, rule, confidence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
const EVENT: &str =
    "INSERT INTO events (revision_id, event_type, mode, cameo, quad_class, goldstein, modality, trigger,
    trigger_start, trigger_end, sentence,
    actor, actor_start, actor_end, actor_entity, actor_name, actor_code, actor_country,
    recipient, recipient_start, recipient_end, recipient_entity, recipient_name, recipient_code, recipient_country,
    date, location, source_kind, contexts, rule, confidence)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
    $23, $24, $25, $26, $27, $28, $29, $30, $31)";
const CLAIM: &str =
    "INSERT INTO claims (revision_id, sentence, start, \"end\", source_kind, source_entity, source_text,
    stance, hedged, vague, checkworthiness, rank, rule, confidence)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
const TECHNIQUE: &str = "INSERT INTO techniques (revision_id, technique, class, start, \"end\", cues, rule, confidence)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const TONE: &str = "INSERT INTO tone (revision_id, words, positive, negative, tone, polarity, emotional_density,
    group_density, propagandistic) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// A count or a character offset as the INTEGER it is stored as. The revision's
/// text was stored first and PostgreSQL holds at most 1 GB in a value, so every
/// offset into it and count of its parts fits; the ceiling is never reached.
fn int(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The columns of a participant: words, start, end, entity, name, code, country.
type ParticipantColumns<'a> =
    (Option<&'a str>, Option<i32>, Option<i32>, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);

fn participant(p: Option<&ParticipantRow>) -> ParticipantColumns<'_> {
    match p {
        None => (None, None, None, None, None, None, None),
        Some(p) => (
            Some(&p.text),
            Some(int(p.span.start)),
            Some(int(p.span.end)),
            p.entity.as_deref(),
            p.name.as_deref(),
            p.code.as_deref(),
            p.country.as_deref(),
        ),
    }
}

/// Inserts every row of `rows` for `revision`.
pub(crate) fn insert(
    tx: &mut Transaction<'_>,
    statements: &mut Statements,
    revision: i64,
    rows: &Rows,
) -> Result<(), postgres::Error> {
    let s = statements.get(tx, ENTITY)?;
    for e in &rows.entities {
        let params: [&(dyn ToSql + Sync); 14] = [
            &revision,
            &e.key,
            &e.kind,
            &e.name,
            &e.name_en,
            &e.link,
            &e.country,
            &e.coordinates.map(|c| c.0),
            &e.coordinates.map(|c| c.1),
            &int(e.mentions),
            &e.first.map(|f| int(f.start)),
            &e.first.map(|f| int(f.end)),
            &e.rule,
            &f64::from(e.confidence),
        ];
        tx.execute(&s, &params)?;
    }
    let s = statements.get(tx, EVENT)?;
    for e in &rows.events {
        let a = participant(e.actor.as_ref());
        let r = participant(e.recipient.as_ref());
        let params: [&(dyn ToSql + Sync); 31] = [
            &revision,
            &e.event_type,
            &e.mode,
            &e.cameo,
            &i32::from(e.quad_class),
            &f64::from(e.goldstein),
            &e.modality,
            &e.trigger.0,
            &int(e.trigger.1.start),
            &int(e.trigger.1.end),
            &int(e.sentence),
            &a.0,
            &a.1,
            &a.2,
            &a.3,
            &a.4,
            &a.5,
            &a.6,
            &r.0,
            &r.1,
            &r.2,
            &r.3,
            &r.4,
            &r.5,
            &r.6,
            &e.date,
            &e.location,
            &e.source_kind,
            &e.contexts,
            &e.rule,
            &f64::from(e.confidence),
        ];
        tx.execute(&s, &params)?;
    }
    let s = statements.get(tx, CLAIM)?;
    for c in &rows.claims {
        let params: [&(dyn ToSql + Sync); 14] = [
            &revision,
            &int(c.sentence),
            &int(c.span.start),
            &int(c.span.end),
            &c.source_kind,
            &c.source_entity,
            &c.source_text,
            &c.stance,
            &c.hedged,
            &c.vague,
            &f64::from(c.checkworthiness),
            &int(c.rank),
            &c.rule,
            &f64::from(c.confidence),
        ];
        tx.execute(&s, &params)?;
    }
    let s = statements.get(tx, TECHNIQUE)?;
    for t in &rows.techniques {
        let params: [&(dyn ToSql + Sync); 8] = [
            &revision,
            &t.technique,
            &t.class,
            &int(t.span.start),
            &int(t.span.end),
            &t.cues,
            &t.rule,
            &f64::from(t.confidence),
        ];
        tx.execute(&s, &params)?;
    }
    let t = &rows.tone;
    let s = statements.get(tx, TONE)?;
    tx.execute(
        &s,
        &[
            &revision,
            &int(t.words),
            &f64::from(t.positive),
            &f64::from(t.negative),
            &f64::from(t.tone),
            &f64::from(t.polarity),
            &f64::from(t.emotional_density),
            &f64::from(t.group_density),
            &t.propagandistic,
        ],
    )?;
    Ok(())
}
