#!/bin/sh
# Rebuild plugin.wasm, the frozen API 1.0 component (see README.md).
# Runs in this folder, with its own lockfile and target folder.
set -eu
cd "$(dirname "$0")"
cargo build --release --locked --target wasm32-wasip2 --target-dir target
cp target/wasm32-wasip2/release/estive_frozen_api_1_0.wasm plugin.wasm
echo "plugin.wasm: $(wc -c < plugin.wasm) bytes"
