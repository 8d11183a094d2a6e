#!/usr/bin/env bash
# The peer the benchmark compares the report with: the pandas + matplotlib script a data analyst would write instead
# (scripts/peer/peer.py). Installs pandas and matplotlib into a virtual environment, bench/peer-venv (git-ignored),
# then runs the script with it.
#   scripts/peer.sh --data data --out bench/peer-out   answer the questions, write index.html and report.pdf
#   scripts/peer.sh --setup                            only install (quiet when it is there already)
#   scripts/peer.sh --versions                         Python, pandas and matplotlib versions
# Installing: pip inside the environment (short timeout); if PyPI cannot be reached, the Debian packages
# python3-pandas, python3-matplotlib and python3-venv (apt-get, as root), which the environment sees through
# --system-site-packages. The logs are in bench/peer-venv/install.log.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=bench/peer-venv
python=$venv/bin/python
log=$venv/install.log

ready() {
    [[ -x $python ]] && "$python" -c 'import pandas, matplotlib' 2>/dev/null
}

apt_install() {
    local packages=(python3-pandas python3-matplotlib python3-venv) sudo=()
    command -v apt-get >/dev/null || { echo "peer: no pip access and no apt-get to install ${packages[*]}" >&2; return 1; }
    if [[ $(id -u) != 0 ]]; then
        command -v sudo >/dev/null && sudo -n true 2>/dev/null \
            || { echo "peer: installing ${packages[*]} needs root (or: sudo apt-get install ${packages[*]})" >&2; return 1; }
        sudo=(sudo -n)
    fi
    echo "peer: installing ${packages[*]} with apt-get (PyPI unreachable) ..." >&2
    "${sudo[@]}" apt-get install -y -q "${packages[@]}" >>"$log" 2>&1 \
        || { "${sudo[@]}" apt-get update -q >>"$log" 2>&1 && "${sudo[@]}" apt-get install -y -q "${packages[@]}" >>"$log" 2>&1; } \
        || { echo "peer: apt-get install ${packages[*]} failed; see $log" >&2; return 1; }
}

setup() {
    ready && return 0
    mkdir -p bench
    # Debian's own interpreter when there is one: the Debian packages are built for it, not for a pyenv or other python3.
    local base=/usr/bin/python3
    [[ -x $base ]] || base=$(command -v python3) || { echo "peer: no python3 on this machine" >&2; return 1; }
    if [[ ! -x $python ]]; then
        rm -rf "$venv"
        if ! "$base" -m venv --system-site-packages "$venv" >/dev/null 2>&1; then
            rm -rf "$venv"
            mkdir -p "$venv"
            apt_install || return 1   # python3-venv
            "$base" -m venv --system-site-packages "$venv" >>"$log" 2>&1 \
                || { echo "peer: cannot create $venv with $base; see $log" >&2; return 1; }
        fi
    fi
    ready && return 0
    echo "peer: installing pandas and matplotlib into $venv ..." >&2
    timeout 120 "$python" -m pip install -q --disable-pip-version-check --timeout 5 --retries 0 pandas matplotlib >>"$log" 2>&1 \
        && ready && return 0
    apt_install && ready && return 0
    echo "peer: pandas and matplotlib are still not importable by $python; see $log" >&2
    return 1
}

case "${1:-}" in
    --setup) setup ;;
    --versions) setup && exec "$python" scripts/peer/peer.py --versions ;;
    -h|--help) exec sed -n '2,10s/^# \{0,1\}//p' "$0" ;;
    *) setup && exec "$python" scripts/peer/peer.py "$@" ;;
esac
