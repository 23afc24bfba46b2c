//! Graph queries on the real pack.

use crate::support::caf_ai;
use atlas_core::graph::queries;

#[test]
fn neighbourhood_grows_with_depth_and_respects_edge_kinds() {
    let fw = caf_ai();
    let d1 = queries::neighbourhood(fw, "data-curation", 1, &[]).unwrap();
    let d2 = queries::neighbourhood(fw, "data-curation", 2, &[]).unwrap();
    assert!(
        d1.nodes.iter().any(|(id, d)| id == "governance" && *d == 1),
        "its perspective is one step away"
    );
    assert!(d2.nodes.len() > d1.nodes.len(), "depth 2 reaches further");
    assert!(d1
        .edges
        .iter()
        .all(|e| d1.nodes.iter().any(|(n, _)| *n == e.from)
            && d1.nodes.iter().any(|(n, _)| *n == e.to)));
    let refs =
        queries::neighbourhood(fw, "responsible-use-of-ai", 1, &["references".into()]).unwrap();
    let ids: Vec<&str> = refs.nodes.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        ids.contains(&"risk-management") && ids.contains(&"cloud-financial-management"),
        "{ids:?}"
    );
    assert!(refs.edges.iter().all(|e| e.kind == "references"));
    assert_eq!(
        queries::neighbourhood(fw, "data-curation", 9, &[])
            .unwrap()
            .depth,
        3,
        "depth is capped at 3"
    );
    assert!(queries::neighbourhood(fw, "no-such-node", 1, &[]).is_none());
}

#[test]
fn backlinks_list_who_points_here() {
    let fw = caf_ai();
    let back: Vec<String> = fw
        .links_to("responsible-use-of-ai")
        .into_iter()
        .filter(|l| l.edge.kind == "references")
        .map(|l| l.node.id.clone())
        .collect();
    assert!(back.contains(&"risk-management".to_string()));
}

#[test]
fn shortest_path_names_the_edges_that_make_it() {
    let fw = caf_ai();
    let path = queries::shortest_path(fw, "risk-management", "responsible-use-of-ai").unwrap();
    assert_eq!(path.len(), 1, "a direct reference is one step");
    assert_eq!(path[0].kind, "references");
    let long = queries::shortest_path(fw, "ciso", "ml-fluency").unwrap();
    assert!(long.len() >= 2);
    let first = long.first().unwrap();
    assert!(
        first.from == "ciso" || first.to == "ciso",
        "the path starts at the CISO"
    );
    let last = long.last().unwrap();
    assert!(
        last.from == "ml-fluency" || last.to == "ml-fluency",
        "and ends at ML fluency"
    );
    for pair in long.windows(2) {
        let shared = [&pair[0].from, &pair[0].to]
            .iter()
            .any(|n| **n == pair[1].from || **n == pair[1].to);
        assert!(shared, "consecutive edges share a node: {pair:?}");
    }
    assert_eq!(queries::shortest_path(fw, "ciso", "ciso").unwrap().len(), 0);
}

#[test]
fn the_ciso_lens_holds_the_security_perspective() {
    let lens = queries::lens(caf_ai(), "ciso").unwrap();
    assert!(lens.perspectives.contains(&"security".to_string()));
    let all: Vec<&String> = lens.direct.iter().chain(&lens.via_perspective).collect();
    for cap in [
        "threat-detection",
        "data-protection",
        "vulnerability-management",
    ] {
        assert!(all.iter().any(|c| *c == cap), "{cap} concerns the CISO");
    }
    assert!(
        queries::lens(caf_ai(), "data-curation").is_none(),
        "a lens is for stakeholders only"
    );
}

#[test]
fn most_connected_capabilities_come_first() {
    let top = queries::most_connected(caf_ai(), 5);
    assert_eq!(top.len(), 5);
    assert!(
        top.windows(2).all(|w| w[0].1 >= w[1].1),
        "sorted by connections: {top:?}"
    );
    assert!(caf_ai().node(&top[0].0).unwrap().kind == "capability");
}
