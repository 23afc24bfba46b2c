//! The graph's questions that reach past one node: the path between two nodes, and the named
//! views of the graph a person keeps per pack (in the store, keyed by the pack's id).

use super::{Atlas, AtlasError};
use crate::graph::queries::{self, PathEdge};
use crate::store::SavedView;

impl Atlas {
    /// The shortest chain of links between two nodes, in order; `None` when nothing connects
    /// them. An id the pack does not have is an error naming it, with "did you mean".
    pub fn path(&self, from: &str, to: &str) -> Result<Option<Vec<PathEdge>>, AtlasError> {
        let fw = self.framework()?;
        for id in [from, to] {
            if !fw.contains(id) {
                return Err(fw.unknown(id).into());
            }
        }
        Ok(queries::shortest_path(&fw, from, to))
    }

    /// The pack's saved views of the graph, by name.
    pub fn saved_views(&self) -> Result<Vec<SavedView>, AtlasError> {
        self.with_both(|fw, s| s.saved_views(&fw.manifest().id))
    }

    /// Keeps the view under its name, which no other view of the pack may have (ignoring case).
    pub fn save_view(&self, view: SavedView) -> Result<SavedView, AtlasError> {
        self.with_both(|fw, s| s.save_view(&fw.manifest().id, view))
    }

    pub fn rename_view(&self, name: &str, new_name: &str) -> Result<SavedView, AtlasError> {
        self.with_both(|fw, s| s.rename_view(&fw.manifest().id, name, new_name))
    }

    pub fn delete_view(&self, name: &str) -> Result<(), AtlasError> {
        self.with_both(|fw, s| s.delete_view(&fw.manifest().id, name))
    }
}
