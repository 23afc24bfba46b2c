//! Snapshots (named, frozen copies of an organisation's assessments) and comparisons between
//! any two of: a snapshot, an organisation's current state, another organisation.

use super::assessments::load_all;
use super::error::StoreError;
use super::model::{now, within, Assessment};
use super::words::field_change;
use super::Store;
use crate::graph::Framework;
use crate::limits::{self, echo};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Snapshot {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub org_id: i64,
    pub name: String,
    pub taken_at: String,
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Side {
    /// An organisation as it stands now (the same or another organisation).
    Current {
        #[ts(type = "number")]
        org: i64,
    },
    Snapshot {
        #[ts(type = "number")]
        snapshot: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldDiff {
    pub field: String,
    #[ts(type = "unknown")]
    pub a: Value,
    #[ts(type = "unknown")]
    pub b: Value,
    /// The difference in words: "target maturity 2 → 3", "“Hire” open → done".
    pub words: String,
}

/// How one capability differs between the two sides.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CapabilityDiff {
    pub capability: String,
    /// The capability's title, or the id when the loaded pack no longer has it.
    pub title: String,
    /// The pack no longer has this capability; the assessment is kept and reported.
    pub orphaned: bool,
    /// b − a for current and target maturity, when both sides have a value.
    pub current_delta: Option<i32>,
    pub target_delta: Option<i32>,
    pub changes: Vec<FieldDiff>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Comparison {
    pub a: String,
    pub b: String,
    /// Only the capabilities that differ, in capability id order.
    pub capabilities: Vec<CapabilityDiff>,
}

impl Store {
    /// Freezes the organisation's current assessments under `name`.
    pub fn take_snapshot(&mut self, org: i64, name: &str) -> Result<Snapshot, StoreError> {
        let org_name = echo(&self.organisation(org)?.name);
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::invalid(
                format!("organisation `{org_name}`"),
                "snapshot",
                "a name is required",
            ));
        }
        within(
            &format!("organisation `{org_name}`"),
            "snapshot name",
            name,
            limits::MAX_NAME_CHARS,
        )?;
        let tx = self.write()?;
        if tx
            .query_row(
                "SELECT 1 FROM snapshots WHERE org_id = ?1 AND name = ?2",
                params![org, name],
                |_| Ok(()),
            )
            .optional()?
            .is_some()
        {
            return Err(StoreError::invalid(
                format!("organisation `{org_name}`"),
                "snapshot",
                format!("a snapshot named `{}` already exists", echo(name)),
            ));
        }
        tx.execute(
            "INSERT INTO snapshots (org_id, name, taken_at) VALUES (?1, ?2, ?3)",
            params![org, name, now()],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO snapshot_assessments (snapshot_id, capability, data)
             SELECT ?1, capability, data FROM assessments WHERE org_id = ?2",
            params![id, org],
        )?;
        tx.commit()?;
        self.snapshot(id)
    }

    pub fn snapshot(&self, id: i64) -> Result<Snapshot, StoreError> {
        self.conn
            .query_row(
                "SELECT id, org_id, name, taken_at FROM snapshots WHERE id = ?1",
                [id],
                snap_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no snapshot has the id {id}")))
    }

    pub fn snapshots(&self, org: i64) -> Result<Vec<Snapshot>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, org_id, name, taken_at FROM snapshots WHERE org_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([org], snap_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The assessments a snapshot froze.
    pub fn snapshot_assessments(
        &self,
        id: i64,
    ) -> Result<BTreeMap<String, Assessment>, StoreError> {
        let s = self.snapshot(id)?;
        load_all(
            &self.conn,
            "SELECT capability, data FROM snapshot_assessments WHERE snapshot_id = ?1",
            s.id,
        )
    }

    /// The assessments on one side of a comparison, and how to name that side.
    fn side(&self, side: &Side) -> Result<(String, BTreeMap<String, Assessment>), StoreError> {
        match side {
            Side::Current { org } => {
                let o = self.organisation(*org)?;
                Ok((format!("{} (now)", o.name), self.assessments(*org)?))
            }
            Side::Snapshot { snapshot } => {
                let s = self.snapshot(*snapshot)?;
                let org = self.organisation(s.org_id)?;
                let data = self.snapshot_assessments(s.id)?;
                Ok((format!("{} ({})", org.name, s.name), data))
            }
        }
    }

    /// A per-capability diff of `a` against `b`: what changed and by how much.
    pub fn compare(&self, fw: &Framework, a: &Side, b: &Side) -> Result<Comparison, StoreError> {
        let (a_label, a_data) = self.side(a)?;
        let (b_label, b_data) = self.side(b)?;
        let caps: BTreeSet<&String> = a_data.keys().chain(b_data.keys()).collect();
        let empty = Assessment::default();
        let mut capabilities = Vec::new();
        for cap in caps {
            let (x, y) = (
                a_data.get(cap).unwrap_or(&empty),
                b_data.get(cap).unwrap_or(&empty),
            );
            if x == y {
                continue;
            }
            let changes = x
                .fields()
                .into_iter()
                .zip(y.fields())
                .filter(|((_, p), (_, q))| p != q)
                .map(|((f, p), (_, q))| FieldDiff {
                    field: f.to_string(),
                    words: field_change(fw, cap, f, &p, &q),
                    a: p,
                    b: q,
                })
                .collect();
            let delta = |p: Option<u8>, q: Option<u8>| Some(i32::from(q?) - i32::from(p?));
            let node = fw.node(cap).filter(|n| n.kind == "capability");
            capabilities.push(CapabilityDiff {
                capability: cap.clone(),
                title: node.map(|n| n.title.clone()).unwrap_or_else(|| cap.clone()),
                orphaned: node.is_none(),
                current_delta: delta(x.current, y.current),
                target_delta: delta(x.target, y.target),
                changes,
            });
        }
        Ok(Comparison {
            a: a_label,
            b: b_label,
            capabilities,
        })
    }

    /// Resolves how the command line names a side: `now`, a snapshot name of `org`, or
    /// `org:NAME` for another organisation's current state.
    pub fn resolve_side(&self, org: i64, key: &str) -> Result<Side, StoreError> {
        if key == "now" || key == "current" {
            return Ok(Side::Current { org });
        }
        if let Some(other) = key.strip_prefix("org:") {
            return Ok(Side::Current {
                org: self.find_organisation(other)?.id,
            });
        }
        self.conn
            .query_row(
                "SELECT id FROM snapshots WHERE org_id = ?1 AND name = ?2",
                params![org, key],
                |r| r.get(0),
            )
            .optional()?
            .map(|snapshot| Side::Snapshot { snapshot })
            .ok_or_else(|| {
                StoreError::NotFound(format!(
                    "`{key}` is neither `now`, `org:NAME` nor a snapshot of this organisation"
                ))
            })
    }
}

fn snap_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Snapshot> {
    Ok(Snapshot {
        id: r.get(0)?,
        org_id: r.get(1)?,
        name: r.get(2)?,
        taken_at: r.get(3)?,
    })
}
