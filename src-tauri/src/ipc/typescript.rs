//! The generated TypeScript module: every type the commands exchange, then `Commands`.

use super::*;

/// Type declarations for every type the commands exchange, in dependency order.
pub fn typescript_types() -> String {
    use ts_rs::TS;
    let cfg = ts_rs::Config::default();
    let decls = [
        atlas_core::model::SourceRef::decl(&cfg),
        atlas_core::model::KindDef::decl(&cfg),
        atlas_core::model::EdgeKindDef::decl(&cfg),
        atlas_core::model::StatusDef::decl(&cfg),
        atlas_core::model::MaturityLevel::decl(&cfg),
        api::NodeSummary::decl(&cfg),
        api::EdgeView::decl(&cfg),
        api::FrameworkView::decl(&cfg),
        api::LinkView::decl(&cfg),
        api::NodeDetail::decl(&cfg),
        api::CounterpartView::decl(&cfg),
        api::CrosswalkGroup::decl(&cfg),
        api::CrosswalkUnit::decl(&cfg),
        api::CrosswalkSide::decl(&cfg),
        api::CrosswalkLink::decl(&cfg),
        api::CrosswalkView::decl(&cfg),
        atlas_core::search::SearchHit::decl(&cfg),
        api::ErrorCode::decl(&cfg),
        api::ApiError::decl(&cfg),
        store::StoreStatus::decl(&cfg),
        store::Organisation::decl(&cfg),
        store::DeletedOrganisation::decl(&cfg),
        preferences::ThemeChoice::decl(&cfg),
        preferences::Preferences::decl(&cfg),
        preferences::PreferencesView::decl(&cfg),
        store::Priority::decl(&cfg),
        store::Confidence::decl(&cfg),
        store::Evidence::decl(&cfg),
        store::Action::decl(&cfg),
        store::ActionStatus::decl(&cfg),
        store::Assessment::decl(&cfg),
        store::AssessmentPatch::decl(&cfg),
        store::UndoOutcome::decl(&cfg),
        store::HistoryEntry::decl(&cfg),
        store::Snapshot::decl(&cfg),
        store::Side::decl(&cfg),
        store::FieldDiff::decl(&cfg),
        store::CapabilityDiff::decl(&cfg),
        store::Comparison::decl(&cfg),
        store::BulkEdit::decl(&cfg),
        reports::PerspectiveScore::decl(&cfg),
        reports::GapItem::decl(&cfg),
        reports::RoadmapStage::decl(&cfg),
        reports::PlanItem::decl(&cfg),
        reports::PlanFigures::decl(&cfg),
        reports::Dashboard::decl(&cfg),
        Lens::decl(&cfg),
        store::Point::decl(&cfg),
        store::SavedLayout::decl(&cfg),
        atlas_core::graph::queries::PathEdge::decl(&cfg),
        store::ViewFilters::decl(&cfg),
        store::ViewFocus::decl(&cfg),
        store::ViewCamera::decl(&cfg),
        store::SavedView::decl(&cfg),
        atlas_core::tours::StepView::decl(&cfg),
        atlas_core::tours::TourStep::decl(&cfg),
        Tour::decl(&cfg),
        api::TourStepView::decl(&cfg),
        api::TourView::decl(&cfg),
        store::Workshop::decl(&cfg),
        Presentation::decl(&cfg),
        ReportFormatChoice::decl(&cfg),
        SavedFile::decl(&cfg),
        store::ImportCounts::decl(&cfg),
        store::OrgPreview::decl(&cfg),
        store::Changed::decl(&cfg),
        store::ConflictDetail::decl(&cfg),
        store::ImportPreview::decl(&cfg),
        store::Take::decl(&cfg),
        store::Resolution::decl(&cfg),
        store::Conflict::decl(&cfg),
        store::ImportReport::decl(&cfg),
        crate::opening::ImportChoice::decl(&cfg),
        crate::opening::ImportDone::decl(&cfg),
        store::BackupSummary::decl(&cfg),
        atlas_core::ProblemKind::decl(&cfg),
        atlas_core::Problem::decl(&cfg),
        atlas_core::atlas::PackStatus::decl(&cfg),
        crate::pack_dialog::PackOpening::decl(&cfg),
        store::OrphanDecision::decl(&cfg),
        atlas_core::atlas::OrphanCandidate::decl(&cfg),
        atlas_core::atlas::OrphanEntry::decl(&cfg),
        atlas_core::atlas::OrphanReview::decl(&cfg),
    ];
    decls
        .iter()
        .map(|d| format!("export {d}\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The whole generated TypeScript module, as committed at `ui/src/lib/platform/bindings.ts`.
pub fn typescript_bindings() -> String {
    format!(
        "// Generated from src-tauri/src/ipc/mod.rs by `cargo test -p atlas ipc` with\n\
         // UPDATE_BINDINGS=1. Do not edit by hand: a test fails when this file is stale.\n\n{}\n{}",
        typescript_types(),
        typescript_commands()
    )
}
