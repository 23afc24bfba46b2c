//! The IPC surface: every command the UI may call, declared once.
//!
//! `ipc_surface!` turns each declaration into a Tauri command, registers it in the handler,
//! and describes it to TypeScript, so the command, its handler entry and its TS signature can
//! never drift apart. Commands are adapters: each calls one method of `atlas_core::Atlas` and
//! returns its answer or an `ApiError` (`{code, message}`). Rules belong in the core.
//!
//! The macro lives in `surface`, the TypeScript it writes in `typescript`, and the tests that
//! hold the two together in `tests`.

#[macro_use]
mod surface;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub mod typescript;

use crate::menu;
use crate::opening;
use crate::pack_dialog;
use crate::present::{self, Presentation};
use crate::report_dialog::{self, ReportFormatChoice};
use crate::saving::{self, SavedFile};
use crate::state::AppState;
use atlas_core::api::{self, ApiError};
use atlas_core::atlas::ReportFormat;
use atlas_core::graph::queries::{Lens, PathEdge};
use atlas_core::preferences;
use atlas_core::reports;
use atlas_core::search::{SearchHit, SearchOptions};
use atlas_core::store;
use atlas_core::tours::Tour;
use std::collections::BTreeMap;

ipc_surface! {
    /// The loaded framework: identity, kinds, maturity scale, every node and edge.
    fn framework(app) -> api::FrameworkView {
        Ok(app.atlas.framework_view()?)
    }

    /// The pack in effect, where it came from, and a notice when a remembered one failed.
    fn pack_status(app) -> atlas_core::atlas::PackStatus {
        Ok(app.atlas.pack_status())
    }

    /// Asks for a pack folder (the desktop's folder dialog) and opens it whole, or answers
    /// every problem with file and line and keeps the current pack; `null` when cancelled.
    fn open_pack(app) -> Option<pack_dialog::PackOpening> {
        pack_dialog::open_pack(app)
    }

    /// The organisation's assessments of capabilities the pack no longer has, with candidates.
    fn orphan_review(app, org: u32) -> atlas_core::atlas::OrphanReview {
        Ok(app.atlas.orphan_review(org.into())?)
    }

    /// Moves an orphan's whole assessment to a capability of the pack, as one undoable change.
    fn map_orphan(app, org: u32, capability: String, target: String) -> atlas_core::atlas::OrphanReview {
        Ok(app.atlas.map_orphan(org.into(), &capability, &target)?)
    }

    /// Records an orphan as reviewed and kept as it is (still stored, still exported).
    fn archive_orphan(app, org: u32, capability: String) -> atlas_core::atlas::OrphanReview {
        Ok(app.atlas.archive_orphan(org.into(), &capability)?)
    }

    /// One node for the reader: rendered body, links and backlinks.
    fn node(app, id: String) -> api::NodeDetail {
        Ok(app.atlas.node(&id)?)
    }

    /// The pack in effect against each framework a built-in mapping links it to.
    fn crosswalks(app) -> Vec<api::CrosswalkView> {
        Ok(app.atlas.crosswalks()?)
    }

    /// Ranked results for what was typed in the search box, framework and notes alike.
    fn search(app, query: String, limit: u32) -> Vec<SearchHit> {
        let opts = SearchOptions { limit: limit as usize, ..Default::default() };
        Ok(app.atlas.search(&query, &opts)?)
    }

    /// Whether organisation data can be read and written (and why not).
    fn store_status(app) -> store::StoreStatus {
        Ok(app.atlas.store_status())
    }

    /// The live organisations, by name.
    fn organisations(app) -> Vec<store::Organisation> {
        Ok(app.atlas.organisations()?)
    }

    /// Creates an organisation; names are unique ignoring case and surrounding spaces.
    fn create_organisation(app, name: String) -> store::Organisation {
        Ok(app.atlas.create_organisation(&name)?)
    }

    /// Renames an organisation; the new name must not be another live one's.
    fn rename_organisation(app, org: u32, name: String) -> store::Organisation {
        Ok(app.atlas.rename_organisation(org.into(), &name)?)
    }

    /// Replaces an organisation's description.
    fn describe_organisation(app, org: u32, description: String) -> store::Organisation {
        Ok(app.atlas.describe_organisation(org.into(), &description)?)
    }

    /// Deletes an organisation; its data is kept, so undo or restore brings it back.
    fn delete_organisation(app, org: u32) -> () {
        Ok(app.atlas.delete_organisation(org.into())?)
    }

    /// The deleted organisations with when each was deleted, newest first.
    fn deleted_organisations(app) -> Vec<store::DeletedOrganisation> {
        Ok(app.atlas.deleted_organisations_dated()?)
    }

    /// Brings a deleted organisation back with everything it held.
    fn restore_organisation(app, org: u32) -> store::Organisation {
        Ok(app.atlas.restore_organisation_id(org.into())?)
    }

    /// The saved preferences and the defaults they fall back on.
    fn preferences(app) -> preferences::PreferencesView {
        Ok(app.atlas.preferences())
    }

    /// Saves the author's display name (blank: the system's full name) and the theme.
    fn save_preferences(app, author: String, theme: preferences::ThemeChoice) -> preferences::PreferencesView {
        Ok(app.atlas.save_preferences(&author, theme)?)
    }

    /// The folder exports are written to.
    fn export_folder(app) -> String {
        Ok(app.exports().display().to_string())
    }

    /// Asks for another export folder (the desktop's folder dialog), keeps it in the
    /// preferences and starts every save dialog there; returns the folder now in use.
    fn choose_export_folder(app) -> String {
        saving::choose_export_folder(app)
    }

    /// Takes a backup of the database now; returns its file name in the backups folder.
    fn backup_now(app) -> String {
        let path = app.atlas.backup_now()?;
        Ok(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
    }

    /// The backups in the data folder, newest first, with what each holds.
    fn backups(app) -> Vec<store::BackupSummary> {
        Ok(app.atlas.backups())
    }

    /// Restores the backup named `name` (from `backups`) in the running app, keeping the
    /// database it replaces as a backup first; returns that backup's file name.
    fn restore_backup(app, name: String) -> Option<String> {
        let restored = app.atlas.restore_backup(&name)?;
        Ok(restored.replaced.and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())))
    }

    /// The data folder, as Preferences shows it.
    fn data_folder(app) -> String {
        Ok(app.atlas.data_dir().display().to_string())
    }

    /// Does what clicking menu item `id` does. Only for the end-to-end tests, which cannot
    /// click a native menu: refused unless the app started with `ATLAS_TEST_MENU=1`.
    fn menu_activate(app, id: String) -> () {
        if !app.menu_seam {
            return Err(window_error("menu items are clicked in the menu bar".into()));
        }
        menu::activate(handle(app)?, &id).map_err(window_error)
    }

    /// An organisation's assessment of one capability (empty when never assessed).
    fn assessment(app, org: u32, capability: String) -> store::Assessment {
        Ok(app.atlas.assessment(org.into(), &capability)?)
    }

    /// An organisation's notes on one capability, rendered from markdown and sanitised.
    fn notes_html(app, org: u32, capability: String) -> String {
        Ok(app.atlas.notes_html(org.into(), &capability)?)
    }

    /// Applies just the fields sent to the assessment as stored, records them; returns it stored.
    fn save_assessment(app, org: u32, capability: String, changes: store::AssessmentPatch) -> store::Assessment {
        Ok(app.atlas.save_assessment(org.into(), &capability, changes)?)
    }

    /// Reverts the organisation's last change.
    fn undo(app, org: u32) -> store::UndoOutcome {
        Ok(app.atlas.undo(org.into())?)
    }

    /// Re-applies the last undone change.
    fn redo(app, org: u32) -> store::UndoOutcome {
        Ok(app.atlas.redo(org.into())?)
    }

    /// Every assessment of the organisation, by capability id (for heatmaps and the map).
    fn assessments(app, org: u32) -> BTreeMap<String, store::Assessment> {
        Ok(app.atlas.assessments(org.into())?)
    }

    /// Sets one field on many capabilities as a single change (one undo step); all or nothing.
    fn save_assessments(app, org: u32, capabilities: Vec<String>, edit: store::BulkEdit) -> BTreeMap<String, store::Assessment> {
        Ok(app.atlas.save_assessments(org.into(), &capabilities, &edit)?)
    }

    /// The organisation's change history, oldest first; with a capability, its timeline only.
    fn history(app, org: u32, capability: Option<String>) -> Vec<store::HistoryEntry> {
        Ok(app.atlas.history(org.into(), capability.as_deref())?)
    }

    /// The organisation's snapshots, oldest first.
    fn snapshots(app, org: u32) -> Vec<store::Snapshot> {
        Ok(app.atlas.snapshots(org.into())?)
    }

    /// Freezes the organisation's assessments under a name.
    fn take_snapshot(app, org: u32, name: String) -> store::Snapshot {
        Ok(app.atlas.take_snapshot(org.into(), &name)?)
    }

    /// What differs between two sides (snapshots or current states), capability by capability.
    fn compare(app, a: store::Side, b: store::Side) -> store::Comparison {
        Ok(app.atlas.compare(&a, &b)?)
    }

    /// The organisation dashboard: radar per perspective, largest gaps, roadmap by stage, plan.
    fn dashboard(app, org: u32) -> reports::Dashboard {
        Ok(app.atlas.dashboard(org.into())?)
    }

    /// The organisation's actions as CSV for an issue tracker (the text, not a file).
    fn actions_csv(app, org: u32) -> String {
        Ok(app.atlas.export_actions_csv(org.into())?)
    }

    /// Asks where to save the organisation's actions as CSV (the desktop's save dialog), writes
    /// them there and opens the file; `null` when the person cancelled.
    fn save_actions_csv(app, org: u32) -> Option<SavedFile> {
        report_dialog::save_actions_csv(app, org.into())
    }

    /// Shows the open dialog for a JSON or CSV export and answers what importing it would
    /// change, written nowhere; `null` when the person cancelled. The shell keeps the file.
    fn choose_import_file(app) -> Option<opening::ImportChoice> {
        opening::choose_import_file(app)
    }

    /// Imports the file `token` names as previewed: as new organisations, or merged into those
    /// of the same name with a side chosen per conflict. One transaction, undone whole.
    fn apply_import(app, token: String, merge: bool, resolutions: Vec<store::Resolution>) -> opening::ImportDone {
        opening::apply_import(app, &token, merge, &resolutions)
    }

    /// Undoes the latest import whole (its notice's Undo).
    fn undo_import(app, token: String) -> () {
        opening::undo_import(app, &token)
    }

    /// Asks where to save one organisation (or all) as `json` or `csv`, writes it there, never
    /// over an earlier file, and opens it; `null` when the person cancelled.
    fn save_export(app, org: Option<u32>, format: String) -> Option<SavedFile> {
        opening::save_export(app, org.map(i64::from), &format)
    }

    /// The formats a report can be saved in, in the order the Report dialog offers them.
    fn report_formats(_app) -> Vec<ReportFormatChoice> {
        Ok(report_dialog::formats())
    }

    /// The report as its file will say it, as a self-contained HTML page for the preview.
    fn report_preview(app, org: u32, profile: String, since: Option<String>, include_scores: bool) -> String {
        let req = report_dialog::request(&profile, since, include_scores)?;
        Ok(String::from_utf8_lossy(&app.atlas.report(org.into(), &req, ReportFormat::Html)?).into_owned())
    }

    /// Asks where to save the report (the desktop's save dialog), writes it there, never over an
    /// earlier file, and opens it; `null` when the person cancelled.
    fn save_report(app, org: u32, profile: String, since: Option<String>, include_scores: bool, format: String) -> Option<SavedFile> {
        let req = report_dialog::request(&profile, since, include_scores)?;
        report_dialog::save_report(app, org.into(), &req, &format)
    }

    /// What concerns a stakeholder: perspectives and capabilities.
    fn lens(app, stakeholder: String) -> Lens {
        Ok(app.atlas.lens(&stakeholder)?)
    }

    /// The graph layout saved for a content pack, if any.
    fn layout(app, pack: String) -> Option<store::SavedLayout> {
        Ok(app.atlas.layout(&pack)?)
    }

    /// Saves the graph layout of a content pack, replacing the previous one.
    fn save_layout(app, pack: String, layout: store::SavedLayout) -> () {
        Ok(app.atlas.save_layout(&pack, &layout)?)
    }

    /// The shortest chain of links between two nodes, in order; `null` when nothing connects them.
    fn path(app, from: String, to: String) -> Option<Vec<PathEdge>> {
        Ok(app.atlas.path(&from, &to)?)
    }

    /// The pack's saved views of the graph, by name.
    fn saved_views(app) -> Vec<store::SavedView> {
        Ok(app.atlas.saved_views()?)
    }

    /// Keeps a view of the graph under its name; names are unique ignoring case and spaces.
    fn save_view(app, view: store::SavedView) -> store::SavedView {
        Ok(app.atlas.save_view(view)?)
    }

    /// Renames a saved view.
    fn rename_view(app, name: String, new_name: String) -> store::SavedView {
        Ok(app.atlas.rename_view(&name, &new_name)?)
    }

    /// Deletes a saved view.
    fn delete_view(app, name: String) -> () {
        Ok(app.atlas.delete_view(&name)?)
    }

    /// Writes an exported file (base64 for images) into the export folder; returns its path.
    fn export_file(app, name: String, data: String, base64: bool) -> String {
        Ok(app.atlas.export_view(&app.exports(), &name, data, base64)?.display().to_string())
    }

    /// Every tour: the pack's, then the user's own.
    fn tours(app) -> Vec<api::TourView> {
        Ok(app.atlas.tours()?)
    }

    /// Creates (empty id) or replaces one of the user's tours; built-in tours cannot be changed.
    fn save_tour(app, tour: Tour) -> api::TourView {
        Ok(app.atlas.save_tour(tour)?)
    }

    /// Deletes one of the user's tours.
    fn delete_tour(app, id: String) -> () {
        Ok(app.atlas.delete_tour(&id)?)
    }

    /// Writes a tour (built-in or the user's) as a `.toml` file into the export folder.
    fn export_tour(app, id: String) -> String {
        Ok(app.atlas.export_tour(&id, &app.exports())?.display().to_string())
    }

    /// Adds a tour from the text of a tour file; it never replaces an existing tour.
    fn import_tour(app, text: String) -> api::TourView {
        Ok(app.atlas.import_tour(&text)?)
    }

    /// The organisation's workshops, newest first, with their dot-votes.
    fn workshops(app, org: u32) -> Vec<store::Workshop> {
        Ok(app.atlas.workshops(org.into())?)
    }

    /// Starts a workshop: until it ends, every change to the organisation is attributed to it.
    fn start_workshop(app, org: u32, title: String, tour: Option<String>) -> store::Workshop {
        Ok(app.atlas.start_workshop(org.into(), &title, tour.as_deref())?)
    }

    /// Ends a workshop, first keeping a snapshot under `snapshot` when one is named.
    fn end_workshop(app, id: u32, snapshot: Option<String>) -> store::Workshop {
        Ok(app.atlas.end_workshop(id.into(), snapshot.as_deref())?)
    }

    /// Adds (or with a negative delta takes back) dot-votes on a capability; returns its count.
    fn vote(app, workshop: u32, capability: String, delta: i32) -> u32 {
        Ok(app.atlas.vote(workshop.into(), &capability, delta)?)
    }

    /// What is being presented now, for a window that opens mid-presentation.
    fn presentation(app) -> Option<Presentation> {
        Ok(present::current(app))
    }

    /// Moves the presentation; both windows receive the new state as the `presentation` event.
    fn set_presentation(app, state: Presentation) -> () {
        present::set(app, state).map_err(window_error)
    }

    /// Opens the presenter's window (or brings it forward).
    fn open_presenter(app) -> () {
        present::open_presenter(handle(app)?).map_err(window_error)
    }
}

/// The running app's handle, which the window commands need.
fn handle(app: &AppState) -> Result<&tauri::AppHandle, ApiError> {
    app.handle
        .get()
        .ok_or_else(|| window_error("the app's windows are not up yet".into()))
}

/// A window could not be opened or told: nothing the UI acts on, only a message.
fn window_error(message: String) -> ApiError {
    ApiError {
        code: None,
        message,
    }
}
