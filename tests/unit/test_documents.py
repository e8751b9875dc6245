"""Requisition documents: legal basis read from data, user text kept inert, real PDFs read back."""

from __future__ import annotations

import struct
import sys
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdf
import pytest
from camreq.core.documents import (
    Officer,
    Owner,
    RequestedCamera,
    RequisitionDocument,
    Unit,
    load_legal_basis,
    render_html,
    render_pdf,
    weasyprint_available,
    write_pdf,
)

INCIDENT = datetime(2026, 11, 26, 21, 30, tzinfo=UTC)  # 22:30 in Paris
ARTICLES = {"flagrance": "60-1", "preliminary": "77-1-1", "judicial": "99-3"}
A4_POINTS = (595.28, 841.89)


def make_document(**changes: object) -> RequisitionDocument:
    """Return a valid requisition for a preliminary investigation, with three cameras, then changes."""
    cameras = tuple(
        RequestedCamera(
            ref=f"GRE-{n:04d}",
            camera_type="dôme",
            location=f"{n} place Grenette, 38000 Grenoble",
            window_start=INCIDENT - timedelta(minutes=30 * n),
            window_end=INCIDENT + timedelta(minutes=20 * n),
            purge_at=INCIDENT + timedelta(days=retention),
        )
        for n, retention in ((1, 7), (2, 3), (3, 15))
    )
    document = RequisitionDocument(
        number="2026-000123",
        issued_at=datetime(2026, 11, 27, 13, 5, tzinfo=UTC),
        unit=Unit(
            "Commissariat central de Grenoble",
            "36 boulevard Maréchal Leclerc\n38000 Grenoble",
            "04 76 60 40 00",
            "Grenoble",
        ),
        officer=Officer(
            "Claire Martin",
            "Capitaine de police",
            "Sûreté départementale",
            "claire.martin@interieur.gouv.fr",
            "04 76 60 40 12",
        ),
        case_number="2026/004517",
        investigation="preliminary",
        authorisation_ref="PR-2026-0815",
        owner=Owner("Parking Hoche SA", "3 rue Malakoff\n38000 Grenoble", "videos@parking-hoche.fr"),
        cameras=cameras,
        answer_deadline=datetime(2026, 11, 28, 11, 0, tzinfo=UTC),
        delivery="Fichiers MP4 par lien de téléchargement",
    )
    return replace(document, **changes)


def write_png(path: Path, width: int = 64, height: int = 48) -> Path:
    """Write a small RGB gradient PNG with the standard library and return its path."""
    rows = b"".join(b"\x00" + b"".join(bytes((x * 4, y * 5, 160)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    )
    return path


def pdf_text(path: Path) -> str:
    """Return the text of every page, with runs of whitespace (line breaks, no-break spaces) as one space."""
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


@pytest.fixture(scope="module")
def standard_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the PDF of the standard document."""
    return render_pdf(make_document(), tmp_path_factory.mktemp("pdf") / "requisition.pdf")


def test_pdf_shows_number_case_owner_and_every_camera_window(standard_pdf: Path) -> None:
    text = pdf_text(standard_pdf)
    assert "N° 2026-000123" in text
    assert "2026/004517" in text
    assert "Parking Hoche SA" in text
    assert "Fait à Grenoble, le 27 novembre 2026 à 14 h 05" in text  # 13:05 UTC is 14:05 in Paris
    for ref, start, end in (
        ("GRE-0001", "22:00", "22:50"),
        ("GRE-0002", "21:30", "23:10"),
        ("GRE-0003", "21:00", "23:30"),
    ):
        assert ref in text
        assert f"du 26/11/2026 {start} au 26/11/2026 {end}" in text


def test_pdf_states_earliest_purge_answer_deadline_and_legal_mentions(standard_pdf: Path) -> None:
    text = pdf_text(standard_pdf)
    assert "Les images seront effacées automatiquement à partir du 29/11/2026 22:30" in text
    assert "au plus tard le 28 novembre 2026 à 12 h 00" in text
    assert "amende de 3 750 euros" in text
    assert "D. 15-5" in text


def test_stylesheet_applies_a4_pages_with_page_numbers(standard_pdf: Path) -> None:
    reader = pypdf.PdfReader(standard_pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_POINTS
    assert f"Page 1 / {len(reader.pages)}" in pdf_text(standard_pdf)  # only requisition.css adds it


@pytest.mark.parametrize("investigation", sorted(ARTICLES))
def test_pdf_cites_the_article_of_the_investigation_type(investigation: str, tmp_path: Path) -> None:
    text = pdf_text(render_pdf(make_document(investigation=investigation), tmp_path / "r.pdf"))
    assert f"Article {ARTICLES[investigation]} du code de procédure pénale" in text
    assert ("PR-2026-0815" in text) == load_legal_basis(investigation)["requires_authorisation"]


def test_draft_shows_draft_label_and_no_number(tmp_path: Path) -> None:
    text = pdf_text(render_pdf(make_document(number=None), tmp_path / "draft.pdf"))
    assert "PROJET — non émis" in text
    assert "2026-000123" not in text


def test_hostile_text_appears_verbatim_and_inert(tmp_path: Path) -> None:
    document = make_document(
        officer=replace(make_document().officer, name="Jean <script>alert(1)</script> Dupont"),
        owner=replace(make_document().owner, name="{{ 7*7 }} Parking '; DROP TABLE x; --"),
        case_number="PV 2026/0042 \u202eEVIL",
    )
    assert "&lt;script&gt;" in render_html(document)
    text = pdf_text(render_pdf(document, tmp_path / "hostile.pdf"))
    assert "Jean <script>alert(1)</script> Dupont" in text
    assert "{{ 7*7 }} Parking '; DROP TABLE x; --" in text
    assert "49 Parking" not in text
    assert "PV 2026/0042 [U+202E]EVIL" in text  # shown, and the override did not reverse "EVIL"


@pytest.mark.parametrize("with_map", [True, False])
def test_map_image_is_embedded_only_when_given(with_map: bool, tmp_path: Path) -> None:
    map_image = write_png(tmp_path / "map.png") if with_map else None
    pdf = render_pdf(make_document(map_image=map_image), tmp_path / "r.pdf")
    images = {image.name for page in pypdf.PdfReader(pdf).pages for image in page.images}
    assert len(images) == (1 if with_map else 0)  # WeasyPrint shares resources: count distinct images
    assert ("Lieu des faits, zone de recherche et caméras requises" in pdf_text(pdf)) == with_map


def test_missing_map_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="map_image"):
        render_html(make_document(map_image=tmp_path / "absent.png"))


def test_unknown_investigation_type_is_rejected() -> None:
    with pytest.raises(ValueError, match="investigation: unknown type 'garde à vue'"):
        make_document(investigation="garde à vue")


@pytest.mark.parametrize("investigation", ["preliminary", "judicial"])
@pytest.mark.parametrize("reference", [None, "  "])
def test_authorisation_reference_is_required_where_the_law_asks(investigation: str, reference: str | None) -> None:
    with pytest.raises(ValueError, match="authorisation_ref"):
        make_document(investigation=investigation, authorisation_ref=reference)


def test_flagrance_needs_no_authorisation_reference() -> None:
    assert make_document(investigation="flagrance", authorisation_ref=None).authorisation_ref is None


def test_naive_datetime_and_reversed_window_are_rejected() -> None:
    with pytest.raises(ValueError, match="issued_at: a date-time with a time zone"):
        make_document(issued_at=datetime(2026, 11, 27, 14, 5))
    camera = make_document().cameras[0]
    with pytest.raises(ValueError, match=r"cameras\[GRE-0001\]\.window_end: must not be before window_start"):
        replace(camera, window_end=camera.window_start - timedelta(minutes=1))


def test_missing_weasyprint_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # makes `import weasyprint` raise ImportError
    assert not weasyprint_available()
    with pytest.raises(RuntimeError, match="pip install weasyprint"):
        write_pdf("<p>x</p>", tmp_path / "r.pdf", tmp_path)
