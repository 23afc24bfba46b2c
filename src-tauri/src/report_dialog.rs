//! The Report dialog's commands, behind `ipc/`: the formats it offers (from the core, so a
//! format the core learns appears in the dialog unchanged), the choices it sends parsed into a
//! `ReportRequest`, and saving a report or the plan's CSV through the shell's save flow
//! (`saving`). What a report says is the core's; nothing here decides it.

use crate::saving::{self, Proposal, SavedFile};
use crate::state::AppState;
use atlas_core::api::ApiError;
use atlas_core::atlas::ReportFormat;
use atlas_core::reports::{Profile, ReportRequest};

/// A format a report can be saved in, as the dialog offers it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct ReportFormatChoice {
    /// Its files' extension, which is also how `save_report` names it.
    pub extension: String,
    /// What a person calls it.
    pub label: String,
}

/// Every format, in the core's order.
pub fn formats() -> Vec<ReportFormatChoice> {
    ReportFormat::all()
        .into_iter()
        .map(|f| ReportFormatChoice {
            extension: f.extension().into(),
            label: f.label().into(),
        })
        .collect()
}

fn invalid(message: String) -> ApiError {
    ApiError {
        code: None,
        message,
    }
}

/// The dialog's choices as the core's request; a profile it does not know is refused by name.
pub fn request(
    profile: &str,
    since: Option<String>,
    include_scores: bool,
) -> Result<ReportRequest, ApiError> {
    let profile = Profile::parse(profile).map_err(|why| invalid(format!("profile: {why}")))?;
    Ok(ReportRequest {
        profile,
        since: since.filter(|s| !s.trim().is_empty()),
        include_scores,
    })
}

fn format(extension: &str) -> Result<ReportFormat, ApiError> {
    ReportFormat::parse(extension).map_err(|why| invalid(format!("format: {why}")))
}

/// Makes the report (refusing before any dialog when there is nothing to report), asks where
/// it goes, proposing "<organisation> – <profile> report – <date>.<ext>" in the export folder,
/// and writes it there, never over an earlier file.
pub fn save_report(
    app: &AppState,
    org: i64,
    req: &ReportRequest,
    extension: &str,
) -> Result<Option<SavedFile>, ApiError> {
    let format = format(extension)?;
    let bytes = app.atlas.report(org, req, format)?;
    let what = format!("{} report", req.profile.name());
    let proposal = Proposal {
        name: app
            .atlas
            .proposed_file_name(org, &what, format.extension())?,
        folder: &app.exports(),
        kind: format.label(),
        extension: format.extension(),
    };
    saving::save(app, proposal, |path| app.atlas.write_report(path, &bytes))
}

/// Saves the organisation's actions as CSV for a tracker, as `save_report` saves a report.
pub fn save_actions_csv(app: &AppState, org: i64) -> Result<Option<SavedFile>, ApiError> {
    let csv = app.atlas.export_actions_csv(org)?;
    let proposal = Proposal {
        name: app.atlas.proposed_file_name(org, "actions", "csv")?,
        folder: &app.exports(),
        kind: "Spreadsheet (CSV)",
        extension: "csv",
    };
    saving::save(app, proposal, |path| {
        app.atlas.write_export(path, &csv, false)
    })
}

#[cfg(test)]
mod tests {
    use crate::ipc::dispatch;
    use crate::saving::{Chooser, Saving};
    use crate::state::AppState;
    use serde_json::{json, Value};
    use std::path::Path;

    /// Acme with one capability assessed and one action, saving into `answers` as the
    /// end-to-end tests' seam does, without opening anything.
    fn acme(data: &Path, answers: &Path) -> AppState {
        let mut state =
            AppState::new_with_author(atlas_core::load_builtin(), data.to_path_buf(), "Ada");
        state.saving = Saving {
            chooser: Chooser::Folder(answers.to_path_buf()),
            folder: Chooser::Dialog,
            open: false,
        };
        dispatch(&state, "create_organisation", json!({"name": "Acme / R&D"})).unwrap();
        let changes = json!({"current": 1, "target": 4, "actions": [
            {"id": "", "title": "Write the curation policy", "owner": "Grace", "due": "2099-01-31",
             "status": "open", "note": ""}
        ]});
        dispatch(
            &state,
            "save_assessment",
            json!({"org": 1, "capability": "data-curation", "changes": changes}),
        )
        .unwrap();
        state
    }

    fn save_report(state: &AppState, format: &str) -> Result<Value, atlas_core::api::ApiError> {
        dispatch(
            state,
            "save_report",
            json!({"org": 1, "profile": "board", "since": null, "include_scores": false, "format": format}),
        )
    }

    #[test]
    fn a_second_save_of_the_same_report_gets_a_new_name_and_the_first_is_kept() {
        let (data, answers) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let state = acme(data.path(), answers.path());
        let first = save_report(&state, "html").unwrap();
        let today = atlas_core::store::today();
        assert_eq!(
            first["name"],
            format!("Acme - R&D – board report – {today}.html"),
            "the proposed name: organisation (a slash would make it a folder), profile and date"
        );
        let written = std::fs::read_to_string(first["path"].as_str().unwrap()).unwrap();
        assert!(
            written.contains("Acme / R&amp;D") && written.contains("Write the curation policy")
        );
        let second = save_report(&state, "html").unwrap();
        assert_eq!(
            second["name"],
            format!("Acme - R&D – board report – {today} (2).html"),
            "a taken name is never overwritten: the report gets a free one beside it"
        );
        assert_eq!(
            std::fs::read_to_string(first["path"].as_str().unwrap()).unwrap(),
            written,
            "the first report is left as it was"
        );
        assert_eq!(first["not_opened"], Value::Null);
    }

    #[test]
    fn every_offered_format_saves_under_its_extension() {
        let (data, answers) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let state = acme(data.path(), answers.path());
        let formats = dispatch(&state, "report_formats", json!({})).unwrap();
        for f in formats.as_array().unwrap() {
            let ext = f["extension"].as_str().unwrap();
            let saved = save_report(&state, ext).unwrap();
            let path = Path::new(saved["path"].as_str().unwrap());
            assert_eq!(path.extension().unwrap(), ext);
            assert!(
                std::fs::metadata(path).unwrap().len() > 0,
                "{ext} was written"
            );
        }
    }

    #[test]
    fn nothing_is_written_for_an_organisation_with_nothing_assessed() {
        let (data, answers) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let state = acme(data.path(), answers.path());
        dispatch(&state, "create_organisation", json!({"name": "Empty"})).unwrap();
        let preview = dispatch(
            &state,
            "report_preview",
            json!({"org": 2, "profile": "board", "since": null, "include_scores": false}),
        )
        .unwrap_err();
        assert!(preview.message.contains("Empty"), "{}", preview.message);
        let save = dispatch(
            &state,
            "save_report",
            json!({"org": 2, "profile": "full", "since": null, "include_scores": false, "format": "md"}),
        )
        .unwrap_err();
        assert_eq!(
            save.message, preview.message,
            "the dialog and the save say the same"
        );
        assert_eq!(
            std::fs::read_dir(answers.path()).unwrap().count(),
            0,
            "a refused report writes nothing"
        );
    }

    #[test]
    fn an_unknown_profile_or_format_is_refused_naming_the_field() {
        let (data, answers) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let state = acme(data.path(), answers.path());
        let profile = dispatch(
            &state,
            "report_preview",
            json!({"org": 1, "profile": "boardroom", "since": null, "include_scores": false}),
        )
        .unwrap_err();
        assert!(
            profile.message.starts_with("profile:")
                && profile.message.contains("board, full, handout"),
            "{}",
            profile.message
        );
        let format = save_report(&state, "exe").unwrap_err();
        assert!(format.message.starts_with("format:"), "{}", format.message);
    }

    #[test]
    fn the_preview_is_the_html_file_the_report_would_be() {
        let (data, answers) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let state = acme(data.path(), answers.path());
        let preview = dispatch(
            &state,
            "report_preview",
            json!({"org": 1, "profile": "board", "since": null, "include_scores": false}),
        )
        .unwrap();
        let saved = save_report(&state, "html").unwrap();
        let file = std::fs::read_to_string(saved["path"].as_str().unwrap()).unwrap();
        // The cover's minute may turn between the two; everything else is the same page.
        let without_stamp = |s: &str| {
            s.lines()
                .filter(|l| !l.contains(" UTC"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            without_stamp(preview.as_str().unwrap()),
            without_stamp(&file),
            "the preview must show what the file will hold"
        );
    }

    #[test]
    fn the_plan_is_saved_as_csv_for_a_tracker() {
        let (data, answers) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let state = acme(data.path(), answers.path());
        let saved = dispatch(&state, "save_actions_csv", json!({"org": 1})).unwrap();
        let today = atlas_core::store::today();
        assert_eq!(saved["name"], format!("Acme - R&D – actions – {today}.csv"));
        let csv = std::fs::read_to_string(saved["path"].as_str().unwrap()).unwrap();
        assert_eq!(
            csv,
            dispatch(&state, "actions_csv", json!({"org": 1})).unwrap(),
            "the file holds exactly the plan's CSV"
        );
        assert!(csv.contains("Write the curation policy"));
    }
}
