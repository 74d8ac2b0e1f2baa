#!/usr/bin/env bash
# Runs Klimat. Until the desktop window exists, this builds the `klimat`
# command and scores the bundled sample surveys (samples/*.csv), printing the
# key figures and the written conclusions of each questionnaire.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_deps
cargo build --release --locked --bin klimat
for instrument in commitment satisfaction culture; do
  echo
  ./target/release/klimat summary --instrument "$instrument" --input "samples/$instrument.csv"
done
echo
echo "JSON для сценариев: ./target/release/klimat score --instrument commitment --input samples/commitment.csv"
