"""Runs a command and writes what the kernel counted of it: `python -I -S launch.py OUT
COMMAND…` writes to OUT "exit-code wall cpu maxrss-KiB". It exists to be small: a child's
peak memory as Linux reports it (ru_maxrss) starts from the memory of the process that
forked it (with vfork, from that process's own peak), so the benchmark, which grows as it
reads the peers' outputs, must not fork the peers itself."""

import os
import sys
import time

start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)  # the command and the children it waited for
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write(
        f"{os.waitstatus_to_exitcode(status)} {wall} {usage.ru_utime + usage.ru_stime}"
        f" {usage.ru_maxrss}\n"
    )
