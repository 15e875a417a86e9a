"""`planner serve` in a real browser: Playwright drives Debian's Chromium (never a
downloaded one). The app draws Today in the page, a tick with the keyboard is stored, the
calendar is served at /calendar.ics, and no app process is left when a page closes (also
abruptly) or when the server stops."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.store.store import Store

CHROMIUM = Path("/usr/bin/chromium")
TODAY = "2026-11-25"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _wait(condition: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds:g} s for {what}")


class Served:
    def __init__(self, process: subprocess.Popen[bytes], port: int, data_dir: Path) -> None:
        self.process = process
        self.url = f"http://127.0.0.1:{port}/"
        self.data_dir = data_dir

    def apps(self) -> list[int]:
        return _children(self.process.pid)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    data_dir = tmp_path / "data"
    env = {**os.environ, "PLANNER_TODAY": TODAY, "PLANNER_DATA_DIR": str(data_dir)}
    init = [sys.executable, "-m", "planner", "init", "--interview", "P=2026-12-04:phone-screen"]
    subprocess.run(init, env=env, check=True, capture_output=True)
    port = _free_port()
    command = [sys.executable, "-m", "planner", "--cache-dir", str(tmp_path / "cache"), "serve"]
    process = subprocess.Popen(
        [*command, "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    server = Served(process, port, data_dir)

    def answers() -> bool:
        try:
            with urllib.request.urlopen(server.url, timeout=2) as response:
                return bool(response.status == 200)
        except OSError:
            return False

    try:
        _wait(answers, 60, "the server to answer")
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def _first_session(data_dir: Path) -> tuple[str, bool]:
    with Store.open(data_dir) as store:
        progress = store.load_progress()
    done = [item_id for item_id, p in progress.items.items() if p.done]
    return (done[0], True) if done else ("", False)


def test_the_app_in_chromium_ticks_and_leaves_no_process(served: Served) -> None:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto(served.url)
        page.wait_for_selector("body.-first-byte", timeout=60_000)
        # drawn: the page stops changing (Today has no clock that ticks by the second)
        last, stable, deadline = b"", 0, time.monotonic() + 60
        while stable < 3 and time.monotonic() < deadline:
            shot = page.screenshot()
            stable = stable + 1 if shot == last else 0
            last = shot
            time.sleep(0.4)
        assert len(served.apps()) == 1
        page.click("body")
        page.keyboard.press("Space")
        _wait(lambda: _first_session(served.data_dir)[1], 30, "the tick to be stored")
        time.sleep(0.5)
        shot_to = os.environ.get("PLANNER_BROWSER_SHOT")
        if shot_to:
            page.screenshot(path=shot_to)
        page.close()
        _wait(lambda: not served.apps(), 20, "the app process to end with its page")
        browser.close()
    calendar = urllib.request.urlopen(served.url + "calendar.ics", timeout=60)
    assert calendar.headers["Content-Type"].startswith("text/calendar")
    assert calendar.read().startswith(b"BEGIN:VCALENDAR")
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(20) is not None


def test_an_abrupt_disconnect_and_the_server_stopping_end_every_app(served: Served) -> None:
    import aiohttp

    async def connect_and_drop(count: int) -> None:
        async with aiohttp.ClientSession() as session:
            sockets = [
                await session.ws_connect(served.url.replace("http", "ws") + "ws?width=80&height=24")
                for _ in range(count)
            ]
            await asyncio.sleep(0)
            deadline = time.monotonic() + 60
            while len(served.apps()) < count and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            assert len(served.apps()) == count
            # the first goes away without a close frame, as a browser that crashes does
            transport = sockets[0]._response.connection.transport  # type: ignore[union-attr]
            assert transport is not None
            transport.abort()
            deadline = time.monotonic() + 40
            while len(served.apps()) > count - 1 and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            assert len(served.apps()) == count - 1
            # the rest are still open when the server is told to stop
            served.process.send_signal(signal.SIGTERM)
            assert await asyncio.to_thread(served.process.wait, 30) is not None

    apps_before = served.apps()
    assert apps_before == []
    asyncio.run(connect_and_drop(2))
    leftover = [
        pid
        for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
        if str(served.data_dir).encode() in _cmdline(pid)
    ]
    assert leftover == []


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_a_host_other_than_loopback_is_warned_about(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from planner.cli import cli
    from planner.serve import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0")
    assert CliRunner().invoke(cli, ["serve", "--port", "0"]).exit_code == 2
    env = {**os.environ, "PLANNER_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "planner", "serve", "--host", "0.0.0.0"]
    process = subprocess.Popen(
        [*command, "--port", str(_free_port())], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None
        warning = process.stderr.readline()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(20)
    assert warning.startswith("planner: warning: serving on 0.0.0.0: the app has no login")
