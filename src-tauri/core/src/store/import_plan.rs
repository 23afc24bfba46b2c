//! Import in two steps, as the window does it: a preview that says what a file would change and
//! writes nothing, then the import itself with the person's choice for each conflict.
//!
//! Both read the file through the same parse and validation (`transfer`, `csv_import`), and
//! both plan a merge with `plan_merge`, so the preview cannot promise what the import then does
//! differently. The preview carries a checksum of the bytes it read; the import is refused when
//! the file it is given no longer has it, so nothing is written that the person did not see.
//!
//! An import is one transaction and one undoable change: a merge writes one change set per
//! organisation (Ctrl+Z in that organisation reverts it whole), and `undo_import` reverts the
//! whole import at once — every merge's change set, and every organisation it added deleted
//! (restorable, as any deleted organisation). An added organisation's own history stays exactly
//! as the file had it, so export → import → export is still byte for byte.

use super::error::StoreError;
use super::history::{load_assessment, record, store_assessment};
use super::model::Assessment;
use super::organisations::clashing_name;
use super::transfer::{file_err, insert_org, insert_snapshot, Conflict, ImportReport, OrgFile};
use super::Store;
use crate::graph::Framework;
use crate::limits::{self, echo};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use ts_rs::TS;

/// What a file would change, per organisation, before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportPreview {
    /// The file's name alone (never its folder: the window is not told where files are).
    pub file_name: String,
    /// `json` or `csv`.
    pub format: String,
    /// SHA-256 of the bytes previewed, in hex; the import refuses a file that no longer has it.
    pub checksum: String,
    pub organisations: Vec<OrgPreview>,
    /// Every field both sides hold differently, for a merge.
    pub conflicts: Vec<ConflictDetail>,
}

/// One organisation of the file, and what importing it would do.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OrgPreview {
    pub name: String,
    /// The live organisation a merge would go into (same name, ignoring case and spaces);
    /// added as new, the file's organisation would clash with it and be refused.
    pub matches: Option<String>,
    /// Added as a new organisation.
    pub as_new: ImportCounts,
    /// Merged into `matches`, with every conflict kept as ours; `None` when nothing matches.
    pub merged: Option<ImportCounts>,
}

/// How much of each kind an import would write.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImportCounts {
    pub assessments_added: u32,
    pub assessments_changed: u32,
    /// Actions of the improvement plan that would arrive.
    pub actions: u32,
    pub snapshots: u32,
    /// Fields a merge fills in because ours are empty.
    pub fields_filled: u32,
    pub conflicts: u32,
}

/// Who last changed a value, and when (from the history).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Changed {
    pub author: String,
    pub at: String,
}

/// A field both sides set differently: both values, and who changed each and when.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConflictDetail {
    /// The organisation's name in the file.
    pub organisation: String,
    pub capability: String,
    /// The capability's title in the loaded pack, else its id.
    pub title: String,
    pub field: String,
    #[ts(type = "unknown")]
    pub ours: Value,
    #[ts(type = "unknown")]
    pub theirs: Value,
    /// Our last change of this field; `None` when our history does not hold one.
    pub ours_changed: Option<Changed>,
    /// The file's history entry for this field; `None` when the file has none (a CSV).
    pub theirs_changed: Option<Changed>,
}

/// Which side of a conflict to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Take {
    Ours,
    Theirs,
}

/// The person's choice for one conflict of a merge; a conflict without one keeps ours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Resolution {
    pub organisation: String,
    pub capability: String,
    pub field: String,
    pub take: Take,
}

/// What undoes an import as a whole: kept by whoever applied it (the window, by its notice).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportUndo {
    /// Organisations the import added.
    pub added: Vec<i64>,
    /// (organisation, change set) of every merge.
    pub merged: Vec<(i64, i64)>,
}

/// SHA-256 of `bytes`, in hex.
pub fn checksum(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One field a merge would write: theirs where ours is empty, or a conflict.
struct FieldPlan {
    capability: String,
    field: &'static str,
    ours: Value,
    theirs: Value,
    conflict: bool,
}

struct MergePlan {
    fields: Vec<FieldPlan>,
    /// Capabilities we have not assessed that the file has.
    added: BTreeSet<String>,
    /// Indexes of the file's snapshots whose names we do not have.
    snapshots: Vec<usize>,
}

/// What merging `o` into organisation `id` would write, read on `conn` (inside the import's
/// transaction when importing). A field is never overwritten without a choice: where ours is
/// set and theirs differs, it is a conflict.
fn plan_merge(conn: &Connection, id: i64, o: &OrgFile) -> Result<MergePlan, StoreError> {
    let empty = Assessment::default().fields();
    let mut plan = MergePlan {
        fields: vec![],
        added: BTreeSet::new(),
        snapshots: vec![],
    };
    for (cap, theirs) in &o.assessments {
        let ours = load_assessment(conn, id, cap)?;
        if ours.is_none() && !theirs.is_empty() {
            plan.added.insert(cap.clone());
        }
        let ours = ours.unwrap_or_default();
        for (((field, our), (_, their)), (_, blank)) in
            ours.fields().into_iter().zip(theirs.fields()).zip(&empty)
        {
            if our == their || &their == blank {
                continue;
            }
            plan.fields.push(FieldPlan {
                capability: cap.clone(),
                field,
                conflict: &our != blank,
                ours: our,
                theirs: their,
            });
        }
    }
    let mut taken =
        conn.prepare_cached("SELECT COUNT(*) FROM snapshots WHERE org_id = ?1 AND name = ?2")?;
    for (i, s) in o.snapshots.iter().enumerate() {
        let n: i64 = taken.query_row(params![id, s.name], |r| r.get(0))?;
        if n == 0 {
            plan.snapshots.push(i);
        }
    }
    Ok(plan)
}

fn actions_in(v: &Value) -> u32 {
    v.as_array().map_or(0, |a| a.len() as u32)
}

impl MergePlan {
    fn counts(&self) -> ImportCounts {
        let changed: BTreeSet<&String> = self
            .fields
            .iter()
            .map(|f| &f.capability)
            .filter(|c| !self.added.contains(*c))
            .collect();
        ImportCounts {
            assessments_added: self.added.len() as u32,
            assessments_changed: changed.len() as u32,
            actions: self
                .fields
                .iter()
                .filter(|f| f.field == "actions" && !f.conflict)
                .map(|f| actions_in(&f.theirs))
                .sum(),
            snapshots: self.snapshots.len() as u32,
            fields_filled: self.fields.iter().filter(|f| !f.conflict).count() as u32,
            conflicts: self.fields.iter().filter(|f| f.conflict).count() as u32,
        }
    }
}

fn as_new(o: &OrgFile) -> ImportCounts {
    ImportCounts {
        assessments_added: o.assessments.len() as u32,
        actions: o.assessments.values().map(|a| a.actions.len() as u32).sum(),
        snapshots: o.snapshots.len() as u32,
        ..ImportCounts::default()
    }
}

/// The live organisation a file's organisation named `name` would merge into.
fn matching(conn: &Connection, name: &str) -> Result<Option<(i64, String)>, StoreError> {
    let Some(taken) = clashing_name(conn, name, None)? else {
        return Ok(None);
    };
    let id = conn.query_row(
        "SELECT id FROM organisations WHERE name = ?1 AND deleted = 0",
        [&taken],
        |r| r.get(0),
    )?;
    Ok(Some((id, taken)))
}

/// Our last change of one field, from the history.
fn our_last_change(
    conn: &Connection,
    org: i64,
    cap: &str,
    field: &str,
) -> Result<Option<Changed>, StoreError> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT s.author, s.at FROM changes c JOIN change_sets s ON s.id = c.set_id
             WHERE s.org_id = ?1 AND c.capability = ?2 AND c.field = ?3
             ORDER BY c.id DESC LIMIT 1",
            params![org, cap, field],
            |r| {
                Ok(Changed {
                    author: r.get(0)?,
                    at: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// The file's last history entry for one field.
fn their_last_change(o: &OrgFile, cap: &str, field: &str) -> Option<Changed> {
    o.history.iter().rev().find_map(|set| {
        set.changes
            .iter()
            .any(|c| c.capability == cap && c.field == field)
            .then(|| Changed {
                author: set.author.clone(),
                at: set.at.clone(),
            })
    })
}

/// The bytes of an import file as text, refused past `MAX_IMPORT_BYTES` or when not UTF-8.
fn text_of<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, StoreError> {
    if bytes.len() as u64 > limits::MAX_IMPORT_BYTES {
        return Err(super::transfer::too_big(path));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        file_err(
            path,
            format!("not UTF-8 text (at byte {})", e.valid_up_to()),
        )
    })
}

impl Store {
    /// What importing `bytes` (the file at `path`, JSON or CSV) would change, both as new
    /// organisations and merged, with every conflict of a merge. Writes nothing; a bad file is
    /// refused with the record and field named, as the import would refuse it.
    pub fn preview_import(
        &self,
        fw: &Framework,
        path: &Path,
        bytes: &[u8],
    ) -> Result<ImportPreview, StoreError> {
        let (doc, format) = super::transfer::read_document(fw, path, text_of(path, bytes)?)?;
        let mut preview = ImportPreview {
            file_name: path
                .file_name()
                .map(|n| echo(&n.to_string_lossy()))
                .unwrap_or_default(),
            format: format.into(),
            checksum: checksum(bytes),
            organisations: vec![],
            conflicts: vec![],
        };
        for o in &doc.organisations {
            let matched = matching(&self.conn, &o.name)?;
            let merged = match &matched {
                None => None,
                Some((id, _)) => {
                    let plan = plan_merge(&self.conn, *id, o)?;
                    for f in plan.fields.iter().filter(|f| f.conflict) {
                        preview.conflicts.push(ConflictDetail {
                            organisation: o.name.clone(),
                            title: fw
                                .node(&f.capability)
                                .map_or_else(|| f.capability.clone(), |n| n.title.clone()),
                            capability: f.capability.clone(),
                            field: f.field.into(),
                            ours: f.ours.clone(),
                            theirs: f.theirs.clone(),
                            ours_changed: our_last_change(&self.conn, *id, &f.capability, f.field)?,
                            theirs_changed: their_last_change(o, &f.capability, f.field),
                        });
                    }
                    Some(plan.counts())
                }
            };
            preview.organisations.push(OrgPreview {
                name: o.name.clone(),
                matches: matched.map(|(_, name)| name),
                as_new: as_new(o),
                merged,
            });
        }
        Ok(preview)
    }

    /// Imports `bytes` (the file at `path`, JSON or CSV) in one transaction. Without `merge`
    /// every organisation in it must be new here; with `merge`, organisations of the same name
    /// are merged field by field: our empty fields take theirs, and each conflict keeps ours
    /// unless `resolutions` takes theirs. A resolution naming no conflict of this file is
    /// refused. Returns what was done, and what undoes it (`undo_import`).
    pub fn apply_import(
        &mut self,
        fw: &Framework,
        path: &Path,
        bytes: &[u8],
        merge: bool,
        resolutions: &[Resolution],
    ) -> Result<(ImportReport, ImportUndo), StoreError> {
        let (doc, _) = super::transfer::read_document(fw, path, text_of(path, bytes)?)?;
        let author = self.author.clone();
        let tx = self.write()?;
        // Read inside the transaction: an organisation created by another writer meanwhile
        // must be merged into (or refused), never duplicated.
        let mut existing: BTreeMap<&str, i64> = BTreeMap::new();
        for o in &doc.organisations {
            if let Some((id, taken)) = matching(&tx, &o.name)? {
                if !merge {
                    return Err(StoreError::DuplicateOrganisation(taken));
                }
                existing.insert(&o.name, id);
            }
        }
        let mut report = ImportReport::default();
        let mut undo = ImportUndo::default();
        let mut used = vec![false; resolutions.len()];
        for o in &doc.organisations {
            let Some(&id) = existing.get(o.name.as_str()) else {
                undo.added.push(insert_org(&tx, o)?);
                report.organisations_added.push(o.name.clone());
                report.snapshots_added += o.snapshots.len() as u32;
                continue;
            };
            let plan = plan_merge(&tx, id, o)?;
            let mut changed: BTreeMap<&str, Assessment> = BTreeMap::new();
            let mut changes = Vec::new();
            for f in &plan.fields {
                let take = if f.conflict {
                    let chosen = resolutions.iter().position(|r| {
                        r.organisation == o.name
                            && r.capability == f.capability
                            && r.field == f.field
                    });
                    if let Some(i) = chosen {
                        used[i] = true;
                    }
                    let theirs = chosen.is_some_and(|i| resolutions[i].take == Take::Theirs);
                    report.conflicts.push(Conflict {
                        organisation: o.name.clone(),
                        capability: f.capability.clone(),
                        field: f.field.into(),
                        ours: f.ours.clone(),
                        theirs: f.theirs.clone(),
                    });
                    report.fields_taken += u32::from(theirs);
                    theirs
                } else {
                    report.fields_merged += 1;
                    true
                };
                if take {
                    let a = match changed.entry(&f.capability) {
                        std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                        std::collections::btree_map::Entry::Vacant(e) => {
                            e.insert(load_assessment(&tx, id, &f.capability)?.unwrap_or_default())
                        }
                    };
                    a.set_field(f.field, f.theirs.clone())?;
                    changes.push((
                        f.capability.clone(),
                        f.field.to_string(),
                        f.ours.clone(),
                        f.theirs.clone(),
                    ));
                }
            }
            for (cap, a) in &changed {
                store_assessment(&tx, id, cap, a)?;
            }
            for &i in &plan.snapshots {
                insert_snapshot(&tx, id, &o.snapshots[i])?;
            }
            report.snapshots_added += plan.snapshots.len() as u32;
            if !changes.is_empty() {
                let set = record(
                    &tx,
                    id,
                    &format!("{author} (merge)"),
                    "edit",
                    None,
                    &changes,
                )?;
                undo.merged.push((id, set));
            }
            if !changes.is_empty() || !plan.snapshots.is_empty() {
                report.organisations_merged.push(o.name.clone());
            }
        }
        if let Some(i) = used.iter().position(|u| !u) {
            let r = &resolutions[i];
            return Err(StoreError::invalid(
                format!(
                    "choice #{} (organisation `{}`, capability `{}`)",
                    i + 1,
                    echo(&r.organisation),
                    echo(&r.capability)
                ),
                echo(&r.field),
                "the file has no such conflict; preview it again",
            ));
        }
        tx.commit()?;
        Ok((report, undo))
    }

    /// Undoes a whole import in one transaction: reverts each merge's change set and deletes
    /// each organisation it added (kept, so it can be restored). Refused, changing nothing,
    /// when a merged organisation has changed since: its changes are then undone one by one.
    pub fn undo_import(&mut self, fw: &Framework, undo: &ImportUndo) -> Result<(), StoreError> {
        let author = self.author.clone();
        let tx = self.write()?;
        for &(org, set) in &undo.merged {
            let newest: Option<i64> = tx.query_row(
                "SELECT MAX(id) FROM change_sets WHERE org_id = ?1 AND state = 'active'",
                [org],
                |r| r.get(0),
            )?;
            if newest != Some(set) {
                let name: String =
                    tx.query_row("SELECT name FROM organisations WHERE id = ?1", [org], |r| {
                        r.get(0)
                    })?;
                return Err(StoreError::NothingToUndo(format!(
                    "`{}` has changed since the import; undo its changes one by one there",
                    echo(&name)
                )));
            }
            super::history::revert(&tx, fw, &author, org, set, "undo")?;
        }
        for &org in &undo.added {
            let deleted: bool = tx.query_row(
                "SELECT deleted FROM organisations WHERE id = ?1",
                [org],
                |r| r.get(0),
            )?;
            if !deleted {
                tx.execute("UPDATE organisations SET deleted = 1 WHERE id = ?1", [org])?;
                record(
                    &tx,
                    org,
                    &author,
                    "edit",
                    None,
                    &[(
                        String::new(),
                        "deleted".into(),
                        Value::Bool(false),
                        Value::Bool(true),
                    )],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
