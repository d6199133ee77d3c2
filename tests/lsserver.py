"""A throwaway Label Studio server for the integration test.

The ``label-studio`` package lives in its own venv (``.cache/label-studio-venv``):
its pins would downgrade packages of the project's venv. The server runs on
127.0.0.1 with a free port, a temporary SQLite data dir, a user and a legacy
API token created from environment variables, and no outbound connections; calls to
an ML backend and webhooks on 127.0.0.1 are allowed (``hasila serve`` runs there).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

LS_VERSION = "1.23.2"
ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".cache" / "label-studio-venv"


class ServerUnavailable(RuntimeError):
    """The server could not be installed or started."""


def ensure_venv() -> Path:
    """The label-studio executable, installing it into its own venv on first use (~1 min)."""
    exe = VENV / "bin" / "label-studio"
    stamp = VENV / f".installed-{LS_VERSION}"
    if exe.exists() and stamp.exists():
        return exe
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True)
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        f"label-studio=={LS_VERSION}"], check=True, capture_output=True, timeout=900)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        raise ServerUnavailable(f"cannot install label-studio {LS_VERSION}: {exc} {detail[-2000:]!r}") from exc
    stamp.write_text("ok\n")
    return exe


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    api_key: str
    process: subprocess.Popen
    log_path: Path
    started_in: float
    email: str = ""
    password: str = ""

    def stop(self) -> None:
        """Stop the server by its PID (its whole process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def start(data_dir: Path, timeout: float = 240.0) -> Server:
    """Start a server and wait until /health answers 200 on the port it was given."""
    exe = ensure_venv()
    port = free_port()
    token = secrets.token_hex(20)
    email, password = "hasila-test@example.com", secrets.token_hex(12)
    env = {
        **os.environ,
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
        "DATABASE_NAME": str(data_dir / "label_studio.sqlite3"),
        "LABEL_STUDIO_USERNAME": email,
        "LABEL_STUDIO_PASSWORD": password,
        "LABEL_STUDIO_USER_TOKEN": token,
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LABEL_STUDIO_LATEST_VERSION_CHECK": "false",
        # the ML backend and its webhook run on this machine too (127.0.0.1)
        "ML_BLOCK_LOCAL_IP": "false",
        "SSRF_PROTECTION_ENABLED": "false",
        "SENTRY_DSN": "",
        "FRONTEND_SENTRY_DSN": "",
    }
    log_path = data_dir / "server.log"
    log = log_path.open("wb")
    t0 = time.monotonic()
    proc = subprocess.Popen([str(exe), "start", "--no-browser", "--internal-host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    server = Server(url, token, proc, log_path, 0.0, email, password)
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise ServerUnavailable(f"label-studio exited with {proc.returncode}: "
                                    f"{log_path.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                server.started_in = time.monotonic() - t0
                return server
        except httpx.HTTPError:
            pass
        time.sleep(1)
    server.stop()
    raise ServerUnavailable(f"label-studio did not answer /health on {url} within {timeout:.0f} s: "
                            f"{log_path.read_text(errors='replace')[-3000:]}")
