//! Typing in one sitting is one change: a note typed with pauses reaches the store as a save
//! per pause (the editor saves itself), and recorded one by one a sentence became eleven
//! history entries and eleven undo steps.
//!
//! The rule lives here, in the store, rather than in the editor: the store alone sees every
//! writer, every undo and snapshot and workshop, and it can extend a change set in the same
//! transaction as the write, so a crash leaves either the old sitting or the longer one. A
//! save extends the organisation's last change set only when that set is one edit of the same
//! text field of the same capability by the same author, nothing else was recorded after it
//! (no undo or redo, no other field, capability or author), no snapshot was taken and no
//! workshop began or ended since, and it was made at most `NOTE_SITTING_PAUSE_SECS` ago.
//! Undoing the sitting then restores the text from before it.

use super::error::StoreError;
use super::history::Change;
use super::model::{now, now_secs, timestamp};
use crate::limits::NOTE_SITTING_PAUSE_SECS;
use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;

/// The fields people type into, where a save follows each pause in typing.
const TYPED_FIELDS: &[&str] = &["notes", "not_applicable"];

/// Records `change` by extending the organisation's last change set when it is the same
/// sitting; returns false, having written nothing, when it is not.
pub(crate) fn extend_sitting(
    tx: &Transaction<'_>,
    org: i64,
    author: &str,
    change: &Change,
) -> Result<bool, StoreError> {
    let (cap, field, old, new) = change;
    if cap.is_empty() || !TYPED_FIELDS.contains(&field.as_str()) {
        return Ok(false);
    }
    let last = tx
        .query_row(
            "SELECT s.id, s.author, s.at, s.action, s.state,
                    s.workshop_id IS (SELECT id FROM workshops WHERE org_id = ?1
                                      AND ended_at IS NULL ORDER BY id DESC LIMIT 1)
             FROM change_sets s WHERE s.org_id = ?1 ORDER BY s.id DESC LIMIT 1",
            [org],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, bool>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((set, by, at, action, state, same_workshop)) = last else {
        return Ok(false);
    };
    let secs = now_secs();
    // Timestamps compare as text; one written later than now (a clock set back) never counts
    // as recent.
    let recent = at.as_str() >= timestamp(secs - NOTE_SITTING_PAUSE_SECS).as_str()
        && at.as_str() <= timestamp(secs).as_str();
    if action != "edit" || state != "active" || by != author || !same_workshop || !recent {
        return Ok(false);
    }
    // Timestamps have second precision, so time alone cannot tell a boundary in the same
    // second as the set from one just before it. A workshop begun or ended since shows in the
    // workshop the set belongs to (checked above); one begun and ended since, by its start.
    // A snapshot taken since froze the text as the set left it.
    let boundary: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM workshops WHERE org_id = ?1 AND started_at > ?2)
             OR EXISTS (SELECT 1 FROM snapshots s
                        LEFT JOIN snapshot_assessments a
                          ON a.snapshot_id = s.id AND a.capability = ?3
                        WHERE s.org_id = ?1 AND s.taken_at >= ?2
                          AND coalesce(json_extract(a.data, '$.' || ?4), ?5) IS ?6)",
        params![org, at, cap, field, empty_value(field), json_text(old)],
        |r| r.get(0),
    )?;
    if boundary {
        return Ok(false);
    }
    let mut stmt =
        tx.prepare_cached("SELECT id, capability, field, old, new FROM changes WHERE set_id = ?1")?;
    let rows = stmt
        .query_map([set], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let [(row, c, f, first, last_new)] = rows.as_slice() else {
        return Ok(false);
    };
    // The stored text must be where the sitting left it; anything else wrote in between.
    let parse = |json: &str| serde_json::from_str::<Value>(json).ok();
    if c != cap || f != field || parse(last_new).as_ref() != Some(old) {
        return Ok(false);
    }
    if parse(first).as_ref() == Some(new) {
        // Typed and taken back to where the sitting began: nothing changed, so nothing to undo.
        tx.execute("DELETE FROM changes WHERE set_id = ?1", [set])?;
        tx.execute("DELETE FROM change_sets WHERE id = ?1", [set])?;
    } else {
        tx.execute(
            "UPDATE changes SET new = ?2 WHERE id = ?1",
            params![row, new.to_string()],
        )?;
        tx.execute(
            "UPDATE change_sets SET at = ?2 WHERE id = ?1",
            params![set, now()],
        )?;
    }
    Ok(true)
}

/// What an assessment without a value for `field` holds, as `json_extract` reads it.
fn empty_value(field: &str) -> Option<&'static str> {
    (field == "notes").then_some("")
}

/// A text value as `json_extract` reads it: the string, or NULL.
fn json_text(v: &Value) -> Option<&str> {
    v.as_str()
}
