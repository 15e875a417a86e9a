"""`planner serve`: the app in a web browser through textual-serve, and the calendar at
/calendar.ics. Each page gets its own app process (`planner tui` under Textual's web
driver); every one of them ends when its page closes and when the server stops, even when
a browser goes away without a word (textual-serve alone has been seen to leave the app
running then)."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from planner.serve_child import SERVED_ENV

__all__ = ["SERVED_ENV", "PlannerServer", "is_loopback", "serve", "served_argv"]

QUIT_GRACE_SECONDS = 3.0
CALENDAR_TIMEOUT_SECONDS = 60.0
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _end(service: AppService) -> None:
    process = getattr(service, "_process", None)
    if process is not None and process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()


async def stop_app(service: AppService) -> None:
    """Ask the app to quit, and end its process if it has not within a few seconds."""
    try:
        await asyncio.wait_for(service.stop(), QUIT_GRACE_SECONDS)
    except (TimeoutError, asyncio.CancelledError, ConnectionError):
        pass
    finally:
        _end(service)


class PlannerServer(Server):
    def __init__(self, command: str, calendar: list[str], host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="planner")
        self.calendar = calendar
        self.services: set[AppService] = set()

    def initialize_logging(self) -> None:
        """Quiet: the command prints what a person needs."""

    async def on_startup(self, app: web.Application) -> None:
        """(textual-serve prints a logo here; `planner serve` prints its own lines)"""

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(stop_app(s) for s in list(self.services)))
        for service in list(self.services):
            _end(service)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/calendar.ics", self.handle_calendar)
        return app

    async def handle_calendar(self, request: web.Request) -> web.Response:
        """The plan as a calendar (`planner export ics`), for a calendar that subscribes."""
        process = await asyncio.create_subprocess_exec(
            *self.calendar,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            out, err = await asyncio.wait_for(process.communicate(), CALENDAR_TIMEOUT_SECONDS)
        except TimeoutError:
            process.kill()
            await process.wait()
            return web.Response(status=504, text="the calendar took too long\n")
        if process.returncode != 0:
            message = err.decode("utf-8", "replace").strip() or "the calendar failed"
            return web.Response(status=500, text=message + "\n")
        return web.Response(body=out, content_type="text/calendar", charset="utf-8")

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One app process per page, ended with the page (whatever way it closes)."""
        websocket = web.WebSocketResponse(heartbeat=10)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=lambda: _close(websocket),
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.services.add(service)
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            await stop_app(service)
            self.services.discard(service)
            with contextlib.suppress(Exception):
                await websocket.close()
        return websocket


async def _close(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


def serve(command: str, calendar: list[str], host: str, port: int) -> None:
    PlannerServer(command, calendar, host, port).serve()


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def served_argv(
    data_dir: Path, cache_dir: Path, today: str | None, syllabi: list[Path]
) -> list[str]:
    """The global options each served app process and the calendar get."""
    argv = ["--data-dir", str(data_dir), "--cache-dir", str(cache_dir)]
    if today is not None:
        argv += ["--today", today]
    for path in syllabi:
        argv += ["--syllabus", str(path)]
    return argv
