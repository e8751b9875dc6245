"""The portal's French words cover CamReq's closed lists exactly, so an owner can give every reason and no other."""

from __future__ import annotations

from camreq.core.vocabulary import NoFootageReason, RequisitionStatus
from camreq.portal.vocabulary import NO_FOOTAGE_LABELS, STATUS_LABELS


def test_the_portal_offers_exactly_the_no_footage_reasons_of_the_vocabulary():
    assert list(NO_FOOTAGE_LABELS) == NoFootageReason.values()


def test_the_portal_names_every_status_a_live_link_can_show():
    assert set(STATUS_LABELS) <= set(RequisitionStatus.values())
    assert {"sent", "acknowledged"} <= set(STATUS_LABELS)
