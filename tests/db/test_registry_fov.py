"""The database draws each camera's field of view: a sector in front of fixed cameras, a disc otherwise."""

from __future__ import annotations

import math

import pytest

INSERT = (
    "INSERT INTO camreq.owners (name) VALUES ('Owner') ON CONFLICT DO NOTHING;"
    " INSERT INTO camreq.cameras (owner_id, camera_type, direction, fov, range_m, geom)"
    " SELECT id, %s, %s, %s, %s, ST_Transform(ST_SetSRID(ST_MakePoint(5.7245, 45.1885), 4326), 2154)"
    " FROM camreq.owners RETURNING id"
)
# Whether the point `metres` away from the camera along `bearing` (degrees from true north) is in its field of view.
SEES = (
    "SELECT ST_Contains(fov_geom, ST_Transform(ST_Project(ST_Transform(geom, 4326)::geography, %s, radians(%s))"
    "::geometry, 2154)) FROM camreq.cameras WHERE id = %s"
)


def add_camera(
    sql, db: str, camera_type: str, direction: float | None, fov: float | None = 60, range_m: float | None = 50
) -> int:
    """Insert one camera at place Grenette and return its id."""
    return sql(db, INSERT, (camera_type, direction, fov, range_m))[0][0]


def sees(sql, db: str, camera_id: int, metres: float, bearing: float) -> bool:
    """Return whether the camera's field of view holds the point at that distance and bearing."""
    return sql(db, SEES, (metres, bearing, camera_id))[0][0]


@pytest.mark.parametrize("direction", [0, 90, 225, 350])
def test_a_point_10_m_in_front_of_a_fixed_camera_is_seen_and_10_m_behind_is_not(db, sql, direction):
    camera_id = add_camera(sql, db, "fixed", direction)
    assert sees(sql, db, camera_id, 10, direction)
    assert not sees(sql, db, camera_id, 10, direction + 180)


def test_the_range_limits_the_field_of_view(db, sql):
    camera_id = add_camera(sql, db, "fixed", 90, range_m=30)
    assert sees(sql, db, camera_id, 25, 90)
    assert not sees(sql, db, camera_id, 35, 90)


@pytest.mark.parametrize(("camera_type", "direction"), [("fixed", None), ("dome", 90), ("ptz", 90)])
def test_unknown_direction_dome_and_ptz_give_a_disc(db, sql, camera_type, direction):
    camera_id = add_camera(sql, db, camera_type, direction, fov=60, range_m=50)
    assert all(sees(sql, db, camera_id, 10, bearing) for bearing in (0, 90, 180, 270))
    area = sql(db, "SELECT ST_Area(fov_geom) FROM camreq.cameras WHERE id = %s", (camera_id,))[0][0]
    assert area == pytest.approx(math.pi * 50**2 * 1.0009**2, rel=0.02)  # Lambert-93 scale near Grenoble


def test_missing_angle_and_range_take_the_documented_type_defaults(db, sql):
    camera_id = add_camera(sql, db, "fixed", 0, fov=None, range_m=None)
    defaults = "SELECT default_fov, default_range_m FROM camreq.camera_types WHERE camera_type = 'fixed'"
    fov, range_m = sql(db, defaults)[0]
    assert sees(sql, db, camera_id, range_m - 2, fov / 2 - 3)
    assert not sees(sql, db, camera_id, range_m - 2, fov / 2 + 3)
    assert not sees(sql, db, camera_id, range_m + 2, 0)


def test_editing_the_direction_turns_the_field_of_view(db, sql):
    camera_id = add_camera(sql, db, "fixed", 0)
    sql(db, "UPDATE camreq.cameras SET direction = 180 WHERE id = %s", (camera_id,))
    assert sees(sql, db, camera_id, 10, 180)
    assert not sees(sql, db, camera_id, 10, 0)
