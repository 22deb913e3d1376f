#!/usr/bin/env bash
# Scheduled CI job of a GitOps repository: keeps the ResolvedHosts file fresh.
# Usage: refresh-facts.sh INPUTS RESOLVED MANIFESTS
# Copy this file into your repository. It runs the apiserver-policy on PATH (the release archive's bin/
# folder), or the one APISERVER_POLICY names.
#   resolve --check: 0 the file matches DNS, nothing to do; 1 drift (each host with the addresses added and
#   removed): resolve and render again, and leave the changes for a pull request.
# Exits 0 when the files are current (changed or not), else with the failing command's code
# (3: a host does not resolve, the file is left as it was, or apiserver-policy was not found;
# 4: the inputs have errors).
set -euo pipefail
inputs="${1:?usage: refresh-facts.sh INPUTS RESOLVED MANIFESTS}"
resolved="${2:?usage: refresh-facts.sh INPUTS RESOLVED MANIFESTS}"
manifests="${3:?usage: refresh-facts.sh INPUTS RESOLVED MANIFESTS}"
cli="${APISERVER_POLICY:-apiserver-policy}"
if ! command -v "$cli" >/dev/null 2>&1; then
  echo "refresh-facts: '$cli' is not on PATH; unpack the release archive and add its bin/ folder to PATH," \
    "or set APISERVER_POLICY to the launcher" >&2
  exit 3
fi

status=0
"$cli" resolve "$inputs" --out "$resolved" --check || status=$?
case "$status" in
  0) exit 0 ;;
  1) ;;
  *) exit "$status" ;;
esac
"$cli" resolve "$inputs" --out "$resolved"
"$cli" render "$inputs" --out "$manifests"
echo "refresh-facts: $resolved and $manifests changed; commit them in a pull request" >&2
