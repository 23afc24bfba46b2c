//! Whether a SQLite file is a Capability Atlas database, before it is opened as the store or
//! restored over it.
//!
//! Any SQLite file used to pass: an empty one, another application's, one carrying a trigger
//! that then ran on our own writes and deleted assessments. Here the reference is never a
//! hand-kept list: the migrations are run on an in-memory database up to the file's own
//! version, and the file must hold exactly what they create — the same tables, columns,
//! indexes and foreign keys, declared the same way — and nothing else: no triggers, no views,
//! no other tables. Then SQLite checks the pages (and, before a restore, every reference
//! between records).

use super::schema::{self, BadVersion, Version};
use crate::limits::echo;
use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeMap;
use std::path::Path;

/// How far to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// The schema and SQLite's quick check: every time the store opens an existing database,
    /// so starting stays fast however large the database grows.
    Open,
    /// Also the full integrity check and the foreign-key check: before a file replaces the
    /// database, and before a backup is offered as the one to restore.
    Restore,
}

/// Why a file is not a Capability Atlas database this build can use. Names from the file are
/// quoted shortened, since the file may come from anywhere.
#[derive(Debug, thiserror::Error)]
pub(crate) enum NotOurs {
    /// Not SQLite at all, or unreadable.
    #[error("it cannot be read as a SQLite database ({0})")]
    Unreadable(String),
    /// A version this build cannot read.
    #[error(transparent)]
    Version(#[from] BadVersion),
    /// No schema and no data: nothing to restore.
    #[error("it is empty")]
    Empty,
    /// A trigger would run on the store's own writes.
    #[error("it has a trigger `{name}` on `{table}`, which a Capability Atlas database never has")]
    Trigger { name: String, table: String },
    /// A view.
    #[error("it has a view `{0}`, which a Capability Atlas database never has")]
    View(String),
    /// A table the migrations do not create.
    #[error("table `{0}` is not part of a Capability Atlas database")]
    ExtraTable(String),
    /// A table the migrations create at the file's version.
    #[error("it has no table `{0}`, which a Capability Atlas database at schema {1} has")]
    MissingTable(String, i64),
    /// A table whose columns, indexes, references or definition differ.
    #[error("table `{table}` is not as a Capability Atlas database has it: {what}")]
    Differs { table: String, what: String },
    /// SQLite's integrity check found damage.
    #[error("its integrity check failed: {0}")]
    Damaged(String),
    /// Records that point at records that do not exist.
    #[error("{count} records point at records that do not exist (the first in `{table}`, pointing into `{parent}`)")]
    DanglingReferences {
        count: usize,
        table: String,
        parent: String,
    },
}

fn unreadable(e: rusqlite::Error) -> NotOurs {
    NotOurs::Unreadable(e.to_string())
}

/// Checks `file` as a database to restore: ours, at schema 1 or later, intact. Opens it
/// read-only, so the file is not changed whatever it holds.
pub(crate) fn restorable(file: &Path) -> Result<Version, NotOurs> {
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(unreadable)?;
    let version = check(&conn, Depth::Restore)?;
    if version == Version::EMPTY {
        return Err(NotOurs::Empty);
    }
    Ok(version)
}

/// Checks an open database and returns its version. A database with no version and nothing
/// in it passes (a store just created); the caller decides whether that is enough.
pub(crate) fn check(conn: &Connection, depth: Depth) -> Result<Version, NotOurs> {
    let version = Version::new(schema::user_version(conn).map_err(unreadable)?)?;
    let found = Shape::read(conn).map_err(unreadable)?;
    if let Some((name, table)) = found.triggers.first() {
        return Err(NotOurs::Trigger {
            name: echo(name),
            table: echo(table),
        });
    }
    if let Some(name) = found.views.first() {
        return Err(NotOurs::View(echo(name)));
    }
    let expected = reference(version).map_err(unreadable)?;
    if let Some(extra) = found
        .tables
        .keys()
        .find(|t| !expected.tables.contains_key(*t))
    {
        return Err(NotOurs::ExtraTable(echo(extra)));
    }
    for (name, want) in &expected.tables {
        let Some(have) = found.tables.get(name) else {
            return Err(NotOurs::MissingTable(name.clone(), version.get()));
        };
        if let Some(what) = have.difference(want) {
            return Err(NotOurs::Differs {
                table: name.clone(),
                what,
            });
        }
    }
    let pragma = match depth {
        Depth::Open => "PRAGMA quick_check",
        Depth::Restore => "PRAGMA integrity_check",
    };
    let verdict = rows::<String>(conn, pragma).map_err(unreadable)?;
    if verdict != ["ok"] {
        let first: Vec<&str> = verdict.iter().take(3).map(String::as_str).collect();
        return Err(NotOurs::Damaged(echo(&first.join("; "))));
    }
    if depth == Depth::Restore {
        dangling_references(conn)?;
    }
    Ok(version)
}

fn dangling_references(conn: &Connection) -> Result<(), NotOurs> {
    let mut stmt = conn
        .prepare("PRAGMA foreign_key_check")
        .map_err(unreadable)?;
    let found: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(2)?)))
        .and_then(Iterator::collect)
        .map_err(unreadable)?;
    match found.first() {
        None => Ok(()),
        Some((table, parent)) => Err(NotOurs::DanglingReferences {
            count: found.len(),
            table: echo(table),
            parent: echo(parent),
        }),
    }
}

/// What the migrations create at `version`.
fn reference(version: Version) -> rusqlite::Result<Shape> {
    let mut conn = Connection::open_in_memory()?;
    schema::migrate_to(&mut conn, Version::EMPTY, version)?;
    Shape::read(&conn)
}

fn rows<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let out = stmt.query_map([], |r| r.get(0))?.collect();
    out
}

/// Whitespace is not meaning: a definition is compared with its runs of blanks made one.
fn normalised(sql: Option<String>) -> Option<String> {
    sql.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Everything in a database's schema that matters to the store.
#[derive(Debug, Default)]
struct Shape {
    tables: BTreeMap<String, Table>,
    triggers: Vec<(String, String)>,
    views: Vec<String>,
}

/// name, declared type, not null, default, position in the primary key.
type Column = (String, String, bool, Option<String>, i64);
/// target table, from, to, on update, on delete; listed by (id, seq).
type Reference = (String, String, Option<String>, String, String);
/// column number, name, descending, collation, key.
type IndexColumn = (i64, Option<String>, bool, String, bool);

#[derive(Debug, PartialEq)]
struct Table {
    columns: Vec<Column>,
    indexes: BTreeMap<String, Index>,
    references: Vec<Reference>,
    sql: Option<String>,
}

#[derive(Debug, PartialEq)]
struct Index {
    unique: bool,
    origin: String,
    partial: bool,
    columns: Vec<IndexColumn>,
    sql: Option<String>,
}

impl Shape {
    fn read(conn: &Connection) -> rusqlite::Result<Shape> {
        let mut shape = Shape::default();
        // SQLite's own objects (`sqlite_autoindex_*`, `sqlite_stat1`, …) are not anyone's
        // schema; the automatic indexes are compared through `index_list` below.
        let mut stmt = conn.prepare(
            "SELECT type, name, tbl_name, sql FROM sqlite_master \
             WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
        )?;
        let objects: Vec<(String, String, String, Option<String>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut index_sql = BTreeMap::new();
        for (kind, name, table, sql) in objects {
            match kind.as_str() {
                "table" => {
                    let t = Table::read(conn, &name, sql)?;
                    shape.tables.insert(name, t);
                }
                "trigger" => shape.triggers.push((name, table)),
                "view" => shape.views.push(name),
                _ => {
                    index_sql.insert(name, sql);
                }
            }
        }
        for table in shape.tables.values_mut() {
            for (name, index) in table.indexes.iter_mut() {
                index.sql = normalised(index_sql.get(name).cloned().flatten());
            }
        }
        Ok(shape)
    }
}

impl Table {
    fn read(conn: &Connection, name: &str, sql: Option<String>) -> rusqlite::Result<Table> {
        let columns: Vec<Column> = conn
            .prepare(r#"SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid"#)?
            .query_map([name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<Result<_, _>>()?;
        let listed: Vec<(String, bool, String, bool)> = conn
            .prepare("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1)")?
            .query_map([name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut indexes = BTreeMap::new();
        for (index, unique, origin, partial) in listed {
            let columns: Vec<IndexColumn> = conn
                .prepare(
                    "SELECT cid, name, \"desc\", coll, \"key\" FROM pragma_index_xinfo(?1) ORDER BY seqno",
                )?
                .query_map([&index], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<Result<_, _>>()?;
            let shape = Index {
                unique,
                origin,
                partial,
                columns,
                sql: None,
            };
            indexes.insert(index, shape);
        }
        let references: Vec<Reference> = conn
            .prepare(
                r#"SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?1) ORDER BY id, seq"#,
            )?
            .query_map([name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<Result<_, _>>()?;
        Ok(Table {
            columns,
            indexes,
            references,
            sql: normalised(sql),
        })
    }

    /// How this table (found in a file) differs from `want` (what the migrations create), in
    /// words; `None` when it does not.
    fn difference(&self, want: &Table) -> Option<String> {
        let names = |t: &Table| -> Vec<String> { t.columns.iter().map(|c| c.0.clone()).collect() };
        let (have_cols, want_cols) = (names(self), names(want));
        if let Some(extra) = have_cols.iter().find(|c| !want_cols.contains(c)) {
            return Some(format!("column `{}` is not part of it", echo(extra)));
        }
        if let Some(missing) = want_cols.iter().find(|c| !have_cols.contains(c)) {
            return Some(format!("column `{missing}` is missing"));
        }
        if let Some((have, _)) = self.columns.iter().zip(&want.columns).find(|(h, w)| h != w) {
            return Some(format!(
                "column `{}` is declared differently",
                echo(&have.0)
            ));
        }
        if let Some(extra) = self.indexes.keys().find(|i| !want.indexes.contains_key(*i)) {
            return Some(format!("index `{}` is not part of it", echo(extra)));
        }
        for (name, index) in &want.indexes {
            match self.indexes.get(name) {
                None => return Some(format!("index `{name}` is missing")),
                Some(have) if have != index => {
                    return Some(format!("index `{name}` is declared differently"))
                }
                Some(_) => {}
            }
        }
        if self.references != want.references {
            return Some("its references to other tables are declared differently".into());
        }
        if self.sql != want.sql {
            return Some("it is declared differently".into());
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(version: i64) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        schema::migrate_to(&mut conn, Version::EMPTY, Version::new(version).unwrap()).unwrap();
        conn
    }

    fn refusal(conn: &Connection) -> String {
        check(conn, Depth::Restore)
            .expect_err("a tampered database must not pass")
            .to_string()
    }

    #[test]
    fn databases_migrated_one_release_at_a_time_pass_as_fresh_ones_do() {
        for from in 0..=schema::SCHEMA_VERSION {
            let mut conn = at(from);
            schema::migrate(&mut conn, Version::new(from).unwrap()).unwrap();
            assert_eq!(
                check(&conn, Depth::Restore).map_err(|e| e.to_string()),
                Ok(Version::CURRENT),
                "a database people made with an older release and upgraded since (from schema \
                 {from}) must keep opening"
            );
        }
        assert_eq!(
            check(&at(1), Depth::Restore).map_err(|e| e.to_string()),
            Ok(Version::new(1).unwrap()),
            "an old database is checked against its own version, then migrated"
        );
    }

    #[test]
    fn a_changed_column_index_or_reference_is_named_with_its_table() {
        let cases = [
            ("ALTER TABLE assessments ADD COLUMN extra TEXT", "table `assessments` is not as a Capability Atlas database has it: column `extra` is not part of it"),
            ("DROP INDEX changes_set", "table `changes` is not as a Capability Atlas database has it: index `changes_set` is missing"),
            ("CREATE INDEX sneaky ON votes(count)", "table `votes` is not as a Capability Atlas database has it: index `sneaky` is not part of it"),
            ("DROP INDEX organisations_live_name; CREATE UNIQUE INDEX organisations_live_name ON organisations(name)", "index `organisations_live_name` is declared differently"),
            ("DROP TABLE layouts; CREATE TABLE layouts (pack TEXT PRIMARY KEY, data TEXT NOT NULL, saved_at TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE)", "table `layouts` is not as a Capability Atlas database has it: its references to other tables are declared differently"),
            ("DROP TABLE votes; CREATE TABLE votes (workshop_id INTEGER NOT NULL REFERENCES workshops(id), capability TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (workshop_id, capability)) WITHOUT ROWID", "table `votes` is not as a Capability Atlas database has it: it is declared differently"),
            ("DROP TABLE tours", "it has no table `tours`, which a Capability Atlas database at schema"),
            ("DROP TABLE orphan_reviews; CREATE TABLE orphan_reviews (org_id INTEGER NOT NULL REFERENCES organisations(id), capability TEXT NOT NULL, pack TEXT NOT NULL, decision TEXT NOT NULL, target TEXT, title TEXT, author TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (org_id, capability, pack)) WITHOUT ROWID", "table `orphan_reviews` is not as a Capability Atlas database has it: it is declared differently"),
            ("DROP TABLE saved_views", "it has no table `saved_views`, which a Capability Atlas database at schema"),
            ("DROP TABLE saved_views; CREATE TABLE saved_views (pack TEXT NOT NULL, name TEXT NOT NULL UNIQUE, data TEXT NOT NULL, saved_at TEXT NOT NULL, PRIMARY KEY (pack, name)) WITHOUT ROWID", "table `saved_views` is not as a Capability Atlas database has it"),
            ("CREATE VIEW everything AS SELECT * FROM assessments", "it has a view `everything`"),
            ("CREATE TABLE foo (x)", "table `foo` is not part of a Capability Atlas database"),
        ];
        for (tamper, says) in cases {
            let conn = at(schema::SCHEMA_VERSION);
            conn.execute_batch(tamper).unwrap();
            let message = refusal(&conn);
            assert!(
                message.contains(says),
                "after `{tamper}` the refusal must say `{says}`, not: {message}"
            );
        }
    }

    #[test]
    fn records_pointing_at_nothing_are_refused_before_a_restore_but_not_at_every_start() {
        let conn = at(schema::SCHEMA_VERSION);
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO assessments (org_id, capability, data) VALUES (42, 'data-curation', '{}')",
        )
        .unwrap();
        let message = refusal(&conn);
        assert!(
            message.contains("1 records point at records that do not exist")
                && message.contains("`assessments`, pointing into `organisations`"),
            "{message}"
        );
        assert!(
            check(&conn, Depth::Open).is_ok(),
            "opening stays fast: the reference check runs before restoring, not at every start"
        );
    }

    #[test]
    fn names_from_the_file_are_quoted_shortened() {
        let conn = at(schema::SCHEMA_VERSION);
        let long = "t".repeat(500);
        conn.execute_batch(&format!("CREATE TABLE {long} (x)"))
            .unwrap();
        let message = refusal(&conn);
        assert!(
            message.len() < 200,
            "a 500-character name is not repeated whole: {message}"
        );
    }
}
