//! What the running window holds: the application (`atlas_core::Atlas`), and what only a
//! window has — where its exports go and who chooses where a saved file goes, its handle for
//! broadcasting, and the presentation both of its windows show.

use crate::opening::Opening;
use crate::saving::Saving;
use atlas_core::{Atlas, Framework, LoadReport};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock, RwLock};

pub struct AppState {
    pub atlas: Atlas,
    /// Where exported images and tours are written and every save dialog starts:
    /// `ATLAS_EXPORT_DIR`, else the folder in the preferences, else the user's downloads folder
    /// (known only once the window system is up, hence set later); changed when the person
    /// chooses another in Preferences.
    pub export_dir: RwLock<Option<PathBuf>>,
    /// The running app, for broadcasting to its windows; set once the window system is up.
    pub handle: OnceLock<tauri::AppHandle>,
    /// What is being presented, if anything, so a window opened later starts in step.
    pub presentation: Mutex<Option<crate::present::Presentation>>,
    /// Who chooses where a saved file goes, and whether it is opened after (`saving`).
    pub saving: Saving,
    /// Who chooses the file an import reads, and the file chosen (`opening`).
    pub opening: Opening,
    /// Whether the window may click menu items through `menu_activate` (`menu`, tests only).
    pub menu_seam: bool,
}

impl AppState {
    /// The window's state, with changes attributed to the author in the preferences, else
    /// the system's full name. Saving follows the environment (the end-to-end tests' seam, see
    /// `saving`).
    pub fn new(framework: Result<Framework, LoadReport>, data_dir: PathBuf) -> Self {
        let author = atlas_core::preferences::author_for(&data_dir);
        let mut state = Self::new_with_author(framework, data_dir, &author);
        state.saving = Saving::from_env();
        state.opening = Opening::from_env();
        state.menu_seam = crate::menu::seam_from_env();
        state
    }

    /// As `new`, with every change attributed to `author`, and files saved where the person
    /// chooses in the save dialog.
    pub fn new_with_author(
        framework: Result<Framework, LoadReport>,
        data_dir: PathBuf,
        author: &str,
    ) -> Self {
        AppState {
            atlas: Atlas::open(framework, &data_dir, author),
            export_dir: RwLock::new(None),
            menu_seam: false,
            handle: OnceLock::new(),
            presentation: Mutex::new(None),
            saving: Saving::interactive(),
            opening: Opening::interactive(),
        }
    }

    /// The folder exports go to (see `export_dir`).
    pub fn exports(&self) -> PathBuf {
        self.export_dir
            .read()
            .ok()
            .and_then(|dir| dir.clone())
            .unwrap_or_else(|| self.atlas.data_dir().join("exports"))
    }

    /// Makes `dir` the export folder from now on.
    pub fn set_exports(&self, dir: PathBuf) {
        let mut guard = self.export_dir.write().unwrap_or_else(|e| e.into_inner());
        *guard = Some(dir);
    }
}
