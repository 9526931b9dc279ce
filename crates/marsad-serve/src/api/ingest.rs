//! `POST /api/ingest` (only with `--allow-ingest`): one record as `marsad ingest`
//! reads a JSON Lines line, analysed and stored in one transaction, then indexed.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use marsad::input::record::{read_record, Dates};
use marsad::input::{decode_owned, Limits};
use marsad::Metadata;
use marsad_store::search::IndexRecord;
use marsad_store::{ArticleInfo, ArticleKeys, Prepared, Store, Verdict};
use serde::Serialize;

use super::blocking;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Serialize)]
struct Ingested {
    id: i64,
    verdict: &'static str,
}

fn verdict_name(v: &Verdict) -> &'static str {
    match v {
        Verdict::New => "new",
        Verdict::Revision { .. } => "revision",
        Verdict::Copy { .. } => "copy",
        Verdict::Present { .. } => "present",
    }
}

/// Analyses and stores one record.
pub async fn ingest(State(state): State<Arc<AppState>>, body: Bytes) -> Result<Response, ApiError> {
    let max_bytes = body.len().max(1);
    let line = std::str::from_utf8(&body)
        .map_err(|e| ApiError::bad(format!("the body is not UTF-8 (byte {}): send one JSON record", e.valid_up_to())))?
        .to_owned();
    blocking(state, move |s| {
        let (Some(writer), Some(pipeline)) = (&s.writer, &s.pipeline) else {
            return Err(ApiError::not_found("this server was started without --allow-ingest"));
        };
        let record = read_record(line.trim(), &Metadata::default(), &Dates::default())
            .map_err(|e| ApiError::bad(format!("the body is not a record: {e}")))?;
        let decoded = decode_owned(record.text.into_bytes(), &Limits { max_bytes, lossy: false })
            .map_err(|e| ApiError::bad(format!("the record's \"text\": {e}")))?;
        let mut meta = record.meta;
        meta.source = Some("POST /api/ingest".to_owned());
        meta.encoding = Some(decoded.encoding.to_owned());
        let keys = ArticleKeys::new(&decoded.text, meta.outlet.as_deref(), meta.url.as_deref());
        {
            let w = writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let v @ Verdict::Present { article, .. } = w.store.classify(&keys)? {
                return Ok(Ingested { id: article, verdict: verdict_name(&v) });
            }
        }
        // analysed outside the lock; the store decides again when it writes
        let mut doc = pipeline.analyze(decoded.text, meta);
        doc.warnings.splice(0..0, decoded.warnings.into_iter().chain(record.warnings));
        let info = ArticleInfo {
            author: record.author,
            external_id: record.id,
            source: Some("POST /api/ingest".to_owned()),
            ..ArticleInfo::default()
        };
        let prepared = Prepared::new(&doc, info);
        let stored = {
            let mut w = writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            w.store.put(&prepared)?
        };
        if let Some(revision) = stored.revision {
            let indexed = s.index.writer().and_then(|mut ix| {
                ix.add(&IndexRecord::of_prepared(stored.article, revision, &prepared))?;
                ix.commit()
            });
            if let Err(e) = indexed {
                // stored all the same: the next opening of the index levels it
                eprintln!("marsad serve: article {} is stored but not yet searchable: {e}", stored.article);
            }
            s.refresh()?;
        }
        Ok(Ingested { id: stored.article, verdict: verdict_name(&stored.verdict) })
    })
    .await
}
