"""Links in the note preview (issue 12.3) go through the same http(s)-only check as every
other link: a file:// or javascript: link clicked in a note never reaches the browser."""

from __future__ import annotations

from textual.widgets import Markdown

from planner.store.store import Store
from planner.tui.screens.item_detail import ItemDetailScreen
from tests.tui_support import make_app

ITEM = "hundred-page-ml/ch02"


async def test_note_links_are_checked_before_anything_opens(store: Store) -> None:
    store.save_note(
        ITEM, "[a](file:///etc/passwd) [b](javascript:alert(1)) [c](https://ok.example/)"
    )
    app = make_app(store)
    opened: list[str] = []
    app.open_url = lambda url, *, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_item(ITEM)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ItemDetailScreen)
        preview = screen.query_one("#note-preview", Markdown)
        for href in ("file:///etc/passwd", "javascript:alert(1)", "https://ok.example/"):
            preview.post_message(Markdown.LinkClicked(preview, href))
            await pilot.pause()
        assert opened == ["https://ok.example/"]
        messages = [str(n.message) for n in app._notifications]
        assert messages.count("Only http and https links are opened") == 2
