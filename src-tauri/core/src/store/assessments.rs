//! Saving and reading assessments. A save compares the new assessment with the stored one and
//! records each changed field in the history, in the same transaction as the write.

use super::error::StoreError;
use super::history::{load_assessment, record, store_assessment, Change};
use super::model::Assessment;
use super::Store;
use crate::graph::Framework;
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

    /// Validates and saves the assessment, recording every changed field. Returns what was
    /// stored (tidied: trimmed labels, de-duplicated tags).
    pub fn save_assessment(
        &mut self,
        fw: &Framework,
        org: i64,
        capability: &str,
        assessment: Assessment,
    ) -> Result<Assessment, StoreError> {
        let name = self.organisation(org)?.name;
        let new = assessment.validated(
            fw,
            capability,
            &format!("organisation `{name}`, capability `{capability}`"),
        )?;
        let author = self.author.clone();
        let tx = self.write()?;
        let old = load_assessment(&tx, org, capability)?.unwrap_or_default();
        let changes: Vec<Change> = old
            .fields()
            .into_iter()
            .zip(new.fields())
            .filter(|((_, a), (_, b))| a != b)
            .map(|((f, a), (_, b))| (capability.to_string(), f.to_string(), a, b))
            .collect();
        if changes.is_empty() {
            return Ok(new);
        }
        record(&tx, org, &author, "edit", None, &changes)?;
        store_assessment(&tx, org, capability, &new)?;
        tx.commit()?;
        Ok(new)
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
