// Generated from src-tauri/src/ipc/mod.rs by `cargo test -p atlas ipc` with
// UPDATE_BINDINGS=1. Do not edit by hand: a test fails when this file is stale.

export type SourceRef = { 
/**
 * Section title, with `›` between nesting levels.
 */
section: string, 
/**
 * Page number in the publication.
 */
page: number, };

export type KindDef = { id: string, label: string, plural: string, };

export type EdgeKindDef = { id: string, 
/**
 * Reads as "source *label* target".
 */
label: string, };

export type StatusDef = { id: string, label: string, description: string, };

export type MaturityLevel = { level: number, name: string, definition: string, };

export type NodeSummary = { id: string, kind: string, title: string, tagline: string, status: string | null, order: number | null, 
/**
 * The node this one is `part_of`, when that parent is not the root (a capability's
 * perspective); the graph draws it as a compound group.
 */
parent: string | null, };

export type EdgeView = { from: string, to: string, kind: string, };

export type FrameworkView = { id: string, name: string, short_name: string, version: string, published: string, root: string, attribution: string, notice: string, kinds: Array<KindDef>, edge_kinds: Array<EdgeKindDef>, statuses: Array<StatusDef>, maturity: Array<MaturityLevel>, nodes: Array<NodeSummary>, edges: Array<EdgeView>, };

export type LinkView = { id: string, kind: string, title: string, edge: string, source: SourceRef, };

export type NodeDetail = { id: string, kind: string, kind_label: string, title: string, tagline: string, status: string | null, aliases: Array<string>, source: SourceRef, 
/**
 * Sanitised HTML of the body.
 */
html: string, links: Array<LinkView>, backlinks: Array<LinkView>, 
/**
 * Nodes of the other built-in frameworks that a mapping links to this one.
 */
counterparts: Array<CounterpartView>, 
/**
 * The short name of the framework this node belongs to when it is not the pack in effect
 * (a counterpart followed from the reader), else `null`.
 */
framework: string | null, };

export type CounterpartView = { 
/**
 * The other framework's short name ("AI RMF").
 */
framework: string, id: string, title: string, 
/**
 * `equal`, `subset`, `superset` or `intersect`.
 */
relation: string, 
/**
 * `proposed` until a person has reviewed the link, then `reviewed`.
 */
status: string, rationale: string, };

export type CrosswalkGroup = { id: string, title: string, 
/**
 * Units of the group with at least one link.
 */
linked: number, total: number, };

export type CrosswalkUnit = { id: string, title: string, group: string, 
/**
 * Why it has no counterpart, when it was left unmapped on purpose.
 */
unmapped: string | null, };

export type CrosswalkSide = { 
/**
 * The framework's short name ("CAF-AI").
 */
framework: string, 
/**
 * What its units are called ("Capabilities") and what groups them ("Perspective").
 */
unit_plural: string, group_label: string, 
/**
 * In the pack's order.
 */
groups: Array<CrosswalkGroup>, 
/**
 * In the pack's order.
 */
units: Array<CrosswalkUnit>, };

export type CrosswalkLink = { ours: string, theirs: string, relation: string, status: string, rationale: string, };

export type CrosswalkView = { title: string, summary: string, 
/**
 * The pack in effect.
 */
ours: CrosswalkSide, 
/**
 * The framework it is mapped to.
 */
theirs: CrosswalkSide, links: Array<CrosswalkLink>, };

export type SearchHit = { 
/**
 * The node id (for a note, the capability it is about).
 */
id: string, 
/**
 * The node kind, or `note` for an organisation's note.
 */
kind: string, title: string, 
/**
 * The perspective the result belongs to, by title, when it has one.
 */
perspective: string | null, 
/**
 * The organisation a note belongs to.
 */
org: string | null, score: number, 
/**
 * A short HTML-escaped excerpt with the matched words in `<mark>`.
 */
snippet: string, };

export type ErrorCode = "not_ready";

export type ApiError = { code: ErrorCode | null, message: string, };

export type StoreStatus = { 
/**
 * Why the store could not be opened at all (damaged or newer database).
 */
error: string | null, 
/**
 * Why the store can be read but not written.
 */
read_only: string | null, };

export type Organisation = { id: number, name: string, description: string, created_at: string, };

export type DeletedOrganisation = { organisation: Organisation, 
/**
 * When it was deleted, as the history records times.
 */
deleted_at: string, };

export type ThemeChoice = "system" | "light" | "dark";

export type Preferences = { 
/**
 * The name written into every history entry from now on; `None` for the system's full
 * name (see `author`).
 */
author?: string | null, 
/**
 * `None` until one is chosen: the window then keeps the theme it last showed.
 */
theme?: ThemeChoice | null, 
/**
 * Where exports go; `None` for the downloads folder. Only the shell sets it, from the
 * folder the person chose in the system's dialog: the window never names a path.
 */
export_dir?: string | null, 
/**
 * The framework pack folder opened last; `None` for the built-in pack. Only the shell
 * sets it, from the folder the person chose; the next start opens it.
 */
pack_dir?: string | null, };

export type PreferencesView = { saved: Preferences, 
/**
 * The name used when none is chosen: the system's full name.
 */
system_author: string, 
/**
 * Why the saved file could not be read, when it could not (the defaults are shown).
 */
problem: string | null, };

export type Priority = "low" | "medium" | "high" | "critical";

export type Confidence = "low" | "medium" | "high";

export type Evidence = { label: string, url: string, };

export type Action = { 
/**
 * Stable within the capability, so an edit or a merge can tell actions apart when titles change.
 */
id: string, title: string, 
/**
 * A stakeholder node id, or a person's name when the owner is not a framework role.
 */
owner: string | null, 
/**
 * An ISO date (YYYY-MM-DD).
 */
due: string | null, status: ActionStatus, 
/**
 * Markdown; rendered and sanitised by `crate::markdown` before display.
 */
note: string, };

export type ActionStatus = "open" | "in_progress" | "done" | "dropped";

export type Assessment = { current: number | null, target: number | null, priority: Priority | null, 
/**
 * A node id of kind `stage` (Envision, Align, Launch, Scale).
 */
stage: string | null, 
/**
 * A node id of kind `stakeholder`.
 */
owner: string | null, 
/**
 * Set when the capability does not apply; the text is the reason.
 */
not_applicable: string | null, 
/**
 * Markdown; rendered and sanitised by `crate::markdown` before display.
 */
notes: string, evidence: Array<Evidence>, tags: Array<string>, confidence: Confidence | null, 
/**
 * The improvement plan for this capability.
 */
actions: Array<Action>, };

export type AssessmentPatch = { current?: number | null, target?: number | null, priority?: Priority | null, stage?: string | null, owner?: string | null, not_applicable?: string | null, notes?: string, evidence?: Array<Evidence>, tags?: Array<string>, confidence?: Confidence | null, actions?: Array<Action>, };

export type UndoOutcome = { 
/**
 * The capabilities it changed (`""` for the organisation itself), in the order changed.
 */
capabilities: Array<string>, fields: Array<string>, 
/**
 * What changed in words, each value from what it was to what it is now:
 * "Data curation, target maturity 4 → 3".
 */
summary: string, };

export type HistoryEntry = { change_set: number, at: string, author: string, 
/**
 * `edit`, `undo` or `redo`.
 */
action: string, 
/**
 * The title of the workshop the change was made in, if any.
 */
workshop: string | null, 
/**
 * The capability id, or `""` for a change to the organisation itself.
 */
capability: string, field: string, old: unknown, new: unknown, 
/**
 * The change in words, as the undo notice says it: "target maturity 2 → 3", "added
 * action “Train the data team”". Filled in by `Atlas::history`, which knows the pack's
 * titles; empty from `Store::history`.
 */
words: string, };

export type Snapshot = { id: number, org_id: number, name: string, taken_at: string, };

export type Side = { "kind": "current", org: number, } | { "kind": "snapshot", snapshot: number, };

export type FieldDiff = { field: string, a: unknown, b: unknown, 
/**
 * The difference in words: "target maturity 2 → 3", "“Hire” open → done".
 */
words: string, };

export type CapabilityDiff = { capability: string, 
/**
 * The capability's title, or the id when the loaded pack no longer has it.
 */
title: string, 
/**
 * The pack no longer has this capability; the assessment is kept and reported.
 */
orphaned: boolean, 
/**
 * b − a for current and target maturity, when both sides have a value.
 */
current_delta: number | null, target_delta: number | null, changes: Array<FieldDiff>, };

export type Comparison = { a: string, b: string, 
/**
 * Only the capabilities that differ, in capability id order.
 */
capabilities: Array<CapabilityDiff>, };

export type BulkEdit = { "field": "current", "value": number | null } | { "field": "target", "value": number | null } | { "field": "priority", "value": Priority | null };

export type PerspectiveScore = { id: string, title: string, 
/**
 * Capabilities in the perspective.
 */
capabilities: number, 
/**
 * Those with a current maturity (not applicable ones excluded).
 */
assessed: number, not_applicable: number, 
/**
 * Mean current maturity of the assessed capabilities.
 */
current: number | null, 
/**
 * Mean target of the capabilities that have one.
 */
target: number | null, };

export type GapItem = { capability: string, title: string, 
/**
 * The perspective's title.
 */
perspective: string, current: number | null, target: number | null, 
/**
 * Target minus current; a missing current counts as the scale's lowest level.
 */
gap: number, priority: Priority | null, 
/**
 * The journey stage the organisation planned it for (a node id).
 */
stage: string | null, };

export type RoadmapStage = { 
/**
 * The stage node id; `None` for capabilities with a gap but no stage yet.
 */
stage: string | null, title: string, items: Array<GapItem>, };

export type PlanItem = { capability: string, 
/**
 * The capability's title.
 */
capability_title: string, action: Action, };

export type PlanFigures = { 
/**
 * Open or in progress, soonest due first (undated last), then in the pack's order.
 */
open: Array<PlanItem>, 
/**
 * Open or in progress and due before today, most overdue first.
 */
overdue: Array<PlanItem>, 
/**
 * Done now and not done in the newest snapshot (or absent from it), in the pack's order.
 */
done_since: Array<PlanItem>, 
/**
 * The name of the snapshot `done_since` counts from; `None` when there is none.
 */
since: string | null, };

export type Dashboard = { capabilities: number, assessed: number, not_applicable: number, 
/**
 * In the framework's order.
 */
perspectives: Array<PerspectiveScore>, 
/**
 * The largest gaps first (ties: higher priority, then framework order), at most ten.
 */
gaps: Array<GapItem>, 
/**
 * Stages in journey order, then the unplanned column when it has anything.
 */
roadmap: Array<RoadmapStage>, 
/**
 * The improvement plan: open, overdue and recently done actions.
 */
plan: PlanFigures, };

export type Lens = { stakeholder: string, perspectives: Array<string>, 
/**
 * Capabilities with a direct `concerns` edge from the role.
 */
direct: Array<string>, 
/**
 * Capabilities that concern the role through their perspective only.
 */
via_perspective: Array<string>, };

export type Point = { x: number, y: number, };

export type SavedLayout = { 
/**
 * Identifies the set of nodes the positions were computed for; the UI lays the graph out
 * afresh when the pack's nodes have changed.
 */
fingerprint: string, positions: { [key in string]: Point }, 
/**
 * Nodes the user dragged into place: a re-layout keeps them where they are.
 */
pinned: Array<string>, };

export type PathEdge = { from: string, to: string, kind: string, };

export type ViewFilters = { hidden_kinds: Array<string>, hidden_edge_kinds: Array<string>, hidden_perspectives: Array<string>, 
/**
 * Only this stakeholder and what concerns it, when set.
 */
stakeholder: string | null, };

export type ViewFocus = { node: string, depth: number, };

export type ViewCamera = { zoom: number, x: number, y: number, };

export type SavedView = { name: string, filters: ViewFilters, 
/**
 * The stakeholder whose lens is on, if any.
 */
lens: string | null, 
/**
 * The selected node, and the focus depth around it (0: selected, no focus).
 */
focus: ViewFocus | null, camera: ViewCamera, };

export type StepView = "graph" | "map";

export type TourStep = { 
/**
 * The node the camera goes to.
 */
node: string, 
/**
 * How far around the node stays in focus, 1 to `MAX_DEPTH`.
 */
depth: number, view?: StepView | null, 
/**
 * A saved view of the graph (by name) whose filters and lens the step shows; the step's
 * node and depth are its focus, framed as on every step.
 */
saved_view?: string | null, 
/**
 * Markdown talking points for the presenter's screen only.
 */
notes?: string, };

export type Tour = { 
/**
 * Lowercase letters, digits and hyphens; the file name of a built-in tour.
 */
id: string, title: string, summary?: string, 
/**
 * Listing order among a pack's tours; user tours are listed by title after them.
 */
order?: number | null, steps: Array<TourStep>, };

export type TourStepView = { node: string, 
/**
 * The node's title, or the id when the pack no longer has the node.
 */
title: string, kind: string, depth: number, view: StepView | null, 
/**
 * The saved view of the graph the step shows, by name (absent when none).
 */
saved_view?: string, 
/**
 * The talking points as written (for the editor).
 */
notes: string, 
/**
 * The talking points as sanitised HTML (for the presenter's window).
 */
notes_html: string, };

export type TourView = { id: string, title: string, summary: string, 
/**
 * Shipped with the pack: can be presented and duplicated, not edited.
 */
builtin: boolean, steps: Array<TourStepView>, };

export type Workshop = { id: number, org_id: number, title: string, 
/**
 * The tour it was started from, if any.
 */
tour: string | null, started_at: string, 
/**
 * `None` while it is running.
 */
ended_at: string | null, 
/**
 * Dot-votes per capability; capabilities with none are absent.
 */
votes: { [key in string]: number }, };

export type Presentation = { 
/**
 * False once the facilitator leaves presenting; the presenter window then says so.
 */
active: boolean, 
/**
 * The tour being walked, if any.
 */
tour: string | null, 
/**
 * 0-based step in the tour.
 */
step: number, 
/**
 * The node on screen (the step's node, or the one the facilitator opened).
 */
node: string | null, 
/**
 * The view on screen: `graph` or `map`.
 */
view: string, 
/**
 * Whether the organisation's notes, evidence and scores are shown to the room.
 */
revealed: boolean, blackout: boolean, org: number | null, workshop: number | null, 
/**
 * When presenting began (ISO 8601), for the presenter's timer.
 */
started_at: string, };

export type ReportFormatChoice = { 
/**
 * Its files' extension, which is also how `save_report` names it.
 */
extension: string, 
/**
 * What a person calls it.
 */
label: string, };

export type SavedFile = { 
/**
 * Where it was written: the name chosen, or a free one beside it when that was taken.
 */
path: string, 
/**
 * Its file name alone.
 */
name: string, 
/**
 * Why it could not be opened afterwards, when it could not (it is saved all the same).
 */
not_opened: string | null, };

export type ImportCounts = { assessments_added: number, assessments_changed: number, 
/**
 * Actions of the improvement plan that would arrive.
 */
actions: number, snapshots: number, 
/**
 * Fields a merge fills in because ours are empty.
 */
fields_filled: number, conflicts: number, };

export type OrgPreview = { name: string, 
/**
 * The live organisation a merge would go into (same name, ignoring case and spaces);
 * added as new, the file's organisation would clash with it and be refused.
 */
matches: string | null, 
/**
 * Added as a new organisation.
 */
as_new: ImportCounts, 
/**
 * Merged into `matches`, with every conflict kept as ours; `None` when nothing matches.
 */
merged: ImportCounts | null, };

export type Changed = { author: string, at: string, };

export type ConflictDetail = { 
/**
 * The organisation's name in the file.
 */
organisation: string, capability: string, 
/**
 * The capability's title in the loaded pack, else its id.
 */
title: string, field: string, ours: unknown, theirs: unknown, 
/**
 * Our last change of this field; `None` when our history does not hold one.
 */
ours_changed: Changed | null, 
/**
 * The file's history entry for this field; `None` when the file has none (a CSV).
 */
theirs_changed: Changed | null, };

export type ImportPreview = { 
/**
 * The file's name alone (never its folder: the window is not told where files are).
 */
file_name: string, 
/**
 * `json` or `csv`.
 */
format: string, 
/**
 * SHA-256 of the bytes previewed, in hex; the import refuses a file that no longer has it.
 */
checksum: string, organisations: Array<OrgPreview>, 
/**
 * Every field both sides hold differently, for a merge.
 */
conflicts: Array<ConflictDetail>, };

export type Take = "ours" | "theirs";

export type Resolution = { organisation: string, capability: string, field: string, take: Take, };

export type Conflict = { organisation: string, capability: string, field: string, ours: unknown, theirs: unknown, };

export type ImportReport = { organisations_added: Array<string>, 
/**
 * Organisations a merge wrote to.
 */
organisations_merged: Array<string>, 
/**
 * Fields a merge filled in because ours were empty.
 */
fields_merged: number, 
/**
 * Conflicts where the file's value was chosen over ours.
 */
fields_taken: number, snapshots_added: number, 
/**
 * Every conflict met, whichever side was kept.
 */
conflicts: Array<Conflict>, };

export type ImportChoice = { token: string, preview: ImportPreview, };

export type ImportDone = { undo: string, report: ImportReport, };

export type BackupSummary = { 
/**
 * Its file name in the backups folder: how a restore names it.
 */
name: string, 
/**
 * When it was written (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
 */
written: string, 
/**
 * Its size in bytes.
 */
bytes: number, 
/**
 * The live organisations it holds, by name.
 */
organisations: Array<string>, 
/**
 * When its last change was made, if it has any.
 */
last_change: string | null, 
/**
 * Who made its last change.
 */
last_author: string | null, 
/**
 * Why it cannot be restored, when it cannot; it is listed all the same.
 */
problem: string | null, };

export type ProblemKind = "unreadable" | "invalid_utf8" | "too_large" | "bad_manifest" | "malformed_frontmatter" | "unknown_kind" | "unknown_field" | "missing_field" | "invalid_value" | "duplicate_id" | "missing_target" | "wrong_kind" | "unreachable" | "bad_tour" | "bad_mapping";

export type Problem = { kind: ProblemKind, 
/**
 * Path relative to the pack root, with `/` separators.
 */
file: string, 
/**
 * 1-based line in that file, when the problem sits on one.
 */
line: number | null, message: string, };

export type PackStatus = { 
/**
 * The pack's name and version, as its manifest says.
 */
name: string, version: string, 
/**
 * The folder it was opened from; `None` for the built-in pack (or one named when starting).
 */
dir: string | null, 
/**
 * Said once the app started: a remembered folder that no longer loads, and why.
 */
notice: string | null, };

export type PackOpening = { 
/**
 * The pack in effect now: the new one when it loaded, else the one that stayed.
 */
status: PackStatus, 
/**
 * Every problem of a pack that could not be loaded (empty when it loaded).
 */
problems: Array<Problem>, };

export type OrphanDecision = { "decision": "mapped", target: string, } | { "decision": "archived" };

export type OrphanCandidate = { id: string, title: string, 
/**
 * Why it is near: "lists it as an alias", "same title", "similar id", "similar title".
 */
reason: string, };

export type OrphanEntry = { 
/**
 * The capability id the assessment was made on.
 */
capability: string, 
/**
 * What it was called, when an earlier pack of this run or an earlier decision knows.
 */
title: string | null, 
/**
 * The assessment as stored (for a mapped one, as it now stands on its target).
 */
assessment: Assessment, 
/**
 * Nearest first, at most `limits::ORPHAN_CANDIDATES`.
 */
candidates: Array<OrphanCandidate>, 
/**
 * `None` until reviewed.
 */
decision: OrphanDecision | null, };

export type OrphanReview = { orphans: Array<OrphanEntry>, 
/**
 * "Reviewed `reviewed` of `total`".
 */
reviewed: number, total: number, };

export interface Commands {
  /** The loaded framework: identity, kinds, maturity scale, every node and edge. */
  framework: { args: {  }; result: FrameworkView };
  /** The pack in effect, where it came from, and a notice when a remembered one failed. */
  pack_status: { args: {  }; result: PackStatus };
  /** Asks for a pack folder (the desktop's folder dialog) and opens it whole, or answers */
  /** every problem with file and line and keeps the current pack; `null` when cancelled. */
  open_pack: { args: {  }; result: PackOpening | null };
  /** The organisation's assessments of capabilities the pack no longer has, with candidates. */
  orphan_review: { args: { org: number }; result: OrphanReview };
  /** Moves an orphan's whole assessment to a capability of the pack, as one undoable change. */
  map_orphan: { args: { org: number; capability: string; target: string }; result: OrphanReview };
  /** Records an orphan as reviewed and kept as it is (still stored, still exported). */
  archive_orphan: { args: { org: number; capability: string }; result: OrphanReview };
  /** One node for the reader: rendered body, links and backlinks. */
  node: { args: { id: string }; result: NodeDetail };
  /** The pack in effect against each framework a built-in mapping links it to. */
  crosswalks: { args: {  }; result: Array<CrosswalkView> };
  /** Ranked results for what was typed in the search box, framework and notes alike. */
  search: { args: { query: string; limit: number }; result: Array<SearchHit> };
  /** Whether organisation data can be read and written (and why not). */
  store_status: { args: {  }; result: StoreStatus };
  /** The live organisations, by name. */
  organisations: { args: {  }; result: Array<Organisation> };
  /** Creates an organisation; names are unique ignoring case and surrounding spaces. */
  create_organisation: { args: { name: string }; result: Organisation };
  /** Renames an organisation; the new name must not be another live one's. */
  rename_organisation: { args: { org: number; name: string }; result: Organisation };
  /** Replaces an organisation's description. */
  describe_organisation: { args: { org: number; description: string }; result: Organisation };
  /** Deletes an organisation; its data is kept, so undo or restore brings it back. */
  delete_organisation: { args: { org: number }; result: null };
  /** The deleted organisations with when each was deleted, newest first. */
  deleted_organisations: { args: {  }; result: Array<DeletedOrganisation> };
  /** Brings a deleted organisation back with everything it held. */
  restore_organisation: { args: { org: number }; result: Organisation };
  /** The saved preferences and the defaults they fall back on. */
  preferences: { args: {  }; result: PreferencesView };
  /** Saves the author's display name (blank: the system's full name) and the theme. */
  save_preferences: { args: { author: string; theme: ThemeChoice }; result: PreferencesView };
  /** The folder exports are written to. */
  export_folder: { args: {  }; result: string };
  /** Asks for another export folder (the desktop's folder dialog), keeps it in the */
  /** preferences and starts every save dialog there; returns the folder now in use. */
  choose_export_folder: { args: {  }; result: string };
  /** Takes a backup of the database now; returns its file name in the backups folder. */
  backup_now: { args: {  }; result: string };
  /** The backups in the data folder, newest first, with what each holds. */
  backups: { args: {  }; result: Array<BackupSummary> };
  /** Restores the backup named `name` (from `backups`) in the running app, keeping the */
  /** database it replaces as a backup first; returns that backup's file name. */
  restore_backup: { args: { name: string }; result: string | null };
  /** The data folder, as Preferences shows it. */
  data_folder: { args: {  }; result: string };
  /** Does what clicking menu item `id` does. Only for the end-to-end tests, which cannot */
  /** click a native menu: refused unless the app started with `ATLAS_TEST_MENU=1`. */
  menu_activate: { args: { id: string }; result: null };
  /** An organisation's assessment of one capability (empty when never assessed). */
  assessment: { args: { org: number; capability: string }; result: Assessment };
  /** An organisation's notes on one capability, rendered from markdown and sanitised. */
  notes_html: { args: { org: number; capability: string }; result: string };
  /** Applies just the fields sent to the assessment as stored, records them; returns it stored. */
  save_assessment: { args: { org: number; capability: string; changes: AssessmentPatch }; result: Assessment };
  /** Reverts the organisation's last change. */
  undo: { args: { org: number }; result: UndoOutcome };
  /** Re-applies the last undone change. */
  redo: { args: { org: number }; result: UndoOutcome };
  /** Every assessment of the organisation, by capability id (for heatmaps and the map). */
  assessments: { args: { org: number }; result: { [key in string]: Assessment } };
  /** Sets one field on many capabilities as a single change (one undo step); all or nothing. */
  save_assessments: { args: { org: number; capabilities: Array<string>; edit: BulkEdit }; result: { [key in string]: Assessment } };
  /** The organisation's change history, oldest first; with a capability, its timeline only. */
  history: { args: { org: number; capability: string | null }; result: Array<HistoryEntry> };
  /** The organisation's snapshots, oldest first. */
  snapshots: { args: { org: number }; result: Array<Snapshot> };
  /** Freezes the organisation's assessments under a name. */
  take_snapshot: { args: { org: number; name: string }; result: Snapshot };
  /** What differs between two sides (snapshots or current states), capability by capability. */
  compare: { args: { a: Side; b: Side }; result: Comparison };
  /** The organisation dashboard: radar per perspective, largest gaps, roadmap by stage, plan. */
  dashboard: { args: { org: number }; result: Dashboard };
  /** The organisation's actions as CSV for an issue tracker (the text, not a file). */
  actions_csv: { args: { org: number }; result: string };
  /** Asks where to save the organisation's actions as CSV (the desktop's save dialog), writes */
  /** them there and opens the file; `null` when the person cancelled. */
  save_actions_csv: { args: { org: number }; result: SavedFile | null };
  /** Shows the open dialog for a JSON or CSV export and answers what importing it would */
  /** change, written nowhere; `null` when the person cancelled. The shell keeps the file. */
  choose_import_file: { args: {  }; result: ImportChoice | null };
  /** Imports the file `token` names as previewed: as new organisations, or merged into those */
  /** of the same name with a side chosen per conflict. One transaction, undone whole. */
  apply_import: { args: { token: string; merge: boolean; resolutions: Array<Resolution> }; result: ImportDone };
  /** Undoes the latest import whole (its notice's Undo). */
  undo_import: { args: { token: string }; result: null };
  /** Asks where to save one organisation (or all) as `json` or `csv`, writes it there, never */
  /** over an earlier file, and opens it; `null` when the person cancelled. */
  save_export: { args: { org: number | null; format: string }; result: SavedFile | null };
  /** The formats a report can be saved in, in the order the Report dialog offers them. */
  report_formats: { args: {  }; result: Array<ReportFormatChoice> };
  /** The report as its file will say it, as a self-contained HTML page for the preview. */
  report_preview: { args: { org: number; profile: string; since: string | null; include_scores: boolean }; result: string };
  /** Asks where to save the report (the desktop's save dialog), writes it there, never over an */
  /** earlier file, and opens it; `null` when the person cancelled. */
  save_report: { args: { org: number; profile: string; since: string | null; include_scores: boolean; format: string }; result: SavedFile | null };
  /** What concerns a stakeholder: perspectives and capabilities. */
  lens: { args: { stakeholder: string }; result: Lens };
  /** The graph layout saved for a content pack, if any. */
  layout: { args: { pack: string }; result: SavedLayout | null };
  /** Saves the graph layout of a content pack, replacing the previous one. */
  save_layout: { args: { pack: string; layout: SavedLayout }; result: null };
  /** The shortest chain of links between two nodes, in order; `null` when nothing connects them. */
  path: { args: { from: string; to: string }; result: Array<PathEdge> | null };
  /** The pack's saved views of the graph, by name. */
  saved_views: { args: {  }; result: Array<SavedView> };
  /** Keeps a view of the graph under its name; names are unique ignoring case and spaces. */
  save_view: { args: { view: SavedView }; result: SavedView };
  /** Renames a saved view. */
  rename_view: { args: { name: string; new_name: string }; result: SavedView };
  /** Deletes a saved view. */
  delete_view: { args: { name: string }; result: null };
  /** Writes an exported file (base64 for images) into the export folder; returns its path. */
  export_file: { args: { name: string; data: string; base64: boolean }; result: string };
  /** Every tour: the pack's, then the user's own. */
  tours: { args: {  }; result: Array<TourView> };
  /** Creates (empty id) or replaces one of the user's tours; built-in tours cannot be changed. */
  save_tour: { args: { tour: Tour }; result: TourView };
  /** Deletes one of the user's tours. */
  delete_tour: { args: { id: string }; result: null };
  /** Writes a tour (built-in or the user's) as a `.toml` file into the export folder. */
  export_tour: { args: { id: string }; result: string };
  /** Adds a tour from the text of a tour file; it never replaces an existing tour. */
  import_tour: { args: { text: string }; result: TourView };
  /** The organisation's workshops, newest first, with their dot-votes. */
  workshops: { args: { org: number }; result: Array<Workshop> };
  /** Starts a workshop: until it ends, every change to the organisation is attributed to it. */
  start_workshop: { args: { org: number; title: string; tour: string | null }; result: Workshop };
  /** Ends a workshop, first keeping a snapshot under `snapshot` when one is named. */
  end_workshop: { args: { id: number; snapshot: string | null }; result: Workshop };
  /** Adds (or with a negative delta takes back) dot-votes on a capability; returns its count. */
  vote: { args: { workshop: number; capability: string; delta: number }; result: number };
  /** What is being presented now, for a window that opens mid-presentation. */
  presentation: { args: {  }; result: Presentation | null };
  /** Moves the presentation; both windows receive the new state as the `presentation` event. */
  set_presentation: { args: { state: Presentation }; result: null };
  /** Opens the presenter's window (or brings it forward). */
  open_presenter: { args: {  }; result: null };
}
