"""What the browser tests and the browser benchmarks share: Debian's Chromium and a real Streamlit server.

`start_streamlit` runs `python -m streamlit run APP` on a free port and waits for its health check;
the process it returns is Streamlit's own (no shell wrapper), so `stop_server` stops the server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
# No sandbox (root), no GPU, and none of Chromium's own connections: this machine has no internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(
    app: str | os.PathLike,
    *app_args: str,
    log_path: str | os.PathLike | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 90,
) -> tuple[subprocess.Popen, str]:
    """The real Streamlit server for `app` (files after `--` as `app_args`); returns (process, URL)."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    if app_args:
        cmd += ["--", *app_args]
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115 - lives with the server
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    where = f": see {log_path}" if log_path else ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}{where}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout:.0f} s{where}")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()  # the Streamlit process itself, by its PID
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
