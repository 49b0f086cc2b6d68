#!/usr/bin/env bash
# Install newsprism as a new user would and import it: a fresh venv with the pip that
# ships with Python (no upgrade: Python 3.11's pip 23.2 once skipped an extra that
# trafilatura needs), `pip install .`, then `import newsprism, trafilatura`.
# Downloads come from pip's cache after the first run; --no-compile skips writing .pyc
# files for thousands of modules (a third of the time) that one import does not need.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
echo "check-install: $("$work/venv/bin/python" -m pip --version)"
# Build from a copy: an in-tree build would leave build/ and *.egg-info behind.
mkdir "$work/src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard \
    | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$work/src"
else
  tar --exclude=./.venv --exclude=./.git --exclude='./newsprism-*' -cf - . | tar -xf - -C "$work/src"
fi
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-compile "$work/src"
cd "$work"
"$work/venv/bin/python" -c "import newsprism, trafilatura; print('check-install: newsprism', newsprism.__version__, 'and trafilatura import')"
