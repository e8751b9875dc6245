"""Reading imported rows: folded field names (French ones, Shapefile-cut ones), FIELD_MAP, French dates."""

from datetime import date

import pytest
from camreq.core.import_values import FieldReader, day, direction, field_key, number, parse_field_map
from camreq.errors import CamreqError

NAMES = {"ref": ("nom",), "owner": ("proprietaire",), "retention_days": ("duree_de_conservation",),
         "direction": ("orientation",), "address": ("adresse",)}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Durée de conservation", "duree_de_conservation"),
        ("Retention Days", "retention_days"),
        ("Mode d'enregistrement", "mode_d_enregistrement"),
        ("camera:direction", "camera:direction"),
        ("@id", "@id"),
    ],
)
def test_field_names_are_matched_folded(name, key):
    assert field_key(name) == key


def test_french_and_shapefile_cut_names_find_their_field_and_the_rest_is_ignored():
    reader = FieldReader(["Nom", "Propriéta", "Durée de", "Orientatio", "Date de mi"], NAMES, {})
    assert reader.used() == {"Nom": ["ref"], "Propriéta": ["owner"], "Durée de": ["retention_days"],
                             "Orientatio": ["direction"]}  # fmt: skip
    assert reader.ignored() == ["Date de mi"]


def test_a_field_map_wins_over_the_names():
    reader = FieldReader(["Nom", "Identifiant", "Lieu"], NAMES, parse_field_map("ref=identifiant; address=Lieu"))
    assert reader.used() == {"Identifiant": ["ref"], "Lieu": ["address"]}
    assert reader.ignored() == ["Nom"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ref", "is not target=source"),
        ("colour=Nom", "'colour' is not a field CamReq reads"),
        ("ref=Missing", "the layer has no field 'Missing'"),
    ],
)
def test_a_bad_field_map_is_named(text, message):
    with pytest.raises(CamreqError, match=f"^FIELD_MAP: .*{message}"):
        FieldReader(["Nom"], NAMES, parse_field_map(text))


@pytest.mark.parametrize(
    ("value", "expected"), [("31/12/2025", date(2025, 12, 31)), ("2025-12-31", date(2025, 12, 31))]
)
def test_dates_are_read_iso_or_french(value, expected):
    assert day("last_verified", value) == expected


@pytest.mark.parametrize(("value", "expected"), [(360, 0.0), (-8, 352.0), ("15°", 15.0), ("400", 40.0)])
def test_a_direction_number_is_brought_between_0_and_360(value, expected):
    assert direction("direction", value) == (expected, None)


def test_a_degree_sign_and_a_decimal_comma_are_read_in_numbers():
    assert number("fov", "22,5°") == 22.5
