#!/usr/bin/env bash
# Checks the .deb that `make package` built, the way a person installing it would meet it, but
# without installing it: the package is unpacked into a scratch folder (`dpkg-deb -x`) and its
# files, control fields, desktop entry and command are examined there. Nothing is written outside
# the scratch folder. Closes with one line "package check: N passed, M failed" and exits non-zero
# when anything failed, saying what.
#
# Usage: .ci/package-check.sh [PATH.deb]   (default: the package `make package` made for the
# version in Cargo.toml, under $CARGO_TARGET_DIR or target/)
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

passed=0
failed=0
ok() { passed=$((passed + 1)); printf 'ok    %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/      /'; }
check() { # description, then a command that succeeds when the check holds
  local what=$1; shift
  local out
  if out=$("$@" 2>&1); then ok "$what"; else bad "$what" "$out"; fi
}
equal() { # description, what was found, what is wanted
  if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "found \"$2\", wanted \"$3\""; fi
}
none() { # description, what was found where nothing should be
  if [ -z "$2" ]; then ok "$1"; else bad "$1" "$2"; fi
}
finish() {
  echo "package check: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

for tool in dpkg-deb desktop-file-validate cargo; do
  command -v "$tool" >/dev/null || { bad "$tool is installed (run make deps)"; finish; }
done

version=$(cargo pkgid -p atlas 2>/dev/null | sed 's/.*[@#]//')
[ -n "$version" ] || { bad "the atlas crate's version can be read (cargo pkgid -p atlas)"; finish; }
package=capability-atlas
deb=${1:-${CARGO_TARGET_DIR:-target}/package/${package}_${version}_$(dpkg --print-architecture).deb}
if [ ! -f "$deb" ]; then
  bad "the package exists" "$deb is missing: run make package first"
  finish
fi
echo "checking $deb"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
root=$scratch/root

# --- what the package holds
listing=$(dpkg-deb -c "$deb") || { bad "dpkg-deb -c reads the package" "$listing"; finish; }
# Names follow five columns (mode, owner, size, date, time) and may hold spaces; dpkg-deb writes
# them as ./usr/…, Tauri's bundler as usr/…, so both are read as usr/….
names=$(sed -E 's/^([^ ]+ +){5}//; s#^\./##; s#/$##' <<<"$listing")
has() { grep -qxF "$1" <<<"$names" || { echo "not in the package: /$1"; return 1; }; }
desktop="usr/share/applications/Capability Atlas.desktop"
check "the atlas command is installed as /usr/bin/atlas" has usr/bin/atlas
check "the desktop entry is in /usr/share/applications" has "$desktop"
for size in 16x16 32x32 48x48 64x64 128x128 256x256 512x512; do
  check "a $size icon is in the hicolor theme" has "usr/share/icons/hicolor/$size/apps/atlas.png"
done
check "the licence is in /usr/share/doc/$package/copyright" has "usr/share/doc/$package/copyright"
outside=$(grep -vE '^(\.?|usr(/.*)?)$' <<<"$names" || true)
none "every file is under /usr (nothing in /etc, /opt or /var)" "$outside"

# --- control fields
field() { dpkg-deb -f "$deb" "$1"; }
equal "Package is $package" "$(field Package)" "$package"
equal "Version is Cargo's ($version)" "$(field Version)" "$version"
depends=$(field Depends)
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  check "Depends names $dep (it says: $depends)" grep -qE "(^|, )$dep( |,|$)" <<<"$depends"
done
check "Maintainer is set" test -n "$(field Maintainer)"
check "Description is set" test -n "$(field Description)"
none "no Homepage: the app never reaches the network" "$(field Homepage)"

# --- unpacked, never installed
if ! out=$(dpkg-deb -x "$deb" "$root" 2>&1); then bad "dpkg-deb -x unpacks the package" "$out"; finish; fi
ok "dpkg-deb -x unpacks the package into a scratch folder"

entry=$root/$desktop
check "desktop-file-validate accepts the desktop entry" desktop-file-validate "$entry"
key() { sed -n "s/^$1=//p" "$entry" | head -1; }
equal "the entry's Name is Capability Atlas" "$(key Name)" "Capability Atlas"
check "the entry has a Comment" test -n "$(key Comment)"
check "the entry has Categories" test -n "$(key Categories)"
equal "the entry's Exec runs the packaged command" "$(key Exec)" atlas
check "the packaged command is executable" test -x "$root/usr/bin/atlas"
icon=$(key Icon)
check "the entry's Icon ($icon) is a packaged icon" test -f "$root/usr/share/icons/hicolor/128x128/apps/$icon.png"
equal "the entry does not open a terminal" "$(key Terminal)" false
# Launchers match a window to its entry by WM_CLASS (X11) or app_id (Wayland): GTK takes both
# from the program's name, so the window the app opens reports "atlas".
equal "the entry's StartupWMClass matches the window (atlas)" "$(key StartupWMClass)" atlas

bin=$root/usr/bin/atlas
missing=$(ldd "$bin" 2>&1 | grep 'not found' || true)
none "every library the command needs is found" "$missing"

before=$(cd "$root" && find . | sort)

# The packaged command runs from / with a scratch HOME, so neither the repository's content/
# nor anyone's data folder can be what it finds.
home=$scratch/home
mkdir -p "$home"
run() { (cd / && env -i PATH=/usr/bin:/bin HOME="$home" "$@"); }
out=$(run "$bin" --version 2>&1)
if [ "$out" = "atlas $version" ]; then ok "atlas --version prints atlas $version"; else bad "atlas --version prints atlas $version" "$out"; fi
if out=$(run "$bin" check 2>&1) && grep -q ': OK$' <<<"$out"; then
  ok "atlas check run from / loads the built-in pack ($(head -1 <<<"$out"))"
else
  bad "atlas check run from / loads the built-in pack" "$out"
fi

# Organisation data goes to the user's data folder: $XDG_DATA_HOME, else ~/.local/share.
if out=$(run "$bin" org create "Package check" 2>&1) && [ -n "$(ls -A "$home/.local/share/app.capability-atlas" 2>/dev/null)" ]; then
  ok "organisation data is kept in ~/.local/share/app.capability-atlas"
else
  bad "organisation data is kept in ~/.local/share/app.capability-atlas" "$out"
fi
xdg=$scratch/xdg
if out=$(run env XDG_DATA_HOME="$xdg" "$bin" org create "Package check" 2>&1) && [ -n "$(ls -A "$xdg/app.capability-atlas" 2>/dev/null)" ]; then
  ok "organisation data follows XDG_DATA_HOME"
else
  bad "organisation data follows XDG_DATA_HOME" "$out"
fi
stray=$(diff <(echo "$before") <(cd "$root" && find . | sort) | head -5)
none "nothing was written into the unpacked package" "$stray"

finish
