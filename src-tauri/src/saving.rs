//! Saving a file the person names: who chooses where it goes, and opening it afterwards.
//!
//! The webview never names a path to write. A save command makes the file's bytes in the core
//! first (so a refusal comes before any dialog), then asks here where they go — the desktop's
//! own save dialog, proposing a name in the export folder —, writes them through the core
//! (whole or not at all, never over an earlier file) and opens the result where the desktop
//! can. Opening is a courtesy: when it fails the file is still saved, and the answer says why
//! it did not open instead of failing.
//!
//! The export folder, where every save dialog starts, is chosen the same way: in the desktop's
//! folder dialog, shown by the shell (`choose_export_folder`), and kept in the preferences.
//!
//! WebDriver cannot drive a native dialog, so who chooses is decided once at start-up:
//! `ATLAS_SAVE_DIALOG_ANSWER=/dir` answers every save dialog with `/dir/<proposed name>` without
//! showing it (`ATLAS_SAVE_DIALOG_ANSWER=proposed`: with the proposal itself, the export folder
//! and the proposed name, as a person pressing Save at once), `ATLAS_FOLDER_DIALOG_ANSWER=/dir` answers the folder dialog with `/dir`, and
//! `ATLAS_NO_OPEN=1` leaves saved files unopened (a test run has no desktop to open them on).
//! All three are for the end-to-end tests; nothing else reads them.

use crate::state::AppState;
use atlas_core::api::ApiError;
use atlas_core::AtlasError;
use std::path::{Path, PathBuf};
use tauri::Manager;
use tauri_plugin_dialog::DialogExt;

/// Who chooses where a saved file goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chooser {
    /// The person, in the desktop's save dialog.
    Dialog,
    /// Nobody: every save goes to this folder under the proposed name (the tests' seam).
    Folder(PathBuf),
    /// Nobody: every save goes where the dialog proposes (the tests' seam).
    Proposed,
}

/// How this run of the app saves files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saving {
    pub chooser: Chooser,
    /// Who chooses the export folder: the folder dialog, or the tests' answer.
    pub folder: Chooser,
    /// Whether a saved file is opened where the desktop can.
    pub open: bool,
}

impl Saving {
    /// As a person uses the app: the save dialog, and the file opened after.
    pub fn interactive() -> Saving {
        Saving {
            chooser: Chooser::Dialog,
            folder: Chooser::Dialog,
            open: true,
        }
    }

    /// As the environment asks (see the module's header); read once, when the app starts.
    pub fn from_env() -> Saving {
        Saving::from_values(
            std::env::var_os("ATLAS_SAVE_DIALOG_ANSWER").as_deref(),
            std::env::var_os("ATLAS_NO_OPEN").as_deref(),
        )
        .with_folder_answer(std::env::var_os("ATLAS_FOLDER_DIALOG_ANSWER").as_deref())
    }

    fn from_values(answer: Option<&std::ffi::OsStr>, no_open: Option<&std::ffi::OsStr>) -> Saving {
        Saving {
            chooser: answered(answer),
            folder: Chooser::Dialog,
            open: no_open.is_none_or(|v| v.is_empty() || v == "0"),
        }
    }

    fn with_folder_answer(self, answer: Option<&std::ffi::OsStr>) -> Saving {
        Saving {
            folder: answered(answer),
            ..self
        }
    }
}

fn answered(answer: Option<&std::ffi::OsStr>) -> Chooser {
    match answer {
        Some(word) if word == "proposed" => Chooser::Proposed,
        Some(dir) if !dir.is_empty() => Chooser::Folder(PathBuf::from(dir)),
        _ => Chooser::Dialog,
    }
}

/// What a save dialog proposes.
pub struct Proposal<'a> {
    /// The file's name, extension included.
    pub name: String,
    /// The folder the dialog starts in.
    pub folder: &'a Path,
    /// The dialog's filter: what the files are called, and their extension.
    pub kind: &'a str,
    pub extension: &'a str,
}

/// A file that was saved, as the window tells the person.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct SavedFile {
    /// Where it was written: the name chosen, or a free one beside it when that was taken.
    pub path: String,
    /// Its file name alone.
    pub name: String,
    /// Why it could not be opened afterwards, when it could not (it is saved all the same).
    pub not_opened: Option<String>,
}

/// Asks where `proposal` goes, writes it there with `write` (which returns the path written),
/// and opens it. `None` when the person cancelled the dialog: nothing was written.
pub fn save(
    app: &AppState,
    proposal: Proposal,
    write: impl FnOnce(&Path) -> Result<PathBuf, AtlasError>,
) -> Result<Option<SavedFile>, ApiError> {
    let Some(chosen) = choose(app, &proposal)? else {
        return Ok(None);
    };
    let written = write(&with_extension(chosen, proposal.extension))?;
    let not_opened = if app.saving.open {
        tauri_plugin_opener::open_path(&written, None::<&str>)
            .err()
            .map(|e| format!("it could not be opened here ({e})"))
    } else {
        None
    };
    Ok(Some(SavedFile {
        name: written
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: written.display().to_string(),
        not_opened,
    }))
}

/// A chosen name without an extension gets the format's: a save dialog's filter does not add
/// it, and a file without one opens nowhere.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}

fn choose(app: &AppState, proposal: &Proposal) -> Result<Option<PathBuf>, ApiError> {
    match &app.saving.chooser {
        Chooser::Folder(dir) => Ok(Some(dir.join(&proposal.name))),
        Chooser::Proposed => Ok(Some(proposal.folder.join(&proposal.name))),
        Chooser::Dialog => {
            let handle = window_handle(app)?;
            let mut dialog = handle
                .dialog()
                .file()
                .set_title("Save as")
                .set_directory(proposal.folder)
                .set_file_name(&proposal.name)
                .add_filter(proposal.kind, &[proposal.extension]);
            if let Some(window) = handle.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            // Commands run off the main thread, where waiting for the person is allowed; the
            // dialog itself runs on the main thread, so the window keeps drawing meanwhile.
            match dialog.blocking_save_file() {
                None => Ok(None),
                Some(file) => file.into_path().map(Some).map_err(|e| ApiError {
                    code: None,
                    message: format!(
                        "the save dialog did not answer with a file on this computer: {e}"
                    ),
                }),
            }
        }
    }
}

/// Asks for a new export folder (the desktop's folder dialog, starting at the current one),
/// saves it in the preferences and uses it from now on; returns the folder in use, unchanged
/// when the person cancelled.
pub fn choose_export_folder(app: &AppState) -> Result<String, ApiError> {
    let current = app.exports();
    let chosen = match &app.saving.folder {
        Chooser::Folder(dir) => Some(dir.clone()),
        Chooser::Proposed => Some(current.clone()),
        Chooser::Dialog => {
            let handle = window_handle(app)?;
            let mut dialog = handle
                .dialog()
                .file()
                .set_title("Choose the export folder")
                .set_directory(&current);
            if let Some(window) = handle.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            match dialog.blocking_pick_folder() {
                None => None,
                Some(dir) => Some(dir.into_path().map_err(|e| ApiError {
                    code: None,
                    message: format!(
                        "the folder dialog did not answer with a folder on this computer: {e}"
                    ),
                })?),
            }
        }
    };
    let Some(dir) = chosen else {
        return Ok(current.display().to_string());
    };
    app.atlas.set_export_dir(&dir)?;
    app.set_exports(dir.clone());
    Ok(dir.display().to_string())
}

fn window_handle(app: &AppState) -> Result<&tauri::AppHandle, ApiError> {
    app.handle.get().ok_or_else(|| ApiError {
        code: None,
        message: "the app's windows are not up yet".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn without_the_tests_variables_the_person_chooses_and_the_file_opens() {
        assert_eq!(Saving::from_values(None, None), Saving::interactive());
        assert_eq!(
            Saving::from_values(Some(OsStr::new("")), Some(OsStr::new("0"))),
            Saving::interactive(),
            "an empty answer folder or ATLAS_NO_OPEN=0 must not silently skip the dialog"
        );
    }

    #[test]
    fn the_tests_answer_folder_and_no_open_are_read() {
        assert_eq!(
            Saving::from_values(Some(OsStr::new("/tmp/answers")), Some(OsStr::new("1"))),
            Saving {
                chooser: Chooser::Folder("/tmp/answers".into()),
                folder: Chooser::Dialog,
                open: false
            }
        );
        assert_eq!(
            Saving::from_values(Some(OsStr::new("proposed")), None).chooser,
            Chooser::Proposed
        );
        assert_eq!(
            Saving::interactive()
                .with_folder_answer(Some(OsStr::new("/tmp/folder")))
                .folder,
            Chooser::Folder("/tmp/folder".into())
        );
        assert_eq!(
            Saving::interactive()
                .with_folder_answer(Some(OsStr::new("")))
                .folder,
            Chooser::Dialog,
            "an empty answer must not silently skip the folder dialog"
        );
    }

    #[test]
    fn a_chosen_export_folder_is_where_the_next_save_dialog_starts_and_is_kept() {
        let data = tempfile::tempdir().unwrap();
        let chosen = tempfile::tempdir().unwrap();
        let mut state = AppState::new_with_author(
            atlas_core::load_builtin(),
            data.path().to_path_buf(),
            "Tester",
        );
        state.saving.folder = Chooser::Folder(chosen.path().to_path_buf());
        let answer = choose_export_folder(&state).expect("a folder that exists is taken");
        assert_eq!(answer, chosen.path().display().to_string());
        assert_eq!(
            state.exports(),
            chosen.path(),
            "saves start there from now on"
        );
        assert_eq!(
            state.atlas.preferences().saved.export_dir.as_deref(),
            Some(answer.as_str()),
            "and it is kept in preferences.json for the next start"
        );
        state.saving.folder = Chooser::Folder(data.path().join("missing"));
        assert!(
            choose_export_folder(&state).is_err(),
            "a folder that does not exist is refused"
        );
        assert_eq!(state.exports(), chosen.path(), "and the earlier one stays");
    }

    #[test]
    fn the_window_may_neither_show_a_save_dialog_nor_open_a_file_itself() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/capabilities/main.json"
        ))
        .expect("the window's capability");
        let capability: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        for granted in capability["permissions"].as_array().expect("a list") {
            let granted = granted.to_string();
            assert!(
                !granted.contains("dialog:") && !granted.contains("opener:"),
                "{granted}: the shell shows the dialog and opens the file; a webview allowed to \
                 would let a page write or open any file it names"
            );
        }
    }

    #[test]
    fn a_name_typed_without_an_extension_gets_the_formats() {
        assert_eq!(
            with_extension("/d/Acme report".into(), "html"),
            PathBuf::from("/d/Acme report.html")
        );
        assert_eq!(
            with_extension("/d/acme.htm".into(), "html"),
            PathBuf::from("/d/acme.htm"),
            "an extension the person typed is theirs to keep"
        );
    }
}
