"""The registry layers load styled, with forms fit for an analyst, and the database refuses bad edits."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from camreq.core.layers import add_registry_layers
from qgis.core import QgsFieldConstraints, QgsProject, QgsVectorLayerUtils


@pytest.fixture
def layers(camreq_processing, db):
    """Return the cameras, fields of view and owners layers of a database holding the synthetic sample."""
    camreq_processing.run("camreq:loadsampledata", {"CONNECTION": db})
    group = add_registry_layers(QgsProject.instance(), db)
    yield tuple(child.layer() for child in group.findLayers())
    QgsProject.instance().clear()


def widget(layer, field: str) -> tuple[str, dict]:
    """Return the editor widget type and configuration of a field."""
    setup = layer.editorWidgetSetup(layer.fields().indexOf(field))
    return setup.type(), setup.config()


def test_layers_load_from_the_same_table_with_their_geometries(layers):
    cameras, fields_of_view, owners = layers
    assert all(layer.isValid() for layer in layers)
    assert cameras.featureCount() == fields_of_view.featureCount() == 1415
    assert owners.featureCount() == 18 and not owners.isSpatial()
    assert cameras.dataProvider().uri().geometryColumn() == "geom"
    assert fields_of_view.dataProvider().uri().geometryColumn() == "fov_geom"


def test_cameras_are_categorised_by_owner_kind_and_shaped_by_camera_type(layers):
    cameras, fields_of_view, _ = layers
    renderer = cameras.renderer()
    assert renderer.classAttribute() == "owner_kind"
    assert {category.value() for category in renderer.categories()} == {
        "metropolis",
        "city",
        "departement",
        "transport",
        "landlord",
        "private",
    }
    feature = next(cameras.getFeatures("\"ref\" = 'VDG-0001'"))
    assert feature["owner_kind"] == "city"
    categories = renderer.categories()  # held: each symbol belongs to its category
    symbol = categories[0].symbol()
    marker = symbol.symbolLayer(0)
    shape = marker.dataDefinedProperties().property(marker.Property.PropertyName)
    assert shape.isActive() and '"camera_type"' in shape.expressionString()
    assert fields_of_view.renderer().classAttribute() == "camera_type"
    assert 0 < fields_of_view.opacity() < 1
    assert fields_of_view.readOnly()


def test_references_are_labelled_at_large_scales_only(layers):
    settings = layers[0].labeling().settings()
    assert layers[0].labelsEnabled() and settings.fieldName == "ref"
    assert settings.scaleVisibility and settings.minimumScale == 5000


def test_forms_offer_value_lists_and_pick_the_owner_from_the_directory(layers):
    cameras, _, owners = layers
    kind, config = widget(cameras, "camera_type")
    assert kind == "ValueMap" and {value for item in config["map"] for value in item.values()} == {
        "fixed",
        "dome",
        "ptz",
        "anpr",
    }
    enumerations = [widget(cameras, "status"), widget(cameras, "recording_mode"), widget(owners, "kind")]
    assert [kind for kind, _ in enumerations] == ["ValueMap"] * 3
    kind, config = widget(cameras, "owner_id")
    assert (kind, config["AllowAddFeatures"], config["AllowNULL"]) == ("RelationReference", True, False)
    relation = QgsProject.instance().relationManager().relation(config["Relation"])
    assert relation.isValid()
    assert (relation.referencingLayer(), relation.referencedLayer(), relation.fieldPairs()) == (
        cameras,
        owners,
        {"owner_id": "id"},
    )
    form = cameras.editFormConfig()
    for name in ("id", "updated_at_paris"):
        assert form.readOnly(cameras.fields().indexOf(name)), name
    assert cameras.attributeDisplayName(cameras.fields().indexOf("retention_days")) == "Retention (days)"


def test_an_edit_the_database_refuses_is_refused_at_once_and_changes_nothing(layers, sql, db):
    cameras = layers[0]
    feature = next(cameras.getFeatures("\"ref\" = 'VDG-0001'"))
    assert cameras.startEditing()
    assert not cameras.changeAttributeValue(feature.id(), cameras.fields().indexOf("retention_days"), 45)
    assert cameras.commitChanges(), cameras.commitErrors()
    assert sql(db, "SELECT retention_days FROM camreq.cameras WHERE ref = 'VDG-0001'") == [(15,)]


def test_an_owner_added_from_the_camera_form_is_saved_with_the_camera(layers, sql, db):
    cameras, _, owners = layers
    assert cameras.startEditing() and owners.isEditable()  # one transaction group: the "add owner" button works
    owner = QgsVectorLayerUtils.createFeature(owners, attributes={owners.fields().indexOf("name"): "Boulangerie"})
    assert isinstance(owner["id"], int)  # the database gave the new owner its id at once
    assert owners.addFeature(owner)
    camera = next(cameras.getFeatures("\"ref\" = 'VDG-0001'"))
    assert cameras.changeAttributeValue(camera.id(), cameras.fields().indexOf("owner_id"), owner["id"])
    assert cameras.commitChanges(), cameras.commitErrors()
    assert sql(
        db, "SELECT o.name FROM camreq.cameras c JOIN camreq.owners o ON o.id = c.owner_id WHERE c.ref = 'VDG-0001'"
    ) == [("Boulangerie",)]


def test_a_camera_added_in_qgis_gets_its_field_of_view_from_the_database(layers, sql, db):
    cameras = layers[0]
    template = next(cameras.getFeatures("\"ref\" = 'VDG-0001'"))
    values = {cameras.fields().indexOf(name): template[name] for name in ("owner_id", "camera_type", "direction")}
    values[cameras.fields().indexOf("ref")] = "NEW-1"
    feature = QgsVectorLayerUtils.createFeature(cameras, template.geometry(), values)
    assert cameras.startEditing() and cameras.addFeature(feature)
    assert cameras.commitChanges(), cameras.commitErrors()
    assert sql(db, "SELECT fov_geom IS NOT NULL, retention_days FROM camreq.cameras WHERE ref = 'NEW-1'") == [
        (True, 30)
    ]


DATABASE_CHECKS = """SELECT c.conname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid
    AND a.attnum = c.conkey[1] WHERE c.conrelid = %s::regclass AND c.contype = 'c' AND a.attname = %s"""


@pytest.mark.parametrize(
    ("table", "field", "good", "bad"),
    [
        ("cameras", "retention_days", [1, 31], [0, 32, 45]),
        ("cameras", "direction", [0, 359.5], [-1, 360]),
        ("cameras", "fov", [1, 360], [0, 361]),
        ("cameras", "range_m", [0.5], [0, -5]),
        ("cameras", "height_m", [6], [0]),
        ("cameras", "tilt", [-90, 90], [-91, 91]),
        ("owners", "email", ["req@city.example.org"], ["nobody", "a b@c.d"]),
        ("owners", "response_days", [0, 3], [-1]),
    ],
)
def test_the_form_refuses_before_saving_what_the_database_refuses_with_the_same_sentence(
    layers, sql, db, table, field, good, bad
):
    layer = layers[0] if table == "cameras" else layers[2]
    index = layer.fields().indexOf(field)
    sentence = sql(db, DATABASE_CHECKS, (f"camreq.{table}", field))[0][0]
    constraints = layer.fields().at(index).constraints()
    assert constraints.constraintDescription() == sentence
    assert constraints.constraintStrength(QgsFieldConstraints.Constraint.ConstraintExpression) == (
        QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
    )
    feature = next(layer.getFeatures())
    for value, accepted in [*((value, True) for value in good), *((value, False) for value in bad)]:
        feature[field] = value
        valid, errors = QgsVectorLayerUtils.validateAttribute(layer, feature, index)
        assert valid is accepted, (value, errors)
        assert accepted or any(sentence in error for error in errors)
        assert layer.startEditing()
        assert layer.changeAttributeValue(feature.id(), index, value) is accepted, value  # the database agrees
        layer.rollBack()


def test_internal_columns_are_hidden_and_times_are_paris_times(layers, sql, db):
    cameras, fields_of_view, owners = layers
    for layer, hidden in (
        (cameras, ("fov_geom", "geog", "updated_at")),
        (fields_of_view, ("geom", "geog")),
        (owners, ("updated_at",)),
    ):
        for name in hidden:
            assert widget(layer, name)[0] == "Hidden", (layer.name(), name)
            assert name in [column.name for column in layer.attributeTableConfig().columns() if column.hidden]
    feature = next(cameras.getFeatures("\"ref\" = 'VDG-0001'"))
    [(instant,)] = sql(db, "SELECT updated_at FROM camreq.cameras WHERE ref = 'VDG-0001'")
    paris = instant.astimezone(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%d %H:%M:%S")
    assert feature["updated_at_paris"].toString("yyyy-MM-dd HH:mm:ss") == paris
    assert widget(cameras, "updated_at_paris")[1]["display_format"] == "yyyy-MM-dd HH:mm:ss"
    index = cameras.fields().indexOf("updated_at_paris")
    assert cameras.attributeDisplayName(index) == "Last updated (Paris time)"


def test_adding_the_layers_again_refreshes_the_group(layers, db):
    project = QgsProject.instance()
    group = add_registry_layers(project, db)
    groups = [node for node in project.layerTreeRoot().children() if node.name() == "CamReq registry"]
    assert groups == [group]
    assert [child.layer().name() for child in group.findLayers()] == ["Cameras", "Fields of view", "Camera owners"]
    assert len(project.mapLayers()) == 3
    assert len(project.relationManager().relations()) == 2
    assert all(relation.isValid() for relation in project.relationManager().relations().values())


def sample_basemap():
    """Return the shipped synthetic street layer as a base map, with the attribution its file carries."""
    import json
    from pathlib import Path

    import camreq
    from camreq.core.map_extract import basemap_of

    streets = Path(camreq.__file__).resolve().parent / "sample" / "streets.geojson"
    return basemap_of(str(streets), json.loads(streets.read_text(encoding="utf-8"))["attribution"])


def test_the_base_map_goes_under_the_registry_layers_once_read_only_and_credited(layers, db):
    project = QgsProject.instance()
    basemap = sample_basemap()
    for _ in range(2):  # adding the layers again keeps one base map
        group = add_registry_layers(project, db, basemap)
    shown = [child.layer() for child in group.findLayers()]
    assert [layer.name() for layer in shown[:3]] == ["Cameras", "Fields of view", "Camera owners"]
    assert len(shown) == 4 and len(project.mapLayers()) == 4
    streets = shown[3]  # last in the group: drawn under the cameras
    assert streets.isValid() and streets.featureCount() > 50 and streets.readOnly()
    assert streets.name() == f"Base map: {basemap.attribution}"
    assert streets.attribution() == basemap.attribution and streets.metadata().rights() == [basemap.attribution]
    assert streets.labelsEnabled()  # styled: street names


def test_a_base_map_qgis_cannot_open_is_refused_naming_it_and_the_project_stays_as_it_was(layers, db):
    from camreq.core.map_extract import basemap_of
    from camreq.errors import CamreqError

    project = QgsProject.instance()
    before = sorted(project.mapLayers())
    with pytest.raises(CamreqError, match="BASEMAP: QGIS cannot open"):
        add_registry_layers(project, db, basemap_of("/nowhere/streets.gpkg", "nobody"))
    assert sorted(project.mapLayers()) == before


def test_placing_an_incident_in_an_empty_project_adds_the_registry_and_the_base_map_once(
    qgis_processing, db, qgis_iface
):
    import camreq
    from camreq.settings import Settings

    import processing

    basemap = sample_basemap()
    saved = Settings.load()
    Settings(connection=db, basemap=basemap.source, basemap_attribution=basemap.attribution).save()  # investigator
    project = QgsProject.instance()
    project.clear()
    plugin = camreq.classFactory(qgis_iface)
    plugin.initGui()
    try:
        processing.run("camreq:loadsampledata", {"CONNECTION": db})
        plugin.dock.search.pickPointButton.click()  # the investigator starts placing an incident: the map comes
        plugin.dock.search.pickPointButton.click()
        plugin.dock.search.pickPointButton.click()  # again, in a project that now has layers
        names = [layer.name() for layer in project.mapLayers().values()]
        assert names.count(f"Base map: {basemap.attribution}") == 1 and len(names) == 4
        group = project.layerTreeRoot().findGroup("CamReq registry")
        assert group.findLayers()[-1].layer().source() == basemap.source
    finally:
        plugin.unload()
        saved.save()
        project.clear()
