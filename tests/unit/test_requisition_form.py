"""The requisition form is refused with a message naming the field and what it needs, before anything is made."""

from pathlib import Path

import pytest
from camreq.core.documents import Officer
from camreq.core.requisitions import RequisitionForm, create_requisitions
from camreq.errors import CamreqError

OFFICER = Officer("Claire Martin", "Capitaine de police", "Brigade A", "", "")


@pytest.mark.parametrize(
    ("investigation", "authorisation"),
    [
        ("judicial", "(Commission rogatoire du juge d'instruction)"),
        ("preliminary", "(Autorisation du procureur de la République (ou instruction générale))"),
    ],
)
def test_a_missing_authorisation_is_named_whole(tmp_path: Path, investigation: str, authorisation: str):
    form = RequisitionForm("2026/123", investigation, "", OFFICER, None)
    with pytest.raises(CamreqError) as refused:
        create_requisitions("dbname=not_reached", [], form, False, tmp_path)
    assert str(refused.value).startswith("AUTHORISATION_REF:")
    assert authorisation in str(refused.value)
