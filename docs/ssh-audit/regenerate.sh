#!/usr/bin/env bash
# Writes keyway-server.txt and sshd.txt beside this script: ssh-audit's report on `keyway server`
# with its defaults and on this machine's sshd with its own (see ../ssh-audit.md). Run it from
# anywhere as a user who may start sshd (root, or one with /run/sshd present); it uses the ports
# 2222 (keyway server's default) and 2223 on 127.0.0.1, and stops both servers when done.
set -euo pipefail
out="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$out/../.." && pwd)"
tmp="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# wait_for PORT: until something listens on 127.0.0.1:PORT (at most 30 s).
wait_for() {
    for _ in $(seq 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "nothing listens on 127.0.0.1:$1" >&2
    return 1
}

# sshd with the host key types a Debian install makes (ed25519, ECDSA P-256, RSA 3072) and no
# algorithm lists in its configuration, so it offers its compiled-in defaults.
ssh-keygen -q -t ed25519 -N '' -C '' -f "$tmp/ssh_host_ed25519_key"
ssh-keygen -q -t ecdsa -b 256 -N '' -C '' -f "$tmp/ssh_host_ecdsa_key"
ssh-keygen -q -t rsa -b 3072 -N '' -C '' -f "$tmp/ssh_host_rsa_key"
cat > "$tmp/sshd_config" <<CONFIG
ListenAddress 127.0.0.1
Port 2223
PidFile $tmp/sshd.pid
UsePAM no
HostKey $tmp/ssh_host_ed25519_key
HostKey $tmp/ssh_host_ecdsa_key
HostKey $tmp/ssh_host_rsa_key
CONFIG
[ -d /run/sshd ] || mkdir -p /run/sshd
/usr/sbin/sshd -D -e -f "$tmp/sshd_config" 2>"$tmp/sshd.log" &
pids+=($!)

# keyway server with its defaults: no -h, so it makes its ed25519 host key in ~/.keyway/, here a
# throw-away home. Nobody may log in (an empty authorized_keys): ssh-audit never logs in.
"$repo/keyway" --version >/dev/null   # builds the command line first if it is stale
JDK_JAVA_OPTIONS="-Duser.home=$tmp" "$repo/keyway" server --authorized-keys /dev/null >"$tmp/keyway.log" 2>&1 &
pids+=($!)

wait_for 2223
wait_for 2222
# -n: no colours; -t 10: ssh-audit's limit for connecting and each read. ssh-audit exits with 3
# when it reports a failure, which both do.
ssh-audit -n -t 10 -p 2223 127.0.0.1 >"$out/sshd.txt" || true
ssh-audit -n -t 10 -p 2222 127.0.0.1 >"$out/keyway-server.txt" || true
