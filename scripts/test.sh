#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit and integration tests, and
# the Windows build tried under Wine.
# This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_deps
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# The network form's tests hold 1 100 connections at once from the test
# process itself: a machine whose soft limit of open files is the usual
# 1 024 gets its hard limit for this run (no more than 8 192).
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -gt 8192 ]; then hard=8192; fi
if [ "$(ulimit -Sn)" != unlimited ] && [ "$(ulimit -Sn)" -lt "$hard" ]; then ulimit -Sn "$hard"; fi
cargo test --workspace --locked
# The Windows build, cross-compiled and tried under Wine: about 8 minutes
# on 2 cores from nothing (README, «Windows»). KLIMAT_SKIP_WINDOWS=1 leaves
# it out, for a quick run on a developer's machine.
if [ "${KLIMAT_SKIP_WINDOWS:-}" != 1 ]; then
  scripts/check-windows.sh
fi
