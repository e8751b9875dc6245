"""Whatever the computer's time zone, a person reads Paris times: in the panel, the PDFs, the e-mails, the outputs.

QGIS fixes a process's time zone when it starts, so each time zone runs the real panel and algorithm in its own
process (time_zone_run.py); the expected texts are computed here with zoneinfo, from the database's instants.
"""

from __future__ import annotations

import email
import email.policy
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

PARIS = ZoneInfo("Europe/Paris")
SCRIPT = Path(__file__).with_name("time_zone_run.py")


def paris_text(value: datetime) -> str:
    """Return an instant as the French short form in Paris time, computed independently of CamReq."""
    return value.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")


def paris_short(value: datetime) -> str:
    """Return an instant as the follow-up list shows it (day, month, time) in Paris time."""
    return value.astimezone(PARIS).strftime("%d/%m %H:%M")


def mail_texts(handler) -> list[str]:
    """Return the plain-text body of every e-mail the SMTP server accepted."""
    parsed = [email.message_from_bytes(envelope.content, policy=email.policy.default) for envelope in handler.envelopes]
    return [message.get_body(preferencelist=("plain",)).get_content() for message in parsed]


@pytest.mark.parametrize("zone", ["UTC", "America/New_York"])
def test_panel_pdfs_emails_and_outputs_show_paris_times_whatever_the_computer_time_zone(
    zone, db, camreq_processing, sql, smtp_server, tmp_path
):
    camreq_processing.run("camreq:loadsampledata", {"CONNECTION": db})
    handler, port = smtp_server()
    paris_now = datetime.now(PARIS).replace(second=0, microsecond=0)
    start = paris_now - timedelta(hours=2)
    run = subprocess.run(
        [sys.executable, str(SCRIPT), db, str(port), str(tmp_path / "pdf"), start.strftime("%Y-%m-%dT%H:%M")],
        env=dict(os.environ, TZ=zone), capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-4000:]
    shown = json.loads(run.stdout.strip().splitlines()[-1])
    computer = datetime.now(ZoneInfo(zone)).utcoffset().total_seconds()
    assert shown["computer_offset_s"] == computer != paris_now.utcoffset().total_seconds(), "TZ did not reach QGIS"
    panel = shown["panel"]

    default_start = datetime.strptime(panel["default_start"], "%Y-%m-%d %H:%M").replace(tzinfo=PARIS)
    assert abs(default_start - (paris_now - timedelta(hours=1))) <= timedelta(minutes=2), "the default window"

    windows = sql(db, "SELECT window_start, window_end, purge_at FROM camreq.requisition_cameras")
    assert windows and {(paris_text(s), paris_text(e)) for s, e, _ in windows} == {
        (paris_text(start), paris_text(start + timedelta(hours=1)))
    }
    tooltips = " ".join(" ".join(row) for row in panel["results_tooltips"])
    assert all(paris_text(purge) in tooltips for *_, purge in windows)

    made = sql(
        db,
        "SELECT r.number, r.purge_deadline, r.answer_deadline, d.pdf FROM camreq.requisitions r "
        "JOIN camreq.requisition_documents d ON d.requisition_id = r.id AND d.issued ORDER BY r.id",
    )
    listed = {" ".join(row) for row in panel["followup"]}
    for number, purge, answer, pdf in made:
        assert any(number in row and paris_short(purge) in row and paris_short(answer) in row for row in listed)
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
        assert paris_text(start) in text and paris_text(start + timedelta(hours=1)) in text, number
        assert paris_text(purge) in text, number
    mails = mail_texts(handler)
    assert mails and all(any(paris_text(purge) in body for *_, purge in windows) for body in mails)

    changes = sql(db, "SELECT changed_at FROM camreq.requisition_status_history WHERE requisition_id = "
                  "(SELECT id FROM camreq.requisitions WHERE number = %s)", (panel["followup"][0][0],))  # fmt: skip
    assert sorted(row[0] for row in panel["history"]) == sorted(paris_text(at) for (at,) in changes)

    algorithm = shown["algorithm"]
    assert algorithm["window_start"] == start.isoformat()
    assert algorithm["window_end"] == (start + timedelta(hours=1)).isoformat()
    assert datetime.fromisoformat(algorithm["purge_at"]).utcoffset() == start.utcoffset()
