//! Saving and reading assessments. A save applies only the fields the writer changed to the
//! assessment as stored at that moment, and records each changed field in the history, in the
//! same transaction as the write; typing in one sitting extends one change (`sittings`).

use super::actions::{assign_ids, highest_id};
use super::error::StoreError;
use super::history::{load_assessment, record, store_assessment, Change};
use super::model::{Assessment, AssessmentPatch};
use super::organisations::live_name;
use super::sittings::extend_sitting;
use super::Store;
use crate::graph::Framework;
use crate::limits::echo;
use std::collections::BTreeMap;

impl Store {
    /// The organisation's assessment of `capability` (empty when never assessed).
    pub fn assessment(&self, org: i64, capability: &str) -> Result<Assessment, StoreError> {
        Ok(load_assessment(&self.conn, org, capability)?.unwrap_or_default())
    }

    /// Every assessment of the organisation, by capability id.
    pub fn assessments(&self, org: i64) -> Result<BTreeMap<String, Assessment>, StoreError> {
        load_all(
            &self.conn,
            "SELECT capability, data FROM assessments WHERE org_id = ?1",
            org,
        )
    }

    /// Applies the fields the writer changed to the stored assessment, validates the result
    /// and records each changed field. The stored assessment is read inside the write
    /// transaction, and fields the patch does not set are never written, so two writers (the
    /// window and the command line, say) editing different fields never revert each other.
    /// Returns what is stored now (tidied: trimmed labels, de-duplicated tags).
    pub fn save_assessment(
        &mut self,
        fw: &Framework,
        org: i64,
        capability: &str,
        change: impl Into<AssessmentPatch>,
    ) -> Result<Assessment, StoreError> {
        let mut patch = change.into();
        let author = self.author.clone();
        let tx = self.write()?;
        let name = live_name(&tx, org)?;
        let old = load_assessment(&tx, org, capability)?.unwrap_or_default();
        if let Some(actions) = patch.actions.as_mut() {
            if actions.iter().any(|a| a.id.trim().is_empty()) {
                assign_ids(actions, highest_action_id(&tx, org, capability)?);
            }
        }
        let new = patch.applied_to(&old).validated(
            fw,
            capability,
            &format!(
                "organisation `{}`, capability `{}`",
                echo(&name),
                echo(capability)
            ),
        )?;
        let touched = patch.fields();
        let changes: Vec<Change> = old
            .fields()
            .into_iter()
            .zip(new.fields())
            .filter(|((f, a), (_, b))| touched.contains(f) && a != b)
            .map(|((f, a), (_, b))| (capability.to_string(), f.to_string(), a, b))
            .collect();
        if changes.is_empty() {
            return Ok(old);
        }
        let mut stored = old;
        for (_, field, _, value) in &changes {
            stored.set_field(field, value.clone())?;
        }
        let same_sitting = match changes.as_slice() {
            [change] => extend_sitting(&tx, org, &author, change)?,
            _ => false,
        };
        if !same_sitting {
            record(&tx, org, &author, "edit", None, &changes)?;
        }
        store_assessment(&tx, org, capability, &stored)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Capability ids the organisation has assessed that the loaded framework no longer has.
    /// Their assessments are kept, never dropped, so a later pack version can match them again.
    pub fn orphans(&self, fw: &Framework, org: i64) -> Result<Vec<String>, StoreError> {
        Ok(self
            .assessments(org)?
            .into_keys()
            .filter(|c| fw.node(c).map(|n| n.kind.as_str()) != Some("capability"))
            .collect())
    }
}

/// The highest action id the capability has ever had, now or in its history (undone and
/// removed actions included), so that a new action never takes a removed one's id.
fn highest_action_id(
    conn: &rusqlite::Connection,
    org: i64,
    capability: &str,
) -> Result<u64, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.old, c.new FROM changes c JOIN change_sets s ON s.id = c.set_id
         WHERE s.org_id = ?1 AND c.capability = ?2 AND c.field = 'actions'",
    )?;
    let rows = stmt.query_map(rusqlite::params![org, capability], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut highest = 0;
    for row in rows {
        let (old, new) = row?;
        for text in [old, new] {
            let value = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
            highest = highest.max(highest_id(&value));
        }
    }
    Ok(highest)
}

pub(crate) fn load_all(
    conn: &rusqlite::Connection,
    sql: &str,
    key: i64,
) -> Result<BTreeMap<String, Assessment>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([key], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (cap, data) = row?;
        let a = serde_json::from_str(&data)
            .map_err(|e| StoreError::invalid("stored assessment", cap.clone(), e.to_string()))?;
        out.insert(cap, a);
    }
    Ok(out)
}
