//! The shapes the UI receives: views of the framework built for display, and the error type
//! that crosses the IPC boundary.
//!
//! Every type here derives `TS`; the shell's IPC test writes them to `ui/src/lib/platform/
//! bindings.ts`, so the UI and the core cannot disagree about a field.

use crate::graph::{Framework, UnknownNode};
use crate::markdown;
use crate::model::{EdgeKindDef, KindDef, MaturityLevel, SourceRef, StatusDef};
use crate::tours::{StepView, Tour};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use ts_rs::TS;

/// The whole framework as the graph and the map draw it: every node and edge, no bodies.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FrameworkView {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub version: String,
    pub published: String,
    pub root: String,
    pub attribution: String,
    pub notice: String,
    pub kinds: Vec<KindDef>,
    pub edge_kinds: Vec<EdgeKindDef>,
    pub statuses: Vec<StatusDef>,
    pub maturity: Vec<MaturityLevel>,
    pub nodes: Vec<NodeSummary>,
    pub edges: Vec<EdgeView>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct NodeSummary {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub tagline: String,
    pub status: Option<String>,
    pub order: Option<i32>,
    /// The node this one is `part_of`, when that parent is not the root (a capability's
    /// perspective); the graph draws it as a compound group.
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct EdgeView {
    pub from: String,
    pub to: String,
    pub kind: String,
}

/// One node for the reader: rendered text and every link in and out.
#[derive(Debug, Clone, Serialize, TS)]
pub struct NodeDetail {
    pub id: String,
    pub kind: String,
    pub kind_label: String,
    pub title: String,
    pub tagline: String,
    pub status: Option<String>,
    pub aliases: Vec<String>,
    pub source: SourceRef,
    /// Sanitised HTML of the body.
    pub html: String,
    pub links: Vec<LinkView>,
    pub backlinks: Vec<LinkView>,
    /// Nodes of the other built-in frameworks that a mapping links to this one.
    pub counterparts: Vec<CounterpartView>,
    /// The short name of the framework this node belongs to when it is not the pack in effect
    /// (a counterpart followed from the reader), else `null`.
    pub framework: Option<String>,
}

/// A node of another framework that a mapping links to the node being read, with how the two
/// relate read from this node's side ("subset": this node is part of that one).
#[derive(Debug, Clone, Serialize, TS)]
pub struct CounterpartView {
    /// The other framework's short name ("AI RMF").
    pub framework: String,
    pub id: String,
    pub title: String,
    /// `equal`, `subset`, `superset` or `intersect`.
    pub relation: String,
    /// `proposed` until a person has reviewed the link, then `reviewed`.
    pub status: String,
    pub rationale: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LinkView {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub edge: String,
    pub source: SourceRef,
}

/// Why an IPC call failed: a message for people, and a code only where the UI does something
/// other than show the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: Option<ErrorCode>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// What was asked for is still being prepared (the search index while the app starts):
    /// the UI asks again shortly.
    NotReady,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

pub fn framework_view(fw: &Framework) -> FrameworkView {
    let m = fw.manifest();
    let root = m.root.as_str();
    FrameworkView {
        id: m.id.clone(),
        name: m.name.clone(),
        short_name: m.short_name.clone(),
        version: m.version.clone(),
        published: m.published.clone(),
        root: m.root.clone(),
        attribution: m.attribution.trim().to_string(),
        notice: m.notice.trim().to_string(),
        kinds: m.kinds.clone(),
        edge_kinds: m.edges.clone(),
        statuses: m.statuses.clone(),
        maturity: m.maturity.clone(),
        nodes: fw
            .nodes()
            .map(|n| NodeSummary {
                id: n.id.clone(),
                kind: n.kind.clone(),
                title: n.title.clone(),
                tagline: n.tagline.clone(),
                status: n.status.clone(),
                order: n.order.and_then(|o| i32::try_from(o).ok()),
                parent: fw
                    .parent(&n.id)
                    .filter(|p| p.id != root)
                    .map(|p| p.id.clone()),
            })
            .collect(),
        edges: fw
            .edges()
            .map(|(a, b, e)| EdgeView {
                from: a.id.clone(),
                to: b.id.clone(),
                kind: e.kind.clone(),
            })
            .collect(),
    }
}

pub fn node_detail(fw: &Framework, id: &str) -> Result<NodeDetail, UnknownNode> {
    let node = fw.node(id).ok_or_else(|| fw.unknown(id))?;
    let to_view = |l: crate::graph::Link<'_>| LinkView {
        id: l.node.id.clone(),
        kind: l.node.kind.clone(),
        title: l.node.title.clone(),
        edge: l.edge.kind.clone(),
        source: l.edge.source.clone(),
    };
    Ok(NodeDetail {
        id: node.id.clone(),
        kind: node.kind.clone(),
        kind_label: fw
            .manifest()
            .kind(&node.kind)
            .map(|k| k.label.clone())
            .unwrap_or_else(|| node.kind.clone()),
        title: node.title.clone(),
        tagline: node.tagline.clone(),
        status: node.status.clone(),
        aliases: node.aliases.clone(),
        source: node.source.clone(),
        html: markdown::render(&node.body),
        links: fw.links_from(id).into_iter().map(to_view).collect(),
        backlinks: fw.links_to(id).into_iter().map(to_view).collect(),
        counterparts: Vec::new(),
        framework: None,
    })
}

/// Counts for `atlas check`: nodes and edges by kind.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PackSummary {
    pub name: String,
    pub version: String,
    pub nodes: usize,
    pub edges: usize,
    pub nodes_by_kind: Vec<(String, usize)>,
    pub edges_by_kind: Vec<(String, usize)>,
}

pub fn pack_summary(fw: &Framework) -> PackSummary {
    let m = fw.manifest();
    let by_node = fw.count_nodes_by_kind();
    let by_edge = fw.count_edges_by_kind();
    PackSummary {
        name: m.name.clone(),
        version: m.version.clone(),
        nodes: fw.node_count(),
        edges: fw.edge_count(),
        nodes_by_kind: m
            .kinds
            .iter()
            .map(|k| (k.id.clone(), by_node.get(&k.id).copied().unwrap_or(0)))
            .collect(),
        edges_by_kind: m
            .edges
            .iter()
            .map(|e| (e.id.clone(), by_edge.get(&e.id).copied().unwrap_or(0)))
            .collect(),
    }
}

/// A tour as the workshop screens show it: each step with its node's title and its talking
/// points rendered (and sanitised) for the presenter's window.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TourView {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Shipped with the pack: can be presented and duplicated, not edited.
    pub builtin: bool,
    pub steps: Vec<TourStepView>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TourStepView {
    pub node: String,
    /// The node's title, or the id when the pack no longer has the node.
    pub title: String,
    pub kind: String,
    pub depth: u8,
    pub view: Option<StepView>,
    /// The saved view of the graph the step shows, by name (absent when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub saved_view: Option<String>,
    /// The talking points as written (for the editor).
    pub notes: String,
    /// The talking points as sanitised HTML (for the presenter's window).
    pub notes_html: String,
}

pub fn tour_view(fw: &Framework, tour: &Tour, builtin: bool) -> TourView {
    TourView {
        id: tour.id.clone(),
        title: tour.title.clone(),
        summary: tour.summary.clone(),
        builtin,
        steps: tour
            .steps
            .iter()
            .map(|s| {
                let node = fw.node(&s.node);
                TourStepView {
                    node: s.node.clone(),
                    title: node.map_or_else(|| s.node.clone(), |n| n.title.clone()),
                    kind: node.map_or_else(String::new, |n| n.kind.clone()),
                    depth: s.depth,
                    view: s.view,
                    saved_view: s.saved_view.clone(),
                    notes: s.notes.clone(),
                    notes_html: talking_points_html(&s.notes).to_string(),
                }
            })
            .collect(),
    }
}

/// Talking points rendered once per text, not on every call: the tour manager and both
/// presenting windows ask for every tour's steps again and again, and a large shared tour
/// rendered on each of those calls stalled them. The text itself is the key, so an edited
/// step is rendered afresh and an unchanged one never is.
fn talking_points_html(notes: &str) -> Arc<str> {
    struct Cache {
        html: HashMap<String, Arc<str>>,
        bytes: usize,
    }
    static CACHE: Mutex<Option<Cache>> = Mutex::new(None);
    if notes.is_empty() {
        return Arc::from("");
    }
    // A poisoned lock only means another rendering panicked; the cache is still consistent.
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let cache = guard.get_or_insert_with(|| Cache {
        html: HashMap::new(),
        bytes: 0,
    });
    if let Some(html) = cache.html.get(notes) {
        return html.clone();
    }
    let html: Arc<str> = Arc::from(markdown::render(notes));
    let size = notes.len() + html.len();
    if cache.bytes + size > crate::limits::TOUR_RENDER_CACHE_BYTES {
        cache.html.clear();
        cache.bytes = 0;
    }
    cache.bytes += size;
    cache.html.insert(notes.to_string(), html.clone());
    html
}

/// The pack's tours in their order, then the user's by title.
pub fn tour_views(fw: &Framework, user: &[Tour]) -> Vec<TourView> {
    fw.tours()
        .iter()
        .map(|t| tour_view(fw, t, true))
        .chain(user.iter().map(|t| tour_view(fw, t, false)))
        .collect()
}

/// The pack in effect against another framework, through the mapping between them: both sides'
/// units and groups with how many are linked, every link read from this pack's side, and the
/// units left unmapped on purpose with the reason.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CrosswalkView {
    pub title: String,
    pub summary: String,
    /// The pack in effect.
    pub ours: CrosswalkSide,
    /// The framework it is mapped to.
    pub theirs: CrosswalkSide,
    pub links: Vec<CrosswalkLink>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CrosswalkSide {
    /// The framework's short name ("CAF-AI").
    pub framework: String,
    /// What its units are called ("Capabilities") and what groups them ("Perspective").
    pub unit_plural: String,
    pub group_label: String,
    /// In the pack's order.
    pub groups: Vec<CrosswalkGroup>,
    /// In the pack's order.
    pub units: Vec<CrosswalkUnit>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CrosswalkGroup {
    pub id: String,
    pub title: String,
    /// Units of the group with at least one link.
    pub linked: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CrosswalkUnit {
    pub id: String,
    pub title: String,
    pub group: String,
    /// Why it has no counterpart, when it was left unmapped on purpose.
    pub unmapped: Option<String>,
}

/// One link, read from the pack in effect: "ours RELATION theirs".
#[derive(Debug, Clone, Serialize, TS)]
pub struct CrosswalkLink {
    pub ours: String,
    pub theirs: String,
    pub relation: String,
    pub status: String,
    pub rationale: String,
}
