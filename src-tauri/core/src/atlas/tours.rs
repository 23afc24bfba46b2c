//! Tours, across the pack's own and the user's, and the workshops they are presented in.

use super::{Atlas, AtlasError};
use crate::api::{self, TourView};
use crate::exports;
use crate::store::Workshop;
use crate::tours::Tour;
use std::path::{Path, PathBuf};

impl Atlas {
    /// Every tour: the pack's in their order, then the user's by title.
    pub fn tours(&self) -> Result<Vec<TourView>, AtlasError> {
        let fw = self.framework()?;
        let user = self.with_store(|s| s.user_tours())?;
        Ok(api::tour_views(&fw, &user))
    }

    /// A tour by id, the pack's or the user's.
    pub fn tour(&self, id: &str) -> Result<Tour, AtlasError> {
        let fw = self.framework()?;
        if let Some(t) = fw.tours().iter().find(|t| t.id == id) {
            return Ok(t.clone());
        }
        let user = self.with_store(|s| s.user_tours())?;
        user.into_iter().find(|t| t.id == id).ok_or_else(|| {
            AtlasError::NotFound(format!(
                "there is no tour with the id `{}`",
                crate::limits::echo(id)
            ))
        })
    }

    /// Creates (empty id) or replaces one of the user's tours; the pack's cannot be changed.
    pub fn save_tour(&self, tour: Tour) -> Result<TourView, AtlasError> {
        let saved = self.with_both(|fw, s| s.save_tour(fw, tour))?;
        Ok(api::tour_view(&*self.framework()?, &saved, false))
    }

    pub fn delete_tour(&self, id: &str) -> Result<(), AtlasError> {
        self.with_store(|s| s.delete_tour(id))
    }

    /// Adds a tour from the text of a tour file; it never replaces an existing tour.
    pub fn import_tour(&self, text: &str) -> Result<TourView, AtlasError> {
        let tour = self.with_both(|fw, s| s.import_tour(fw, text))?;
        Ok(api::tour_view(&*self.framework()?, &tour, false))
    }

    /// Writes a tour as `<id>.toml` into `dir`, never over an earlier file; returns its path.
    pub fn export_tour(&self, id: &str, dir: &Path) -> Result<PathBuf, AtlasError> {
        let tour = self.tour(id)?;
        exports::write_unique(dir, &format!("{id}.toml"), tour.to_file().as_bytes())
            .map_err(AtlasError::Invalid)
    }

    /// The organisation's workshops, newest first, with their dot-votes.
    pub fn workshops(&self, org: i64) -> Result<Vec<Workshop>, AtlasError> {
        self.with_store(|s| s.workshops(org))
    }

    /// Starts a workshop: until it ends, every change to the organisation is attributed to it.
    pub fn start_workshop(
        &self,
        org: i64,
        title: &str,
        tour: Option<&str>,
    ) -> Result<Workshop, AtlasError> {
        self.with_store(|s| s.start_workshop(org, title, tour))
    }

    /// Ends a workshop, first keeping a snapshot under `snapshot` when one is named.
    pub fn end_workshop(&self, id: i64, snapshot: Option<&str>) -> Result<Workshop, AtlasError> {
        self.with_store(|s| s.end_workshop(id, snapshot).map(|(w, _)| w))
    }

    /// Adds (or with a negative delta takes back) dot-votes on a capability; returns its count.
    pub fn vote(&self, workshop: i64, capability: &str, delta: i32) -> Result<u32, AtlasError> {
        self.with_both(|fw, s| s.vote(fw, workshop, capability, delta))
    }
}
