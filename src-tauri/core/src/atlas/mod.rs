//! `Atlas`, the application: the loaded framework, the organisation store and the search
//! index held together, with every rule that spans them — what of an assessment is searchable,
//! re-indexing after every write, tours across the pack and the store, workshops, and who a
//! change is attributed to (the preferences' author, else the system's full name).
//!
//! The window's commands and the `atlas` subcommands are adapters over this type: they turn
//! their arguments into a call and its answer into JSON or text. A rule written anywhere else
//! would let the window and the command line disagree.
//!
//! `Atlas` is shared between threads (the window's commands run on several, the search index is
//! built on its own), so the store and the index each sit behind a lock. The framework is
//! replaced whole when another pack is opened (`packs`): it sits behind a read-write lock and
//! is handed out as an `Arc`, so a reader keeps the one it started with until it is done. Only
//! `build_search` takes one lock inside another (the framework's, briefly, inside the index's),
//! and nothing takes them the other way round.

mod assessments;
mod backups;
mod crosswalk;
mod error;
mod files;
mod notes;
mod organisations;
mod packs;
mod preferences;
mod reports;
mod tours;
mod views;

pub use error::AtlasError;
pub use notes::searchable_text;
pub use packs::{candidates, OrphanCandidate, OrphanEntry, OrphanReview, PackStatus};
pub use reports::ReportFormat;

use crate::api::{self, FrameworkView, NodeDetail};
use crate::content::LoadReport;
use crate::graph::queries::{self, Lens};
use crate::graph::Framework;
use crate::search::{SearchHit, SearchIndex, SearchOptions};
use crate::store::{Store, StoreError, StoreStatus};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, RwLock};

/// Who changes made from the command line on `data_dir` are attributed to: `ATLAS_AUTHOR` when
/// it is set (scripts and tests name their author), else the author saved in the preferences,
/// else the system's full name (`author::system_author`, never "unknown").
pub fn command_line_author(data_dir: &Path) -> String {
    std::env::var("ATLAS_AUTHOR")
        .ok()
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| crate::preferences::author_for(data_dir))
}

pub struct Atlas {
    /// A pack that failed to load is kept as its report, so the window can show the author
    /// every problem instead of the app refusing to start.
    framework: RwLock<Result<Arc<Framework>, LoadReport>>,
    /// The folder the framework came from when one was opened (`None`: the built-in pack or
    /// the one named on the command line), and what to tell the person about it.
    pack: Mutex<packs::PackOrigin>,
    /// One pack opening at a time, so the index is always built for the pack that is in.
    opening: Mutex<()>,
    data_dir: PathBuf,
    /// The store, or why it could not be opened (damaged, newer, unwritable): the app still
    /// shows the framework and says what is wrong with the data.
    store: Mutex<Result<Store, StoreError>>,
    /// Built after the window opens (see `build_search`); until then search is not ready.
    search: Mutex<Option<SearchIndex>>,
    /// Why the index could not be built, once that is known.
    search_failure: OnceLock<String>,
}

impl Atlas {
    /// Opens the store in `data_dir` for `framework`, attributing changes to `author`. Never
    /// fails: what could not be opened is reported by the calls that need it.
    pub fn open(framework: Result<Framework, LoadReport>, data_dir: &Path, author: &str) -> Self {
        Atlas {
            framework: RwLock::new(framework.map(Arc::new)),
            pack: Mutex::new(packs::PackOrigin::default()),
            opening: Mutex::new(()),
            data_dir: data_dir.to_path_buf(),
            store: Mutex::new(Store::open(data_dir, author)),
            search: Mutex::new(None),
            search_failure: OnceLock::new(),
        }
    }

    /// Replaces the database in `data_dir` with `file`; refused while any store is open there.
    pub fn restore(data_dir: &Path, file: &Path) -> Result<crate::store::Restored, AtlasError> {
        Ok(crate::store::restore(data_dir, file)?)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The framework in effect now. A caller keeps this one whole even if another pack is
    /// opened meanwhile.
    pub fn framework(&self) -> Result<Arc<Framework>, AtlasError> {
        self.framework
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .map_err(|report| AtlasError::Pack(report.to_string()))
    }

    pub fn framework_view(&self) -> Result<FrameworkView, AtlasError> {
        Ok(api::framework_view(&*self.framework()?))
    }

    /// One node for the reader, with its counterparts in the other built-in frameworks. A node
    /// the pack in effect lacks is looked for in the frameworks mapped to it, so a counterpart
    /// can be read where it is listed; the pack's own node wins when both have the id.
    pub fn node(&self, id: &str) -> Result<NodeDetail, AtlasError> {
        let fw = self.framework()?;
        match api::node_detail(&fw, id) {
            Ok(mut detail) => {
                detail.counterparts = self.crosswalk().counterparts(&fw.manifest().id, id);
                Ok(detail)
            }
            Err(unknown) => self
                .crosswalk()
                .foreign_node(&fw.manifest().id, id)
                .ok_or(AtlasError::UnknownNode(unknown)),
        }
    }

    /// What concerns a stakeholder: perspectives and capabilities.
    pub fn lens(&self, stakeholder: &str) -> Result<Lens, AtlasError> {
        queries::lens(&*self.framework()?, stakeholder).ok_or_else(|| {
            AtlasError::NotFound(format!(
                "`{}` is not a stakeholder of this framework",
                crate::limits::echo(stakeholder)
            ))
        })
    }

    /// Says why, when the store could not be opened; for callers that need nothing else.
    pub fn store_ready(&self) -> Result<(), AtlasError> {
        self.with_store(|_| Ok(()))
    }

    /// Whether organisation data can be read and written, for the header's warning.
    pub fn store_status(&self) -> StoreStatus {
        match self.store.lock().as_deref() {
            Ok(Ok(store)) => StoreStatus {
                error: None,
                read_only: store.read_only().map(str::to_string),
            },
            Ok(Err(why)) => StoreStatus {
                error: Some(why.to_string()),
                read_only: None,
            },
            Err(_) => StoreStatus {
                error: Some(POISONED_STORE.into()),
                read_only: None,
            },
        }
    }

    /// Builds the search index and adds every organisation's notes. Run off the thread the
    /// window waits on (the window must not wait for it), and again when a pack is opened.
    pub fn build_search(&self) {
        let Ok(fw) = self.framework() else { return };
        match SearchIndex::build(&fw) {
            Ok(index) => {
                // Another pack may have been opened while this one was indexed: its own build
                // installs its index, and this one must not replace it.
                {
                    let mut slot = lock(&self.search);
                    if !self.framework().is_ok_and(|now| Arc::ptr_eq(&now, &fw)) {
                        return;
                    }
                    *slot = Some(index);
                }
                self.reindex_all();
            }
            Err(e) => {
                let _ = self.search_failure.set(e.to_string());
            }
        }
    }

    /// Ranked results, framework and notes alike; `SearchNotReady` until the index is built.
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Result<Vec<SearchHit>, AtlasError> {
        self.framework()?;
        let guard = lock(&self.search);
        let index = guard
            .as_ref()
            .ok_or_else(|| match self.search_failure.get() {
                Some(why) => AtlasError::SearchUnavailable(why.clone()),
                None => AtlasError::SearchNotReady,
            })?;
        Ok(index.search(query, opts)?)
    }

    /// Runs `f` on the open store, or says why there is none.
    fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, AtlasError> {
        let mut guard = self
            .store
            .lock()
            .map_err(|_| AtlasError::StoreUnavailable(POISONED_STORE.into()))?;
        match guard.as_mut() {
            Ok(store) => Ok(f(store)?),
            Err(why) => Err(AtlasError::StoreUnavailable(why.to_string())),
        }
    }

    /// Runs `f` on the framework and the open store.
    fn with_both<T>(
        &self,
        f: impl FnOnce(&Framework, &mut Store) -> Result<T, StoreError>,
    ) -> Result<T, AtlasError> {
        let fw = self.framework()?;
        self.with_store(|s| f(&fw, s))
    }
}

const POISONED_STORE: &str =
    "the organisation store stopped after an earlier failure; restart the app";

/// The search index stays usable after a panic elsewhere: a search or an upsert either
/// happened whole or not at all.
fn lock(search: &Mutex<Option<SearchIndex>>) -> MutexGuard<'_, Option<SearchIndex>> {
    search.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_says_why_when_the_index_could_not_be_built() {
        let data = tempfile::tempdir().unwrap();
        let atlas = Atlas::open(crate::load_builtin(), data.path(), "Tester");
        atlas.search_failure.set("the disk is full".into()).unwrap();
        let e = atlas
            .search("governance", &SearchOptions::default())
            .unwrap_err();
        assert!(matches!(e, AtlasError::SearchUnavailable(_)), "{e}");
        assert!(e.to_string().contains("the disk is full"), "{e}");
    }
}
