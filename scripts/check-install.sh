#!/usr/bin/env bash
# Install newsprism as a new user would and import it: a fresh venv with the pip that
# ships with Python (no upgrade: Python 3.11's pip 23.2 once skipped an extra that
# trafilatura needs), `pip install .`, then `import newsprism, trafilatura`.
# Downloads come from pip's cache after the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
echo "check-install: $("$work/venv/bin/python" -m pip --version)"
# Build from a copy: an in-tree build would leave build/ and *.egg-info behind.
git ls-files -z --cached --others --exclude-standard \
  | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | (mkdir "$work/src" && tar -xf - -C "$work/src")
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$work/src"
cd "$work"
"$work/venv/bin/python" -c "import newsprism, trafilatura; print('check-install: newsprism', newsprism.__version__, 'and trafilatura import')"
