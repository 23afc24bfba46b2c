//! History: every change appended as a change set (who, when) of field changes (old → new),
//! and undo/redo built on top of it.
//!
//! Undo does not erase anything: it applies the old values and appends an `undo` change set
//! that says so, and redo appends a `redo`. Only the bookkeeping `state` of a change set moves
//! (active → undone, redoable → done), which is what makes the undo and redo stacks.
//!
//! Undo and redo write old values back, so history is input like any other: a value is checked
//! before it is written back, and imported history is checked on import (`check_imported_history`)
//! for a consistent chain of actions, known fields and valid values.

use super::error::StoreError;
use super::model::{check_assessment_value, now, Assessment};
use super::organisations::check_org_value;
use super::transfer::{file_err, ChangeSetFile};
use super::words::describe;
use super::Store;
use crate::graph::Framework;
use crate::limits::{self, echo};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::Path;
use ts_rs::TS;

/// One field change as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    #[ts(type = "number")]
    pub change_set: i64,
    pub at: String,
    pub author: String,
    /// `edit`, `undo` or `redo`.
    pub action: String,
    /// The title of the workshop the change was made in, if any.
    pub workshop: Option<String>,
    /// The capability id, or `""` for a change to the organisation itself.
    pub capability: String,
    pub field: String,
    #[ts(type = "unknown")]
    pub old: Value,
    #[ts(type = "unknown")]
    pub new: Value,
    /// The change in words, as the undo notice says it: "target maturity 2 → 3", "added
    /// action “Train the data team”". Filled in by `Atlas::history`, which knows the pack's
    /// titles; empty from `Store::history`.
    #[serde(default)]
    pub words: String,
}

/// What an undo or redo changed, for the status line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UndoOutcome {
    /// The capabilities it changed (`""` for the organisation itself), in the order changed.
    pub capabilities: Vec<String>,
    pub fields: Vec<String>,
    /// What changed in words, each value from what it was to what it is now:
    /// "Data curation, target maturity 4 → 3".
    pub summary: String,
}

/// A field change about to be recorded: (capability or "", field, old, new).
pub(crate) type Change = (String, String, Value, Value);

/// Appends a change set and its changes; returns the set's id.
pub(crate) fn record(
    tx: &Transaction<'_>,
    org: i64,
    author: &str,
    action: &str,
    reverts: Option<i64>,
    changes: &[Change],
) -> Result<i64, StoreError> {
    let state = if action == "undo" {
        "redoable"
    } else {
        "active"
    };
    // A change made while the organisation's workshop is running belongs to that workshop,
    // whichever view or command made it.
    tx.execute(
        "INSERT INTO change_sets (org_id, author, at, action, reverts, state, workshop_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                 (SELECT id FROM workshops WHERE org_id = ?1 AND ended_at IS NULL
                  ORDER BY id DESC LIMIT 1))",
        params![org, author, now(), action, reverts, state],
    )?;
    let set = tx.last_insert_rowid();
    let mut stmt = tx.prepare_cached(
        "INSERT INTO changes (set_id, capability, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (cap, field, old, new) in changes {
        stmt.execute(params![set, cap, field, old.to_string(), new.to_string()])?;
    }
    if action == "edit" {
        // A new edit ends the redo chain, as in every editor.
        tx.execute(
            "UPDATE change_sets SET state = 'done' WHERE org_id = ?1 AND state = 'redoable'",
            [org],
        )?;
    }
    Ok(set)
}

pub(crate) fn load_assessment(
    tx: &rusqlite::Connection,
    org: i64,
    cap: &str,
) -> Result<Option<Assessment>, StoreError> {
    let data: Option<String> = tx
        .query_row(
            "SELECT data FROM assessments WHERE org_id = ?1 AND capability = ?2",
            params![org, cap],
            |r| r.get(0),
        )
        .optional()?;
    data.map(|d| {
        serde_json::from_str(&d)
            .map_err(|e| StoreError::invalid("stored assessment", cap, e.to_string()))
    })
    .transpose()
}

/// Writes an assessment; an empty one is removed so "never assessed" stays distinguishable.
pub(crate) fn store_assessment(
    tx: &Transaction<'_>,
    org: i64,
    cap: &str,
    a: &Assessment,
) -> Result<(), StoreError> {
    if a.is_empty() {
        tx.execute(
            "DELETE FROM assessments WHERE org_id = ?1 AND capability = ?2",
            params![org, cap],
        )?;
    } else {
        let data = serde_json::to_string(a).expect("an assessment serialises");
        tx.prepare_cached(
            "INSERT INTO assessments (org_id, capability, data) VALUES (?1, ?2, ?3)
             ON CONFLICT (org_id, capability) DO UPDATE SET data = excluded.data",
        )?
        .execute(params![org, cap, data])?;
    }
    Ok(())
}

/// Sets one field of an assessment or of the organisation (capability `""`) from `from` to
/// `value`. The value is checked first like any input: history may come from an import or an
/// older build, and undo must never store what a save would refuse.
fn apply(
    tx: &Transaction<'_>,
    fw: &Framework,
    action: &str,
    org: i64,
    (cap, field, from, value): (&str, &str, &Value, &Value),
) -> Result<(), StoreError> {
    if cap.is_empty() {
        check_org_value(field, value, &format!("cannot {action}: the organisation"))?;
        // A creation is recorded as name null -> "X". Undoing it hides the organisation, as a
        // delete does, rather than naming it "null"; redoing it shows it again.
        if field == "name" && value.is_null() {
            tx.execute("UPDATE organisations SET deleted = 1 WHERE id = ?1", [org])?;
            return Ok(());
        }
        let revives = (field == "deleted" && value == &Value::Bool(false))
            || (field == "name" && from.is_null());
        let name = match (field, value) {
            ("name", Value::String(n)) => Some(n.clone()),
            _ if revives => Some(tx.query_row(
                "SELECT name FROM organisations WHERE id = ?1",
                [org],
                |r| r.get(0),
            )?),
            _ => None,
        };
        // Live names are unique: say which name is taken instead of failing on the index.
        if let Some(name) = name {
            let taken = super::organisations::clashing_name(tx, &name, Some(org))?;
            let live: bool = tx.query_row(
                "SELECT deleted = 0 FROM organisations WHERE id = ?1",
                [org],
                |r| r.get(0),
            )?;
            if let Some(taken) = taken.filter(|_| live || revives) {
                return Err(StoreError::DuplicateOrganisation(taken));
            }
        }
        if field == "name" && from.is_null() {
            tx.execute("UPDATE organisations SET deleted = 0 WHERE id = ?1", [org])?;
        }
        let sql = match field {
            "name" => "UPDATE organisations SET name = ?2 WHERE id = ?1",
            "description" => "UPDATE organisations SET description = ?2 WHERE id = ?1",
            "deleted" => "UPDATE organisations SET deleted = ?2 WHERE id = ?1",
            _ => {
                return Err(StoreError::invalid(
                    "history",
                    "field",
                    format!("unknown organisation field `{field}`"),
                ))
            }
        };
        let v: rusqlite::types::Value = match value {
            Value::Bool(b) => (*b as i64).into(),
            Value::String(s) => s.clone().into(),
            other => other.to_string().into(),
        };
        tx.execute(sql, params![org, v])?;
        return Ok(());
    }
    let record = format!("cannot {action}: capability `{}`", echo(cap));
    check_assessment_value(fw, field, value, &record)?;
    let mut a = load_assessment(tx, org, cap)?.unwrap_or_default();
    a.set_field(field, value.clone())?;
    store_assessment(tx, org, cap, &a)
}

/// Checks an organisation's history as the app itself would have written it: undo and redo
/// later write these values back, so a value off the scale here would end up stored.
pub(super) fn check_imported_history(
    fw: &Framework,
    path: &Path,
    org: &str,
    history: &[ChangeSetFile],
) -> Result<(), StoreError> {
    for (i, set) in history.iter().enumerate() {
        let at = format!("{}: {org}: history #{}", path.display(), i + 1);
        let target = set.reverts.and_then(|r| (r < i).then(|| &history[r]));
        // What `history::record` and undo/redo produce: an edit reverts nothing; an undo
        // reverts an edit or a redo that is now undone; a redo reverts an undo that is now done.
        let consistent = match (set.action.as_str(), target, set.reverts) {
            ("edit", None, None) => ["active", "undone"].contains(&set.state.as_str()),
            ("redo", Some(t), _) => {
                t.action == "undo"
                    && t.state == "done"
                    && ["active", "undone"].contains(&set.state.as_str())
            }
            ("undo", Some(t), _) => {
                ["edit", "redo"].contains(&t.action.as_str())
                    && t.state == "undone"
                    && ["redoable", "done"].contains(&set.state.as_str())
            }
            _ => false,
        };
        if !consistent {
            return Err(file_err(
                path,
                format!("{at}: fields `action`, `state` and `reverts` are inconsistent"),
            ));
        }
        if set.changes.len() > limits::MAX_IMPORT_CHANGES_PER_SET {
            return Err(file_err(
                path,
                format!(
                    "{at}: field `changes`: {} entries is more than the {} an import may hold",
                    set.changes.len(),
                    limits::MAX_IMPORT_CHANGES_PER_SET
                ),
            ));
        }
        for (j, c) in set.changes.iter().enumerate() {
            let record = format!("{at}, change #{}", j + 1);
            for value in [&c.old, &c.new] {
                if c.capability.is_empty() {
                    check_org_value(&c.field, value, &record)?;
                } else {
                    // Capabilities a newer pack dropped keep their history: their values are
                    // checked for shape and scale, not for the capability's existence.
                    let record = format!("{record} (capability `{}`)", echo(&c.capability));
                    check_assessment_value(fw, &c.field, value, &record)?;
                }
            }
        }
    }
    Ok(())
}

fn changes_of(tx: &Transaction<'_>, set: i64) -> Result<Vec<Change>, StoreError> {
    let mut stmt = tx
        .prepare("SELECT capability, field, old, new FROM changes WHERE set_id = ?1 ORDER BY id")?;
    let rows = stmt
        .query_map([set], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .map(|(c, f, o, n)| (c, f, parse(&o), parse(&n)))
        .collect())
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or(Value::Null)
}

/// Writes back the old values of change set `set` (an `undo`, or a `redo` of an undo), marks
/// it undone (or done) and records the reverting set; returns the changes it made, last first.
pub(super) fn revert(
    tx: &Transaction<'_>,
    fw: &Framework,
    author: &str,
    org: i64,
    set: i64,
    action: &str,
) -> Result<Vec<Change>, StoreError> {
    let done_state = if action == "undo" { "undone" } else { "done" };
    let changes = changes_of(tx, set)?;
    let mut reversed = Vec::new();
    for (cap, field, old, new) in changes.into_iter().rev() {
        apply(tx, fw, action, org, (&cap, &field, &new, &old))?;
        reversed.push((cap, field, new, old));
    }
    tx.execute(
        "UPDATE change_sets SET state = ?2 WHERE id = ?1",
        params![set, done_state],
    )?;
    record(tx, org, author, action, Some(set), &reversed)?;
    Ok(reversed)
}

impl Store {
    /// Reverts the organisation's last change that is not yet undone. Refused, changing
    /// nothing, when a value it would restore is not valid for `fw`.
    pub fn undo(&mut self, fw: &Framework, org: i64) -> Result<UndoOutcome, StoreError> {
        self.step(fw, org, "undo")
    }

    /// Re-applies the last undone change, if nothing was edited since.
    pub fn redo(&mut self, fw: &Framework, org: i64) -> Result<UndoOutcome, StoreError> {
        self.step(fw, org, "redo")
    }

    fn step(&mut self, fw: &Framework, org: i64, action: &str) -> Result<UndoOutcome, StoreError> {
        let author = self.author.clone();
        let tx = self.write()?;
        let (find, nothing) = if action == "undo" {
            ("SELECT id FROM change_sets WHERE org_id = ?1 AND state = 'active' ORDER BY id DESC LIMIT 1", "nothing to undo")
        } else {
            ("SELECT id FROM change_sets WHERE org_id = ?1 AND state = 'redoable' ORDER BY id DESC LIMIT 1", "nothing to redo")
        };
        let set: i64 = tx
            .query_row(find, [org], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NothingToUndo(nothing.to_string()))?;
        let reversed = revert(&tx, fw, &author, org, set, action)?;
        tx.commit()?;
        let mut outcome = UndoOutcome {
            capabilities: vec![],
            fields: vec![],
            // In the order the fields were first changed, as the editor lists them.
            summary: describe(fw, &reversed.iter().rev().cloned().collect::<Vec<_>>()),
        };
        for (cap, field, _, _) in reversed {
            if !outcome.capabilities.contains(&cap) {
                outcome.capabilities.push(cap);
            }
            if !outcome.fields.contains(&field) {
                outcome.fields.push(field);
            }
        }
        Ok(outcome)
    }

    /// Every change to the organisation, oldest first; with `capability`, that capability's
    /// timeline only.
    pub fn history(
        &self,
        org: i64,
        capability: Option<&str>,
    ) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.at, s.author, s.action, c.capability, c.field, c.old, c.new, w.title
             FROM changes c JOIN change_sets s ON s.id = c.set_id
             LEFT JOIN workshops w ON w.id = s.workshop_id
             WHERE s.org_id = ?1 AND (?2 IS NULL OR c.capability = ?2)
             ORDER BY c.id",
        )?;
        let rows = stmt.query_map(params![org, capability], |r| {
            Ok(HistoryEntry {
                change_set: r.get(0)?,
                at: r.get(1)?,
                author: r.get(2)?,
                action: r.get(3)?,
                capability: r.get(4)?,
                field: r.get(5)?,
                old: parse(&r.get::<_, String>(6)?),
                new: parse(&r.get::<_, String>(7)?),
                workshop: r.get(8)?,
                words: String::new(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Who changed organisation `org`, each name once, in the order they first changed it:
    /// the report's assessors. Asked of the database so a long history is never loaded for it.
    pub fn authors(&self, org: i64) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.author FROM changes c JOIN change_sets s ON s.id = c.set_id
             WHERE s.org_id = ?1 GROUP BY s.author ORDER BY MIN(c.id)",
        )?;
        let rows = stmt.query_map(params![org], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
