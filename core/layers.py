"""The registry as styled QGIS layers: cameras, their fields of view and the owners directory, with forms."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsProperty,
    QgsRelation,
    QgsRendererCategory,
    QgsSymbolLayer,
    QgsVectorLayer,
    QgsVectorLayerJoinInfo,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..db import registry
from ..db.connection import connect, layer_uri
from ..errors import CamreqError
from .map_extract import BaseMap
from .translation import tr
from .vocabulary import CameraStatus, CameraType, OwnerKind, RecordingMode, Vocabulary

CAMERA_ALIASES = {
    "id": QT_TR_NOOP("Id"),
    "owner_id": QT_TR_NOOP("Owner"),
    "ref": QT_TR_NOOP("Owner's reference"),
    "osm_id": QT_TR_NOOP("OpenStreetMap id"),
    "camera_type": QT_TR_NOOP("Camera type"),
    "direction": QT_TR_NOOP("Direction (° from north)"),
    "fov": QT_TR_NOOP("Field of view (°)"),
    "range_m": QT_TR_NOOP("Range (m)"),
    "height_m": QT_TR_NOOP("Mount height (m)"),
    "tilt": QT_TR_NOOP("Tilt (°)"),
    "retention_days": QT_TR_NOOP("Retention (days)"),
    "recording_mode": QT_TR_NOOP("Recording mode"),
    "status": QT_TR_NOOP("Status"),
    "public_space": QT_TR_NOOP("Films public space"),
    "authorisation_ref": QT_TR_NOOP("Authorisation reference"),
    "authorisation_expiry": QT_TR_NOOP("Authorisation expiry"),
    "police_access": QT_TR_NOOP("Police direct access"),
    "last_verified": QT_TR_NOOP("Last verified"),
    "address": QT_TR_NOOP("Address"),
    "notes": QT_TR_NOOP("Notes"),
    "updated_at_paris": QT_TR_NOOP("Last updated (Paris time)"),
    "owner_kind": QT_TR_NOOP("Owner kind"),
}
OWNER_ALIASES = {
    "id": QT_TR_NOOP("Id"),
    "name": QT_TR_NOOP("Name"),
    "kind": QT_TR_NOOP("Kind"),
    "email": QT_TR_NOOP("Requisition e-mail"),
    "phone": QT_TR_NOOP("Phone"),
    "address": QT_TR_NOOP("Postal address"),
    "response_days": QT_TR_NOOP("Usual response time (days)"),
    "notes": QT_TR_NOOP("Notes"),
    "updated_at_paris": QT_TR_NOOP("Last updated (Paris time)"),
}
READ_ONLY = ("id", "updated_at_paris", "owner_kind")
HIDDEN = ("geom", "fov_geom", "geog", "updated_at")  # geometries as WKT, UTC times: the database's, not a person's
# What each database check says, as a QGIS expression: the form turns red before saving, with the check's own
# sentence (the constraint's name, read from the database) as the reason.
FORM_CHECKS = {
    "direction": '"direction" IS NULL OR ("direction" >= 0 AND "direction" < 360)',
    "fov": '"fov" IS NULL OR ("fov" >= 1 AND "fov" <= 360)',
    "range_m": '"range_m" IS NULL OR "range_m" > 0',
    "height_m": '"height_m" IS NULL OR "height_m" > 0',
    "tilt": '"tilt" IS NULL OR ("tilt" >= -90 AND "tilt" <= 90)',
    "retention_days": '"retention_days" IS NULL OR ("retention_days" >= 1 AND "retention_days" <= 31)',
    "name": "trim(coalesce(\"name\", '')) <> ''",
    "email": '"email" IS NULL OR "email" ~ \'^[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+$\'',
    "response_days": '"response_days" IS NULL OR "response_days" >= 0',
}
GROUP_NAME = "CamReq registry"
LABEL_MIN_SCALE = 5000  # camera references show from 1:5,000 inwards
FOV_OPACITY = 0.25


def add_registry_layers(project: QgsProject, connection: str, basemap: BaseMap | None = None) -> QgsLayerTreeGroup:
    """Put the registry layers, and the base map under them, in the project's CamReq group, replacing those of an
    earlier call; return the group."""
    layers = registry_layers(connection)
    below = [basemap_layer(basemap)] if basemap is not None else []  # before any change: a bad source changes nothing
    # Before the layers join the project: cameras and owners then edit in one database transaction, and a new owner
    # gets its id from the database at once, so that a camera form can point at the owner it has just added.
    project.setAutoTransaction(True)
    project.setEvaluateDefaultValues(True)
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME)
    if group is None:
        group = root.insertGroup(0, GROUP_NAME)
    else:
        project.removeMapLayers([child.layerId() for child in group.findLayers()])
    for layer in [*layers, *below]:
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    cameras, fields_of_view, owners = layers
    for layer in (cameras, fields_of_view):
        _relate_owner(project, layer, owners)
    return group


def basemap_layer(basemap: BaseMap) -> QgsMapLayer:
    """Return the base map as a read-only layer named with, and crediting, whose map it is."""
    layer = basemap.layer()
    attribution = basemap.attribution.strip()
    layer.setName(tr("Base map: {attribution}").format(attribution=attribution) if attribution else tr("Base map"))
    layer.setAttribution(attribution)
    metadata = layer.metadata()
    metadata.setRights([attribution] if attribution else [])
    layer.setMetadata(metadata)
    if isinstance(layer, QgsVectorLayer):
        layer.setReadOnly(True)
    return layer


def registry_layers(connection: str) -> list[QgsVectorLayer]:
    """Return the cameras, fields of view and owners layers, styled and with their forms (not yet in a project)."""
    owners = _layer(connection, "owners", None, tr("Camera owners"))
    cameras = _layer(connection, "cameras", "geom", tr("Cameras"))
    fields_of_view = _layer(connection, "cameras", "fov_geom", tr("Fields of view"))
    _join_owner_kind(cameras, owners)
    cameras.setRenderer(_camera_renderer())
    cameras.setLabeling(_ref_labels())
    cameras.setLabelsEnabled(True)
    fields_of_view.setRenderer(_field_of_view_renderer())
    fields_of_view.setOpacity(FOV_OPACITY)
    fields_of_view.setReadOnly(True)  # the database draws them from the cameras
    sentences = _check_sentences(connection)
    for layer in (cameras, fields_of_view):
        _camera_form(layer)
    _owner_form(owners)
    for layer in (cameras, owners):
        _form_checks(layer, sentences)
    return [cameras, fields_of_view, owners]


def _check_sentences(connection: str) -> dict[str, str]:
    """Return the sentence (constraint name) of the database check on each column that has one of its own."""
    conn = connect(connection)
    try:
        with conn, conn.cursor() as cursor:
            constraints = registry.constraint_columns(cursor)
    finally:
        conn.close()
    return {columns[0]: name for name, columns in constraints.items() if len(columns) == 1}


def _form_checks(layer: QgsVectorLayer, sentences: dict[str, str]) -> None:
    """Give each field with a database check the same rule as a hard QGIS constraint, with the same sentence."""
    for index, field in enumerate(layer.fields()):
        if field.name() in FORM_CHECKS and field.name() in sentences:
            layer.setConstraintExpression(index, FORM_CHECKS[field.name()], sentences[field.name()])
            layer.setFieldConstraint(
                index,
                QgsFieldConstraints.Constraint.ConstraintExpression,
                QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard,
            )


def _relate_owner(project: QgsProject, cameras: QgsVectorLayer, owners: QgsVectorLayer) -> None:
    """Pick a camera's owner from the directory, where a new owner can also be added, through a project relation."""
    relation = QgsRelation()
    relation.setId(f"camreq_{cameras.name().lower().replace(' ', '_')}_owner")
    relation.setName(f"{cameras.name()} → {owners.name()}")
    relation.setReferencingLayer(cameras.id())
    relation.setReferencedLayer(owners.id())
    relation.addFieldPair("owner_id", "id")
    manager = project.relationManager()
    manager.removeRelation(relation.id())
    manager.addRelation(relation)
    owner = {
        "Relation": relation.id(),
        "AllowAddFeatures": True,
        "AllowNULL": False,
        "ShowForm": False,
        "ShowOpenFormButton": True,
        "OrderByValue": True,
        "MapIdentification": False,
        "ReadOnly": False,
    }
    _widget(cameras, "owner_id", "RelationReference", owner)


def _layer(connection: str, table: str, geometry_column: str | None, name: str) -> QgsVectorLayer:
    """Return one camreq table as a PostGIS layer, or raise naming it."""
    uri = layer_uri(connection, table, geometry_column or "", "id")
    layer = QgsVectorLayer(uri.uri(False), name, "postgres")
    if not layer.isValid():
        raise CamreqError(
            tr("Cannot open camreq.{table}: is the CamReq schema installed on this database?").format(table=table)
        )
    return layer


def _join_owner_kind(cameras: QgsVectorLayer, owners: QgsVectorLayer) -> None:
    """Add the owner's kind to each camera (owner_kind) so that the renderer can colour by it."""
    join = QgsVectorLayerJoinInfo()
    join.setJoinLayer(owners)
    join.setJoinFieldName("id")
    join.setTargetFieldName("owner_id")
    join.setJoinFieldNamesSubset(["kind"])
    join.setPrefix("owner_")
    join.setUsingMemoryCache(True)
    cameras.addJoin(join)


def _camera_renderer() -> QgsCategorizedSymbolRenderer:
    """Colour cameras by owner kind; the marker's shape tells the camera type."""
    shape = (
        "CASE "
        + " ".join(f"WHEN \"camera_type\" = '{kind.value}' THEN '{kind.marker}'" for kind in CameraType)
        + " ELSE 'circle' END"
    )
    categories = []
    for kind in OwnerKind:
        symbol = QgsMarkerSymbol.createSimple({"color": kind.colour, "size": "3", "outline_color": "#ffffff"})
        symbol.symbolLayer(0).setDataDefinedProperty(
            QgsSymbolLayer.Property.PropertyName, QgsProperty.fromExpression(shape)
        )
        categories.append(QgsRendererCategory(kind.value, symbol, kind.label))
    return QgsCategorizedSymbolRenderer("owner_kind", categories)


def _field_of_view_renderer() -> QgsCategorizedSymbolRenderer:
    """Fill fields of view in the camera type's colour, without outline (the layer is translucent)."""
    categories = [
        QgsRendererCategory(
            kind.value, QgsFillSymbol.createSimple({"color": kind.colour, "outline_style": "no"}), kind.label
        )
        for kind in CameraType
    ]
    return QgsCategorizedSymbolRenderer("camera_type", categories)


def _ref_labels() -> QgsVectorLayerSimpleLabeling:
    """Label cameras with their reference at large scales only."""
    settings = QgsPalLayerSettings()
    settings.fieldName = "ref"
    settings.scaleVisibility = True
    settings.minimumScale = LABEL_MIN_SCALE
    settings.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


def _camera_form(layer: QgsVectorLayer) -> None:
    """Give a cameras layer value lists, aliases, read-only and hidden fields (the owner: _relate_owner)."""
    _aliases_and_read_only(layer, CAMERA_ALIASES)  # first: in QGIS 3.22 an alias resets the field's widget
    _value_map(layer, "camera_type", CameraType)
    _value_map(layer, "status", CameraStatus)
    _value_map(layer, "recording_mode", RecordingMode)
    _value_map(layer, "owner_kind", OwnerKind)
    for name in ("public_space", "police_access"):
        _widget(layer, name, "CheckBox", {"CheckedState": "", "UncheckedState": ""})
    for name in ("authorisation_expiry", "last_verified"):
        _widget(
            layer,
            name,
            "DateTime",
            {"field_format": "yyyy-MM-dd", "display_format": "yyyy-MM-dd", "calendar_popup": True, "allow_null": True},
        )
    _paris_time(layer)


def _paris_time(layer: QgsVectorLayer) -> None:
    """Show the Paris last-update time as a date and time, to the second."""
    _widget(
        layer,
        "updated_at_paris",
        "DateTime",
        {"display_format": "yyyy-MM-dd HH:mm:ss", "allow_null": True, "calendar_popup": False},
    )


def _owner_form(layer: QgsVectorLayer) -> None:
    """Give the owners layer its kind list, aliases and read-only fields."""
    _aliases_and_read_only(layer, OWNER_ALIASES)  # first: in QGIS 3.22 an alias resets the field's widget
    _value_map(layer, "kind", OwnerKind)
    _paris_time(layer)


def _value_map(layer: QgsVectorLayer, field: str, vocabulary: type[Vocabulary]) -> None:
    """Show a field as a drop-down list of labels, storing the values."""
    _widget(layer, field, "ValueMap", {"map": [{member.label: member.value} for member in vocabulary]})


def _widget(layer: QgsVectorLayer, field: str, widget: str, config: dict) -> None:
    """Set a field's editor widget, where the layer has the field."""
    index = layer.fields().indexOf(field)
    if index >= 0:
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(widget, config))


def _aliases_and_read_only(layer: QgsVectorLayer, aliases: dict[str, str]) -> None:
    """Set readable field aliases, make the database-kept fields read-only and hide the internal ones."""
    form: QgsEditFormConfig = layer.editFormConfig()
    for index, field in enumerate(layer.fields()):
        if field.name() in aliases:
            layer.setFieldAlias(index, tr(aliases[field.name()]))
        if field.name() in READ_ONLY:
            form.setReadOnly(index, True)
    layer.setEditFormConfig(form)
    for name in HIDDEN:
        _widget(layer, name, "Hidden", {})
    table = layer.attributeTableConfig()
    columns = table.columns()
    for column in columns:
        column.hidden = column.name in HIDDEN
    table.setColumns(columns)
    layer.setAttributeTableConfig(table)
