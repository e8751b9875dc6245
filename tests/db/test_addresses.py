"""Base Adresse Nationale: the import (real layout, refresh of communes, bad and hostile rows) and the search."""

from __future__ import annotations

import pytest
from camreq.core.addresses import suggest
from camreq.db.connection import connect
from qgis.core import QgsFeature, QgsField, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from .conftest import ban_rows

# Lines of a real BAN file of each era (2020: ADRNIVX_ ids, certification "vrai"; 2024: 38185_… ids, "0" and an
# empty id_fantoir), with a quote in the street name.
REAL_LAYOUT = [
    "ADRNIVX_0000000268413125;38185_3560;12;bis;Rue d'Alembert;38000;38185;Grenoble;;;913123.45;6458321.1;"
    "5.716871;45.190118;entrée;;;GRENOBLE;RUE D ALEMBERT;commune;commune;vrai;38185000CK0034",
    "38185_xfkf2k_00003;;3;;Rue d'Alembert;38000;38185;Grenoble;;;913141.2;6458330.5;5.717100;45.190200;"
    "segment;;;GRENOBLE;RUE D ALEMBERT;inconnue;inconnue;0;",
]


def stored(sql, db, columns: str = "id, numero, rep, nom_voie") -> set[tuple]:
    """Return the stored addresses' columns."""
    return set(sql(db, f"SELECT {columns} FROM camreq.addresses"))


def test_real_ban_layout_both_id_styles_empty_fantoir_and_both_certifications(db, sql, ban_file, import_addresses):
    from .conftest import BAN_HEADER

    path = ban_file([], name="adresses-38.csv")
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("\n".join([BAN_HEADER, *REAL_LAYOUT]) + "\n")
    outputs, rejected = import_addresses(db, path)
    assert rejected == [] and outputs["IMPORTED"] == 2
    assert stored(sql, db, "id, id_fantoir, numero, rep, certification_commune, label") == {
        ("ADRNIVX_0000000268413125", "38185_3560", 12, "bis", True, "12bis Rue d'Alembert 38000 Grenoble"),
        ("38185_xfkf2k_00003", None, 3, None, False, "3 Rue d'Alembert 38000 Grenoble"),
    }
    [(lon, lat)] = sql(
        db,
        "SELECT round(ST_X(g)::numeric, 6), round(ST_Y(g)::numeric, 6) FROM camreq.addresses, "
        "ST_Transform(geom, 4326) g WHERE numero = 12",
    )
    assert (float(lon), float(lat)) == (5.716871, 45.190118)


def test_reimport_changes_nothing_then_refreshes_only_the_communes_of_the_file(
    addresses_db, sql, ban_file, import_addresses
):
    again, _ = import_addresses(addresses_db, ban_file(ban_rows()))
    assert (again["IMPORTED"], again["UPDATED"], again["REMOVED"]) == (0, 0, 0)
    assert sql(addresses_db, "SELECT count(*) FROM camreq.addresses") == [(len(ban_rows()),)]
    grenoble = [row for row in ban_rows() if row["code_insee"] == "38185" and row["id"] != "38185_0001_00014"]
    moved = next(row for row in grenoble if row["id"] == "38185_0002_00005")
    moved["lat"] = "45.187000"
    refreshed, _ = import_addresses(addresses_db, ban_file(grenoble))
    assert (refreshed["IMPORTED"], refreshed["UPDATED"], refreshed["REMOVED"]) == (0, 1, 1)
    ids = {row[0] for row in stored(sql, addresses_db)}
    assert "38185_0001_00014" not in ids
    assert {"38151_0010_00003", "38151_0010_00015", "38151_0011_00004"} <= ids  # Échirolles was not in the file
    assert sql(addresses_db, "SELECT count(*) FROM camreq.address_streets WHERE code_insee = '38151'") == [(2,)]


def test_bad_rows_come_back_with_their_reason_and_keep_their_stored_version(
    addresses_db, sql, ban_file, import_addresses
):
    rows = ban_rows()
    by_id = {row["id"]: row for row in rows}
    by_id["38185_0001_00001"].update(lon="", lat="")
    by_id["38185_0001_00002"].update(lon="-73.98", lat="40.75")
    by_id["38185_0001_00003"].update(numero="douze")
    by_id["38185_0002_00001"].update(code_postal="380")
    rows.append(dict(by_id["38185_0002_00010"]))
    outputs, rejected = import_addresses(addresses_db, ban_file(rows))
    reasons = {row["id"]: row["reason"] for row in rejected}
    assert reasons == {
        "38185_0001_00001": "position is missing (lon and lat are empty)",
        "38185_0001_00002": "position -73.98, 40.75 (lon, lat) is outside France",
        "38185_0001_00003": "numero 'douze' is not a number",
        "38185_0002_00001": "code_postal '380' is not a 5-digit postcode",
        "38185_0002_00010": "id 38185_0002_00010 appears twice in the input",
    }
    assert (outputs["REJECTED"], outputs["REMOVED"], outputs["UPDATED"]) == (5, 0, 0)
    assert sql(addresses_db, "SELECT count(*) FROM camreq.addresses") == [(len(ban_rows()),)]


def test_rows_of_the_wrong_width_are_refused_and_a_header_without_optional_columns_reads(
    db, sql, tmp_path, import_addresses
):
    columns = ("id", "numero", "nom_voie", "code_postal", "code_insee", "nom_commune", "lon", "lat")
    [first, second, third] = (";".join(row[c] for c in columns) for row in ban_rows()[:3])
    path = tmp_path / "adresses-38.csv"
    path.write_text("\n".join([";".join(columns), first, second + ";extra", third.rsplit(";", 2)[0]]) + "\n")
    outputs, rejected = import_addresses(db, str(path))
    assert [(r["row"], r["id"], r["reason"]) for r in rejected] == [
        (3, ban_rows()[1]["id"], "the row has 9 columns, the header 8"),
        (4, ban_rows()[2]["id"], "the row has 6 columns, the header 8"),
    ]
    assert outputs["IMPORTED"] == 1
    assert stored(sql, db, "id, rep, id_fantoir, certification_commune") == {(ban_rows()[0]["id"], None, None, None)}


def test_hostile_text_is_stored_verbatim_or_refused_naming_the_field(db, sql, ban_file, import_addresses, hostile):
    kind, value = hostile
    row = dict(ban_rows()[0], nom_voie=value.replace(";", ",").replace("\n", " "))
    outputs, rejected = import_addresses(db, ban_file([row]))
    if kind == "nul":
        assert [r["reason"] for r in rejected] == ["nom_voie contains a NUL character (\\x00), which cannot be stored"]
        assert sql(db, "SELECT count(*) FROM camreq.addresses") == [(0,)]
    elif kind == "100kB":
        assert [r["reason"] for r in rejected] == ["nom_voie has 100000 characters, at most 200 are accepted"]
    else:
        assert outputs["IMPORTED"] == 1
        assert sql(db, "SELECT nom_voie FROM camreq.addresses") == [(row["nom_voie"].strip(),)]
        assert suggest(connect(db), value) is not None  # the search takes it as text too


def test_a_table_with_the_ban_columns_imports_like_the_file(db, sql, import_addresses):
    layer = QgsVectorLayer("None", "ban", "memory")
    columns = ("id", "numero", "rep", "nom_voie", "code_postal", "code_insee", "nom_commune", "lon", "lat")
    kinds = {"numero": QVariant.Int, "lon": QVariant.Double, "lat": QVariant.Double}
    layer.dataProvider().addAttributes([QgsField(name, kinds.get(name, QVariant.String)) for name in columns])
    layer.updateFields()
    features = []
    for row in ban_rows()[:3]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(
            [
                int(row[c]) if c == "numero" else float(row[c]) if c in ("lon", "lat") else (row[c] or None)
                for c in columns
            ]
        )
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    outputs, rejected = import_addresses(db, layer)
    assert rejected == [] and outputs["IMPORTED"] == 3
    assert stored(sql, db, "label") == {
        ("1 Rue Félix Poulat 38000 Grenoble",),
        ("2 Rue Félix Poulat 38000 Grenoble",),
        ("3 Rue Félix Poulat 38000 Grenoble",),
    }


def test_a_file_without_the_ban_columns_is_refused_and_nothing_changes(addresses_db, sql, tmp_path, camreq_processing):
    from qgis.core import QgsProcessingException

    path = tmp_path / "not-ban.csv"
    path.write_text("name;x;y\nsomething;1;2\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="not a BAN file: the column"):
        camreq_processing.run(
            "camreq:importaddresses", {"CONNECTION": addresses_db, "INPUT": str(path), "OUTPUT_REJECTED": "memory:"}
        )
    assert sql(addresses_db, "SELECT count(*) FROM camreq.addresses") == [(len(ban_rows()),)]


@pytest.mark.parametrize(
    ("typed", "expected", "kind"),
    [
        ("12 rue Félix Poulat", "12 Rue Félix Poulat 38000 Grenoble", "address"),
        ("12 RUE FELIX POULAT GRENOBLE", "12 Rue Félix Poulat 38000 Grenoble", "address"),
        ("12 r. felix poulat", "12 Rue Félix Poulat 38000 Grenoble", "address"),
        ("12 rue Felix Poulta", "12 Rue Félix Poulat 38000 Grenoble", "address"),
        ("12 rue feliks poulat", "12 Rue Félix Poulat 38000 Grenoble", "address"),
        ("12 bis rue Félix Poulat", "12bis Rue Félix Poulat 38000 Grenoble", "address"),
        ("12b rue Félix Poulat", "12bis Rue Félix Poulat 38000 Grenoble", "address"),
        ("12 ter r felix poulat", "12ter Rue Félix Poulat 38000 Grenoble", "address"),
        ("5 bd Gambetta", "5 Boulevard Gambetta 38000 Grenoble", "address"),
        ("22 bd gambeta 38000", "22 Boulevard Gambetta 38000 Grenoble", "address"),
        ("7 av alsace lorraine", "7 Avenue Alsace-Lorraine 38000 Grenoble", "address"),
        ("9 r st laurent", "9 Rue Saint-Laurent 38000 Grenoble", "address"),
        ("2 pl notre dame", "2 Place Notre-Dame 38000 Grenoble", "address"),
        ("4 chem de la bastille", "4 Chemin de la Bastille 38000 Grenoble", "address"),
        ("3 imp des lilas", "3 Impasse des Lilas 38000 Grenoble", "address"),
        ("8 rue du fg tres cloitre", "8 Rue du Faubourg Très-Cloître 38000 Grenoble", "address"),
        ("Echirolles 3 av de la republique", "3 Avenue de la République 38130 Échirolles", "address"),
        ("4 rue victor hugo 38130", "4 Rue Victor Hugo 38130 Échirolles", "address"),
        ("4 rue victor hugo echirolles", "4 Rue Victor Hugo 38130 Échirolles", "address"),
        ("38130, 4 rue Victor-Hugo", "4 Rue Victor Hugo 38130 Échirolles", "address"),
        ("rue félix poulat", "Rue Félix Poulat 38000 Grenoble", "street"),
        ("boulevard gambetta grenoble", "Boulevard Gambetta 38000 Grenoble", "street"),
    ],
)
def test_the_search_forgives_how_people_type(search_db, typed, expected, kind):
    conn = connect(search_db)
    [best, *others] = suggest(conn, typed)
    conn.close()
    assert (best.label, best.kind) == (expected, kind)
    assert 0.6 <= best.score <= 1
    assert all(other.score <= best.score for other in others)


def test_an_exact_address_scores_one_and_lies_where_the_ban_puts_it(search_db):
    [best, *_] = suggest(connect(search_db), "12 Rue Félix Poulat 38000 Grenoble")
    assert best.score == pytest.approx(1.0)
    assert (round(best.lon, 6), round(best.lat, 6)) == (round(5.7240 + 12 * 0.000127, 6), 45.1890)


def test_a_number_not_on_the_street_gives_the_street_lower(search_db):
    [best, *_] = suggest(connect(search_db), "99 rue Félix Poulat")
    assert (best.label, best.kind) == ("Rue Félix Poulat 38000 Grenoble", "street")
    assert best.score < 0.8


def test_suggestions_are_capped_and_nonsense_finds_nothing(search_db):
    conn = connect(search_db)
    assert len(suggest(conn, "rue", 3)) <= 3
    assert suggest(conn, "zzzz qqqq") == []
    assert suggest(conn, "   ") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Grenoble, 12 ruee Félix Poulat", "12 Rue Félix Poulat 38000 Grenoble"),
        ("38130 Échirolles 15 avnue de la république", "15 Avenue de la République 38130 Échirolles"),
    ],
)
def test_a_number_after_the_commune_is_read_even_before_a_misspelt_street_word(search_db, typed, expected):
    [best, *_] = suggest(connect(search_db), typed)
    assert (best.label, best.kind) == (expected, "address")


def test_a_street_of_another_commune_still_comes_after_those_of_the_commune_named(search_db):
    labels = [match.label for match in suggest(connect(search_db), "4 rue victor hugo echirolles")]
    assert labels[:2] == ["4 Rue Victor Hugo 38130 Échirolles", "4 Rue Victor Hugo 38000 Grenoble"]


def test_the_search_plan_pins_no_planner_setting(search_db, sql):
    [(settings,)] = sql(
        search_db, "SELECT proconfig FROM pg_proc WHERE oid = 'camreq.search_addresses(text, integer)'::regprocedure"
    )
    assert not [setting for setting in settings if setting.startswith("enable_")]


def test_an_import_leaves_the_address_indexes_and_fresh_statistics(addresses_db, sql):
    indexes = sql(addresses_db, "SELECT indexname FROM pg_indexes WHERE tablename = 'addresses'")
    assert {name for (name,) in indexes} == {"addresses_pkey", "addresses_street_idx", "addresses_geom_idx"}
    assert sql(
        addresses_db,
        "SELECT relname, reltuples FROM pg_class WHERE relname IN ('addresses', 'address_communes') ORDER BY 1",
    ) == [("address_communes", 2.0), ("addresses", float(len(ban_rows())))]


def test_a_cancelled_import_changes_nothing(addresses_db, sql, ban_file):
    from pathlib import Path

    from camreq.core.addresses import ban_file_rows, import_addresses
    from camreq.db.connection import transaction
    from camreq.errors import CamreqError
    from qgis.core import QgsFeedback

    class CancelAfterTenRows(QgsFeedback):
        """A feedback the user cancels while the tenth row is read."""

        def __init__(self) -> None:
            super().__init__()
            self.asked = 0

        def isCanceled(self) -> bool:  # noqa: N802 (QGIS's name)
            self.asked += 1
            return self.asked > 10

    moved = [dict(row, lat="45.100000") for row in ban_rows()]
    with pytest.raises(CamreqError, match="Import cancelled"), transaction(addresses_db) as conn:
        import_addresses(conn, ban_file_rows(Path(ban_file(moved))), CancelAfterTenRows(), lambda *rejected: None)
    assert sql(
        addresses_db, "SELECT count(*) FROM camreq.addresses, ST_Transform(geom, 4326) g WHERE ST_Y(g) < 45.11"
    ) == [(0,)]
