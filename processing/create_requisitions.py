"""camreq:createrequisitions: one requisition per owner from a camera search result, as PDFs with a map."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TR_NOOP

from ..core.documents import Officer, weasyprint_available
from ..core.requisitions import DEFAULT_DELIVERY, CameraRequest, RequisitionForm, create_requisitions
from ..core.times import aware_datetime
from ..core.vocabulary import Investigation
from ..errors import CamreqError
from ..settings import Settings
from .algorithm import CamreqAlgorithm
from .requisition_table import summary_feature, summary_fields

OFFICER_FIELDS = ("name", "rank", "unit", "email", "phone")
REQUIRED_FIELDS = ("camera_id", "window_start", "window_end")


class CreateRequisitions(CamreqAlgorithm):
    """Group the selected cameras by owner and make one requisition per owner."""

    group_name = QT_TR_NOOP("Requisitions")

    algorithm_id = "createrequisitions"
    label = QT_TR_NOOP("Create requisitions")
    help_text = QT_TR_NOOP(
        "Makes one judicial requisition per owner from CAMERAS (the output of camreq:camerasnearincident, or a "
        "selection of it), each listing that owner's cameras with their time windows, and writes one PDF per "
        "requisition, with a map extract, into OUTPUT_FOLDER. With ISSUE, the requisitions are numbered "
        "(gapless per unit and year) and queued for camreq:sendrequisitions; otherwise they stay drafts. "
        "AUTHORISATION_REF is required for preliminary and judicial investigations. ANSWER_DEADLINE defaults to "
        "48 hours, or the owner's earliest purge deadline if sooner; one after that purge deadline is brought "
        "forward to it. A camera window that an open requisition of the same CASE_NUMBER already covers is left "
        "out and reported (SKIPPED) unless REPEAT is ticked. BASEMAP (an XYZ or WMS URI such as "
        "type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png, or a GeoPackage, MBTiles or vector file) is "
        "drawn under the map, BASEMAP_ATTRIBUTION printed under it. The officer, rank, unit and UNIT_CITY are "
        "required. Issued PDFs are signed (PAdES) with the officer's certificate: SIGNING_AUTHCFG (a QGIS PKI "
        "PKCS#12 configuration) or a smartcard (PKCS11_MODULE, PKCS11_SLOT, PKCS11_KEY_LABEL, the PIN from "
        "PKCS11_PIN_AUTHCFG), timestamped when TIMESTAMP_URL is given; a certificate expired, not yet valid or "
        "not made for signing is refused before anything is numbered. Nothing is kept if any input is wrong or "
        "the run is cancelled."
    )

    def canExecute(self) -> tuple[bool, str]:  # noqa: N802
        """Return whether WeasyPrint can render PDFs here."""
        if weasyprint_available():
            return True, ""
        return False, self.tr("WeasyPrint is not installed or its libraries are missing: pip install weasyprint.")

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        """Declare the parameters of the issue and the OUTPUT table."""
        settings = Settings.load()
        self.add_connection_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "CAMERAS", self.tr("Cameras (result of camreq:camerasnearincident)"),
                [QgsProcessing.SourceType.TypeVectorPoint],
            )
        )  # fmt: skip
        self.addParameter(QgsProcessingParameterString("CASE_NUMBER", self.tr("Case number (procédure)")))
        investigation = QgsProcessingParameterEnum(
            "INVESTIGATION",
            self.tr("Investigation"),
            Investigation.values(),
            defaultValue=Investigation.FLAGRANCE.value,
        )
        investigation.setUsesStaticStrings(True)
        self.addParameter(investigation)
        self.addParameter(
            QgsProcessingParameterString(
                "AUTHORISATION_REF",
                self.tr("Prosecutor's authorisation or commission rogatoire (preliminary, judicial)"),
                optional=True,
            )
        )
        for field in OFFICER_FIELDS:
            self.addParameter(
                QgsProcessingParameterString(
                    f"OFFICER_{field.upper()}", self.tr("Officer: {field}").format(field=field),
                    defaultValue=getattr(settings, f"officer_{field}"), optional=field not in ("name", "unit"),
                )
            )  # fmt: skip
        self.add_document_parameters(settings)
        self.add_signing_parameters(settings)
        self.addParameter(
            QgsProcessingParameterDateTime(
                "ANSWER_DEADLINE", self.tr("Answer deadline (empty: 48 h, or the purge deadline if sooner)"),
                optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterString(
                "DELIVERY", self.tr("Delivery format and means"), defaultValue=DEFAULT_DELIVERY, multiLine=True
            )
        )
        self.addParameter(QgsProcessingParameterBoolean("ISSUE", self.tr("Issue now (else keep drafts)"), True))
        self.addParameter(
            QgsProcessingParameterBoolean(
                "REPEAT", self.tr("Repeat: ask again for windows an open requisition of the case covers"), False
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Folder for the PDFs")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", self.tr("Requisitions made"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", self.tr("Camera windows left out (already requested)")))

    def process(
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        """Read the cameras and the form, make the requisitions, write the OUTPUT table."""
        officer = Officer(
            *(self.parameterAsString(parameters, f"OFFICER_{field.upper()}", context) for field in OFFICER_FIELDS)
        )
        form = RequisitionForm(
            case_number=self.parameterAsString(parameters, "CASE_NUMBER", context),
            investigation=self.parameterAsEnumString(parameters, "INVESTIGATION", context),
            authorisation_ref=self.parameterAsString(parameters, "AUTHORISATION_REF", context),
            officer=officer,
            answer_deadline=self._deadline(parameters, context),
            delivery=self.parameterAsString(parameters, "DELIVERY", context),
            **self.document_values(parameters, context),
        )
        folder = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        cameras = self._cameras(parameters, context)
        run = create_requisitions(
            self.connection_value(parameters, context), cameras, form,
            self.parameterAsBoolean(parameters, "ISSUE", context), folder, feedback,
            self.parameterAsBoolean(parameters, "REPEAT", context), self.signing_value(parameters, context),
        )  # fmt: skip
        for notice in run.plan.notices():
            feedback.pushWarning(notice)
        if not run.made:
            feedback.pushWarning(self.tr("Nothing left to request: no requisition was made."))
        sink, sink_id = self.parameterAsSink(
            parameters, "OUTPUT", context, summary_fields(), QgsWkbTypes.Type.NoGeometry
        )
        for summary in run.made:
            sink.addFeature(summary_feature(summary), QgsFeatureSink.Flag.FastInsert)
            feedback.pushInfo(
                self.tr("{n}: {owner}, {c} camera window(s), {status}, PDF {path}").format(
                    n=summary.number or f"draft {summary.id}", owner=summary.owner, c=summary.camera_count,
                    status=summary.status, path=summary.pdf_path,
                )
            )  # fmt: skip
        return {"OUTPUT": sink_id, "OUTPUT_FOLDER": str(folder), "SKIPPED": len(run.plan.skipped)}

    def _deadline(self, parameters: dict[str, Any], context: QgsProcessingContext) -> datetime | None:
        """Return ANSWER_DEADLINE as an aware datetime (naive text means Paris time), or None."""
        raw = parameters.get("ANSWER_DEADLINE")
        try:
            if isinstance(raw, str):
                return aware_datetime(raw)
            return aware_datetime(self.parameterAsDateTime(parameters, "ANSWER_DEADLINE", context))
        except ValueError:
            raise CamreqError(f"ANSWER_DEADLINE: {raw!r} is not an ISO 8601 date-time.") from None

    def _cameras(self, parameters: dict[str, Any], context: QgsProcessingContext) -> list[CameraRequest]:
        """Return the camera rows of CAMERAS, refusing a layer without the search result's fields."""
        source = self.parameterAsSource(parameters, "CAMERAS", context)
        if source is None:
            raise CamreqError("CAMERAS: the layer cannot be read.")
        names = source.fields().names()
        missing = [name for name in REQUIRED_FIELDS if name not in names]
        if missing:
            raise CamreqError(
                f"CAMERAS: field(s) {', '.join(missing)} missing; use the output of camreq:camerasnearincident."
            )
        return [_camera_request(feature, names) for feature in source.getFeatures()]


def _camera_request(feature: QgsFeature, names: list[str]) -> CameraRequest:
    """Return the CameraRequest of one feature of the search result."""

    def value(name: str) -> Any:
        found = feature[name] if name in names else None
        return None if found is None or found == NULL or found == "" else found

    try:
        camera_id = int(value("camera_id"))
        start, end = aware_datetime(value("window_start")), aware_datetime(value("window_end"))
        purge_at = aware_datetime(value("purge_at"))
        search_id = int(value("search_id")) if value("search_id") is not None else None
    except (TypeError, ValueError):
        raise CamreqError(
            f"CAMERAS: feature {feature.id()} lacks a valid camera_id, window_start or window_end."
        ) from None
    if start is None or end is None:
        raise CamreqError(f"CAMERAS: feature {feature.id()} (camera {camera_id}) has no time window.")
    incident = value("incident_id")
    return CameraRequest(camera_id, start, end, purge_at, None if incident is None else str(incident), search_id)
