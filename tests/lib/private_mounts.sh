# Sourced by transcripts that mount a small file system for one test (a full disk, a read-only
# folder): sets $ns to the command that runs its argument in a private mount namespace, so the
# mount disappears with the test and never reaches this machine's other processes.
#
# unshare -m makes the whole tree private first, which fails inside a chroot (its / is not a
# mount point: "cannot change root filesystem propagation").  There, and only when no mount on
# this machine propagates (no "shared:" peer group in mountinfo), the namespace's mounts are
# private already and unshare may leave propagation as it is.
if [ "$(id -u)" = 0 ]; then ns="unshare -m"; else ns="unshare -rm"; fi
if ! $ns true 2>/dev/null && ! grep -q ' shared:' /proc/self/mountinfo; then
    ns="$ns --propagation unchanged"
fi
