//! Embeds the repository's `content/` packs into the binary, so `atlas` works with no files
//! beside it: CAF-AI (`content/` itself), each companion pack in a folder of its own beside it,
//! and the mappings between them. Of a pack only `framework.toml`, `nodes/**/*.md` and
//! `tours/**/*.toml` are embedded, as the loader reads.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let content = manifest_dir.join("../../content");
    println!("cargo:rerun-if-changed={}", content.display());

    let mut out = String::from(
        "pub type Files = &'static [(&'static str, &'static [u8])];\npub static FILES: Files = ",
    );
    embed_pack(&content, &mut out);
    out.push_str(";\n");

    // Every other folder of `content/` holding a manifest is a built-in companion pack (the
    // NIST AI RMF beside CAF-AI): embedded the same way, loaded only when asked for.
    out.push_str("pub static COMPANIONS: &[(&str, Files)] = &[\n");
    for folder in subfolders(&content) {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        if name == "examples" || !folder.join("framework.toml").exists() {
            continue;
        }
        write!(out, "    ({name:?}, ").unwrap();
        embed_pack(&folder, &mut out);
        out.push_str("),\n");
    }
    out.push_str("];\n");

    // Mappings between the packs, `content/mappings/*.toml`.
    let mut mappings = Vec::new();
    collect(&content.join("mappings"), "toml", &mut mappings);
    mappings.sort();
    out.push_str("pub static MAPPINGS: Files = &[\n");
    for f in &mappings {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        entry(&mut out, &name, f);
    }
    out.push_str("];\n");

    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_pack.rs");
    std::fs::write(dest, out).unwrap();
}

/// Writes the array of a pack's files as the loader reads them: the manifest, nodes and tours.
fn embed_pack(pack: &Path, out: &mut String) {
    let mut files = Vec::new();
    let manifest = pack.join("framework.toml");
    if manifest.exists() {
        files.push(manifest);
    }
    collect(&pack.join("nodes"), "md", &mut files);
    collect(&pack.join("tours"), "toml", &mut files);
    files.sort();
    out.push_str("&[\n");
    for f in &files {
        let rel = f.strip_prefix(pack).unwrap();
        let rel: Vec<_> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        entry(out, &rel.join("/"), f);
    }
    out.push(']');
}

fn entry(out: &mut String, name: &str, file: &Path) {
    println!("cargo:rerun-if-changed={}", file.display());
    let abs = file.canonicalize().unwrap();
    writeln!(
        out,
        "    ({:?}, include_bytes!({:?})),",
        name,
        abs.display().to_string()
    )
    .unwrap();
}

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    folders
}

fn collect(dir: &Path, ext: &str, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(&path, ext, files);
        } else if path.extension().is_some_and(|e| e == ext) {
            files.push(path);
        }
    }
}
