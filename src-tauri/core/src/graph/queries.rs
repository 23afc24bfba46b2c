//! Questions asked of the graph: what is near a node, how two nodes connect, what concerns a
//! role, which capabilities are most connected.
//!
//! Every query answers with node ids and typed edges so the UI and the CLI can show *why*
//! two things are related, not only that they are.

use super::Framework;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::{HashMap, HashSet, VecDeque};
use ts_rs::TS;

/// An edge as the queries report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PathEdge {
    pub from: String,
    pub to: String,
    pub kind: String,
}

/// The nodes within `depth` steps of a node, and the edges among them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Neighbourhood {
    pub centre: String,
    pub depth: u8,
    /// Node ids with their distance from the centre.
    pub nodes: Vec<(String, u8)>,
    pub edges: Vec<PathEdge>,
}

/// Neighbourhood of `id` to `depth` (clamped to 1–3), following edges in either direction;
/// when `edge_kinds` is not empty, only edges of those kinds are followed.
pub fn neighbourhood(
    fw: &Framework,
    id: &str,
    depth: u8,
    edge_kinds: &[String],
) -> Option<Neighbourhood> {
    let start = fw.index_of(id)?;
    let depth = depth.clamp(1, 3);
    let g = fw.graph();
    let allowed = |k: &str| edge_kinds.is_empty() || edge_kinds.iter().any(|e| e == k);
    let mut dist: HashMap<NodeIndex, u8> = HashMap::from([(start, 0)]);
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if d == depth {
            continue;
        }
        for e in g
            .edges_directed(n, Direction::Outgoing)
            .chain(g.edges_directed(n, Direction::Incoming))
        {
            if !allowed(&e.weight().kind) {
                continue;
            }
            let other = if e.source() == n {
                e.target()
            } else {
                e.source()
            };
            if let std::collections::hash_map::Entry::Vacant(v) = dist.entry(other) {
                v.insert(d + 1);
                queue.push_back(other);
            }
        }
    }
    let mut nodes: Vec<(String, u8)> = dist.iter().map(|(i, d)| (g[*i].id.clone(), *d)).collect();
    nodes.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let mut edges: Vec<PathEdge> = g
        .edge_references()
        .filter(|e| {
            dist.contains_key(&e.source())
                && dist.contains_key(&e.target())
                && allowed(&e.weight().kind)
        })
        .map(|e| PathEdge {
            from: g[e.source()].id.clone(),
            to: g[e.target()].id.clone(),
            kind: e.weight().kind.clone(),
        })
        .collect();
    edges.sort_by(|a, b| (&a.from, &a.to, &a.kind).cmp(&(&b.from, &b.to, &b.kind)));
    Some(Neighbourhood {
        centre: id.to_string(),
        depth,
        nodes,
        edges,
    })
}

/// The shortest chain of edges (in either direction) from one node to another, as the
/// edges that make it, in order. `None` when they are not connected.
pub fn shortest_path(fw: &Framework, from: &str, to: &str) -> Option<Vec<PathEdge>> {
    let (a, b) = (fw.index_of(from)?, fw.index_of(to)?);
    let g = fw.graph();
    let mut prev: HashMap<NodeIndex, (NodeIndex, petgraph::graph::EdgeIndex)> = HashMap::new();
    let mut seen: HashSet<NodeIndex> = HashSet::from([a]);
    let mut queue = VecDeque::from([a]);
    while let Some(n) = queue.pop_front() {
        if n == b {
            break;
        }
        // Stable order: outgoing then incoming, each by edge index, so the answer is repeatable.
        let mut next: Vec<(NodeIndex, petgraph::graph::EdgeIndex)> = g
            .edges_directed(n, Direction::Outgoing)
            .map(|e| (e.target(), e.id()))
            .chain(
                g.edges_directed(n, Direction::Incoming)
                    .map(|e| (e.source(), e.id())),
            )
            .collect();
        next.sort_by_key(|(_, e)| e.index());
        for (other, e) in next {
            if seen.insert(other) {
                prev.insert(other, (n, e));
                queue.push_back(other);
            }
        }
    }
    if a != b && !prev.contains_key(&b) {
        return None;
    }
    let mut path = Vec::new();
    let mut cur = b;
    while cur != a {
        let (p, e) = prev[&cur];
        let (s, t) = g.edge_endpoints(e).expect("edge exists");
        path.push(PathEdge {
            from: g[s].id.clone(),
            to: g[t].id.clone(),
            kind: g[e].kind.clone(),
        });
        cur = p;
    }
    path.reverse();
    Some(path)
}

/// What concerns a role: the perspectives and capabilities it is directly concerned with,
/// and the capabilities of those perspectives.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Lens {
    pub stakeholder: String,
    pub perspectives: Vec<String>,
    /// Capabilities with a direct `concerns` edge from the role.
    pub direct: Vec<String>,
    /// Capabilities that concern the role through their perspective only.
    pub via_perspective: Vec<String>,
}

pub fn lens(fw: &Framework, stakeholder: &str) -> Option<Lens> {
    let node = fw.node(stakeholder)?;
    if node.kind != "stakeholder" {
        return None;
    }
    let concerned: Vec<_> = fw
        .links_from(stakeholder)
        .into_iter()
        .filter(|l| l.edge.kind == "concerns")
        .map(|l| l.node)
        .collect();
    let perspectives: Vec<String> = concerned
        .iter()
        .filter(|n| n.kind == "perspective")
        .map(|n| n.id.clone())
        .collect();
    let direct: Vec<String> = concerned
        .iter()
        .filter(|n| n.kind == "capability")
        .map(|n| n.id.clone())
        .collect();
    let mut via: Vec<String> = fw
        .nodes_of_kind("capability")
        .into_iter()
        .filter(|c| !direct.contains(&c.id))
        .filter(|c| {
            fw.parent(&c.id)
                .is_some_and(|p| perspectives.contains(&p.id))
        })
        .map(|c| c.id.clone())
        .collect();
    via.sort();
    Some(Lens {
        stakeholder: stakeholder.to_string(),
        perspectives,
        direct,
        via_perspective: via,
    })
}

/// For each node, the stakeholders whose lens includes it (used by search filters).
pub(crate) fn stakeholder_membership(fw: &Framework) -> HashMap<&str, Vec<String>> {
    let mut m: HashMap<&str, Vec<String>> = HashMap::new();
    for s in fw.nodes_of_kind("stakeholder") {
        if let Some(l) = lens(fw, &s.id) {
            for id in l
                .perspectives
                .iter()
                .chain(&l.direct)
                .chain(&l.via_perspective)
            {
                if let Some(n) = fw.node(id) {
                    m.entry(n.id.as_str()).or_default().push(s.id.clone());
                }
            }
        }
    }
    m
}

/// Capabilities ranked by how many distinct nodes they link to or are linked from.
pub fn most_connected(fw: &Framework, limit: usize) -> Vec<(String, usize)> {
    let g = fw.graph();
    let mut v: Vec<(String, usize)> = g
        .node_indices()
        .filter(|i| g[*i].kind == "capability")
        .map(|i| {
            let n: HashSet<NodeIndex> = g.neighbors_undirected(i).collect();
            (g[i].id.clone(), n.len())
        })
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(limit);
    v
}
