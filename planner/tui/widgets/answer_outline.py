"""A practice item's answer outline, kept out of sight while the attempt is on: shown when
it is over (time is up, the outcome chosen, the last step scored) or when asked for twice
(the first time says what seeing it now means)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

NO_OUTLINE = "This item has no answer outline in the syllabus."

EARLY_WARNING = "The outline is the answer: press ctrl+o again to see it before you finish"


class AnswerOutline(Static):
    DEFAULT_CSS = """
    AnswerOutline {
        display: none;
        height: auto;
        max-height: 10;
        overflow-y: auto;
        padding: 0 2;
        margin: 0 0 1 0;
        border-left: thick $success;
    }
    AnswerOutline.-shown {
        display: block;
    }
    """

    def __init__(self, answer: str, *, id: str | None = None) -> None:  # noqa: A002
        text = reflow(answer.strip()) or NO_OUTLINE
        super().__init__(Content.assemble(("Answer outline\n", "bold"), text), id=id)
        self._asked = False

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    def reveal(self) -> None:
        self.add_class("-shown")

    def ask(self) -> bool:
        """Asked for during the attempt: the first time warns and returns False, the second
        shows it."""
        if self.shown or self._asked:
            self.reveal()
            return True
        self._asked = True
        self.notify(EARLY_WARNING, severity="warning", timeout=4)
        return False


def reflow(outline: str) -> str:
    """Join the indented continuation lines of an outline's bullets, so the terminal wraps
    each bullet to its own width instead of breaking the YAML's short lines again."""
    lines: list[str] = []
    for line in outline.splitlines():
        stripped = line.strip()
        continues = line[:1].isspace() and stripped[:2] not in ("- ", "* ")
        if lines and continues and stripped:
            lines[-1] = f"{lines[-1]} {stripped}"
        else:
            lines.append(line.rstrip())
    return "\n".join(lines)
