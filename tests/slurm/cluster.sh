#!/usr/bin/env bash
# A real single-node Slurm cluster on localhost for the sweep tests (../shared/reference/slurm-local.md
# has what was verified on this machine kind: Debian 12, root, no systemd).
#
#   tests/slurm/cluster.sh start STATE_DIR   install Slurm + munge when missing, start munged,
#                                            slurmctld and slurmd; prints `export SLURM_CONF=...`
#   tests/slurm/cluster.sh stop STATE_DIR    stop the daemons this script started (by PID)
#
# Everything lives under STATE_DIR (config, state, spool, logs, PIDs). Ports 6817/6818 and the
# munge socket are fixed, so one cluster at a time per machine: a leftover daemon is an error.
set -euo pipefail

die() { echo "slurm-cluster: error: $*" >&2; exit 1; }
cmd=${1:-}
state=${2:-}
[ -n "$cmd" ] && [ -n "$state" ] || die "usage: $0 start|stop STATE_DIR"
mkdir -p "$state"
state=$(cd "$state" && pwd)

stop() {
    local f pid
    for f in slurmd slurmctld munged; do
        [ -f "$state/$f.started" ] || continue
        pid=$(cat "$state/$f.started")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$state/$f.started"
    done
}

if [ "$cmd" = stop ]; then
    stop
    exit 0
fi
[ "$cmd" = start ] || die "unknown command $cmd"

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    command -v apt-get >/dev/null || die "Slurm is not installed and apt-get is not available"
    [ "$(id -u)" -eq 0 ] || die "Slurm is not installed; install slurmctld slurmd slurm-client munge (needs root)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge; } >"$state/apt.log" 2>&1 \
        || die "apt-get install slurmctld slurmd slurm-client munge failed (see $state/apt.log)"
fi
for d in slurmctld slurmd munged; do
    if pgrep -x "$d" >/dev/null; then die "a $d is already running (pid $(pgrep -x "$d" | tr '\n' ' ')); stop it first"; fi
done

# munge: a key, a socket directory owned by munge, the daemon as the munge user.
if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    mungekey --create --keyfile=/etc/munge/munge.key >/dev/null 2>&1 || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null
fi
chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
mkdir -p /run/munge /var/lib/munge /var/log/munge && chown munge:munge /run/munge /var/lib/munge /var/log/munge
rm -f /run/munge/munge.socket.2.lock
setpriv --reuid=munge --regid=munge --init-groups munged -F >"$state/munged.log" 2>&1 &
echo $! >"$state/munged.started"
for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
munge -n | unmunge >/dev/null 2>&1 || { stop; die "munged did not start (see $state/munged.log)"; }

cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)
mkdir -p "$state/spool" "$state/ctld"
cat >"$state/slurm.conf" <<EOF
ClusterName=engine-test
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$state/slurm.conf"
slurmctld -D -i >"$state/slurmctld.out" 2>&1 &
echo $! >"$state/slurmctld.started"
slurmd -D -N localhost >"$state/slurmd.out" 2>&1 &
echo $! >"$state/slurmd.started"
for _ in $(seq 150); do
    [ "$(sinfo -h -o %t 2>/dev/null)" = idle ] && break
    sleep 0.2
done
[ "$(sinfo -h -o %t 2>/dev/null)" = idle ] || { stop; die "the node did not become idle (see $state/slurmctld.log, $state/slurmd.log)"; }
echo "export SLURM_CONF=$state/slurm.conf"
