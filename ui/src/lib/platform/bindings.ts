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

export type ErrorCode = "not_found" | "invalid_input" | "internal";

export type ApiError = { code: ErrorCode, message: string, };

export interface Commands {
  /** The loaded framework: identity, kinds, maturity scale, every node and edge. */
  framework: { args: {  }; result: FrameworkView };
  /** One node for the reader: rendered body, links and backlinks. */
  node: { args: { id: string }; result: NodeDetail };
}
