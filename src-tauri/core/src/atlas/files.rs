//! Files in and out: organisation exports (JSON, CSV), imports, backups, and what a view
//! exports (images). An import can touch every organisation, so everything is re-indexed.

use super::{Atlas, AtlasError};
use crate::exports;
use crate::store::{self, ImportReport};
use std::path::{Path, PathBuf};

impl Atlas {
    /// One organisation (or all) as JSON, in the format `import_file` reads back.
    pub fn export_json(&self, org: Option<i64>) -> Result<String, AtlasError> {
        self.with_store(|s| s.export_json(org))
    }

    /// One organisation (or all) as CSV, a row per assessed capability.
    pub fn export_csv(&self, org: Option<i64>) -> Result<String, AtlasError> {
        self.with_both(|fw, s| s.export_csv(fw, org))
    }

    /// The organisation's improvement plan as CSV for an issue tracker, a row per action.
    pub fn export_actions_csv(&self, org: i64) -> Result<String, AtlasError> {
        self.with_both(|fw, s| s.export_actions_csv(fw, org))
    }

    /// Writes an export to `path`, whole or not at all; never over the store's own files, and
    /// over an earlier file only with `force` (else under a free name). Returns the path written.
    pub fn write_export(
        &self,
        path: &Path,
        text: &str,
        force: bool,
    ) -> Result<PathBuf, AtlasError> {
        Ok(store::write_export(
            &self.data_dir,
            path,
            text.as_bytes(),
            force,
        )?)
    }

    /// The name a save dialog proposes for a file about organisation `org`:
    /// "Acme – board report – 2026-11-30.html" for `what` "board report" and `extension` "html",
    /// dated today (UTC), with the organisation's name made fit for a file name.
    pub fn proposed_file_name(
        &self,
        org: i64,
        what: &str,
        extension: &str,
    ) -> Result<String, AtlasError> {
        let organisation = self.with_store(|s| s.organisation(org))?;
        Ok(format!(
            "{} – {what} – {}.{extension}",
            exports::file_name_part(&organisation.name),
            store::today()
        ))
    }

    /// Imports an export file; with `merge`, into organisations of the same name.
    pub fn import_file(&self, path: &Path, merge: bool) -> Result<ImportReport, AtlasError> {
        let report = self.with_both(|fw, s| s.import_file(fw, path, merge))?;
        self.reindex_all();
        Ok(report)
    }

    /// Takes a backup of the database now; returns its path.
    pub fn backup_now(&self) -> Result<PathBuf, AtlasError> {
        self.with_store(|s| s.backup_now())
    }

    /// Writes what a view exports (an image, base64-encoded when `base64`) as `name` in `dir`,
    /// never over an earlier file; returns the path written.
    pub fn export_view(
        &self,
        dir: &Path,
        name: &str,
        data: String,
        base64: bool,
    ) -> Result<PathBuf, AtlasError> {
        let bytes = if base64 {
            exports::decode_base64(&data).map_err(AtlasError::Invalid)?
        } else {
            data.into_bytes()
        };
        exports::write_unique(dir, name, &bytes).map_err(AtlasError::Invalid)
    }
}
