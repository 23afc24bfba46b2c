//! The core's modules depend on each other in one direction only. A cycle (the loader needing
//! the graph needing the loader) makes every change to one of them a change to both, and was
//! how `closest` and the pack's tours used to tie `content`, `graph` and `tours` together.

use crate::support::repo_root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules each module's non-test code names through `crate::`.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo_root().join("src-tauri/core/src");
    let mut deps = BTreeMap::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" || name == "bin" {
            continue;
        }
        let mut found = BTreeSet::new();
        collect(&path, &mut found);
        found.remove(&name);
        deps.insert(name, found);
    }
    // `crate::load_builtin` and friends are re-exports of `content`; `crate::Atlas` of `atlas`.
    for set in deps.values_mut() {
        for (alias, module) in [
            ("load_builtin", "content"),
            ("load_dir", "content"),
            ("LoadReport", "content"),
            ("Framework", "graph"),
            ("Atlas", "atlas"),
        ] {
            if set.remove(alias) {
                set.insert(module.to_string());
            }
        }
    }
    deps
}

fn collect(path: &Path, found: &mut BTreeSet<String>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            collect(&entry.unwrap().path(), found);
        }
        return;
    }
    if path.extension().is_none_or(|e| e != "rs") || path.file_name().unwrap() == "tests.rs" {
        return;
    }
    let text = std::fs::read_to_string(path).unwrap();
    for line in text.lines() {
        // Unit tests may use anything; they are not part of the dependency structure.
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let module: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !module.is_empty() {
                found.insert(module);
            }
        }
    }
}

/// A cycle through `start`, if there is one, as the list of modules walked.
fn cycle_from(
    start: &str,
    at: &str,
    deps: &BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<String>,
) -> Option<Vec<String>> {
    for next in deps.get(at).into_iter().flatten() {
        if next == start {
            let mut c = path.clone();
            c.push(next.clone());
            return Some(c);
        }
        if !path.contains(next) {
            path.push(next.clone());
            if let Some(c) = cycle_from(start, next, deps, path) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}

#[test]
fn no_two_core_modules_depend_on_each_other() {
    let deps = dependencies();
    assert!(
        deps["atlas"].contains("store") && deps["graph"].contains("model"),
        "the scan sees dependencies: {deps:?}"
    );
    for module in deps.keys() {
        let mut path = vec![module.clone()];
        if let Some(cycle) = cycle_from(module, module, &deps, &mut path) {
            panic!("the core's modules form a cycle: {}", cycle.join(" → "));
        }
    }
}
