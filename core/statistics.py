"""Statistics for the prosecutor: figures from the database's aggregate functions, tables, charts and a report.

The database hides every figure counting fewer than 5 requisitions (None here, "< 5" on paper); this module
only arranges what it is given. The report is French, like every document CamReq prints.
"""

from __future__ import annotations

import csv
import itertools
from dataclasses import astuple, dataclass, fields
from datetime import date, datetime
from pathlib import Path

from ..db import statistics as db
from ..db.connection import transaction
from ..errors import CamreqError
from .documents import ENVIRONMENT, TEMPLATES_DIR, write_pdf
from .translation import tr

HIDDEN = "< 5"


@dataclass(frozen=True)
class Statistics:
    """Every figure of one period, as the database returned it."""

    start: date
    end: date
    unit: str | None
    months: list[db.MonthRow]
    owners: list[db.OwnerRow]
    outcomes: list[db.OutcomeRow]
    clock: list[db.ClockRow]


@dataclass(frozen=True)
class ReportFiles:
    """What write_report() wrote."""

    html: Path
    pdf: Path
    tables: tuple[Path, ...]


def collect(connection: str, start: date, end: date, unit: str | None = None) -> Statistics:
    """Return the figures from start to end (inclusive days, Paris time), for one unit or all."""
    if end < start:
        raise CamreqError(
            tr("{end} is before FROM {start}.").format(end=end.isoformat(), start=start.isoformat()), "TO"
        )
    with transaction(connection) as conn, conn.cursor() as cursor:
        return Statistics(
            start, end, unit or None,
            db.monthly(cursor, start, end, unit or None),
            db.owners(cursor, start, end, unit or None),
            db.outcomes(cursor, start, end, unit or None),
            db.clock(cursor, start, end, unit or None),
        )  # fmt: skip


def change(current: int | None, before: int | None) -> float | None:
    """Return the change in percent against the year before, None where a figure is hidden or zero."""
    if current is None or not before:
        return None
    return 100.0 * (current - before) / before


def shown(value: object) -> str:
    """Return a figure as printed: hidden counts as "< 5", hours with one decimal."""
    if value is None:
        return HIDDEN
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def write_report(stats: Statistics, folder: Path) -> ReportFiles:
    """Write the tables (CSV), the charts (SVG) and the report (HTML and PDF) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = tuple(
        _write_table(folder / f"{name}.csv", rows, row_type)
        for name, rows, row_type in (
            ("months", stats.months, db.MonthRow),
            ("owners", stats.owners, db.OwnerRow),
            ("outcomes", stats.outcomes, db.OutcomeRow),
            ("clock", stats.clock, db.ClockRow),
        )
    )
    charts = {
        "months": _monthly_chart(stats, folder / "months.svg"),
        "outcomes": _outcome_chart(stats, folder / "outcomes.svg"),
    }
    html = ENVIRONMENT.get_template("statistics.html").render(
        stats=stats, charts={name: path.resolve().as_uri() for name, path in charts.items()},
        month_tables=[(unit, list(rows)) for unit, rows in itertools.groupby(stats.months, key=lambda row: row.unit)],
        shown=shown, change=change, generated=datetime.now().astimezone(),
        outcome_labels=OUTCOME_LABELS, reason_labels=REASON_LABELS,
    )  # fmt: skip
    html_path = folder / "statistics.html"
    html_path.write_text(html, encoding="utf-8")
    return ReportFiles(html_path, write_pdf(html, folder / "statistics.pdf", TEMPLATES_DIR), tables)


def _write_table(path: Path, rows: list, row_type: type) -> Path:
    """Write rows as a CSV table with a header (hidden counts empty) and return path."""
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(field.name for field in fields(row_type))
        writer.writerows(astuple(row) for row in rows)
    return path


def _pyplot():
    """Return matplotlib's pyplot drawing off screen (imported here: only the report needs it)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    return pyplot


def _monthly_chart(stats: Statistics, path: Path) -> Path:
    """Draw requisitions per month against the same months a year earlier (hidden counts drawn as 0)."""
    pyplot = _pyplot()
    months = [row for row in stats.months if row.unit is None or row.unit == stats.unit]
    labels = [row.month.strftime("%m/%Y") for row in months]
    positions = range(len(months))
    figure, axes = pyplot.subplots(figsize=(7, 3))
    axes.bar(
        [p - 0.2 for p in positions],
        [row.requisitions_year_before or 0 for row in months],
        0.4,
        label="un an plus tôt",
        color="#9aa5b1",
    )
    axes.bar([p + 0.2 for p in positions], [row.requisitions or 0 for row in months], 0.4,
             label="période", color="#000091")  # fmt: skip
    axes.set_xticks(list(positions), labels, rotation=45, ha="right")
    axes.set_ylabel("Réquisitions")
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, format="svg")
    pyplot.close(figure)
    return path


def _outcome_chart(stats: Statistics, path: Path) -> Path:
    """Draw the outcomes of the period's requisitions (reasons excluded, hidden counts drawn as 0)."""
    pyplot = _pyplot()
    rows = [row for row in stats.outcomes if row.reason is None and (row.unit is None or row.unit == stats.unit)]
    figure, axes = pyplot.subplots(figsize=(7, 2.8))
    axes.barh([OUTCOME_LABELS[row.outcome] for row in rows], [row.requisitions or 0 for row in rows], color="#000091")
    axes.invert_yaxis()
    axes.set_xlabel("Réquisitions")
    figure.tight_layout()
    figure.savefig(path, format="svg")
    pyplot.close(figure)
    return path


OUTCOME_LABELS = {
    "footage_delivered": "Images remises",
    "no_footage": "Pas d'images",
    "refused": "Refus",
    "cancelled": "Annulées",
    "lost_to_purge": "Sans réponse avant l'effacement",
    "waiting": "En attente",
}
REASON_LABELS = {
    "overwritten": "images déjà effacées",
    "camera_down": "caméra en panne",
    "not_recording": "pas d'enregistrement à ce moment",
    "not_in_view": "la caméra ne voit pas le lieu",
}
