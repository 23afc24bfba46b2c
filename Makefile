# The build entry point. Two commands matter, and both install what they need first:
#   make run    build and open Capability Atlas
#   make test   run every check and test, ending with "N passed, M failed"
# Everything else here is a step of those two, except the installer:
#   make package        build the .deb installer (a release build: long, see README.md)
#   make package-check  build it, then check it unpacked in a scratch folder (never installed)

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: run test deps ui app bindings check bench clean package package-check

run: deps app
	./target/debug/atlas $(ARGS)

test: deps
	bash .ci/test.sh

deps:
	bash .ci/deps.sh

ui:
	cd ui && npm run build

app: ui
	cargo build -p atlas

# Regenerate ui/src/lib/platform/bindings.ts after changing the IPC surface.
bindings:
	UPDATE_BINDINGS=1 cargo test -p atlas --lib ipc

# Validate the built-in pack (or CONTENT=dir) and print its counts.
check: app
	./target/debug/atlas check $(if $(CONTENT),--content $(CONTENT))

# The .deb comes from Tauri's bundler (configured in src-tauri/tauri.conf.json) and is copied to
# a name without spaces: $(TARGET_DIR)/package/capability-atlas_VERSION_ARCH.deb.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
package: deps ui
	cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb --ci -- --locked
	@version=$$(cargo pkgid -p atlas | sed 's/.*[@#]//') && arch=$$(dpkg --print-architecture) && \
	mkdir -p "$(TARGET_DIR)/package" && \
	cp "$(TARGET_DIR)/release/bundle/deb/Capability Atlas_$${version}_$${arch}.deb" \
	  "$(TARGET_DIR)/package/capability-atlas_$${version}_$${arch}.deb" && \
	echo "built $(TARGET_DIR)/package/capability-atlas_$${version}_$${arch}.deb"

package-check: package
	bash .ci/package-check.sh

# Benchmarks print tables of figures; they never fail on timing.
bench: deps app
	cargo bench -p atlas-core --bench store
	cargo bench -p atlas-core --bench search
	cargo bench -p atlas-core --bench report
	cd tests/e2e && dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node bench/search-latency.mjs
	cd tests/e2e && dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node bench/graph-scale.mjs

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules tests/e2e/node_modules tests/e2e/artifacts
