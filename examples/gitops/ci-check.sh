#!/usr/bin/env bash
# CI gate for a GitOps repository: the inputs lint clean and the committed manifests are up to date.
# Usage: ci-check.sh INPUTS MANIFESTS   (run from anywhere; uses the launcher at the project root)
set -euo pipefail
inputs="${1:?usage: ci-check.sh INPUTS MANIFESTS}"
manifests="${2:?usage: ci-check.sh INPUTS MANIFESTS}"
cli="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/apiserver-policy"

"$cli" lint "$inputs"
if ! "$cli" render "$inputs" --out "$manifests" --check; then
  echo "The committed manifests are stale. Run: apiserver-policy render $inputs --out $manifests" >&2
  exit 1
fi
