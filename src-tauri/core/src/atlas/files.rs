//! Files in and out: organisation exports (JSON, CSV), imports (previewed, applied as
//! previewed, undone whole), backups, and what a view
//! exports (images). An import can touch every organisation, so everything is re-indexed.

use super::{Atlas, AtlasError};
use crate::exports;
use crate::store::{self, ImportPreview, ImportReport, ImportUndo, Resolution, StoreError};
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

    /// What importing the file at `path` would change (see `Store::preview_import`); reads it
    /// whole within `MAX_IMPORT_BYTES` and writes nothing.
    pub fn preview_import(&self, path: &Path) -> Result<ImportPreview, AtlasError> {
        let bytes = store::read_import_file(path)?;
        self.with_both(|fw, s| s.preview_import(fw, path, &bytes))
    }

    /// Imports the file at `path` as previewed: refused, with nothing written, when its bytes
    /// no longer have the preview's `checksum` (it changed on disk since). `resolutions` choose
    /// a side per conflict of a merge; returns what was done and what undoes it.
    pub fn apply_import(
        &self,
        path: &Path,
        checksum: &str,
        merge: bool,
        resolutions: &[Resolution],
    ) -> Result<(ImportReport, ImportUndo), AtlasError> {
        let bytes = store::read_import_file(path)?;
        if store::checksum(&bytes) != checksum {
            return Err(StoreError::File {
                path: path.to_path_buf(),
                detail: "the file changed after it was previewed; nothing was imported. \
                         Open it again to see what it would change now"
                    .into(),
            }
            .into());
        }
        let done = self.with_both(|fw, s| s.apply_import(fw, path, &bytes, merge, resolutions))?;
        self.reindex_all();
        Ok(done)
    }

    /// Undoes a whole import in one step (see `Store::undo_import`).
    pub fn undo_import(&self, undo: &ImportUndo) -> Result<(), AtlasError> {
        self.with_both(|fw, s| s.undo_import(fw, undo))?;
        self.reindex_all();
        Ok(())
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
