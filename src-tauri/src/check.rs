//! `atlas check`: load a pack and report its contents, or every problem in it.

use atlas_core::api::pack_summary;
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
