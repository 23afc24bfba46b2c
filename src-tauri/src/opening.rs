//! Importing a file the person chooses: the desktop's open dialog, shown by the shell, and the
//! file it chose held here — the webview never names a path to read.
//!
//! Choosing previews the file (`Atlas::preview_import`: what it would change, written nowhere)
//! and hands the window a token for it; importing names the token, and the core refuses the
//! file if its bytes no longer have the preview's checksum. Only the latest choice is held (one
//! Import dialog at a time), and only the latest import can be undone whole from its notice.
//!
//! WebDriver cannot drive a native dialog, so who chooses is decided once at start-up, as for
//! saving: `ATLAS_OPEN_DIALOG_ANSWER=/path/to/file` answers every open dialog with that file
//! without showing it (a test rewrites the file between imports). It is for the end-to-end
//! tests; nothing else reads it.

use crate::saving::{self, Proposal, SavedFile};
use crate::state::AppState;
use atlas_core::api::ApiError;
use atlas_core::store::{self, ImportPreview, ImportReport, ImportUndo, Resolution};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use tauri::Manager;
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

/// Who chooses the file an import reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opener {
    /// The person, in the desktop's open dialog.
    Dialog,
    /// Nobody: every open dialog answers this file (the tests' seam).
    File(PathBuf),
}

/// How this run of the app opens files, and the file chosen and import done last.
#[derive(Debug)]
pub struct Opening {
    pub opener: Opener,
    chosen: Mutex<Option<Chosen>>,
    imported: Mutex<Option<(String, ImportUndo)>>,
    tokens: AtomicU64,
}

#[derive(Debug)]
struct Chosen {
    token: String,
    path: PathBuf,
    checksum: String,
}

/// A file chosen for import and what it would change; `token` names it to `apply_import`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportChoice {
    pub token: String,
    pub preview: ImportPreview,
}

/// What an import did; `undo` names it to `undo_import`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportDone {
    pub undo: String,
    pub report: ImportReport,
}

impl Opening {
    /// As a person uses the app: the open dialog.
    pub fn interactive() -> Opening {
        Opening::with(Opener::Dialog)
    }

    /// As the environment asks (see the module's header); read once, when the app starts.
    pub fn from_env() -> Opening {
        Opening::from_value(std::env::var_os("ATLAS_OPEN_DIALOG_ANSWER").as_deref())
    }

    fn from_value(answer: Option<&std::ffi::OsStr>) -> Opening {
        Opening::with(match answer {
            Some(file) if !file.is_empty() => Opener::File(PathBuf::from(file)),
            _ => Opener::Dialog,
        })
    }

    pub fn with(opener: Opener) -> Opening {
        Opening {
            opener,
            chosen: Mutex::new(None),
            imported: Mutex::new(None),
            tokens: AtomicU64::new(1),
        }
    }

    fn token(&self, what: &str) -> String {
        format!("{what}-{}", self.tokens.fetch_add(1, Ordering::Relaxed))
    }
}

/// A refusal about the chosen file names it as the window shows it, by its name alone: the
/// window is never told which folder a file is in.
fn by_name(mut error: ApiError, path: &std::path::Path) -> ApiError {
    if let Some(name) = path.file_name() {
        error.message = error
            .message
            .replace(&path.display().to_string(), &name.to_string_lossy());
    }
    error
}

fn refusal(message: impl Into<String>) -> ApiError {
    ApiError {
        code: None,
        message: message.into(),
    }
}

/// Shows the open dialog (JSON and CSV exports) and previews the file chosen; `None` when the
/// person cancelled. A file that cannot be imported is refused here, naming record and field.
pub fn choose_import_file(app: &AppState) -> Result<Option<ImportChoice>, ApiError> {
    let Some(path) = pick(app)? else {
        return Ok(None);
    };
    let preview = app
        .atlas
        .preview_import(&path)
        .map_err(|e| by_name(e.into(), &path))?;
    let token = app.opening.token("import");
    *app.opening.chosen.lock().unwrap_or_else(|e| e.into_inner()) = Some(Chosen {
        token: token.clone(),
        path,
        checksum: preview.checksum.clone(),
    });
    Ok(Some(ImportChoice { token, preview }))
}

/// Imports the file chosen under `token` as it was previewed, with the person's choices.
pub fn apply_import(
    app: &AppState,
    token: &str,
    merge: bool,
    resolutions: &[Resolution],
) -> Result<ImportDone, ApiError> {
    let (path, checksum) = {
        let chosen = app.opening.chosen.lock().unwrap_or_else(|e| e.into_inner());
        match chosen.as_ref().filter(|c| c.token == token) {
            Some(c) => (c.path.clone(), c.checksum.clone()),
            None => {
                return Err(refusal(
                    "this import is no longer open (another file was chosen since); choose the file again",
                ))
            }
        }
    };
    let (report, undo) = app
        .atlas
        .apply_import(&path, &checksum, merge, resolutions)
        .map_err(|e| by_name(e.into(), &path))?;
    app.opening
        .chosen
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    let done = app.opening.token("undo");
    *app.opening
        .imported
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = Some((done.clone(), undo));
    Ok(ImportDone { undo: done, report })
}

/// Undoes the import `token` names, whole; refused when it is not the latest.
pub fn undo_import(app: &AppState, token: &str) -> Result<(), ApiError> {
    let mut imported = app
        .opening
        .imported
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let Some((_, undo)) = imported.as_ref().filter(|(t, _)| t == token) else {
        return Err(refusal(
            "only the latest import can be undone whole; undo its changes one by one",
        ));
    };
    app.atlas.undo_import(undo)?;
    imported.take();
    Ok(())
}

/// Saves one organisation (or all, `org` `None`) as JSON or CSV where the person chooses, as
/// a report is saved: proposed as "<Org> – export – <date>.json" in the export folder, never
/// over an earlier file.
pub fn save_export(
    app: &AppState,
    org: Option<i64>,
    format: &str,
) -> Result<Option<SavedFile>, ApiError> {
    let (text, kind) = match format {
        "json" => (
            app.atlas.export_json(org)?,
            "Capability Atlas export (JSON)",
        ),
        "csv" => (app.atlas.export_csv(org)?, "Spreadsheet (CSV)"),
        other => {
            return Err(refusal(format!(
                "`{}` is not an export format (json, csv)",
                atlas_core::limits::echo(other)
            )))
        }
    };
    let name = match org {
        Some(id) => app.atlas.proposed_file_name(id, "export", format)?,
        None => format!("All organisations – export – {}.{format}", store::today()),
    };
    let proposal = Proposal {
        name,
        folder: &app.exports(),
        kind,
        extension: format,
    };
    saving::save(app, proposal, |path| {
        app.atlas.write_export(path, &text, false)
    })
}

fn pick(app: &AppState) -> Result<Option<PathBuf>, ApiError> {
    match &app.opening.opener {
        Opener::File(path) => Ok(Some(path.clone())),
        Opener::Dialog => {
            let handle = app
                .handle
                .get()
                .ok_or_else(|| refusal("the app's windows are not up yet"))?;
            let mut dialog = handle
                .dialog()
                .file()
                .set_title("Import")
                .set_directory(app.exports())
                .add_filter("Capability Atlas export (JSON, CSV)", &["json", "csv"]);
            if let Some(window) = handle.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            // As for saving: off the main thread, waiting for the person is allowed.
            match dialog.blocking_pick_file() {
                None => Ok(None),
                Some(file) => file.into_path().map(Some).map_err(|e| {
                    refusal(format!(
                        "the open dialog did not answer with a file on this computer: {e}"
                    ))
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc::dispatch;
    use serde_json::json;

    fn state(data: &std::path::Path, answer: PathBuf) -> AppState {
        let mut state =
            AppState::new_with_author(atlas_core::load_builtin(), data.to_path_buf(), "Ada");
        state.opening = Opening::with(Opener::File(answer));
        state.saving = saving::Saving {
            chooser: saving::Chooser::Folder(data.join("answers")),
            folder: saving::Chooser::Dialog,
            open: false,
        };
        std::fs::create_dir_all(data.join("answers")).unwrap();
        state
    }

    #[test]
    fn an_export_saved_through_the_dialog_imports_into_a_fresh_folder_by_token() {
        let a = tempfile::tempdir().unwrap();
        let first = state(a.path(), a.path().join("unused"));
        dispatch(&first, "create_organisation", json!({"name": "Acme / R&D"})).unwrap();
        let saved = dispatch(&first, "save_export", json!({"org": 1, "format": "json"})).unwrap();
        let name = saved["name"].as_str().unwrap();
        assert!(
            name.starts_with("Acme - R&D – export – ") && name.ends_with(".json"),
            "the proposed name says whose export it is: {name}"
        );
        let b = tempfile::tempdir().unwrap();
        let second = state(b.path(), PathBuf::from(saved["path"].as_str().unwrap()));
        let choice = dispatch(&second, "choose_import_file", json!({})).unwrap();
        assert_eq!(choice["preview"]["organisations"][0]["name"], "Acme / R&D");
        assert!(
            !choice.to_string().contains(a.path().to_str().unwrap()),
            "the window is never told where the file is"
        );
        let wrong = dispatch(
            &second,
            "apply_import",
            json!({"token": "import-99", "merge": false, "resolutions": []}),
        )
        .unwrap_err();
        assert!(
            wrong.message.contains("no longer open"),
            "{}",
            wrong.message
        );
        let done = dispatch(
            &second,
            "apply_import",
            json!({"token": choice["token"], "merge": false, "resolutions": []}),
        )
        .unwrap();
        assert_eq!(done["report"]["organisations_added"][0], "Acme / R&D");
        dispatch(&second, "undo_import", json!({"token": done["undo"]})).unwrap();
        let listed = dispatch(&second, "organisations", json!({})).unwrap();
        assert_eq!(
            listed,
            json!([]),
            "undoing the import takes its organisation away"
        );
    }

    #[test]
    fn a_bad_file_is_refused_by_its_name_and_where_it_broke_never_by_its_folder() {
        let data = tempfile::tempdir().unwrap();
        let file = data.path().join("cut.json");
        std::fs::write(&file, "{\"format\": \"capability-atlas/organisations\",").unwrap();
        let app = state(data.path(), file);
        let err = dispatch(&app, "choose_import_file", json!({})).unwrap_err();
        assert!(
            err.message
                .starts_with("cut.json: not a complete JSON document")
                && err.message.contains("line 1"),
            "{}",
            err.message
        );
        assert!(
            !err.message.contains(data.path().to_str().unwrap()),
            "{}",
            err.message
        );
    }

    #[test]
    fn without_the_tests_variable_the_person_chooses_in_the_dialog() {
        assert_eq!(Opening::from_value(None).opener, Opener::Dialog);
        assert_eq!(
            Opening::from_value(Some(std::ffi::OsStr::new(""))).opener,
            Opener::Dialog,
            "an empty answer must not silently skip the dialog"
        );
        assert_eq!(
            Opening::from_value(Some(std::ffi::OsStr::new("/tmp/a.json"))).opener,
            Opener::File("/tmp/a.json".into())
        );
    }
}
