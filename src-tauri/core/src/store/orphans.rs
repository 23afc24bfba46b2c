//! The orphan review: what the person decided about each assessment whose capability the
//! loaded pack no longer has. Mapping moves the whole assessment (every field, actions
//! included) to a capability of the pack as one undoable change; keeping it archived records
//! only that it was reviewed. Either way nothing is dropped: an archived assessment stays in
//! the store and in every export, and a mapped one is undone like any other change.
//!
//! Decisions are kept per pack (its id and version), so opening a later version asks again
//! about what that version no longer has.

use super::error::StoreError;
use super::history::{load_assessment, record, store_assessment, Change};
use super::model::{now, Assessment};
use super::organisations::live_name;
use super::Store;
use crate::graph::Framework;
use crate::limits::echo;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// What was decided about one orphan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "decision", rename_all = "lowercase")]
pub enum OrphanDecision {
    /// Its assessment moved to `target`.
    Mapped { target: String },
    /// Kept as it is, out of the pack's views, and still exported.
    Archived,
}

/// A decision as stored, with the capability it was about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanRecord {
    pub capability: String,
    pub decision: OrphanDecision,
    /// The capability's title when it was known at the time.
    pub title: Option<String>,
}

/// Who a pack's decisions belong to: its id and version.
pub fn pack_key(fw: &Framework) -> String {
    let m = fw.manifest();
    format!("{}@{}", m.id, m.version)
}

impl Store {
    /// Every decision taken for the organisation under `fw`'s pack.
    pub fn orphan_decisions(
        &self,
        fw: &Framework,
        org: i64,
    ) -> Result<Vec<OrphanRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT capability, decision, target, title FROM orphan_reviews
             WHERE org_id = ?1 AND pack = ?2 ORDER BY capability",
        )?;
        let rows = stmt.query_map(params![org, pack_key(fw)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (capability, decision, target, title) = row?;
            let decision = match (decision.as_str(), target) {
                ("mapped", Some(target)) => OrphanDecision::Mapped { target },
                _ => OrphanDecision::Archived,
            };
            out.push(OrphanRecord {
                capability,
                decision,
                title,
            });
        }
        Ok(out)
    }

    /// Moves the orphan `capability`'s assessment, every field, to `target` as one change in
    /// the history (undo moves it back), and records the decision. Refused, changing nothing,
    /// when `capability` is not an orphan, `target` is not a capability of the pack, or
    /// `target` already has an assessment (the message names both).
    pub fn map_orphan(
        &mut self,
        fw: &Framework,
        org: i64,
        capability: &str,
        target: &str,
        title: Option<&str>,
    ) -> Result<Assessment, StoreError> {
        let author = self.author.clone();
        let tx = self.write()?;
        let name = live_name(&tx, org)?;
        let old = orphan(&tx, fw, org, capability)?;
        let record_name = format!(
            "organisation `{}`, capability `{}`",
            echo(&name),
            echo(target)
        );
        let moved = old.clone().validated(fw, target, &record_name)?;
        if load_assessment(&tx, org, target)?.is_some() {
            return Err(StoreError::MapTargetTaken {
                orphan: echo(capability),
                target: echo(target),
            });
        }
        let empty = Assessment::default();
        let mut changes: Vec<Change> = Vec::new();
        for ((field, was), (_, none)) in old.fields().into_iter().zip(empty.fields()) {
            if was != none {
                changes.push((capability.to_string(), field.to_string(), was, none));
            }
        }
        for ((field, now_value), (_, none)) in moved.fields().into_iter().zip(empty.fields()) {
            if now_value != none {
                changes.push((target.to_string(), field.to_string(), none, now_value));
            }
        }
        record(&tx, org, &author, "edit", None, &changes)?;
        store_assessment(&tx, org, capability, &empty)?;
        store_assessment(&tx, org, target, &moved)?;
        decide(
            &tx,
            fw,
            org,
            capability,
            "mapped",
            Some(target),
            title,
            &author,
        )?;
        tx.commit()?;
        Ok(moved)
    }

    /// Records that the orphan `capability` was reviewed and is kept as it is.
    pub fn archive_orphan(
        &mut self,
        fw: &Framework,
        org: i64,
        capability: &str,
        title: Option<&str>,
    ) -> Result<(), StoreError> {
        let author = self.author.clone();
        let tx = self.write()?;
        live_name(&tx, org)?;
        orphan(&tx, fw, org, capability)?;
        decide(&tx, fw, org, capability, "archived", None, title, &author)?;
        tx.commit()?;
        Ok(())
    }
}

/// The stored assessment of `capability`, which must be one the pack no longer has.
fn orphan(
    conn: &rusqlite::Connection,
    fw: &Framework,
    org: i64,
    capability: &str,
) -> Result<Assessment, StoreError> {
    if fw.node(capability).is_some_and(|n| n.kind == "capability") {
        return Err(StoreError::invalid(
            format!("capability `{}`", echo(capability)),
            "orphan",
            "this pack still has it; there is nothing to review",
        ));
    }
    load_assessment(conn, org, capability)?.ok_or_else(|| {
        StoreError::NotFound(format!(
            "there is no assessment of `{}` to review",
            echo(capability)
        ))
    })
}

#[allow(clippy::too_many_arguments)]
fn decide(
    tx: &rusqlite::Transaction<'_>,
    fw: &Framework,
    org: i64,
    capability: &str,
    decision: &str,
    target: Option<&str>,
    title: Option<&str>,
    author: &str,
) -> Result<(), StoreError> {
    let earlier_title: Option<String> = tx
        .query_row(
            "SELECT title FROM orphan_reviews WHERE org_id = ?1 AND capability = ?2 AND title IS NOT NULL
             ORDER BY at DESC LIMIT 1",
            params![org, capability],
            |r| r.get(0),
        )
        .optional()?;
    tx.execute(
        "INSERT INTO orphan_reviews (org_id, capability, pack, decision, target, title, author, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (org_id, capability, pack) DO UPDATE SET
           decision = excluded.decision, target = excluded.target,
           title = COALESCE(excluded.title, orphan_reviews.title),
           author = excluded.author, at = excluded.at",
        params![
            org,
            capability,
            pack_key(fw),
            decision,
            target,
            title.map(str::to_string).or(earlier_title),
            author,
            now()
        ],
    )?;
    Ok(())
}
