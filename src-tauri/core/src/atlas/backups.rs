//! Backups from the running app: listing what each holds, and restoring one without a restart.
//!
//! A restore swaps the database file, which `store::restore` refuses while any store holds the
//! data folder's shared lock — the app's own included. So the app closes its own store first
//! (the lock goes with it), restores, and opens the store again, whatever the restore's
//! answer: refused (another process still has the folder open, say), the same file is opened
//! again, unchanged. A file the restore would refuse anyway is refused before the store is
//! closed at all. The store's lock is held throughout, so no command of the window runs in
//! between, and the search index is rebuilt for every organisation before and after.

use super::{Atlas, AtlasError, POISONED_STORE};
use crate::limits::echo;
use crate::store::{self, BackupSummary, Restored, Store, StoreError};
use std::path::{Path, PathBuf};

impl Atlas {
    /// The backups in the data folder, newest first, with what each holds.
    pub fn backups(&self) -> Vec<BackupSummary> {
        store::list_backups(&self.data_dir)
    }

    /// Restores the backup called `name` (a file name from `backups`) in the running app; the
    /// database it replaces is kept as a backup first.
    pub fn restore_backup(&self, name: &str) -> Result<Restored, AtlasError> {
        let file = self.backup_file(name)?;
        self.restore_in_place(&file)
    }

    /// Replaces the database with `file` while this app has it open: closes the app's own
    /// store, restores, then opens the store again and re-indexes. Refused with nothing
    /// changed when `file` is not a Capability Atlas database or another process has the data
    /// folder open.
    pub fn restore_in_place(&self, file: &Path) -> Result<Restored, AtlasError> {
        store::check_restorable(file)?;
        let before = self.organisation_ids();
        let restored = {
            let mut guard = self
                .store
                .lock()
                .map_err(|_| AtlasError::StoreUnavailable(POISONED_STORE.into()))?;
            let author = match guard.as_ref() {
                Ok(open) => open.author().to_string(),
                Err(_) => crate::preferences::author_for(&self.data_dir),
            };
            // Dropping the store closes its connection and lets go of its shared lock.
            *guard = Err(StoreError::Restoring {
                path: self.data_dir.clone(),
                waited: 0,
            });
            let restored = store::restore(&self.data_dir, file);
            *guard = Store::open(&self.data_dir, &author);
            restored?
        };
        for org in before.into_iter().chain(self.organisation_ids()) {
            self.reindex(org);
        }
        Ok(restored)
    }

    /// The path of the backup called `name`, which must be one `backups` lists: the window
    /// names a backup, never a path.
    fn backup_file(&self, name: &str) -> Result<PathBuf, AtlasError> {
        let listed = self.backups().into_iter().any(|b| b.name == name);
        if !listed || name.contains(['/', '\\']) {
            return Err(AtlasError::NotFound(format!(
                "there is no backup named `{}` in {}",
                echo(name),
                self.data_dir.join(store::BACKUPS_DIR).display()
            )));
        }
        Ok(self.data_dir.join(store::BACKUPS_DIR).join(name))
    }
}
