//! The assessment report: gathers what the builder needs from the pack and the store (the
//! organisation, its assessments, the chosen snapshot, its assessors and workshops, the clock),
//! builds the format-neutral document once, and renders it in the format asked for.
//!
//! Refusals come before anything is built or written: an unknown snapshot (with the nearest
//! name), an organisation with nothing assessed (a report of empty charts helps nobody).

use super::{Atlas, AtlasError};
use crate::limits::echo;
use crate::reports::document::Document;
use crate::reports::{self, ReportInput, ReportRequest, Since};
use crate::store;
use std::path::{Path, PathBuf};

/// The file formats a report is written in. Adding one is a variant, its names and one arm of
/// `Atlas::report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Html,
    /// An editable Word document.
    Docx,
    /// A PDF typeset inside the app (Typst, fonts bundled).
    Pdf,
}

impl ReportFormat {
    /// The names `--format` accepts, as the command line lists them.
    pub const NAMES: &'static [&'static str] = &["pdf", "html", "md", "docx"];

    /// A format by its name or a file extension (`pdf`, `md`, `markdown`, `html`, `htm`, `docx`).
    pub fn from_name(name: &str) -> Option<ReportFormat> {
        match name
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "html" | "htm" => Some(ReportFormat::Html),
            "docx" => Some(ReportFormat::Docx),
            "pdf" => Some(ReportFormat::Pdf),
            _ => None,
        }
    }

    /// A format by name, or why not in words the command line and the window both show.
    pub fn parse(name: &str) -> Result<ReportFormat, String> {
        ReportFormat::from_name(name).ok_or_else(|| {
            format!(
                "`{}` is not a report format; choose one of {}",
                crate::limits::echo(name),
                ReportFormat::NAMES.join(", ")
            )
        })
    }

    /// The format a file name asks for by its extension.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(ReportFormat::from_name)
    }

    /// Every format, in the order `NAMES` lists them: the Report dialog offers exactly these,
    /// so a format added here appears there without a change to the window.
    pub fn all() -> Vec<ReportFormat> {
        let mut all: Vec<ReportFormat> = Vec::new();
        for f in Self::NAMES
            .iter()
            .filter_map(|n| ReportFormat::from_name(n))
        {
            if !all.contains(&f) {
                all.push(f);
            }
        }
        all
    }

    /// The extension its files are named with, which is also its name for `--format`.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
            ReportFormat::Docx => "docx",
            ReportFormat::Pdf => "pdf",
        }
    }

    /// What a person calls it, as a choice in the Report dialog and a save dialog's filter.
    pub fn label(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "Markdown",
            ReportFormat::Html => "Web page",
            ReportFormat::Docx => "Word document",
            ReportFormat::Pdf => "PDF",
        }
    }

    /// Whether the file is text that can go to a terminal.
    pub fn is_text(self) -> bool {
        matches!(self, ReportFormat::Markdown | ReportFormat::Html)
    }
}

/// "2026-11-30 14:05 UTC" and "2026-11-30" for a moment.
fn clock(secs: i64) -> (String, String) {
    let stamp = store::timestamp(secs);
    let shown = format!("{} {} UTC", &stamp[..10], &stamp[11..16]);
    (shown, stamp[..10].to_string())
}

impl Atlas {
    /// The report of organisation `org` as `req` asks for it, as of now.
    pub fn report_document(&self, org: i64, req: &ReportRequest) -> Result<Document, AtlasError> {
        self.report_document_at(org, req, store::now_secs())
    }

    /// The report as of `secs` since the Unix epoch (the cover's date, what is overdue).
    pub fn report_document_at(
        &self,
        org: i64,
        req: &ReportRequest,
        secs: i64,
    ) -> Result<Document, AtlasError> {
        let fw = self.framework()?;
        let (organisation, assessments, snapshots, assessors, workshops) =
            self.with_store(|s| {
                Ok((
                    s.organisation(org)?,
                    s.assessments(org)?,
                    s.snapshots(org)?,
                    s.authors(org)?,
                    s.workshops(org)?,
                ))
            })?;
        if assessments.values().all(|a| a.is_empty()) {
            return Err(AtlasError::NothingToReport {
                organisation: echo(&organisation.name),
            });
        }
        let since = match &req.since {
            None => None,
            Some(name) => {
                let Some(snapshot) = snapshots.iter().find(|s| s.name == name.trim()) else {
                    let names: Vec<String> = snapshots.iter().map(|s| s.name.clone()).collect();
                    let hint = match crate::suggest::closest(name.trim(), names.iter()) {
                        Some(near) => format!("did you mean `{}`?", echo(near)),
                        None if names.is_empty() => {
                            "it has no snapshots yet; take one with `atlas snapshot`".into()
                        }
                        None => format!(
                            "its snapshots are: {}",
                            names
                                .iter()
                                .take(8)
                                .map(|n| echo(n))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    return Err(AtlasError::UnknownSnapshot {
                        organisation: echo(&organisation.name),
                        name: echo(name),
                        hint,
                    });
                };
                let frozen = self.with_store(|s| s.snapshot_assessments(snapshot.id))?;
                Some((snapshot.clone(), frozen))
            }
        };
        let (generated_at, today) = clock(secs);
        let input = ReportInput {
            framework: &fw,
            organisation: &organisation,
            assessments: &assessments,
            since: since.as_ref().map(|(snapshot, assessments)| Since {
                snapshot,
                assessments,
            }),
            assessors,
            workshops: &workshops,
            generated_at,
            today,
            mappings: self.crosswalk().mapped(&fw.manifest().id),
        };
        Ok(reports::build(&input, req))
    }

    /// The report of organisation `org` in `format`, as the bytes of the file.
    pub fn report(
        &self,
        org: i64,
        req: &ReportRequest,
        format: ReportFormat,
    ) -> Result<Vec<u8>, AtlasError> {
        self.report_at(org, req, format, store::now_secs())
    }

    /// The report's file as of `secs` since the Unix epoch: the cover's date, what is overdue
    /// and the PDF's own creation date all say the same moment.
    pub fn report_at(
        &self,
        org: i64,
        req: &ReportRequest,
        format: ReportFormat,
        secs: i64,
    ) -> Result<Vec<u8>, AtlasError> {
        let doc = self.report_document_at(org, req, secs)?;
        Ok(match format {
            ReportFormat::Markdown => reports::markdown::render(&doc).into_bytes(),
            ReportFormat::Html => reports::html::render(&doc).into_bytes(),
            ReportFormat::Docx => reports::docx::render(&doc)?,
            ReportFormat::Pdf => {
                reports::typst::pdf(&doc, reports::typst::When::from_unix_seconds(secs))?
            }
        })
    }

    /// Writes a report at `path`, whole or not at all, never over an earlier file (a taken
    /// name gets a free one beside it) nor over the store's own files. Returns the path written.
    pub fn write_report(&self, path: &Path, bytes: &[u8]) -> Result<PathBuf, AtlasError> {
        Ok(store::write_export(&self.data_dir, path, bytes, false)?)
    }
}
