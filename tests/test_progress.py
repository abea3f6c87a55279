"""A progress bar on stderr when a person watches a long run; none when piped or in CI."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from .test_cli import ROOT, run


def test_progress_bar_on_a_terminal_only() -> None:
    folders = ["data/samples/2023", "data/samples/2022-h1"]  # 60 files: more than 40
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"COLUMNS": "100"}
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ctr_stats",
            "compute",
            *folders,
            "--format",
            "json",
            "--allow-missing",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=60)
    os.close(leader)
    assert "Đọc tệp".encode() in seen
    piped = run("compute", *folders, "--format", "json", "--allow-missing")
    assert "Đọc tệp" not in piped.stderr
