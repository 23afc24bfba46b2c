//! Organisations: create, rename, describe, delete (soft, so undo can bring one back), and
//! finding one by name or id the way the command line refers to it.

use super::error::StoreError;
use super::history::record;
use super::model::{now, within, Organisation};
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

    /// A live organisation by exact name, or by id when `key` is a number.
    pub fn find_organisation(&self, key: &str) -> Result<Organisation, StoreError> {
        let by_name = self
            .conn
            .query_row(
                "SELECT id, name, description, created_at FROM organisations WHERE name = ?1 AND deleted = 0",
                [key.trim()],
                row,
            )
            .optional()?;
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
        if tx
            .query_row(
                "SELECT 1 FROM organisations WHERE name = ?1 AND deleted = 0",
                [&name],
                |_| Ok(()),
            )
            .optional()?
            .is_some()
        {
            return Err(StoreError::DuplicateOrganisation(name));
        }
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
        if self
            .find_organisation(&name)
            .is_ok_and(|o| o.id != id && o.name == name)
        {
            return Err(StoreError::DuplicateOrganisation(name));
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
        let (name, deleted): (String, bool) = self
            .conn
            .query_row(
                "SELECT name, deleted FROM organisations WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no organisation has the id {id}")))?;
        if !deleted {
            return self.organisation(id);
        }
        // Live names are unique; a newer organisation may have taken this one meanwhile.
        if self.find_organisation(&name).is_ok_and(|o| o.name == name) {
            return Err(StoreError::DuplicateOrganisation(name));
        }
        self.set_org_field(id, "deleted", Value::Bool(false))
    }

    /// Sets one of the organisation's fields; the old value is read inside the transaction,
    /// so the history records what was really replaced even when another writer changed it.
    fn set_org_field(
        &mut self,
        id: i64,
        field: &str,
        new: Value,
    ) -> Result<Organisation, StoreError> {
        let author = self.author.clone();
        let tx = self.write()?;
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
