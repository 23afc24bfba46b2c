//! What the running window holds: the application (`atlas_core::Atlas`), and what only a
//! window has — where its exports go and who chooses where a saved file goes, its handle for
//! broadcasting, and the presentation both of its windows show.

use crate::opening::Opening;
use crate::pack_dialog::PackChooser;
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
    /// Who chooses the framework pack folder to open (`pack_dialog`).
    pub pack_chooser: PackChooser,
}

impl AppState {
    /// The window's state, with changes attributed to the author in the preferences, else
    /// the system's full name. Saving follows the environment (the end-to-end tests' seam, see
    /// `saving`).
    pub fn new(framework: Result<Framework, LoadReport>, data_dir: PathBuf) -> Self {
        let author = atlas_core::preferences::author_for(&data_dir);
        Self::new_with_author(framework, data_dir, &author).following_env()
    }

    /// As `new`, on the pack folder remembered in the preferences when it still loads, else
    /// the built-in pack (the window then says why).
    pub fn remembered(data_dir: PathBuf) -> Self {
        let author = atlas_core::preferences::author_for(&data_dir);
        let atlas = Atlas::open_remembered(atlas_core::load_builtin, &data_dir, &author);
        Self::with_atlas(atlas).following_env()
    }

    /// Saving, opening files and packs, and the menu as the environment asks (the end-to-end
    /// tests' seams).
    fn following_env(self) -> Self {
        AppState {
            saving: Saving::from_env(),
            opening: Opening::from_env(),
            pack_chooser: PackChooser::from_env(),
            menu_seam: crate::menu::seam_from_env(),
            ..self
        }
    }

    /// As `new`, with every change attributed to `author`, and files saved where the person
    /// chooses in the save dialog.
    pub fn new_with_author(
        framework: Result<Framework, LoadReport>,
        data_dir: PathBuf,
        author: &str,
    ) -> Self {
        Self::with_atlas(Atlas::open(framework, &data_dir, author))
    }

    fn with_atlas(atlas: Atlas) -> Self {
        AppState {
            atlas,
            export_dir: RwLock::new(None),
            menu_seam: false,
            handle: OnceLock::new(),
            presentation: Mutex::new(None),
            saving: Saving::interactive(),
            opening: Opening::interactive(),
            pack_chooser: PackChooser::Dialog,
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
