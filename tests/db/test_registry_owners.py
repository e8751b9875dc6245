"""camreq:importowners and camreq:loadsampledata: the owners directory and the synthetic sample registry."""

from __future__ import annotations

import csv

import pytest
from camreq.core.sample_data import delimited_text_layer
from qgis.core import QgsProcessingException

HEADER = ["Name", "KIND", "email", "phone", "response_days"]


def owners_table(tmp_path, rows: list[list]):
    """Return a CSV table of owners (no geometry) as a QGIS layer."""
    path = tmp_path / "owners.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([HEADER, *rows])
    return delimited_text_layer(path, "owners")


def import_owners(processing, db: str, layer) -> tuple[dict, dict]:
    """Run camreq:importowners and return its outputs and the reasons of the rejected rows by name."""
    outputs = processing.run(
        "camreq:importowners", {"CONNECTION": db, "INPUT": layer, "OUTPUT_REJECTED": "TEMPORARY_OUTPUT"}
    )
    return outputs, {feature["Name"]: feature["reason"] for feature in outputs["OUTPUT_REJECTED"].getFeatures()}


def test_owners_are_imported_then_updated_by_name_ignoring_case(camreq_processing, db, sql, tmp_path):
    first, _ = import_owners(
        camreq_processing,
        db,
        owners_table(
            tmp_path,
            [
                ["Ville de Meylan", "city", "req@meylan.example.org", "04 65 71 00 20", "3"],
                ["Tabac (synthétique)", "Private", "", "", ""],
            ],
        ),
    )
    again, _ = import_owners(
        camreq_processing,
        db,
        owners_table(
            tmp_path,
            [
                ["VILLE DE MEYLAN", "city", "", "", "5"],
            ],
        ),
    )
    assert (first["IMPORTED"], first["UPDATED"], again["IMPORTED"], again["UPDATED"]) == (2, 0, 0, 1)
    assert sql(db, "SELECT name, kind, email, response_days FROM camreq.owners ORDER BY name") == [
        ("Tabac (synthétique)", "private", None, None),
        ("Ville de Meylan", "city", "req@meylan.example.org", 5),
    ]


def test_the_departement_kind_may_be_written_with_its_accent(camreq_processing, db, sql, tmp_path):
    import_owners(camreq_processing, db, owners_table(tmp_path, [["Isère", "Département", "", "", ""]]))
    assert sql(db, "SELECT kind FROM camreq.owners") == [("departement",)]


@pytest.mark.parametrize(
    ("row", "warning"),
    [
        (
            ["Bad kind", "shop", "", "", ""],
            "kind 'shop': kind: metropolis city departement transport landlord private; left empty",
        ),
        (
            ["Bad mail", "city", "nobody", "", ""],
            "email 'nobody': owner e-mail must be one address such as name@example.org; left empty",
        ),
        (
            ["Bad delay", "city", "", "", "-2"],
            "response_days -2: owner response time must be 0 days or more; left empty",
        ),
        (
            ["Bad number", "city", "", "", "soon"],
            "response_days 'soon' is not a whole number; response_days left empty",
        ),
    ],
)
def test_a_bad_owner_value_is_left_empty_and_the_owner_kept(camreq_processing, db, sql, tmp_path, row, warning):
    outputs = camreq_processing.run("camreq:importowners", {
        "CONNECTION": db, "INPUT": owners_table(tmp_path, [["Good", "city", "", "", ""], row]),
        "OUTPUT_WARNINGS": "TEMPORARY_OUTPUT",
    })  # fmt: skip
    assert {feature["Name"]: feature["warning"] for feature in outputs["OUTPUT_WARNINGS"].getFeatures()} == {
        row[0]: warning
    }
    assert (outputs["IMPORTED"], outputs["REJECTED"], outputs["WARNED"]) == (2, 0, 1)
    assert sql(db, "SELECT name FROM camreq.owners ORDER BY name") == sorted([("Good",), (row[0],)])


def test_an_owner_row_without_a_name_is_rejected(camreq_processing, db, sql, tmp_path):
    _, reasons = import_owners(camreq_processing, db, owners_table(tmp_path, [
        ["Good", "city", "", "", ""], ["", "city", "a@b.example.org", "", ""],
    ]))  # fmt: skip
    assert list(reasons.values()) == ["name is missing: an owner needs a name"]
    assert sql(db, "SELECT name FROM camreq.owners") == [("Good",)]


def test_a_table_without_a_name_field_is_refused(camreq_processing, db, tmp_path):
    path = tmp_path / "no_name.csv"
    path.write_text("owner,kind\nA,city\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="INPUT: the table has no 'name' field"):
        import_owners(camreq_processing, db, delimited_text_layer(path, "bad"))


def test_the_synthetic_sample_loads_whole_and_again_without_duplicates(camreq_processing, db, sql):
    first = camreq_processing.run("camreq:loadsampledata", {"CONNECTION": db})
    again = camreq_processing.run("camreq:loadsampledata", {"CONNECTION": db})
    assert first == again == {"OWNERS": 18, "CAMERAS": 1415, "ADDRESSES": 5864, "REJECTED": 0}
    assert sql(
        db,
        "SELECT (SELECT count(*) FROM camreq.owners), (SELECT count(*) FROM camreq.cameras), "
        "(SELECT count(*) FROM camreq.addresses)",
    ) == [(18, 1415, 5864)]
    assert sql(db, "SELECT count(*) FROM camreq.cameras WHERE fov_geom IS NULL") == [(0,)]
