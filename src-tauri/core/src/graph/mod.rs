//! The loaded framework as a typed petgraph graph, and the queries the app asks of it.
//!
//! A `Framework` is immutable once built: content is reloaded as a whole, so there is no
//! partial update to get wrong, and it can be shared between threads without locks.

pub mod queries;

use crate::model::{Edge, Manifest, Node};
use crate::tours::Tour;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

#[derive(Debug, Clone)]
pub struct Framework {
    manifest: Manifest,
    graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    /// The pack's built-in tours, in their listing order.
    tours: Vec<Tour>,
}

/// A neighbour reached over one edge, in either direction.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    pub node: &'a Node,
    pub edge: &'a Edge,
}

impl Framework {
    /// Builds the graph. Edges whose ends are unknown are skipped: `content` has already
    /// reported them, and the graph is only handed out when there were no problems.
    pub(crate) fn build(
        manifest: Manifest,
        nodes: impl IntoIterator<Item = Node>,
        edges: Vec<(String, String, Edge)>,
    ) -> Self {
        let mut graph = DiGraph::new();
        let mut index = HashMap::new();
        for node in nodes {
            let id = node.id.clone();
            index.insert(id, graph.add_node(node));
        }
        let mut seen = HashSet::new();
        for (from, to, edge) in edges {
            let (Some(&a), Some(&b)) = (index.get(&from), index.get(&to)) else {
                continue;
            };
            // The same relation may be declared from both ends (a capability naming its
            // stakeholder and the stakeholder naming the capability); keep one edge.
            if seen.insert((a, b, edge.kind.clone())) {
                graph.add_edge(a, b, edge);
            }
        }
        Framework {
            manifest,
            graph,
            index,
            tours: Vec::new(),
        }
    }

    pub(crate) fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    pub(crate) fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    pub(crate) fn set_tours(&mut self, mut tours: Vec<Tour>) {
        tours.sort_by(|a, b| (a.order, &a.title).cmp(&(b.order, &b.title)));
        self.tours = tours;
    }

    /// The tours that ship with the pack.
    pub fn tours(&self) -> &[Tour] {
        &self.tours
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.graph[i])
    }

    pub fn root(&self) -> &Node {
        self.node(&self.manifest.root)
            .expect("a loaded framework always has its root node")
    }

    /// All nodes, in the order their files sort.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// All edges as (from, to, edge).
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> {
        self.graph
            .edge_references()
            .map(|e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Nodes of one kind, by `order` then title.
    pub fn nodes_of_kind<'a>(&'a self, kind: &'a str) -> Vec<&'a Node> {
        let mut v: Vec<&Node> = self.nodes().filter(|n| n.kind == kind).collect();
        v.sort_by(|a, b| {
            (a.order.unwrap_or(i64::MAX), &a.title).cmp(&(b.order.unwrap_or(i64::MAX), &b.title))
        });
        v
    }

    /// Outgoing links of a node.
    pub fn links_from(&self, id: &str) -> Vec<Link<'_>> {
        self.neighbours(id, Direction::Outgoing)
    }

    /// Incoming links of a node (its backlinks).
    pub fn links_to(&self, id: &str) -> Vec<Link<'_>> {
        self.neighbours(id, Direction::Incoming)
    }

    fn neighbours(&self, id: &str, dir: Direction) -> Vec<Link<'_>> {
        let Some(&i) = self.index.get(id) else {
            return Vec::new();
        };
        let mut v: Vec<Link<'_>> = self
            .graph
            .edges_directed(i, dir)
            .map(|e| {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                Link {
                    node: &self.graph[other],
                    edge: e.weight(),
                }
            })
            .collect();
        v.sort_by(|a, b| (&a.edge.kind, &a.node.title).cmp(&(&b.edge.kind, &b.node.title)));
        v
    }

    /// The node a `part_of` edge leads to from `id` (a capability's perspective).
    pub fn parent(&self, id: &str) -> Option<&Node> {
        self.links_from(id)
            .into_iter()
            .find(|l| l.edge.kind == "part_of")
            .map(|l| l.node)
    }

    /// Ids of nodes that no path of edges (in either direction) connects to the root.
    pub fn unreachable_from_root(&self) -> Vec<String> {
        let Some(&root) = self.index.get(&self.manifest.root) else {
            return self.graph.node_weights().map(|n| n.id.clone()).collect();
        };
        let mut seen = vec![false; self.graph.node_count()];
        let mut queue = VecDeque::from([root]);
        seen[root.index()] = true;
        while let Some(i) = queue.pop_front() {
            for n in self.graph.neighbors_undirected(i) {
                if !seen[n.index()] {
                    seen[n.index()] = true;
                    queue.push_back(n);
                }
            }
        }
        self.graph
            .node_indices()
            .filter(|i| !seen[i.index()])
            .map(|i| self.graph[i].id.clone())
            .collect()
    }

    /// Node counts by kind, in the manifest's kind order.
    pub fn count_nodes_by_kind(&self) -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for n in self.nodes() {
            *m.entry(n.kind.clone()).or_insert(0) += 1;
        }
        m
    }

    /// Edge counts by kind.
    pub fn count_edges_by_kind(&self) -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for e in self.graph.edge_weights() {
            *m.entry(e.kind.clone()).or_insert(0) += 1;
        }
        m
    }

    /// The error for an id that names no node, with the nearest known id as a hint.
    pub fn unknown(&self, id: &str) -> UnknownNode {
        UnknownNode {
            id: id.to_string(),
            hint: self.suggest(id).map(str::to_string),
        }
    }

    /// Known ids closest to a mistyped one, best first.
    pub fn suggest(&self, wanted: &str) -> Option<&str> {
        crate::suggest::closest(wanted, self.index.keys())
    }
}

impl crate::tours::KnownNodes for Framework {
    fn contains(&self, id: &str) -> bool {
        Framework::contains(self, id)
    }

    fn suggest(&self, wanted: &str) -> Option<&str> {
        Framework::suggest(self, wanted)
    }
}

/// An id that names no node of the framework, with the nearest known id when it looks like a
/// typo.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no node has the id `{}`{}", crate::limits::echo(.id), did_you_mean(.hint))]
pub struct UnknownNode {
    pub id: String,
    pub hint: Option<String>,
}

fn did_you_mean(hint: &Option<String>) -> String {
    hint.as_deref()
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}
