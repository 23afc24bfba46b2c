//! The database schema and its migrations.
//!
//! Migrations are append-only: a released step is never edited, a change is a new step. All
//! pending steps run in one transaction and the version lives in `PRAGMA user_version`, so a
//! database is either wholly at the old version or wholly at the new one. A version is read
//! into a `Version` (0 to `SCHEMA_VERSION`) before anything acts on it: a database whose version
//! is newer than this build knows, or negative, is refused before anything is written to it.

use rusqlite::Connection;

/// Each entry moves the schema from version `i` to `i + 1`. Append only.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: organisations, assessments, history (change sets + field changes), snapshots.
    r#"
    CREATE TABLE organisations (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        deleted     INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX organisations_live_name ON organisations(name) WHERE deleted = 0;

    CREATE TABLE assessments (
        org_id     INTEGER NOT NULL REFERENCES organisations(id),
        capability TEXT NOT NULL,
        data       TEXT NOT NULL,
        PRIMARY KEY (org_id, capability)
    ) WITHOUT ROWID;

    -- One row per user action (a save, an undo, a redo, an organisation edit).
    -- action: edit | undo | redo. state: active | undone (edit/redo), redoable | done (undo).
    CREATE TABLE change_sets (
        id       INTEGER PRIMARY KEY,
        org_id   INTEGER NOT NULL REFERENCES organisations(id),
        author   TEXT NOT NULL,
        at       TEXT NOT NULL,
        action   TEXT NOT NULL,
        reverts  INTEGER REFERENCES change_sets(id),
        state    TEXT NOT NULL
    );
    CREATE INDEX change_sets_org ON change_sets(org_id, id);

    -- capability is '' for changes to the organisation itself (name, description, deleted).
    CREATE TABLE changes (
        id         INTEGER PRIMARY KEY,
        set_id     INTEGER NOT NULL REFERENCES change_sets(id),
        capability TEXT NOT NULL,
        field      TEXT NOT NULL,
        old        TEXT NOT NULL,
        new        TEXT NOT NULL
    );
    CREATE INDEX changes_set ON changes(set_id);
    CREATE INDEX changes_capability ON changes(capability, set_id);

    CREATE TABLE snapshots (
        id       INTEGER PRIMARY KEY,
        org_id   INTEGER NOT NULL REFERENCES organisations(id),
        name     TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        UNIQUE (org_id, name)
    );
    CREATE TABLE snapshot_assessments (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
        capability  TEXT NOT NULL,
        data        TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, capability)
    ) WITHOUT ROWID;
    "#,
    // 2: graph layouts, one per content pack.
    r#"
    CREATE TABLE layouts (
        pack     TEXT PRIMARY KEY,
        data     TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    "#,
    // 3: facilitators' own tours, workshops, the room's dot-votes, and the workshop a change
    // was made in (changes made outside any workshop keep NULL).
    r#"
    CREATE TABLE tours (
        id         TEXT PRIMARY KEY,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE workshops (
        id         INTEGER PRIMARY KEY,
        org_id     INTEGER NOT NULL REFERENCES organisations(id),
        title      TEXT NOT NULL,
        tour       TEXT,
        started_at TEXT NOT NULL,
        ended_at   TEXT
    );
    CREATE INDEX workshops_org ON workshops(org_id, id);
    CREATE TABLE votes (
        workshop_id INTEGER NOT NULL REFERENCES workshops(id),
        capability  TEXT NOT NULL,
        count       INTEGER NOT NULL CHECK (count > 0),
        PRIMARY KEY (workshop_id, capability)
    ) WITHOUT ROWID;
    ALTER TABLE change_sets ADD COLUMN workshop_id INTEGER REFERENCES workshops(id);
    "#,
    // 4: the orphan review: what was decided, per pack (`id@version`), about an assessment
    // whose capability that pack no longer has. The assessments themselves never move here.
    r#"
    CREATE TABLE orphan_reviews (
        org_id     INTEGER NOT NULL REFERENCES organisations(id),
        capability TEXT NOT NULL,
        pack       TEXT NOT NULL,
        decision   TEXT NOT NULL CHECK (decision IN ('mapped', 'archived')),
        target     TEXT,
        title      TEXT,
        author     TEXT NOT NULL,
        at         TEXT NOT NULL,
        PRIMARY KEY (org_id, capability, pack)
    ) WITHOUT ROWID;
    "#,
    // 5: named views of the graph (filters, lens, focus, camera), per content pack.
    r#"
    CREATE TABLE saved_views (
        pack     TEXT NOT NULL,
        name     TEXT NOT NULL,
        data     TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (pack, name)
    ) WITHOUT ROWID;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// A schema version this build can read: 0 (nothing created yet) to `SCHEMA_VERSION`.
///
/// `PRAGMA user_version` is whatever 32-bit number the file says; only a `Version` may index
/// `MIGRATIONS`, so a negative or future number is refused where it is read instead of
/// panicking (or worse, migrating) later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Version(i64);

/// A `user_version` outside what this build can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub(crate) enum BadVersion {
    /// Written by a newer Capability Atlas.
    #[error("it was written by a newer version of Capability Atlas (schema {0}, this build knows up to {max})", max = SCHEMA_VERSION)]
    Newer(i64),
    /// No Capability Atlas ever writes a negative version: the file was made or edited elsewhere.
    #[error("its schema version is {0}, which no version of Capability Atlas writes")]
    Negative(i64),
}

impl Version {
    /// A database with nothing in it yet.
    pub(crate) const EMPTY: Version = Version(0);
    /// The version this build writes.
    pub(crate) const CURRENT: Version = Version(SCHEMA_VERSION);

    pub(crate) fn new(raw: i64) -> Result<Version, BadVersion> {
        match raw {
            v if v < 0 => Err(BadVersion::Negative(v)),
            v if v > SCHEMA_VERSION => Err(BadVersion::Newer(v)),
            v => Ok(Version(v)),
        }
    }

    pub(crate) fn get(self) -> i64 {
        self.0
    }
}

/// The raw `PRAGMA user_version`; turn it into a `Version` before acting on it.
pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Applies every pending migration in one transaction. The caller has already taken a backup.
pub(crate) fn migrate(conn: &mut Connection, from: Version) -> rusqlite::Result<()> {
    migrate_to(conn, from, Version::CURRENT)
}

/// Moves the schema from `from` to `to` in one transaction. Checking a file against what the
/// migrations create at its own version uses this on an in-memory database.
pub(crate) fn migrate_to(
    conn: &mut Connection,
    from: Version,
    to: Version,
) -> rusqlite::Result<()> {
    if from >= to {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for step in &MIGRATIONS[from.0 as usize..to.0 as usize] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", to.0)?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_or_future_user_version_is_refused_instead_of_indexing_the_migrations() {
        assert_eq!(Version::new(-1), Err(BadVersion::Negative(-1)));
        assert_eq!(
            Version::new(i64::from(i32::MIN)),
            Err(BadVersion::Negative(i64::from(i32::MIN)))
        );
        assert_eq!(
            Version::new(SCHEMA_VERSION + 1),
            Err(BadVersion::Newer(SCHEMA_VERSION + 1))
        );
        assert_eq!(Version::new(0), Ok(Version::EMPTY));
        assert_eq!(Version::new(SCHEMA_VERSION), Ok(Version::CURRENT));
    }
}
