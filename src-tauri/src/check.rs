//! `atlas check`: load a pack and report its contents, or every problem in it; with
//! `--mapping`, check a mapping between two packs and report its coverage.

use atlas_core::api::pack_summary;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    framework: Result<atlas_core::Framework, atlas_core::LoadReport>,
    json: bool,
) -> ExitCode {
    match framework {
        Ok(fw) => {
            let summary = pack_summary(&fw);
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&summary).expect("summary serialises")
                );
            } else {
                println!("{} (version {}): OK", summary.name, summary.version);
                println!("{} nodes", summary.nodes);
                for (kind, n) in &summary.nodes_by_kind {
                    println!("  {kind:<12} {n:>4}");
                }
                println!("{} edges", summary.edges);
                for (kind, n) in &summary.edges_by_kind {
                    println!("  {kind:<12} {n:>4}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(report) => {
            eprintln!("{report}");
            ExitCode::FAILURE
        }
    }
}

/// Both packs must load before the mapping between them can be checked; the problems of all
/// three are printed the same way.
pub fn run_mapping(
    from: Result<atlas_core::Framework, atlas_core::LoadReport>,
    to: Result<atlas_core::Framework, atlas_core::LoadReport>,
    file: &Path,
) -> ExitCode {
    let loaded = from
        .and_then(|from| to.map(|to| (from, to)))
        .and_then(|(from, to)| {
            atlas_core::mapping::load_mapping_file(file, &from, &to).map(|m| m.coverage(&from, &to))
        });
    match loaded {
        Ok(coverage) => {
            println!("{coverage}");
            ExitCode::SUCCESS
        }
        Err(report) => {
            eprintln!("{report}");
            ExitCode::FAILURE
        }
    }
}
