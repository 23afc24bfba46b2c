// Generated from src-tauri/src/ipc.rs by `cargo test -p atlas ipc` with
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
html: string, links: Array<LinkView>, backlinks: Array<LinkView>, };

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

export type ErrorCode = "not_found" | "invalid_input" | "internal";

export type ApiError = { code: ErrorCode, message: string, };

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

export type Priority = "low" | "medium" | "high" | "critical";

export type Confidence = "low" | "medium" | "high";

export type Evidence = { label: string, url: string, };

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
notes: string, evidence: Array<Evidence>, tags: Array<string>, confidence: Confidence | null, };

export type UndoOutcome = { capabilities: Array<string>, fields: Array<string>, };

export interface Commands {
  /** The loaded framework: identity, kinds, maturity scale, every node and edge. */
  framework: { args: {  }; result: FrameworkView };
  /** One node for the reader: rendered body, links and backlinks. */
  node: { args: { id: string }; result: NodeDetail };
  /** Ranked results for what was typed in the search box, framework and notes alike. */
  search: { args: { query: string; limit: number }; result: Array<SearchHit> };
  /** Whether organisation data can be read and written (and why not). */
  store_status: { args: {  }; result: StoreStatus };
  /** The live organisations, by name. */
  organisations: { args: {  }; result: Array<Organisation> };
  /** Creates an organisation; names are unique. */
  create_organisation: { args: { name: string }; result: Organisation };
  /** An organisation's assessment of one capability (empty when never assessed). */
  assessment: { args: { org: number; capability: string }; result: Assessment };
  /** Validates and saves an assessment, recording each changed field; returns what was stored. */
  save_assessment: { args: { org: number; capability: string; assessment: Assessment }; result: Assessment };
  /** Reverts the organisation's last change. */
  undo: { args: { org: number }; result: UndoOutcome };
  /** Re-applies the last undone change. */
  redo: { args: { org: number }; result: UndoOutcome };
}
