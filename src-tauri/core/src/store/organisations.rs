//! Organisations: create, rename, describe, delete (soft, so undo can bring one back), and
//! finding one by name or id the way the command line refers to it.
//!
//! Live names are unique ignoring case and surrounding spaces ("contoso bank" is taken while
//! "Contoso Bank" lives): people read them as one organisation. The rule is checked here, not
//! by an index, because databases written before it may already hold such a pair, and they
//! must keep opening and working; the index only keeps exact duplicates out.

use super::error::StoreError;
use super::history::record;
use super::model::{now, within, DeletedOrganisation, Organisation};
use super::Store;
use crate::limits::{self, echo, MAX_ORGANISATION_ID};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        created_at: r.get(3)?,
    })
}

fn clean_name(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::invalid(
            "organisation",
            "name",
            "a name is required",
        ));
    }
    within("organisation", "name", name, limits::MAX_NAME_CHARS)?;
    Ok(name.to_string())
}

/// What two organisation names are compared on: the same letters, ignoring case and
/// surrounding spaces.
pub(crate) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The name of a live organisation other than `except` that `name` collides with, read on the
/// connection (or inside the transaction) given. An exact match is named first, so a database
/// holding an older pair says the name that was really typed.
pub(crate) fn clashing_name(
    conn: &Connection,
    name: &str,
    except: Option<i64>,
) -> Result<Option<String>, StoreError> {
    let key = name_key(name);
    let mut stmt =
        conn.prepare_cached("SELECT id, name FROM organisations WHERE deleted = 0 ORDER BY id")?;
    let live = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    let others = || live.iter().filter(|(id, _)| Some(*id) != except);
    Ok(others()
        .find(|(_, n)| n == name.trim())
        .or_else(|| others().find(|(_, n)| name_key(n) == key))
        .map(|(_, n)| n.clone()))
}

/// Refuses `name` when a live organisation other than `except` already has it (see
/// `clashing_name`).
pub(crate) fn refuse_taken_name(
    conn: &Connection,
    name: &str,
    except: Option<i64>,
) -> Result<(), StoreError> {
    match clashing_name(conn, name, except)? {
        Some(taken) => Err(StoreError::DuplicateOrganisation(taken)),
        None => Ok(()),
    }
}

/// Checks a value of one of the organisation's own fields (`name`, `description`, `deleted`)
/// as history records it: imported history is checked this way, and undo and redo check again
/// before writing the value back. A creation is recorded as name `null` → "X".
pub(crate) fn check_org_value(field: &str, value: &Value, record: &str) -> Result<(), StoreError> {
    match (field, value) {
        ("name", Value::Null) | ("deleted", Value::Bool(_)) => Ok(()),
        ("name", Value::String(s)) if !s.trim().is_empty() && s.trim() == s => {
            within(record, "name", s, limits::MAX_NAME_CHARS)
        }
        ("description", Value::String(s)) => {
            within(record, "description", s, limits::MAX_DESCRIPTION_CHARS)
        }
        ("name" | "description" | "deleted", v) => Err(StoreError::invalid(
            record,
            field,
            format!("{} is not a valid {field}", echo(&v.to_string())),
        )),
        _ => Err(StoreError::invalid(
            record,
            echo(field),
            "is not a field of an organisation (name, description, deleted)",
        )),
    }
}

/// A live organisation's name, read on the connection (or inside the transaction) given.
pub(crate) fn live_name(conn: &Connection, id: i64) -> Result<String, StoreError> {
    conn.query_row(
        "SELECT name FROM organisations WHERE id = ?1 AND deleted = 0",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("no organisation has the id {id}")))
}

/// The id a new organisation gets: `wanted` when it is in range and free, else one past the
/// largest, else the lowest free one. SQLite alone would hand out a random id once the
/// largest reached 2^63−1, and the window could not address it.
pub(crate) fn free_org_id(conn: &Connection, wanted: Option<i64>) -> Result<i64, StoreError> {
    let taken = |id: i64| -> Result<bool, StoreError> {
        Ok(conn
            .query_row(
                "SELECT 1 FROM organisations WHERE id = ?1",
                [id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    if let Some(id) = wanted.filter(|id| (1..=MAX_ORGANISATION_ID).contains(id)) {
        if !taken(id)? {
            return Ok(id);
        }
    }
    let next: i64 = conn.query_row(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM organisations WHERE id <= ?1",
        [MAX_ORGANISATION_ID],
        |r| r.get(0),
    )?;
    if next <= MAX_ORGANISATION_ID {
        return Ok(next);
    }
    let gap: Option<i64> = conn.query_row(
        "SELECT MIN(id) + 0 FROM (SELECT 1 AS id UNION ALL SELECT id + 1 FROM organisations)
         WHERE id <= ?1 AND id NOT IN (SELECT id FROM organisations)",
        [MAX_ORGANISATION_ID],
        |r| r.get(0),
    )?;
    gap.ok_or_else(|| {
        StoreError::invalid(
            "organisation",
            "id",
            format!("every id from 1 to {MAX_ORGANISATION_ID} is taken"),
        )
    })
}

impl Store {
    /// Live organisations, by name.
    pub fn organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        self.list_organisations(false)
    }

    /// A live organisation by id.
    pub fn organisation(&self, id: i64) -> Result<Organisation, StoreError> {
        self.conn
            .query_row(
                "SELECT id, name, description, created_at FROM organisations WHERE id = ?1 AND deleted = 0",
                [id],
                row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no organisation has the id {id}")))
    }

    /// A live organisation by name (exact, else the one name equal ignoring case and
    /// surrounding spaces), or by id when `key` is a number.
    pub fn find_organisation(&self, key: &str) -> Result<Organisation, StoreError> {
        let by_name = match self
            .conn
            .query_row(
                "SELECT id, name, description, created_at FROM organisations WHERE name = ?1 AND deleted = 0",
                [key.trim()],
                row,
            )
            .optional()?
        {
            Some(o) => Some(o),
            None => {
                let key = name_key(key);
                let mut alike = self
                    .organisations()?
                    .into_iter()
                    .filter(|o| name_key(&o.name) == key);
                // Two alike names (an older database's pair) are ambiguous: neither is guessed.
                match (alike.next(), alike.next()) {
                    (Some(o), None) => Some(o),
                    _ => None,
                }
            }
        };
        match (by_name, key.trim().parse::<i64>()) {
            (Some(o), _) => Ok(o),
            (None, Ok(id)) => self.organisation(id),
            (None, Err(_)) => Err(StoreError::NotFound(format!(
                "no organisation is named `{key}`"
            ))),
        }
    }

    /// Deleted organisations, by name, so they can be listed and brought back.
    pub fn deleted_organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        self.list_organisations(true)
    }

    /// Deleted organisations with when each was deleted (the newest change that hid it: a
    /// delete, or the undo of its creation), newest first.
    pub fn deleted_organisations_dated(&self) -> Result<Vec<DeletedOrganisation>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.name, o.description, o.created_at,
                    COALESCE((SELECT MAX(cs.at) FROM change_sets cs JOIN changes c ON c.set_id = cs.id
                              WHERE cs.org_id = o.id AND c.capability = ''
                                AND ((c.field = 'deleted' AND c.new = 'true')
                                  OR (c.field = 'name' AND c.new = 'null'))), o.created_at) AS at
             FROM organisations o WHERE o.deleted = 1 ORDER BY at DESC, o.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DeletedOrganisation {
                organisation: row(r)?,
                deleted_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn list_organisations(&self, deleted: bool) -> Result<Vec<Organisation>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, description, created_at FROM organisations WHERE deleted = ?1 ORDER BY name, id",
        )?;
        let rows = stmt.query_map([deleted], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A deleted organisation by exact name, or by id when `key` is a number. Several deleted
    /// organisations may share a name (the name is only unique among live ones); the newest
    /// is the one a person most likely means.
    pub fn find_deleted_organisation(&self, key: &str) -> Result<Organisation, StoreError> {
        let key = key.trim();
        let id = key.parse::<i64>().ok();
        self.conn
            .query_row(
                "SELECT id, name, description, created_at FROM organisations
                 WHERE deleted = 1 AND (name = ?1 OR id = ?2) ORDER BY name = ?1 DESC, id DESC LIMIT 1",
                params![key, id],
                row,
            )
            .optional()?
            .ok_or_else(|| {
                StoreError::NotFound(format!("no deleted organisation is named `{key}`"))
            })
    }

    pub fn create_organisation(&mut self, name: &str) -> Result<Organisation, StoreError> {
        let name = clean_name(name)?;
        let author = self.author.clone();
        let tx = self.write()?;
        refuse_taken_name(&tx, &name, None)?;
        let id = free_org_id(&tx, None)?;
        tx.execute(
            "INSERT INTO organisations (id, name, created_at) VALUES (?1, ?2, ?3)",
            params![id, name, now()],
        )?;
        record(
            &tx,
            id,
            &author,
            "edit",
            None,
            &[(
                String::new(),
                "name".into(),
                Value::Null,
                Value::String(name),
            )],
        )?;
        tx.commit()?;
        self.organisation(id)
    }

    pub fn rename_organisation(&mut self, id: i64, name: &str) -> Result<Organisation, StoreError> {
        let name = clean_name(name)?;
        let old = self.organisation(id)?;
        if old.name == name {
            return Ok(old);
        }
        self.set_org_field(id, "name", Value::String(name))
    }

    pub fn describe_organisation(
        &mut self,
        id: i64,
        description: &str,
    ) -> Result<Organisation, StoreError> {
        let description = description.trim();
        within(
            "organisation",
            "description",
            description,
            limits::MAX_DESCRIPTION_CHARS,
        )?;
        self.organisation(id)?;
        self.set_org_field(id, "description", description.into())
    }

    /// Hides the organisation; its data stays and `undo` brings it back.
    pub fn delete_organisation(&mut self, id: i64) -> Result<(), StoreError> {
        self.organisation(id)?;
        self.set_org_field(id, "deleted", Value::Bool(true))?;
        Ok(())
    }

    /// Brings a deleted organisation back with its assessments, history and snapshots. Like
    /// every write it appends to the history, so the restore itself can be undone.
    pub fn restore_organisation(&mut self, id: i64) -> Result<Organisation, StoreError> {
        let deleted: bool = self
            .conn
            .query_row(
                "SELECT deleted FROM organisations WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no organisation has the id {id}")))?;
        if !deleted {
            return self.organisation(id);
        }
        // A newer organisation may have taken the name meanwhile: checked in `set_org_field`.
        self.set_org_field(id, "deleted", Value::Bool(false))
    }

    /// Sets one of the organisation's fields; the old value is read inside the transaction,
    /// so the history records what was really replaced even when another writer changed it.
    /// A new name, or a deleted organisation coming back, is checked against the live names
    /// there too, so two writers cannot both take one name.
    fn set_org_field(
        &mut self,
        id: i64,
        field: &str,
        new: Value,
    ) -> Result<Organisation, StoreError> {
        let author = self.author.clone();
        let tx = self.write()?;
        match (field, &new) {
            ("name", Value::String(name)) => refuse_taken_name(&tx, name, Some(id))?,
            ("deleted", Value::Bool(false)) => {
                let name: String =
                    tx.query_row("SELECT name FROM organisations WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                refuse_taken_name(&tx, &name, Some(id))?;
            }
            _ => {}
        }
        let (sql, old) = match field {
            "name" => (
                "UPDATE organisations SET name = ?2 WHERE id = ?1",
                Value::String(tx.query_row(
                    "SELECT name FROM organisations WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?),
            ),
            "description" => (
                "UPDATE organisations SET description = ?2 WHERE id = ?1",
                Value::String(tx.query_row(
                    "SELECT description FROM organisations WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?),
            ),
            _ => (
                "UPDATE organisations SET deleted = ?2 WHERE id = ?1",
                Value::Bool(tx.query_row(
                    "SELECT deleted FROM organisations WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?),
            ),
        };
        if old == new {
            drop(tx);
            return self.organisation_any(id);
        }
        let value: rusqlite::types::Value = match &new {
            Value::Bool(b) => (*b as i64).into(),
            Value::String(s) => s.clone().into(),
            other => other.to_string().into(),
        };
        tx.execute(sql, params![id, value])?;
        record(
            &tx,
            id,
            &author,
            "edit",
            None,
            &[(String::new(), field.into(), old, new)],
        )?;
        tx.commit()?;
        self.organisation_any(id)
    }

    /// An organisation by id, live or deleted.
    fn organisation_any(&self, id: i64) -> Result<Organisation, StoreError> {
        Ok(self.conn.query_row(
            "SELECT id, name, description, created_at FROM organisations WHERE id = ?1",
            [id],
            row,
        )?)
    }
}
