//! Writing the queryable rows of one revision into SQLite.

use rusqlite::{params, Transaction};

use crate::rows::{ParticipantRow, Rows};

/// The columns of a participant: words, start, end, entity, name, code, country.
type ParticipantColumns<'a> =
    (Option<&'a str>, Option<usize>, Option<usize>, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);

fn participant(p: Option<&ParticipantRow>) -> ParticipantColumns<'_> {
    match p {
        None => (None, None, None, None, None, None, None),
        Some(p) => (
            Some(&p.text),
            Some(p.span.start),
            Some(p.span.end),
            p.entity.as_deref(),
            p.name.as_deref(),
            p.code.as_deref(),
            p.country.as_deref(),
        ),
    }
}

/// Inserts every row of `rows` for `revision`.
pub(crate) fn insert(tx: &Transaction<'_>, revision: i64, rows: &Rows) -> rusqlite::Result<()> {
    let mut s = tx.prepare_cached(
        "INSERT INTO entities (revision_id, key, kind, name, name_en, link, country, lat, lon, mentions,
         first_start, first_end, rule, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for e in &rows.entities {
        s.execute(params![
            revision,
            e.key,
            e.kind,
            e.name,
            e.name_en,
            e.link,
            e.country,
            e.coordinates.map(|c| c.0),
            e.coordinates.map(|c| c.1),
            e.mentions,
            e.first.map(|f| f.start),
            e.first.map(|f| f.end),
            e.rule,
            e.confidence
        ])?;
    }
    let mut s = tx.prepare_cached(
        "INSERT INTO events (revision_id, event_type, mode, cameo, quad_class, goldstein, modality, trigger,
         trigger_start, trigger_end, sentence,
         actor, actor_start, actor_end, actor_entity, actor_name, actor_code, actor_country,
         recipient, recipient_start, recipient_end, recipient_entity, recipient_name, recipient_code, recipient_country,
         date, location, source_kind, contexts, rule, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
         ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)",
    )?;
    for e in &rows.events {
        let a = participant(e.actor.as_ref());
        let r = participant(e.recipient.as_ref());
        s.execute(params![
            revision,
            e.event_type,
            e.mode,
            e.cameo,
            e.quad_class,
            e.goldstein,
            e.modality,
            e.trigger.0,
            e.trigger.1.start,
            e.trigger.1.end,
            e.sentence,
            a.0,
            a.1,
            a.2,
            a.3,
            a.4,
            a.5,
            a.6,
            r.0,
            r.1,
            r.2,
            r.3,
            r.4,
            r.5,
            r.6,
            e.date,
            e.location,
            e.source_kind,
            e.contexts,
            e.rule,
            e.confidence
        ])?;
    }
    let mut s = tx.prepare_cached(
        "INSERT INTO claims (revision_id, sentence, start, end, source_kind, source_entity, source_text, stance,
         hedged, vague, checkworthiness, rank, rule, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for c in &rows.claims {
        s.execute(params![
            revision,
            c.sentence,
            c.span.start,
            c.span.end,
            c.source_kind,
            c.source_entity,
            c.source_text,
            c.stance,
            c.hedged,
            c.vague,
            c.checkworthiness,
            c.rank,
            c.rule,
            c.confidence
        ])?;
    }
    let mut s = tx.prepare_cached(
        "INSERT INTO techniques (revision_id, technique, class, start, end, cues, rule, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for t in &rows.techniques {
        s.execute(params![revision, t.technique, t.class, t.span.start, t.span.end, t.cues, t.rule, t.confidence])?;
    }
    let t = &rows.tone;
    tx.prepare_cached(
        "INSERT INTO tone (revision_id, words, positive, negative, tone, polarity, emotional_density, group_density,
         propagandistic) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        revision,
        t.words,
        t.positive,
        t.negative,
        t.tone,
        t.polarity,
        t.emotional_density,
        t.group_density,
        t.propagandistic
    ])?;
    Ok(())
}
