"""Signing: seconds per requisition rendered to PDF/A and signed (PAdES B-B, P-256 key), against rendering alone.

Run: `make bench` or `PYTHONPATH=build/plugins .venv/bin/python bench/signing.py`. No database: the same documents
are rendered by the same WeasyPrint call in both runs; the difference is the signature (pyHanko, incremental update).
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _qgis import start_qgis

COUNT = 20


def _documents() -> list:
    """Return COUNT requisition documents of five cameras each, as an officer issues them."""
    from camreq.core.documents import Officer, Owner, RequestedCamera, RequisitionDocument, Unit
    from camreq.core.times import now

    start = now() - timedelta(hours=6)
    officer = Officer("Claire Martin", "Capitaine de police", "SD Isère", "c.martin@example.org", "04 65 71 40 12")
    return [
        RequisitionDocument(
            number=f"2026-{n:06d}",
            issued_at=now(),
            unit=Unit("SD Isère", "1 rue X, 38000 Grenoble", "04", "Grenoble"),
            officer=officer,
            case_number="2026/004517",
            investigation="flagrance",
            owner=Owner(f"Owner {n:03d}", "Grenoble", f"owner{n}@example.org"),
            cameras=tuple(
                RequestedCamera(
                    f"C{n:03d}-{c}",
                    "fixed",
                    f"{c} place Grenette",
                    start,
                    start + timedelta(hours=1),
                    start + timedelta(days=7),
                )
                for c in range(5)
            ),
            answer_deadline=now() + timedelta(hours=48),
            delivery="MP4 par lien",
            signed_at=now(),
        )
        for n in range(COUNT)
    ]


def main() -> None:
    """Print seconds per requisition rendered alone and rendered then signed, and their ratio."""
    from camreq.core import demo_pki
    from camreq.core.documents import render_signable_pdf
    from camreq.core.signing import sign_pdf
    from camreq.core.times import now
    from pyhanko.sign import signers

    start_qgis()
    authority = demo_pki.authority()
    identity = demo_pki.officer(authority, "Claire Martin")
    signer = signers.SimpleSigner.load_pkcs12_data(identity.pkcs12(authority, b"bench"), None, passphrase=b"bench")
    documents = _documents()
    render_signable_pdf(documents[0])  # warm up fonts and templates for both runs
    render_s = signed_s = 0.0
    for document in documents:  # interleaved, so that the shared machine's load weighs on both alike
        began = time.perf_counter()
        render_signable_pdf(replace(document, signed_at=None))
        render_s += (time.perf_counter() - began) / COUNT
        began = time.perf_counter()
        pdf, box = render_signable_pdf(document)
        sign_pdf(pdf, signer, box, now(), document.officer.name, document.unit.city, "")
        signed_s += (time.perf_counter() - began) / COUNT
    print(f"{COUNT} requisitions rendered (PDF/A-2b):          {render_s:.3f} s each")
    print(f"{COUNT} requisitions rendered and signed (PAdES): {signed_s:.3f} s each")
    print(f"ratio: {signed_s / render_s:.2f}x (aim: under 1.2x)")


if __name__ == "__main__":
    main()
