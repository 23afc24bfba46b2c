//! Reading back the CSV `export_csv` writes, into the same document a JSON import reads, so
//! both go through one validation and one merge.
//!
//! The CSV carries assessments only (no ids, descriptions, snapshots, history or actions); what
//! it carries comes back exactly: `export_csv` → import into an empty folder → `export_csv`
//! gives the same bytes. A row of a capability nobody assessed (every value empty) is not an
//! assessment and is skipped; the `title` and `orphaned` columns are the pack's, not data.
//! Cells a spreadsheet could run as a formula were written with a leading `'`, removed here.

use super::error::StoreError;
use super::model::{now, Assessment, Evidence};
use super::transfer::{file_err, Document, OrgFile};
use crate::limits::{self, echo};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The header `export_csv` writes; an import must start with exactly this.
pub(super) const HEADER: &[&str] = &[
    "organisation",
    "capability",
    "title",
    "orphaned",
    "current",
    "target",
    "priority",
    "stage",
    "owner",
    "not_applicable",
    "confidence",
    "tags",
    "evidence",
    "notes",
];

/// What a cell held before `csv::cell` defused it: one leading `'` goes when what follows
/// starts with a character it is added for.
fn uncell(s: &str) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\'']) => rest.to_string(),
        _ => s.to_string(),
    }
}

/// RFC 4180 records with the line each starts on; a quoted cell may span lines.
fn records(path: &Path, text: &str) -> Result<Vec<(usize, Vec<String>)>, StoreError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut was_quoted = false;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    return Err(file_err(
                        path,
                        format!(
                            "line {start}: a quoted cell is not closed (is the file cut short?)"
                        ),
                    ));
                }
                row.push(std::mem::take(&mut cell));
                break;
            };
            if c == '\n' {
                line += 1;
            }
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') if cell.is_empty() && !was_quoted => {
                    quoted = true;
                    was_quoted = true;
                }
                (false, ',') => {
                    row.push(std::mem::take(&mut cell));
                    was_quoted = false;
                }
                (false, '\r') if chars.peek() == Some(&'\n') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    break;
                }
                (false, c) => cell.push(c),
            }
        }
        if !(row.len() == 1 && row[0].is_empty()) {
            out.push((start, row));
        }
    }
    Ok(out)
}

/// One row's cells by column, with the line for messages.
struct Row<'a> {
    path: &'a Path,
    line: usize,
    cells: &'a [String],
}

impl Row<'_> {
    fn err(&self, column: &str, detail: impl std::fmt::Display) -> StoreError {
        file_err(
            self.path,
            format!("line {}, column `{column}`: {detail}", self.line),
        )
    }

    fn text(&self, column: &str) -> String {
        let i = HEADER
            .iter()
            .position(|h| *h == column)
            .expect("a known column");
        uncell(&self.cells[i])
    }

    fn optional(&self, column: &str) -> Option<String> {
        Some(self.text(column)).filter(|s| !s.is_empty())
    }

    fn level(&self, column: &str) -> Result<Option<u8>, StoreError> {
        self.optional(column)
            .map(|v| {
                v.parse().map_err(|_| {
                    self.err(column, format!("`{}` is not a maturity level", echo(&v)))
                })
            })
            .transpose()
    }

    fn word<T: DeserializeOwned>(&self, column: &str) -> Result<Option<T>, StoreError> {
        self.optional(column)
            .map(|v| {
                serde_json::from_value(Value::String(v.clone())).map_err(|_| {
                    self.err(column, format!("`{}` is not a valid {column}", echo(&v)))
                })
            })
            .transpose()
    }

    /// "label <url>; label <url>": an item ends at a `>` after a ` <`, so a label may hold "; ".
    fn evidence(&self) -> Result<Vec<Evidence>, StoreError> {
        let text = self.text("evidence");
        let mut out = Vec::new();
        let mut item = String::new();
        for piece in text.split("; ").filter(|_| !text.is_empty()) {
            if !item.is_empty() {
                item.push_str("; ");
            }
            item.push_str(piece);
            if let Some((label, url)) = item.strip_suffix('>').and_then(|i| i.rsplit_once(" <")) {
                out.push(Evidence {
                    label: label.to_string(),
                    url: url.to_string(),
                });
                item.clear();
            }
        }
        if !item.is_empty() {
            return Err(self.err(
                "evidence",
                format!("`{}` is not `label <url>`", echo(&item)),
            ));
        }
        Ok(out)
    }

    fn assessment(&self) -> Result<Assessment, StoreError> {
        let tags = self.text("tags");
        Ok(Assessment {
            current: self.level("current")?,
            target: self.level("target")?,
            priority: self.word("priority")?,
            stage: self.optional("stage"),
            owner: self.optional("owner"),
            not_applicable: self.optional("not_applicable"),
            confidence: self.word("confidence")?,
            tags: if tags.is_empty() {
                vec![]
            } else {
                tags.split("; ").map(str::to_string).collect()
            },
            evidence: self.evidence()?,
            notes: self.text("notes"),
            actions: vec![],
        })
    }
}

/// Reads the CSV into a document of its organisations (in the order they first appear), each
/// with the assessments of its rows. Refused, naming the line and column, when a row is short,
/// a cell is not a value of its column, or a capability appears twice for one organisation.
pub(super) fn parse(path: &Path, text: &str) -> Result<Document, StoreError> {
    let rows = records(path, text)?;
    let Some((_, header)) = rows.first() else {
        return Err(file_err(path, "the file is empty"));
    };
    if header != HEADER {
        return Err(file_err(
            path,
            format!(
                "line 1: not a Capability Atlas CSV export (its header must be `{}`)",
                HEADER.join(",")
            ),
        ));
    }
    let created = now();
    let mut organisations: Vec<OrgFile> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (line, cells) in &rows[1..] {
        let row = Row {
            path,
            line: *line,
            cells,
        };
        if cells.len() != HEADER.len() {
            return Err(file_err(
                path,
                format!(
                    "line {line}: {} cells where a row has {} (is the file cut short?)",
                    cells.len(),
                    HEADER.len()
                ),
            ));
        }
        let name = row.text("organisation");
        let capability = row.text("capability");
        if name.is_empty() || capability.is_empty() {
            let column = if name.is_empty() {
                "organisation"
            } else {
                "capability"
            };
            return Err(row.err(column, "must not be empty"));
        }
        let n = match index.get(&name) {
            Some(&n) => n,
            None => {
                if organisations.len() == limits::MAX_IMPORT_ORGANISATIONS {
                    return Err(row.err(
                        "organisation",
                        format!(
                            "more than the {} organisations an import may hold",
                            limits::MAX_IMPORT_ORGANISATIONS
                        ),
                    ));
                }
                organisations.push(OrgFile {
                    id: organisations.len() as i64 + 1,
                    name: name.clone(),
                    description: String::new(),
                    created_at: created.clone(),
                    assessments: BTreeMap::new(),
                    snapshots: vec![],
                    history: vec![],
                });
                index.insert(name.clone(), organisations.len() - 1);
                organisations.len() - 1
            }
        };
        let a = row.assessment()?;
        if a.is_empty() {
            continue;
        }
        if organisations[n]
            .assessments
            .insert(capability.clone(), a)
            .is_some()
        {
            return Err(row.err(
                "capability",
                format!(
                    "`{}` appears twice for organisation `{}`",
                    echo(&capability),
                    echo(&name)
                ),
            ));
        }
    }
    Ok(Document::of(organisations))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_cell_keeps_its_commas_quotes_and_line_breaks() {
        let rows = records(Path::new("x.csv"), "a,\"b, \"\"c\"\"\r\nd\"\r\ne,f\r\n").unwrap();
        assert_eq!(
            rows,
            vec![
                (1, vec!["a".to_string(), "b, \"c\"\r\nd".to_string()]),
                (3, vec!["e".to_string(), "f".to_string()])
            ],
            "a note with commas, quotes and paragraphs must come back whole, and the next row \
             must be numbered by the file's own lines"
        );
    }

    #[test]
    fn a_file_cut_inside_a_quoted_cell_is_refused_naming_its_line() {
        let err = records(Path::new("x.csv"), "a,b\r\nc,\"unfinished").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn only_the_quote_added_against_formulas_is_removed() {
        assert_eq!(uncell("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(uncell("''quoted'"), "'quoted'");
        assert_eq!(uncell("'tis"), "'tis", "a quote a person typed stays");
    }
}
