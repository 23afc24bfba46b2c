//! A child process for the store's crash test: writes assessments as fast as it can and prints
//! `ok N` after each commit, so the parent, which SIGKILLs it at random moments, knows which
//! writes were acknowledged and must survive.
//!
//! Usage: store-crash-writer DATA_DIR START [ROLE]. Two writers run side by side, each owning
//! some fields, on capability ranges that overlap, and each sending only its own fields, as
//! the window and the command line do:
//! - ROLE `a` (the default): write N sets capability number N mod C (C capabilities in the
//!   pack) to notes "write N" and current maturity N mod 6.
//! - ROLE `b`: write N sets capability number 9 + N mod (C − 9) to tags ["write N"], target
//!   maturity N mod 6 and priority number N mod 4 (low, medium, high, critical).

use atlas_core::store::{AssessmentPatch, Priority, Store};
use std::io::Write;

/// Where writer `b`'s capabilities start: from there on, both writers write the same ones.
const B_OFFSET: u64 = 9;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("DATA_DIR"));
    let start: u64 = args
        .next()
        .expect("START")
        .parse()
        .expect("START is a number");
    let role = args.next().unwrap_or_else(|| "a".to_string());
    let fw = atlas_core::load_builtin().expect("the built-in pack loads");
    let caps: Vec<String> = fw
        .nodes_of_kind("capability")
        .iter()
        .map(|n| n.id.clone())
        .collect();
    let count = caps.len() as u64;
    assert!(count > B_OFFSET, "the pack has enough capabilities");
    let mut store = Store::open(&dir, &format!("crash-writer {role}")).expect("open the store");
    // The other writer may create the organisation between our look and our create.
    let org = match store.find_organisation("Crash") {
        Ok(o) => o.id,
        Err(_) => match store.create_organisation("Crash") {
            Ok(o) => o.id,
            Err(_) => store.find_organisation("Crash").expect("find").id,
        },
    };
    let priorities = [
        Priority::Low,
        Priority::Medium,
        Priority::High,
        Priority::Critical,
    ];
    let mut out = std::io::stdout().lock();
    for n in start.. {
        let (cap, patch) = match role.as_str() {
            "a" => (
                &caps[(n % count) as usize],
                AssessmentPatch {
                    current: Some(Some((n % 6) as u8)),
                    notes: Some(format!("write {n}")),
                    ..AssessmentPatch::default()
                },
            ),
            "b" => (
                &caps[(B_OFFSET + n % (count - B_OFFSET)) as usize],
                AssessmentPatch {
                    target: Some(Some((n % 6) as u8)),
                    priority: Some(Some(priorities[(n % 4) as usize])),
                    tags: Some(vec![format!("write {n}")]),
                    ..AssessmentPatch::default()
                },
            ),
            other => panic!("ROLE is `a` or `b`, not `{other}`"),
        };
        store.save_assessment(&fw, org, cap, patch).expect("save");
        writeln!(out, "ok {n}").expect("report");
        out.flush().expect("flush");
    }
}
