//! Organisation files: a versioned JSON document that round-trips exactly, read back (with the
//! CSV `csv_import` reads) into one validated document.
//!
//! Import parses and validates the whole file before touching the database, then writes it in
//! one transaction (`import_plan`: the preview, merges and their conflicts, undo): any error
//! leaves the database as it was, and the message names the record and the field.

use super::error::StoreError;
use super::history::{check_imported_history, store_assessment};
use super::model::{within, Assessment};
use super::organisations::free_org_id;
use super::Store;
use crate::graph::Framework;
use crate::limits::{self, echo, MAX_ORGANISATION_ID};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;
use ts_rs::TS;

/// The `format` field of every export; tells a stray JSON file from ours.
pub const EXPORT_FORMAT: &str = "capability-atlas/organisations";
/// The document version this build writes and reads.
pub const EXPORT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Document {
    format: String,
    version: u32,
    pub(super) organisations: Vec<OrgFile>,
}

impl Document {
    /// A document of these organisations, as this build writes it (CSV imports become one).
    pub(super) fn of(organisations: Vec<OrgFile>) -> Document {
        Document {
            format: EXPORT_FORMAT.into(),
            version: EXPORT_VERSION,
            organisations,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OrgFile {
    pub(super) id: i64,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) created_at: String,
    pub(super) assessments: BTreeMap<String, Assessment>,
    pub(super) snapshots: Vec<SnapshotFile>,
    pub(super) history: Vec<ChangeSetFile>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SnapshotFile {
    pub(super) name: String,
    taken_at: String,
    pub(super) assessments: BTreeMap<String, Assessment>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChangeSetFile {
    pub(super) author: String,
    pub(super) at: String,
    pub(super) action: String,
    /// Position in this organisation's `history` of the change set this one reverts.
    pub(super) reverts: Option<usize>,
    pub(super) state: String,
    pub(super) changes: Vec<ChangeFile>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChangeFile {
    pub(super) capability: String,
    pub(super) field: String,
    pub(super) old: Value,
    pub(super) new: Value,
}

/// One value both sides of a merge hold differently; ours was kept.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Conflict {
    pub organisation: String,
    pub capability: String,
    pub field: String,
    #[ts(type = "unknown")]
    pub ours: Value,
    #[ts(type = "unknown")]
    pub theirs: Value,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImportReport {
    pub organisations_added: Vec<String>,
    /// Organisations a merge wrote to.
    pub organisations_merged: Vec<String>,
    /// Fields a merge filled in because ours were empty.
    pub fields_merged: u32,
    /// Conflicts where the file's value was chosen over ours.
    pub fields_taken: u32,
    pub snapshots_added: u32,
    /// Every conflict met, whichever side was kept.
    pub conflicts: Vec<Conflict>,
}

pub(super) fn file_err(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::File {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

impl Store {
    /// The JSON document for one organisation, or for all live ones when `org` is `None`.
    pub fn export_json(&self, org: Option<i64>) -> Result<String, StoreError> {
        let orgs = match org {
            Some(id) => vec![self.organisation(id)?],
            None => self.organisations()?,
        };
        let mut organisations = Vec::new();
        for o in orgs {
            let snapshots = self
                .snapshots(o.id)?
                .into_iter()
                .map(|s| {
                    Ok(SnapshotFile {
                        assessments: super::assessments::load_all(
                            &self.conn,
                            "SELECT capability, data FROM snapshot_assessments WHERE snapshot_id = ?1",
                            s.id,
                        )?,
                        name: s.name,
                        taken_at: s.taken_at,
                    })
                })
                .collect::<Result<_, StoreError>>()?;
            organisations.push(OrgFile {
                id: o.id,
                assessments: self.assessments(o.id)?,
                snapshots,
                history: self.change_sets(o.id)?,
                name: o.name,
                description: o.description,
                created_at: o.created_at,
            });
        }
        let doc = Document {
            format: EXPORT_FORMAT.into(),
            version: EXPORT_VERSION,
            organisations,
        };
        Ok(serde_json::to_string_pretty(&doc).expect("an export serialises") + "\n")
    }

    fn change_sets(&self, org: i64) -> Result<Vec<ChangeSetFile>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, author, at, action, reverts, state FROM change_sets WHERE org_id = ?1 ORDER BY id",
        )?;
        let sets = stmt
            .query_map([org], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get::<_, Option<i64>>(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<Result<Vec<(i64, String, String, String, Option<i64>, String)>, _>>()?;
        let position: BTreeMap<i64, usize> =
            sets.iter().enumerate().map(|(i, s)| (s.0, i)).collect();
        let mut changes = self.conn.prepare_cached(
            "SELECT capability, field, old, new FROM changes WHERE set_id = ?1 ORDER BY id",
        )?;
        let mut out = Vec::new();
        for (id, author, at, action, reverts, state) in sets {
            let list = changes
                .query_map([id], |r| {
                    Ok(ChangeFile {
                        capability: r.get(0)?,
                        field: r.get(1)?,
                        old: serde_json::from_str(&r.get::<_, String>(2)?).unwrap_or(Value::Null),
                        new: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or(Value::Null),
                    })
                })?
                .collect::<Result<_, _>>()?;
            out.push(ChangeSetFile {
                author,
                at,
                action,
                reverts: reverts.and_then(|r| position.get(&r).copied()),
                state,
                changes: list,
            });
        }
        Ok(out)
    }

    /// Imports the file at `path` (see `import_json`), refusing a file larger than
    /// `limits::MAX_IMPORT_BYTES` before reading it whole.
    pub fn import_file(
        &mut self,
        fw: &Framework,
        path: &Path,
        merge: bool,
    ) -> Result<ImportReport, StoreError> {
        let bytes = read_import_file(path)?;
        Ok(self.apply_import(fw, path, &bytes, merge, &[])?.0)
    }

    /// Imports a JSON document (or a CSV as `export_csv` writes it). Without `merge`, every
    /// organisation in it must be new here; with `merge`, organisations with the same name are
    /// merged field by field, and every conflict keeps ours (see `apply_import`).
    pub fn import_json(
        &mut self,
        fw: &Framework,
        path: &Path,
        text: &str,
        merge: bool,
    ) -> Result<ImportReport, StoreError> {
        Ok(self.apply_import(fw, path, text.as_bytes(), merge, &[])?.0)
    }
}

/// Parses and validates a whole import file, JSON or CSV: by its extension, else by whether
/// it starts as a JSON object. Returns the document and its format's name.
pub(super) fn read_document(
    fw: &Framework,
    path: &Path,
    text: &str,
) -> Result<(Document, &'static str), StoreError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    let csv = match ext.as_deref() {
        Some("csv") => true,
        Some("json") => false,
        _ => !text.trim_start().starts_with('{'),
    };
    let (doc, format) = if csv {
        (super::csv_import::parse(path, text)?, "csv")
    } else {
        (parse_document(path, text)?, "json")
    };
    validate(fw, path, &doc)?;
    Ok((doc, format))
}

pub(super) fn too_big(path: &Path) -> StoreError {
    file_err(
        path,
        format!(
            "the file is larger than the {} MiB an import may be",
            limits::MAX_IMPORT_BYTES / (1024 * 1024)
        ),
    )
}

/// Reads an import file whole, but never more than `limits::MAX_IMPORT_BYTES`: the size is
/// checked from the file's metadata first, and reading stops one byte past the limit, so a
/// pipe or a file that grows while it is read cannot get around it.
pub(crate) fn read_import_file(path: &Path) -> Result<Vec<u8>, StoreError> {
    let io = |e: std::io::Error| file_err(path, e.to_string());
    let file = std::fs::File::open(path).map_err(io)?;
    if file.metadata().map_err(io)?.len() > limits::MAX_IMPORT_BYTES {
        return Err(too_big(path));
    }
    let mut bytes = Vec::new();
    file.take(limits::MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limits::MAX_IMPORT_BYTES {
        return Err(too_big(path));
    }
    Ok(bytes)
}

/// Refuses a list longer than `max`, naming where it is.
fn count(path: &Path, what: String, n: usize, max: usize) -> Result<(), StoreError> {
    if n > max {
        return Err(file_err(
            path,
            format!("{what}: {n} entries is more than the {max} an import may hold"),
        ));
    }
    Ok(())
}

fn parse_document(path: &Path, text: &str) -> Result<Document, StoreError> {
    // Look at the envelope first, so an old or foreign file gets a message about its version
    // rather than about whichever field happens to differ.
    let raw: Value = serde_json::from_str(text)
        .map_err(|e| file_err(path, format!("not a complete JSON document: {e}")))?;
    if raw.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(file_err(path, format!("field `format`: this is not a Capability Atlas export (expected \"{EXPORT_FORMAT}\")")));
    }
    match raw.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(EXPORT_VERSION) => {}
        Some(v) => {
            return Err(file_err(
                path,
                format!("field `version`: version {v} is not supported (this build reads version {EXPORT_VERSION})"),
            ))
        }
        None => return Err(file_err(path, "field `version`: missing or not a number")),
    }
    // Per organisation, so the error names the record. Each is taken out of the parsed
    // document rather than copied, so the document is held in memory about once.
    let mut raw = raw;
    let orgs = match raw.get_mut("organisations").map(Value::take) {
        Some(Value::Array(orgs)) => orgs,
        _ => {
            return Err(file_err(
                path,
                "field `organisations`: missing or not a list",
            ))
        }
    };
    count(
        path,
        "field `organisations`".into(),
        orgs.len(),
        limits::MAX_IMPORT_ORGANISATIONS,
    )?;
    let mut organisations = Vec::new();
    for (i, o) in orgs.into_iter().enumerate() {
        let name = echo(o.get("name").and_then(Value::as_str).unwrap_or("?"));
        let at = format!("organisation #{} (`{name}`)", i + 1);
        for (list, max) in [
            ("snapshots", limits::MAX_IMPORT_SNAPSHOTS),
            ("history", limits::MAX_IMPORT_CHANGE_SETS),
        ] {
            let n = o.get(list).and_then(Value::as_array).map_or(0, Vec::len);
            count(path, format!("{at}: field `{list}`"), n, max)?;
        }
        let place = locate(&o);
        let parsed: OrgFile = serde_json::from_value(o)
            .map_err(|e| file_err(path, format!("{at}{place}: {}", echo(&e.to_string()))))?;
        organisations.push(parsed);
    }
    Ok(Document {
        format: EXPORT_FORMAT.into(),
        version: EXPORT_VERSION,
        organisations,
    })
}

/// Where in one organisation's record serde refused a value, as ", capability `x`, field `y`"
/// (serde's own message names the value and the type expected, not where it is): the
/// assessment, snapshot or history entry, and the field, that do not read alone.
fn locate(o: &Value) -> String {
    fn field_of(record: &Value, fits: impl Fn(&str, &Value) -> bool) -> String {
        record
            .as_object()
            .and_then(|fields| fields.iter().find(|(k, v)| !fits(k, v)))
            .map(|(k, _)| format!(", field `{}`", echo(k)))
            .unwrap_or_default()
    }
    fn assessment_fits(k: &str, v: &Value) -> bool {
        Assessment::default().set_field(k, v.clone()).is_ok()
    }
    let bad_assessment = |list: &Value| -> Option<String> {
        list.as_object()?.iter().find_map(|(cap, a)| {
            serde_json::from_value::<Assessment>(a.clone())
                .is_err()
                .then(|| {
                    format!(
                        ", capability `{}`{}",
                        echo(cap),
                        field_of(a, assessment_fits)
                    )
                })
        })
    };
    if let Some(place) = o.get("assessments").and_then(bad_assessment) {
        return place;
    }
    let list = |key: &str| {
        o.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for (i, s) in list("snapshots").iter().enumerate() {
        if let Some(place) = s.get("assessments").and_then(bad_assessment) {
            return format!(", snapshot #{}{place}", i + 1);
        }
    }
    for (i, set) in list("history").iter().enumerate() {
        if serde_json::from_value::<ChangeSetFile>(set.clone()).is_err() {
            return format!(", history #{}", i + 1);
        }
    }
    String::new()
}

fn validate(fw: &Framework, path: &Path, doc: &Document) -> Result<(), StoreError> {
    let mut names = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for (n, o) in doc.organisations.iter().enumerate() {
        let at = format!("organisation #{} (`{}`)", n + 1, echo(&o.name));
        if !(1..=MAX_ORGANISATION_ID).contains(&o.id) || !ids.insert(o.id) {
            return Err(file_err(
                path,
                format!(
                    "{at}: field `id`: {} must be a number from 1 to {MAX_ORGANISATION_ID}, once per file",
                    o.id
                ),
            ));
        }
        if o.name.trim().is_empty() || o.name.trim() != o.name {
            return Err(file_err(
                path,
                format!("{at}: field `name`: must be non-empty without surrounding spaces"),
            ));
        }
        within(&at, "name", &o.name, limits::MAX_NAME_CHARS)
            .and_then(|()| {
                within(
                    &at,
                    "description",
                    &o.description,
                    limits::MAX_DESCRIPTION_CHARS,
                )
            })
            .map_err(|e| file_err(path, e.to_string()))?;
        // Exact duplicates only: a file exported from a database that already held a pair
        // alike but for case must still import into an empty folder.
        if !names.insert(&o.name) {
            return Err(StoreError::DuplicateOrganisation(o.name.clone()));
        }
        let check = |cap: &str, a: &Assessment, within: &str| -> Result<(), StoreError> {
            let record = format!(
                "{}: organisation `{}`{within}, capability `{}`",
                path.display(),
                echo(&o.name),
                echo(cap)
            );
            let tidy = a.clone().validated(fw, cap, &record)?;
            if &tidy != a {
                return Err(StoreError::invalid(
                    record,
                    "tags/evidence",
                    "must be trimmed and free of duplicates",
                ));
            }
            Ok(())
        };
        for (cap, a) in &o.assessments {
            check(cap, a, "")?;
        }
        for s in &o.snapshots {
            let snapshot = format!(", snapshot `{}`", echo(&s.name));
            within(&at, "snapshot name", &s.name, limits::MAX_NAME_CHARS)
                .map_err(|e| file_err(path, e.to_string()))?;
            for (cap, a) in &s.assessments {
                check(cap, a, &snapshot)?;
            }
        }
        check_imported_history(
            fw,
            path,
            &format!("organisation `{}`", echo(&o.name)),
            &o.history,
        )?;
    }
    Ok(())
}

pub(super) fn insert_org(tx: &rusqlite::Transaction<'_>, o: &OrgFile) -> Result<i64, StoreError> {
    // Keep the file's id when it is free, so export → import → export is byte-identical.
    let id = free_org_id(tx, Some(o.id))?;
    tx.execute(
        "INSERT INTO organisations (id, name, description, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, o.name, o.description, o.created_at],
    )?;
    for (cap, a) in &o.assessments {
        store_assessment(tx, id, cap, a)?;
    }
    for s in &o.snapshots {
        insert_snapshot(tx, id, s)?;
    }
    let mut ids: Vec<i64> = Vec::new();
    for set in &o.history {
        tx.execute(
            "INSERT INTO change_sets (org_id, author, at, action, reverts, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, set.author, set.at, set.action, set.reverts.map(|r| ids[r]), set.state],
        )?;
        let sid = tx.last_insert_rowid();
        ids.push(sid);
        for c in &set.changes {
            tx.execute(
                "INSERT INTO changes (set_id, capability, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![sid, c.capability, c.field, c.old.to_string(), c.new.to_string()],
            )?;
        }
    }
    Ok(id)
}

/// Writes one snapshot of an imported organisation with its frozen assessments.
pub(super) fn insert_snapshot(
    tx: &rusqlite::Transaction<'_>,
    org: i64,
    s: &SnapshotFile,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO snapshots (org_id, name, taken_at) VALUES (?1, ?2, ?3)",
        params![org, s.name, s.taken_at],
    )?;
    let sid = tx.last_insert_rowid();
    for (cap, a) in &s.assessments {
        tx.execute(
            "INSERT INTO snapshot_assessments (snapshot_id, capability, data) VALUES (?1, ?2, ?3)",
            params![sid, cap, serde_json::to_string(a).expect("serialises")],
        )?;
    }
    Ok(())
}
