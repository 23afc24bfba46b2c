//! What the running app holds: the loaded framework (or why it could not be loaded) and
//! where user data lives.

use atlas_core::api::{ApiError, ErrorCode};
use atlas_core::search::{NoteDoc, SearchIndex};
use atlas_core::store::{Store, StoreError, StoreStatus};
use atlas_core::{Framework, LoadReport};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

pub struct AppState {
    /// A pack that failed to load is kept as its report, so the window can show the author
    /// every problem instead of the app refusing to start.
    framework: Result<Arc<Framework>, LoadReport>,
    pub data_dir: PathBuf,
    /// The annotation store, or why it could not be opened (damaged, newer, unwritable): the
    /// app still starts, shows the framework and says what is wrong with the data.
    store: Mutex<Result<Store, String>>,
    /// The search index, rebuilt from content at every start; notes are added as they are saved.
    search: Mutex<Option<SearchIndex>>,
    /// Why the search index could not be built, once that is known; until the index is there
    /// and while this is empty, search is still being prepared.
    search_failure: OnceLock<String>,
    /// Where exported images and reports are written: `ATLAS_EXPORT_DIR`, else the user's
    /// downloads folder (known only once the window system is up, hence set later).
    pub export_dir: OnceLock<PathBuf>,
    /// The running app, for broadcasting to its windows; set once the window system is up.
    pub handle: OnceLock<tauri::AppHandle>,
    /// What is being presented, if anything, so a window opened later starts in step.
    pub presentation: Mutex<Option<crate::present::Presentation>>,
}

impl AppState {
    pub fn new(framework: Result<Framework, LoadReport>, data_dir: PathBuf) -> Self {
        Self::new_with_author(framework, data_dir, &crate::org_cmd::author())
    }

    /// As `new`, with every change attributed to `author`.
    pub fn new_with_author(
        framework: Result<Framework, LoadReport>,
        data_dir: PathBuf,
        author: &str,
    ) -> Self {
        let store = Store::open(&data_dir, author).map_err(|e| e.to_string());
        AppState {
            framework: framework.map(Arc::new),
            data_dir,
            store: Mutex::new(store),
            search: Mutex::new(None),
            search_failure: OnceLock::new(),
            export_dir: OnceLock::new(),
            handle: OnceLock::new(),
            presentation: Mutex::new(None),
        }
    }

    /// Runs `f` on the open store, or says why the store could not be opened.
    /// Makes the organisation's notes, evidence labels and tags searchable as they now stand.
    /// Search is a convenience: if it fails, the saved data is unaffected, so the failure is
    /// logged rather than returned.
    pub fn reindex_notes(&self, org: i64) {
        let Ok(fw) = self.framework() else { return };
        let texts = self.with_store(|s| {
            let name = s.organisation(org)?.name;
            let notes: Vec<(String, String)> = s
                .assessments(org)?
                .into_iter()
                .map(|(cap, a)| {
                    let mut text = a.notes.clone();
                    for e in &a.evidence {
                        text.push('\n');
                        text.push_str(&e.label);
                    }
                    if !a.tags.is_empty() {
                        text.push('\n');
                        text.push_str(&a.tags.join(" "));
                    }
                    if let Some(reason) = &a.not_applicable {
                        text.push('\n');
                        text.push_str(reason);
                    }
                    (cap, text)
                })
                .collect();
            Ok((name, notes))
        });
        let (name, notes) = match texts {
            Ok(t) => t,
            Err(_) => return,
        };
        let org_id = org.to_string();
        let docs: Vec<NoteDoc<'_>> = notes
            .iter()
            .map(|(cap, text)| NoteDoc {
                org_id: &org_id,
                org_name: &name,
                capability_id: cap,
                text,
            })
            .collect();
        if let Ok(mut guard) = self.search.lock() {
            if let Some(index) = guard.as_mut() {
                if let Err(e) = index.replace_org_notes(fw, &docs, &org_id) {
                    eprintln!("notes of organisation {org} are not searchable: {e}");
                }
            }
        }
    }

    /// Builds the search index and adds every organisation's notes. Run once, off the main
    /// thread, after the window is up: the window must not wait for it.
    pub fn build_search(&self) {
        let Ok(fw) = self.framework() else { return };
        match SearchIndex::build(fw) {
            Ok(index) => {
                if let Ok(mut guard) = self.search.lock() {
                    *guard = Some(index);
                }
                self.index_all_notes();
            }
            Err(e) => {
                eprintln!("search is unavailable: {e}");
                let _ = self.search_failure.set(e.to_string());
            }
        }
    }

    /// Indexes every organisation's notes.
    pub fn index_all_notes(&self) {
        let orgs = self.with_store(|s| s.organisations()).unwrap_or_default();
        for o in orgs {
            self.reindex_notes(o.id);
        }
    }

    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, ApiError> {
        let mut guard = self.store.lock().map_err(|_| ApiError {
            code: ErrorCode::Internal,
            message: "the annotation store is unavailable after an earlier failure".into(),
        })?;
        match guard.as_mut() {
            Ok(store) => f(store).map_err(ApiError::from),
            Err(why) => Err(ApiError {
                code: ErrorCode::Internal,
                message: why.clone(),
            }),
        }
    }

    /// Whether organisation data can be read and written, for the header's warning.
    pub fn store_status(&self) -> StoreStatus {
        match self.store.lock().as_deref() {
            Ok(Ok(store)) => StoreStatus {
                error: None,
                read_only: store.read_only().map(str::to_string),
            },
            Ok(Err(why)) => StoreStatus {
                error: Some(why.clone()),
                read_only: None,
            },
            Err(_) => StoreStatus {
                error: Some("the annotation store failed earlier; restart the app".into()),
                read_only: None,
            },
        }
    }

    /// Runs `f` on the search index; says when the index is still being prepared (the UI asks
    /// again) or could not be built.
    pub fn with_search<T, E: Into<ApiError>>(
        &self,
        f: impl FnOnce(&SearchIndex) -> Result<T, E>,
    ) -> Result<T, ApiError> {
        self.framework()?;
        let guard = self.search.lock().map_err(|_| ApiError {
            code: ErrorCode::Internal,
            message: "search is unavailable after an earlier failure".into(),
        })?;
        let index = guard
            .as_ref()
            .ok_or_else(|| match self.search_failure.get() {
                Some(why) => ApiError {
                    code: ErrorCode::Internal,
                    message: format!("search is unavailable: {why}"),
                },
                None => ApiError {
                    code: ErrorCode::NotReady,
                    message: "search is still being prepared; it will be ready in a moment".into(),
                },
            })?;
        f(index).map_err(Into::into)
    }

    /// The folder exports go to (see `export_dir`).
    pub fn exports(&self) -> PathBuf {
        self.export_dir
            .get()
            .cloned()
            .unwrap_or_else(|| self.data_dir.join("exports"))
    }

    pub fn framework(&self) -> Result<&Framework, ApiError> {
        self.framework.as_deref().map_err(|report| ApiError {
            code: ErrorCode::InvalidInput,
            message: format!("The framework pack could not be loaded:\n{report}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(state: &AppState, words: &str) -> Result<usize, ApiError> {
        state.with_search(|index| {
            index
                .search(words, &atlas_core::search::SearchOptions::default())
                .map(|hits| hits.len())
        })
    }

    #[test]
    fn search_is_not_ready_until_the_index_is_built_then_answers() {
        let data = tempfile::tempdir().unwrap();
        let state = AppState::new(atlas_core::load_builtin(), data.path().to_path_buf());
        let early = query(&state, "governance").unwrap_err();
        assert_eq!(early.code, ErrorCode::NotReady, "{}", early.message);
        state.build_search();
        assert!(query(&state, "governance").unwrap() > 0);
    }

    #[test]
    fn search_says_why_when_the_index_could_not_be_built() {
        let data = tempfile::tempdir().unwrap();
        let state = AppState::new(atlas_core::load_builtin(), data.path().to_path_buf());
        state.search_failure.set("the disk is full".into()).unwrap();
        let e = query(&state, "governance").unwrap_err();
        assert_eq!(e.code, ErrorCode::Internal);
        assert!(e.message.contains("the disk is full"), "{}", e.message);
    }
}
