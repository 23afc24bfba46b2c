//! Setting one field on many capabilities at once (the capability map's multi-select), as a
//! single change set: one save, one history entry per capability, one undo.

use super::error::StoreError;
use super::history::{load_assessment, record, store_assessment, Change};
use super::model::{Assessment, Priority};
use super::organisations::live_name;
use super::Store;
use crate::graph::Framework;
use crate::limits::echo;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The field a bulk edit sets, and its new value (`None` clears it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum BulkEdit {
    Current(Option<u8>),
    Target(Option<u8>),
    Priority(Option<Priority>),
}

impl BulkEdit {
    fn apply(&self, a: &mut Assessment) {
        match *self {
            BulkEdit::Current(v) => a.current = v,
            BulkEdit::Target(v) => a.target = v,
            BulkEdit::Priority(v) => a.priority = v,
        }
    }
}

/// More capabilities than any framework has is a mistake in the caller, not a request.
const MAX_BULK: usize = 10_000;

impl Store {
    /// Applies `edit` to every listed capability. Either all are validated and saved, or none
    /// is: one invalid id or value rejects the whole edit. Returns what was stored, by id.
    pub fn save_assessments(
        &mut self,
        fw: &Framework,
        org: i64,
        capabilities: &[String],
        edit: &BulkEdit,
    ) -> Result<BTreeMap<String, Assessment>, StoreError> {
        if capabilities.len() > MAX_BULK {
            return Err(StoreError::invalid(
                format!("organisation {org}"),
                "capabilities",
                format!(
                    "{} capabilities in one edit is more than {MAX_BULK}",
                    capabilities.len()
                ),
            ));
        }
        let author = self.author.clone();
        let tx = self.write()?;
        let name = echo(&live_name(&tx, org)?);
        let mut saved = BTreeMap::new();
        let mut changes: Vec<Change> = Vec::new();
        for cap in capabilities {
            if saved.contains_key(cap) {
                continue;
            }
            let old = load_assessment(&tx, org, cap)?.unwrap_or_default();
            let mut new = old.clone();
            edit.apply(&mut new);
            let new = new.validated(
                fw,
                cap,
                &format!("organisation `{name}`, capability `{}`", echo(cap)),
            )?;
            for ((f, a), (_, b)) in old.fields().into_iter().zip(new.fields()) {
                if a != b {
                    changes.push((cap.clone(), f.to_string(), a, b));
                }
            }
            if new != old {
                store_assessment(&tx, org, cap, &new)?;
            }
            saved.insert(cap.clone(), new);
        }
        if !changes.is_empty() {
            record(&tx, org, &author, "edit", None, &changes)?;
            tx.commit()?;
        }
        Ok(saved)
    }
}
