"""One user action on the open document, as the undo history holds it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from mapapp.i18n import translate


class DocumentEdit(QUndoCommand):
    """The document before and after one user action. Undo and redo change only the items
    the action touched: what another analyst saved meanwhile into a shared situation stays
    (the undo history is the user's own)."""

    def __init__(self, session: QObject, text: str, before: dict, after: dict) -> None:
        """``session``: the window's DocumentSession (not imported: it makes these)."""
        super().__init__(text)
        self.session, self.before, self.after = session, before, after

    def redo(self) -> None:
        self._change(self.before, self.after)

    def undo(self) -> None:
        self._change(self.after, self.before)

    def _change(self, before: dict, after: dict) -> None:
        """Make the change from ``before`` to ``after`` to the open document; when others'
        saved edits came in since and the two cannot stand together, say so and leave the
        document as it is."""
        from mapapp.model.doc_patch import carry
        from mapapp.model.validation import validate

        situation = self.session.situation
        data, refused = carry(situation.raw, before, after)
        problem = ""
        if refused:
            kind, item = refused[0]
            said = translate("window", "others changed what it would change since ({kind} {item})")
            problem = said.format(kind=kind, item=item or situation.title)
        elif data is not after:
            problems, _ = validate(data, None, situation.texts())
            problem = str(problems[0]) if problems else ""
        if problem:
            said = translate("window", "not done: it no longer fits the shared situation: {p}")
            self.session.warn(said.format(p=problem), translate("window", "Cannot undo or redo"))
            return
        self.session.apply_document(data)
