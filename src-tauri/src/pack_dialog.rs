//! Opening another framework pack from the window: the desktop's folder dialog, shown by the
//! shell, which alone holds the path chosen; the webview only asks for the dialog and receives
//! what happened (the pack now in effect, or every problem with file and line).
//!
//! WebDriver cannot drive a native dialog, so `ATLAS_PACK_DIALOG_ANSWER=/dir` answers the
//! folder dialog with `/dir` without showing it, read once at start-up. The code that loads
//! the folder is the same either way.

use crate::state::AppState;
use atlas_core::api::ApiError;
use atlas_core::atlas::PackStatus;
use atlas_core::Problem;
use std::path::PathBuf;
use tauri::Manager;
use tauri_plugin_dialog::DialogExt;

/// Who chooses the pack folder: the person in the desktop's dialog, or the tests' answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackChooser {
    Dialog,
    Folder(PathBuf),
}

impl PackChooser {
    /// As the environment asks (see the module's header).
    pub fn from_env() -> PackChooser {
        PackChooser::from_value(std::env::var_os("ATLAS_PACK_DIALOG_ANSWER").as_deref())
    }

    fn from_value(answer: Option<&std::ffi::OsStr>) -> PackChooser {
        match answer {
            Some(dir) if !dir.is_empty() => PackChooser::Folder(PathBuf::from(dir)),
            _ => PackChooser::Dialog,
        }
    }
}

/// What opening a pack did.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct PackOpening {
    /// The pack in effect now: the new one when it loaded, else the one that stayed.
    pub status: PackStatus,
    /// Every problem of a pack that could not be loaded (empty when it loaded).
    pub problems: Vec<Problem>,
}

/// Asks for a pack folder and opens it; `None` when the person cancelled.
pub fn open_pack(app: &AppState) -> Result<Option<PackOpening>, ApiError> {
    let Some(dir) = choose(app)? else {
        return Ok(None);
    };
    Ok(Some(match app.atlas.open_pack(&dir) {
        Ok(status) => PackOpening {
            status,
            problems: Vec::new(),
        },
        Err(report) => PackOpening {
            status: app.atlas.pack_status(),
            problems: report.problems,
        },
    }))
}

fn choose(app: &AppState) -> Result<Option<PathBuf>, ApiError> {
    match &app.pack_chooser {
        PackChooser::Folder(dir) => Ok(Some(dir.clone())),
        PackChooser::Dialog => {
            let handle = app.handle.get().ok_or_else(|| ApiError {
                code: None,
                message: "the app's windows are not up yet".into(),
            })?;
            let mut dialog = handle.dialog().file().set_title("Open framework pack");
            if let Some(window) = handle.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            // Commands run off the main thread, where waiting for the person is allowed.
            match dialog.blocking_pick_folder() {
                None => Ok(None),
                Some(folder) => folder.into_path().map(Some).map_err(|e| ApiError {
                    code: None,
                    message: format!(
                        "the folder dialog did not answer with a folder on this computer: {e}"
                    ),
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn without_the_tests_answer_the_person_chooses_the_pack_folder() {
        assert_eq!(PackChooser::from_value(None), PackChooser::Dialog);
        assert_eq!(
            PackChooser::from_value(Some(OsStr::new(""))),
            PackChooser::Dialog,
            "an empty answer must not silently skip the dialog"
        );
        assert_eq!(
            PackChooser::from_value(Some(OsStr::new("/tmp/pack"))),
            PackChooser::Folder("/tmp/pack".into())
        );
    }
}
