//! The report's view through a mapping: how much of another framework (the NIST AI RMF beside
//! CAF-AI) the mapping reaches, and how much of it this organisation's assessment speaks to.
//!
//! A board is often asked about a second framework; this section answers "what does our
//! assessment already tell us about it" without claiming more than the mapping does. A link
//! nobody has reviewed is called proposed, and the section says how many are.

use super::builder::ReportInput;
use super::document::{Block, Inline, Table};
use super::words::{heading, text};
use crate::graph::Framework;
use crate::mapping::{Mapping, Review, Units};
use std::collections::BTreeSet;

/// A mapping between the pack the report is about and `other`, both built in.
pub struct MappedFramework<'a> {
    pub mapping: &'a Mapping,
    pub other: &'a Framework,
}

/// One section per mapped framework; `brief` (the board's profile) leaves out the list of what
/// the assessment does not reach.
pub(crate) fn coverage(input: &ReportInput<'_>, brief: bool, out: &mut Vec<Block>) {
    for mapped in &input.mappings {
        one(input, mapped, brief, out);
    }
}

fn one(input: &ReportInput<'_>, mapped: &MappedFramework<'_>, brief: bool, out: &mut Vec<Block>) {
    let fw = input.framework;
    let other = mapped.other;
    let (Some(ours), Some(theirs)) = (Units::of(fw), Units::of(other)) else {
        return;
    };
    let pack = &fw.manifest().id;
    let our_units = ours.in_order(fw);
    let their_units = theirs.in_order(other);

    // What the mapping reaches from every unit of ours, and from the ones this organisation
    // has recorded anything about.
    let mut linked_ours = 0;
    let mut reached = BTreeSet::new();
    let mut reached_by_assessment = BTreeSet::new();
    for unit in &our_units {
        let links = mapped.mapping.links_of(pack, &unit.id);
        if !links.is_empty() {
            linked_ours += 1;
        }
        let assessed = input
            .assessments
            .get(&unit.id)
            .is_some_and(|a| !a.is_empty());
        for link in links {
            reached.insert(link.node.clone());
            if assessed {
                reached_by_assessment.insert(link.node);
            }
        }
    }
    let proposed = mapped
        .mapping
        .links
        .iter()
        .filter(|l| l.status == Review::Proposed)
        .count();
    let (our_name, their_name) = (&fw.manifest().short_name, &other.manifest().short_name);
    let our_plural = plural(fw, &ours.kind);
    let their_plural = plural(other, &theirs.kind);

    out.push(heading(2, format!("Against the {}", other.manifest().name)));
    out.push(Block::Paragraph(text(format!(
        "The {our_name} to {their_name} mapping links {linked_ours} of {} {our_plural} to {} of \
         {} {their_name} {their_plural}. The {our_plural} {} has assessed bear on {} of them.",
        our_units.len(),
        reached.len(),
        their_units.len(),
        input.organisation.name,
        reached_by_assessment.len(),
    ))));

    let mut rows = Vec::new();
    for group in other.nodes_of_kind(&theirs.group) {
        let in_group: Vec<_> = their_units
            .iter()
            .filter(|u| {
                theirs
                    .group_of(other, &u.id)
                    .is_some_and(|g| g.id == group.id)
            })
            .collect();
        let count =
            |set: &BTreeSet<String>| in_group.iter().filter(|u| set.contains(&u.id)).count();
        rows.push(vec![
            text(group.title.clone()),
            text(in_group.len().to_string()),
            text(count(&reached).to_string()),
            text(count(&reached_by_assessment).to_string()),
        ]);
    }
    out.push(Block::Table(Table {
        caption: Some(format!("{their_name} {their_plural} by {}", theirs.group)),
        header: vec![
            capitalise(&theirs.group),
            capitalise(&their_plural),
            format!("Linked to {our_name}"),
            "Reached by this assessment".into(),
        ],
        rows,
    }));

    let missing: Vec<Vec<Inline>> = their_units
        .iter()
        .filter(|u| !reached_by_assessment.contains(&u.id))
        .map(|u| text(u.title.clone()))
        .collect();
    if !brief && !missing.is_empty() && input.assessments.values().any(|a| !a.is_empty()) {
        out.push(heading(
            3,
            format!("{their_name} {their_plural} this assessment does not reach"),
        ));
        out.push(Block::List {
            ordered: false,
            items: missing,
        });
    }
    out.push(Block::Note(text(format!(
        "{proposed} of the mapping's {} links are proposed: drawn from the two texts and not yet \
         reviewed by a person. Read them as leads, not findings.",
        mapped.mapping.links.len()
    ))));
    // The report now quotes a second framework's names and structure: credit it as the pack's own.
    let theirs_manifest = other.manifest();
    out.push(Block::Note(text(theirs_manifest.attribution.trim())));
    out.push(Block::Note(text(theirs_manifest.notice.trim())));
}

fn plural(fw: &Framework, kind: &str) -> String {
    fw.manifest()
        .kind(kind)
        .map_or_else(|| kind.to_string(), |k| k.plural.clone())
        .to_lowercase()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
