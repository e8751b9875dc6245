"""The registry layers load styled, with forms fit for an analyst, and the database refuses bad edits."""

from __future__ import annotations

import pytest
from camreq.core.layers import registry_layers
from qgis.core import QgsProject, QgsVectorLayerUtils


@pytest.fixture
def layers(camreq_processing, db):
    """Return the cameras, fields of view and owners layers of a database holding the synthetic sample."""
    camreq_processing.run("camreq:loadsampledata", {"CONNECTION": db})
    cameras, fields_of_view, owners = registry_layers(db)
    QgsProject.instance().addMapLayers([cameras, fields_of_view, owners])
    yield cameras, fields_of_view, owners
    QgsProject.instance().removeAllMapLayers()


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
        "metropolis", "city", "departement", "transport", "landlord", "private"
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
        "fixed", "dome", "ptz", "anpr"
    }
    enumerations = [widget(cameras, "status"), widget(cameras, "recording_mode"), widget(owners, "kind")]
    assert [kind for kind, _ in enumerations] == ["ValueMap"] * 3
    kind, config = widget(cameras, "owner_id")
    assert kind == "ValueRelation"
    assert (config["Layer"], config["Key"], config["Value"]) == (owners.id(), "id", "name")
    form = cameras.editFormConfig()
    for name in ("id", "fov_geom", "updated_at"):
        assert form.readOnly(cameras.fields().indexOf(name)), name
    assert cameras.attributeDisplayName(cameras.fields().indexOf("retention_days")) == "Retention (days)"


def test_an_edit_the_database_refuses_comes_back_with_the_constraint_sentence(layers, sql, db):
    cameras = layers[0]
    feature = next(cameras.getFeatures("\"ref\" = 'VDG-0001'"))
    assert cameras.startEditing()
    cameras.changeAttributeValue(feature.id(), cameras.fields().indexOf("retention_days"), 45)
    assert not cameras.commitChanges()
    assert "retention must be between 1 and 31 days" in "\n".join(cameras.commitErrors())
    cameras.rollBack()
    assert sql(db, "SELECT retention_days FROM camreq.cameras WHERE ref = 'VDG-0001'") == [(15,)]


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
