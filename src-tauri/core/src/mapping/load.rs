//! Reading a mapping file and checking it against the two packs it joins.
//!
//! Like a pack, a mapping loads whole or not at all: every problem is collected with the file
//! and line it sits on, using the pack loader's `Problem` so `atlas check` prints both the same
//! way. The raw TOML keeps each value's position (`Spanned`) only until it has been checked;
//! what comes out is a `Mapping` whose ids can be trusted.

use super::{Link, Mapping, Relation, Review, Side, Units, Unmapped};
use crate::content::{LoadReport, Problem, ProblemKind};
use crate::graph::Framework;
use crate::limits::{
    echo, MAPPING_ENTRIES, MAPPING_FILE_BYTES, MAPPING_RATIONALE_CHARS, MAPPING_SUMMARY_CHARS,
    MAPPING_TITLE_CHARS,
};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    mapping: RawHeader,
    #[serde(default)]
    links: Vec<RawLink>,
    #[serde(default)]
    unmapped: Vec<RawUnmapped>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    from: Spanned<String>,
    to: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    summary: Option<Spanned<String>>,
}

// Relation and status are read as text, not straight into the enums, so that a wrong value is
// reported in our words with the allowed values listed, rather than as serde's variant error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    from: Spanned<String>,
    to: Spanned<String>,
    relation: Spanned<String>,
    status: Spanned<String>,
    rationale: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnmapped {
    pack: Spanned<String>,
    id: Spanned<String>,
    reason: Spanned<String>,
}

/// Reads the mapping file at `path` and checks it against the two packs. The file is held to
/// `limits::MAPPING_FILE_BYTES` while it is read, so a huge or endless file is refused
/// without being read whole.
pub fn load_mapping_file(
    path: &Path,
    from: &Framework,
    to: &Framework,
) -> Result<Mapping, LoadReport> {
    let name = path.display().to_string();
    let fail = |kind, message: String| LoadReport {
        problems: vec![Problem::new(kind, &name, None, message)],
    };
    let file = std::fs::File::open(path).map_err(|e| {
        fail(
            ProblemKind::Unreadable,
            format!("cannot open the file: {e}"),
        )
    })?;
    let mut bytes = Vec::new();
    file.take(MAPPING_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            fail(
                ProblemKind::Unreadable,
                format!("cannot read the file: {e}"),
            )
        })?;
    if bytes.len() > MAPPING_FILE_BYTES {
        return Err(fail(ProblemKind::TooLarge, too_large()));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        LoadReport {
            problems: vec![Problem::new(
                ProblemKind::InvalidUtf8,
                &name,
                Some(line),
                "the file is not valid UTF-8".into(),
            )],
        }
    })?;
    load_mapping(&name, &text, from, to)
}

fn too_large() -> String {
    format!("a mapping file may hold at most {MAPPING_FILE_BYTES} bytes")
}

/// Checks the text of a mapping file against the pack it maps from and the pack it maps to.
/// Returns the mapping only when there is no problem at all; otherwise every problem, each
/// naming `file_name` and the line.
pub fn load_mapping(
    file_name: &str,
    text: &str,
    from: &Framework,
    to: &Framework,
) -> Result<Mapping, LoadReport> {
    let mut check = Check {
        file: file_name,
        text,
        problems: Vec::new(),
    };
    if text.len() > MAPPING_FILE_BYTES {
        check.push(ProblemKind::TooLarge, None, too_large());
        return Err(check.report());
    }
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.span().map(|s| check.line_at(s.start));
            let message = e.message().lines().next().unwrap_or("").trim().to_string();
            check.push(ProblemKind::BadMapping, line, message);
            return Err(check.report());
        }
    };
    if raw.links.len() + raw.unmapped.len() > MAPPING_ENTRIES {
        check.push(
            ProblemKind::TooLarge,
            None,
            format!(
                "{} entries is more than a mapping may hold ({MAPPING_ENTRIES})",
                raw.links.len() + raw.unmapped.len()
            ),
        );
        return Err(check.report());
    }
    // The ids below are only meaningful against the right packs, so a header naming other
    // packs is reported alone rather than buried under a list of unknown ids.
    check.header_pack(&raw.mapping.from, from, "from");
    check.header_pack(&raw.mapping.to, to, "to");
    let (from_units, to_units) = (check.units(from), check.units(to));
    if !check.problems.is_empty() {
        return Err(check.report());
    }
    let (Some(from_units), Some(to_units)) = (from_units, to_units) else {
        unreachable!("a pack without units has been reported above");
    };
    let sides = [(from, &from_units), (to, &to_units)];
    check.text_field(&raw.mapping.title, "title", MAPPING_TITLE_CHARS, true);
    if let Some(summary) = &raw.mapping.summary {
        check.text_field(summary, "summary", MAPPING_SUMMARY_CHARS, false);
    }

    let mut links = Vec::new();
    // (from, to) → line of the first link between them.
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    // Per side: id → line of its first link.
    let mut linked: [HashMap<&str, usize>; 2] = [HashMap::new(), HashMap::new()];
    for raw_link in &raw.links {
        let line = check.line_at(raw_link.from.span().start);
        let from_ok = check.unit(&raw_link.from, sides[0], "from");
        let to_ok = check.unit(&raw_link.to, sides[1], "to");
        let relation = check.choice(
            &raw_link.relation,
            "relation",
            Relation::parse,
            &Relation::ALL.map(Relation::as_str),
        );
        let status = check.choice(
            &raw_link.status,
            "status",
            Review::parse,
            &Review::ALL.map(Review::as_str),
        );
        check.text_field(
            &raw_link.rationale,
            "rationale",
            MAPPING_RATIONALE_CHARS,
            true,
        );
        let (a, b) = (
            raw_link.from.get_ref().as_str(),
            raw_link.to.get_ref().as_str(),
        );
        if let Some(first) = seen.get(&(a, b)) {
            check.push(
                ProblemKind::DuplicateId,
                Some(line),
                format!(
                    "`{}` and `{}` are already linked at line {first}",
                    echo(a),
                    echo(b)
                ),
            );
        } else {
            seen.insert((a, b), line);
        }
        if from_ok {
            linked[0].entry(a).or_insert(line);
        }
        if to_ok {
            linked[1].entry(b).or_insert(line);
        }
        if let (Some(relation), Some(status)) = (relation, status) {
            links.push(Link {
                from: a.to_string(),
                to: b.to_string(),
                relation,
                status,
                rationale: raw_link.rationale.get_ref().trim().to_string(),
                line,
            });
        }
    }

    let mut unmapped = Vec::new();
    let mut listed: [HashMap<&str, usize>; 2] = [HashMap::new(), HashMap::new()];
    for entry in &raw.unmapped {
        let line = check.line_at(entry.pack.span().start);
        let pack = entry.pack.get_ref().as_str();
        let side = match pack {
            "from" => Some(Side::From),
            "to" => Some(Side::To),
            p if p == from.manifest().id => Some(Side::From),
            p if p == to.manifest().id => Some(Side::To),
            _ => {
                check.push(
                    ProblemKind::InvalidValue,
                    Some(line),
                    format!(
                        "`pack` is `{}`; use `from`, `to`, `{}` or `{}`",
                        echo(pack),
                        from.manifest().id,
                        to.manifest().id
                    ),
                );
                None
            }
        };
        check.text_field(&entry.reason, "reason", MAPPING_RATIONALE_CHARS, true);
        let Some(side) = side else { continue };
        let i = side as usize;
        let id = entry.id.get_ref().as_str();
        if !check.unit(&entry.id, sides[i], "id") {
            continue;
        }
        if let Some(first) = listed[i].get(id) {
            check.push(
                ProblemKind::DuplicateId,
                Some(line),
                format!(
                    "`{}` is already listed as unmapped at line {first}",
                    echo(id)
                ),
            );
            continue;
        }
        listed[i].insert(id, line);
        if let Some(link_line) = linked[i].get(id) {
            check.push(
                ProblemKind::BadMapping,
                Some(line),
                format!(
                    "`{}` is linked at line {link_line}, so it cannot also be unmapped",
                    echo(id)
                ),
            );
        }
        unmapped.push(Unmapped {
            side,
            id: id.to_string(),
            reason: entry.reason.get_ref().trim().to_string(),
            line,
        });
    }

    // Completeness: a unit missing from the file is a decision nobody has made yet, so it is a
    // problem, not a silent gap in the coverage figures.
    for (i, (fw, units)) in sides.iter().enumerate() {
        for node in fw.nodes_of_kind(&units.kind) {
            let id = node.id.as_str();
            if !linked[i].contains_key(id) && !listed[i].contains_key(id) {
                check.push(
                    ProblemKind::BadMapping,
                    None,
                    format!(
                        "{} `{id}` of `{}` is neither linked nor listed in [[unmapped]]",
                        units.kind,
                        fw.manifest().id
                    ),
                );
            }
        }
    }

    if !check.problems.is_empty() {
        return Err(check.report());
    }
    Ok(Mapping {
        file: file_name.to_string(),
        from: from.manifest().id.clone(),
        to: to.manifest().id.clone(),
        title: raw.mapping.title.get_ref().trim().to_string(),
        summary: raw
            .mapping
            .summary
            .map(|s| s.get_ref().trim().to_string())
            .unwrap_or_default(),
        links,
        unmapped,
    })
}

/// The problems of one mapping file as they are found.
struct Check<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Check<'_> {
    fn push(&mut self, kind: ProblemKind, line: Option<usize>, message: String) {
        self.problems
            .push(Problem::new(kind, self.file, line, message));
    }

    fn report(self) -> LoadReport {
        LoadReport {
            problems: self.problems,
        }
    }

    fn line_at(&self, offset: usize) -> usize {
        self.text.as_bytes()[..offset.min(self.text.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    fn line_of<T>(&self, value: &Spanned<T>) -> usize {
        self.line_at(value.span().start)
    }

    fn header_pack(&mut self, named: &Spanned<String>, fw: &Framework, key: &str) {
        let id = &fw.manifest().id;
        if named.get_ref() != id {
            let line = self.line_of(named);
            self.push(
                ProblemKind::BadMapping,
                Some(line),
                format!(
                    "the mapping's `{key}` is `{}`, but the {key}-pack is `{id}`",
                    echo(named.get_ref())
                ),
            );
        }
    }

    fn units(&mut self, fw: &Framework) -> Option<Units> {
        let units = Units::of(fw);
        if units.is_none() {
            self.push(
                ProblemKind::BadMapping,
                None,
                format!(
                    "the pack `{}` has no kind a mapping can link (capability or subcategory)",
                    fw.manifest().id
                ),
            );
        }
        units
    }

    /// Whether `id` names a unit of the pack; otherwise reports it, with the nearest unit id
    /// (or the unit an alias such as "GOVERN 1.2" stands for) as a suggestion.
    fn unit(&mut self, id: &Spanned<String>, (fw, units): (&Framework, &Units), key: &str) -> bool {
        let line = Some(self.line_of(id));
        let wanted = id.get_ref();
        let pack = &fw.manifest().id;
        match fw.node(wanted) {
            Some(node) if node.kind == units.kind => true,
            Some(node) => {
                self.push(
                    ProblemKind::WrongKind,
                    line,
                    format!(
                        "`{key}`: `{}` is a {} of `{pack}`; a mapping links {} nodes",
                        echo(wanted),
                        node.kind,
                        units.kind
                    ),
                );
                false
            }
            None => {
                let unit_ids: Vec<&String> = fw
                    .nodes_of_kind(&units.kind)
                    .into_iter()
                    .map(|n| &n.id)
                    .collect();
                let by_alias = fw.nodes_of_kind(&units.kind).into_iter().find(|n| {
                    n.aliases
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(wanted.trim()))
                });
                let hint = by_alias
                    .map(|n| n.id.as_str())
                    .or_else(|| crate::suggest::closest(wanted, unit_ids.into_iter()))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                self.push(
                    ProblemKind::MissingTarget,
                    line,
                    format!(
                        "`{key}`: no {} of `{pack}` has the id `{}`{hint}",
                        units.kind,
                        echo(wanted)
                    ),
                );
                false
            }
        }
    }

    fn choice<T>(
        &mut self,
        value: &Spanned<String>,
        key: &str,
        parse: fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Option<T> {
        let parsed = parse(value.get_ref());
        if parsed.is_none() {
            let line = Some(self.line_of(value));
            self.push(
                ProblemKind::InvalidValue,
                line,
                format!(
                    "`{key}` is `{}`; use one of {}",
                    echo(value.get_ref()),
                    allowed
                        .iter()
                        .map(|a| format!("`{a}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        parsed
    }

    fn text_field(&mut self, value: &Spanned<String>, key: &str, max: usize, required: bool) {
        let text = value.get_ref().trim();
        let line = Some(self.line_of(value));
        if required && text.is_empty() {
            self.push(ProblemKind::InvalidValue, line, format!("`{key}` is empty"));
        } else if text.chars().count() > max {
            self.push(
                ProblemKind::InvalidValue,
                line,
                format!(
                    "`{key}` is {} characters; it may hold at most {max}",
                    text.chars().count()
                ),
            );
        }
    }
}
