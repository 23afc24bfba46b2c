//! Organisations: listing, creating, renaming, describing, deleting and restoring. A rename or
//! a delete changes what search shows, so each is re-indexed.

use super::{Atlas, AtlasError};
use crate::store::{DeletedOrganisation, Organisation};

impl Atlas {
    /// The live organisations, by name.
    pub fn organisations(&self) -> Result<Vec<Organisation>, AtlasError> {
        self.with_store(|s| s.organisations())
    }

    /// The deleted organisations, which `restore_organisation` brings back.
    pub fn deleted_organisations(&self) -> Result<Vec<Organisation>, AtlasError> {
        self.with_store(|s| s.deleted_organisations())
    }

    /// The deleted organisations with when each was deleted, newest first, for the window's
    /// list to restore from.
    pub fn deleted_organisations_dated(&self) -> Result<Vec<DeletedOrganisation>, AtlasError> {
        self.with_store(|s| s.deleted_organisations_dated())
    }

    /// A live organisation by id or by name.
    pub fn find_organisation(&self, key: &str) -> Result<Organisation, AtlasError> {
        self.with_store(|s| s.find_organisation(key))
    }

    /// An organisation whose last change can be undone or redone: the live one of that name
    /// or id, else a deleted one, since the last change may have been the delete itself.
    pub fn find_organisation_to_undo(&self, key: &str) -> Result<Organisation, AtlasError> {
        self.with_store(|s| {
            s.find_organisation(key)
                .or_else(|live| s.find_deleted_organisation(key).map_err(|_| live))
        })
    }

    pub fn create_organisation(&self, name: &str) -> Result<Organisation, AtlasError> {
        self.with_store(|s| s.create_organisation(name))
    }

    pub fn rename_organisation(&self, org: i64, name: &str) -> Result<Organisation, AtlasError> {
        let renamed = self.with_store(|s| s.rename_organisation(org, name))?;
        self.reindex(org);
        Ok(renamed)
    }

    pub fn describe_organisation(&self, org: i64, text: &str) -> Result<Organisation, AtlasError> {
        self.with_store(|s| s.describe_organisation(org, text))
    }

    /// Deletes an organisation; its data is kept for undo and `restore_organisation`.
    pub fn delete_organisation(&self, org: i64) -> Result<(), AtlasError> {
        self.with_store(|s| s.delete_organisation(org))?;
        self.reindex(org);
        Ok(())
    }

    /// Brings back a deleted organisation (found by name or id among the deleted).
    pub fn restore_organisation(&self, key: &str) -> Result<Organisation, AtlasError> {
        let id = self.with_store(|s| Ok(s.find_deleted_organisation(key)?.id))?;
        self.restore_organisation_id(id)
    }

    /// Brings back the deleted organisation with this id (the window names it by id: a name
    /// could be shared by several deleted ones, or look like another's id).
    pub fn restore_organisation_id(&self, org: i64) -> Result<Organisation, AtlasError> {
        let restored = self.with_store(|s| s.restore_organisation(org))?;
        self.reindex(restored.id);
        Ok(restored)
    }
}
