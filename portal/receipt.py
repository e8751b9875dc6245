"""The owner's receipt of a confirmed answer, as a PDF: answers per camera, files, sizes, SHA-256, times."""

from __future__ import annotations

from datetime import datetime


def receipt_pdf(html: str) -> bytes:
    """Return the receipt page rendered as a PDF (WeasyPrint, imported here: only confirming needs it)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def receipt_time() -> datetime:
    """Return the time the receipt states (now)."""
    return datetime.now().astimezone()
