"""Translation of the texts core/ and processing/ show users; the dialogs translate with their QObject.tr()."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

# pylupdate5 files a literal marked outside a class's methods (tr() in a function, QT_TR_NOOP() for a class
# attribute or a constant) under this context, and self.tr() in a method under the class's name.
DEFAULT_CONTEXT = "@default"


def tr(text: str) -> str:
    """Return text translated in the user's language (QGIS's locale), as marked by tr() or QT_TR_NOOP()."""
    return QCoreApplication.translate(DEFAULT_CONTEXT, text)


def tr_for(cls: type, text: str) -> str:
    """Return text marked by self.tr() in a method of cls or of one of its base classes, or by QT_TR_NOOP()."""
    for context in cls.__mro__:
        translated = QCoreApplication.translate(context.__name__, text)
        if translated != text:
            return translated
    return tr(text)
