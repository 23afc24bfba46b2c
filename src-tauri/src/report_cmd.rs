//! `atlas report`: the assessment report of one organisation, written to a file (never over an
//! earlier one) or printed. The profile and format names come from the core, so a format the
//! core learns is accepted here without a change.

use crate::cli::Cli;
use atlas_core::atlas::{command_line_author, ReportFormat};
use atlas_core::reports::{Profile, ReportRequest};
use atlas_core::{Atlas, AtlasError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The organisation's name or id.
    pub org: String,
    /// Who it is for: board (four pages at most), full (everything) or handout (for a
    /// workshop's participants: no private notes, no scores unless --include-scores).
    #[arg(long, default_value = "board", value_parser = Profile::parse)]
    pub profile: Profile,
    /// Say what moved since this snapshot of the organisation.
    #[arg(long, value_name = "SNAPSHOT")]
    pub since: Option<String>,
    /// The file format; by default the one FILE's extension names, else md.
    #[arg(long, value_parser = ReportFormat::parse)]
    pub format: Option<ReportFormat>,
    /// Handout only: include scores, gaps and the totals and charts derived from them.
    #[arg(long)]
    pub include_scores: bool,
    /// Write to FILE instead of standard output. An existing FILE is kept and the report gets
    /// a free name beside it ("FILE (2).html").
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(cli: &Cli, args: &ReportArgs) -> ExitCode {
    match execute(cli, args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn format_for(args: &ReportArgs) -> Result<ReportFormat, AtlasError> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    match &args.output {
        None => Ok(ReportFormat::Markdown),
        Some(path) => ReportFormat::from_path(path).ok_or_else(|| {
            AtlasError::Invalid(format!(
                "{}: the format cannot be told from this file name; name it .{} or pass --format",
                path.display(),
                ReportFormat::NAMES.join(", .")
            ))
        }),
    }
}

fn execute(cli: &Cli, args: &ReportArgs) -> Result<(), AtlasError> {
    if args.include_scores && args.profile != Profile::Handout {
        return Err(AtlasError::Invalid(
            "--include-scores is for the handout profile; the board and full reports always \
             carry scores"
                .into(),
        ));
    }
    let format = format_for(args)?;
    let data_dir = cli.data_dir();
    let atlas = Atlas::open(
        cli.load_framework(),
        &data_dir,
        &command_line_author(&data_dir),
    );
    atlas.store_ready()?;
    let org = atlas.find_organisation(&args.org)?;
    let request = ReportRequest {
        profile: args.profile,
        since: args.since.clone(),
        include_scores: args.include_scores,
    };
    let bytes = atlas.report(org.id, &request, format)?;
    match &args.output {
        None if format.is_text() => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .map_err(|e| AtlasError::Invalid(format!("could not print the report: {e}")))?;
        }
        None => {
            return Err(AtlasError::Invalid(
                "this format is not text; write it to a file with -o FILE".into(),
            ))
        }
        Some(path) => say_written(path, &atlas.write_report(path, &bytes)?),
    }
    Ok(())
}

fn say_written(asked: &Path, written: &Path) {
    if written == asked {
        println!("report written to {}", written.display());
    } else {
        println!(
            "{} already exists, so the report was written to {} (an existing file is never replaced)",
            asked.display(),
            written.display()
        );
    }
}
