"""What the import algorithms share: INPUT (also Overpass JSON), FIELD_MAP, DRY_RUN, the row sinks and the report."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TR_NOOP, QVariant

from ..core.import_values import parse_field_map
from ..core.inputs import spreadsheet_safe
from ..core.overpass import is_overpass_json, overpass_layer
from ..core.registry_import import ImportResult
from ..core.translation import tr
from ..errors import CamreqError
from .algorithm import CamreqAlgorithm

INPUT = "INPUT"
OUTPUT_REJECTED = "OUTPUT_REJECTED"
OUTPUT_WARNINGS = "OUTPUT_WARNINGS"
FIELD_MAP = "FIELD_MAP"
DRY_RUN = "DRY_RUN"
COUNTS = ("IMPORTED", "UPDATED", "REJECTED", "WARNED", "SKIPPED")


def add_import_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    """Declare FIELD_MAP, DRY_RUN, OUTPUT_REJECTED, OUTPUT_WARNINGS and the counts."""
    algorithm.addParameter(
        QgsProcessingParameterString(
            FIELD_MAP,
            tr("Field mapping: target=input field;… (for example ref=Identifiant;address=Lieu)"),
            defaultValue="",
            optional=True,
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterBoolean(DRY_RUN, tr("Dry run: do and report everything, then roll back"), False)
    )
    algorithm.addParameter(
        QgsProcessingParameterFeatureSink(
            OUTPUT_REJECTED, tr("Rejected rows (the input fields and a reason)"), optional=True, createByDefault=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterFeatureSink(
            OUTPUT_WARNINGS,
            tr("Rows imported with warnings (the input fields and a warning)"),
            optional=True,
            createByDefault=True,
        )
    )
    labels = (tr("Rows imported"), tr("Rows updated"), tr("Rows rejected"), tr("Rows with warnings"),
              tr("Rows skipped (not cameras)"))  # fmt: skip
    for name, label in zip(COUNTS, labels, strict=True):
        algorithm.addOutput(QgsProcessingOutputNumber(name, label))


class ImportAlgorithm(CamreqAlgorithm):
    """An import: INPUT may also be an Overpass API JSON file, which QGIS cannot open and CamReq reads."""

    group_name = QT_TR_NOOP("Registry")

    def checkParameterValues(  # noqa: N802
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        """Check the parameters with an Overpass JSON INPUT read as the import reads it."""
        try:
            overpass = _overpass_input(parameters)
        except CamreqError as error:
            return False, str(error)
        return super().checkParameterValues({**parameters, INPUT: overpass} if overpass else parameters, context)

    def input_source(self, parameters: dict[str, Any], context: QgsProcessingContext) -> QgsFeatureSource:
        """Return INPUT: a layer QGIS opens, or an Overpass API JSON file read into a memory layer."""
        source = _overpass_input(parameters) or self.parameterAsSource(parameters, INPUT, context)
        if source is None:
            raise CamreqError("INPUT: the layer or file cannot be opened.")
        return source


def _overpass_input(parameters: dict[str, Any]) -> QgsVectorLayer | None:
    """Return INPUT as a memory layer where it is the path of an Overpass API JSON file, else None."""
    value = parameters.get(INPUT)
    return overpass_layer(value) if isinstance(value, str) and is_overpass_json(value) else None


def field_map(algorithm: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> dict:
    """Return FIELD_MAP as {target: input field}."""
    return parse_field_map(algorithm.parameterAsString(parameters, FIELD_MAP, context))


class RowsOutput:
    """A sink of input rows with one more text field (a rejection reason, a warning), also told to feedback."""

    def __init__(
        self,
        algorithm: QgsProcessingAlgorithm,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        source: QgsFeatureSource,
        feedback: QgsProcessingFeedback,
        output: str,
        column: str,
    ) -> None:
        """Create the sink `output` with the source's fields plus `column` (prefixed where the source has one)."""
        self.feedback = feedback
        self.output = output
        self.fields = QgsFields(source.fields())
        column = column if self.fields.lookupField(column) < 0 else f"import_{column}"
        self.fields.append(QgsField(column, QVariant.String))
        self.sink, self.destination = algorithm.parameterAsSink(
            parameters, output, context, self.fields, source.wkbType(), source.sourceCrs()
        )

    def __call__(self, feature: QgsFeature, text: str) -> None:
        """Write one row with its text."""
        message = tr("Row {id} rejected: {reason}") if self.output == OUTPUT_REJECTED else tr("Row {id}: {reason}")
        self.feedback.pushWarning(message.format(id=feature.id(), reason=text))
        if self.sink is None:
            return
        row = QgsFeature(self.fields)
        row.setGeometry(feature.geometry())
        row.setAttributes(spreadsheet_safe([*feature.attributes(), text]))
        self.sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)


def row_outputs(
    algorithm: QgsProcessingAlgorithm,
    parameters: dict[str, Any],
    context: QgsProcessingContext,
    source: QgsFeatureSource,
    feedback: QgsProcessingFeedback,
) -> tuple[RowsOutput, RowsOutput]:
    """Return the OUTPUT_REJECTED (reason) and OUTPUT_WARNINGS (warning) sinks."""
    return (
        RowsOutput(algorithm, parameters, context, source, feedback, OUTPUT_REJECTED, "reason"),
        RowsOutput(algorithm, parameters, context, source, feedback, OUTPUT_WARNINGS, "warning"),
    )


def outputs(result: ImportResult, *sinks: RowsOutput) -> dict[str, Any]:
    """Return the algorithm outputs for an import's result."""
    counts = (result.imported, result.updated, result.rejected, result.warned, sum(result.skipped.values()))
    found: dict[str, Any] = dict(zip(COUNTS, counts, strict=True))
    found.update({sink.output: sink.destination for sink in sinks if sink.sink is not None})
    return found


def report(feedback: QgsProcessingFeedback, what: str, result: ImportResult, dry_run: bool = False) -> None:
    """Tell which fields were read as what, the counts, the skipped rows and the owners created without contact."""
    used = "; ".join(f"{name} → {', '.join(targets)}" for name, targets in result.fields_used.items())
    feedback.pushInfo(tr("Fields used: {used}").format(used=used or tr("none")))
    feedback.pushInfo(tr("Fields ignored: {ignored}").format(ignored=", ".join(result.fields_ignored) or tr("none")))
    feedback.pushInfo(
        tr("{what}: {i} imported, {u} updated, {r} rejected, {w} with warnings, {s} skipped.").format(
            what=what, i=result.imported, u=result.updated, r=result.rejected, w=result.warned,
            s=sum(result.skipped.values()),
        )
    )  # fmt: skip
    for reason, count in result.skipped.most_common():
        feedback.pushInfo(tr("Rows skipped ({n}): {reason}").format(n=count, reason=reason))
    if result.owners_without_contact:
        feedback.pushWarning(
            tr(
                "Owners created without a requisition contact (add their e-mail in the owners directory): {names}"
            ).format(names="; ".join(result.owners_without_contact))
        )
    if dry_run:
        feedback.pushWarning(tr("Dry run: nothing was written, the transaction was rolled back."))
