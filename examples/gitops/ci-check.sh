#!/usr/bin/env bash
# CI gate for a GitOps repository: the inputs lint clean and the committed manifests are up to date.
# Usage: ci-check.sh INPUTS MANIFESTS
# Copy this file into your repository (ci/ say). It runs the apiserver-policy on PATH (the release
# archive's bin/ folder), or the one APISERVER_POLICY names.
# Exit codes: 0 up to date; 1 the manifests are stale (each file's diff is printed); 3 an input or the
# manifests could not be read, or apiserver-policy was not found; 4 the inputs have errors.
set -euo pipefail
inputs="${1:?usage: ci-check.sh INPUTS MANIFESTS}"
manifests="${2:?usage: ci-check.sh INPUTS MANIFESTS}"
cli="${APISERVER_POLICY:-apiserver-policy}"
if ! command -v "$cli" >/dev/null 2>&1; then
  echo "ci-check: '$cli' is not on PATH; unpack the release archive and add its bin/ folder to PATH," \
    "or set APISERVER_POLICY to the launcher" >&2
  exit 3
fi

status=0
"$cli" lint "$inputs" || status=$?
case "$status" in
  0) ;;
  1) echo "ci-check: the inputs have errors (above); fix them first" >&2; exit 4 ;;
  *) exit "$status" ;;
esac
status=0
"$cli" render "$inputs" --out "$manifests" --check || status=$?
case "$status" in
  0) ;;
  1) echo "ci-check: the committed manifests are stale. Run: apiserver-policy render $inputs --out $manifests" >&2 ;;
  4) echo "ci-check: the inputs have errors (above); nothing was compared" >&2 ;;
esac
exit "$status"
