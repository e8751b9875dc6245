"""What registry import files call things: the fields read and their usual names, the words of each closed list.

Names are compared as field_key() folds them (case, accents, separators); words as import_values reads them.
"""

from __future__ import annotations

import re

from . import import_values as read

CAMERA_TYPE_WORDS = {"fixe": "fixed", "mobile": "ptz", "motorisee": "ptz", "tourelle": "ptz", "lapi": "anpr",
                     "alpr": "anpr"}  # fmt: skip
STATUS_WORDS = {"en_service": "in_service", "hors_service": "out_of_order", "en_panne": "out_of_order",
                "deposee": "removed", "retiree": "removed", "supprimee": "removed"}  # fmt: skip
RECORDING_MODE_WORDS = {"continu": "continuous", "continue": "continuous", "detection": "motion",
                        "sur_detection": "motion", "mouvement": "motion", "programme": "scheduled",
                        "programmee": "scheduled", "planifie": "scheduled"}  # fmt: skip
OWNER_KIND_WORDS = {"metropole": "metropolis", "ville": "city", "commune": "city", "mairie": "city",
                    "conseil_departemental": "departement", "transporteur": "transport", "bailleur": "landlord",
                    "bailleur_social": "landlord", "prive": "private", "commerce": "private"}  # fmt: skip
# Camera fields read from columns of the same name (`direction` apart: it may also set the field of view).
CAMERA_FIELDS = {
    "ref": read.text,
    "owner": read.text,
    "owner_email": read.text,
    "camera_type": read.word_of(CAMERA_TYPE_WORDS),
    "fov": read.number,
    "range_m": read.number,
    "height": read.height,
    "tilt": read.number,
    "retention_days": read.whole,
    "status": read.word_of(STATUS_WORDS),
    "recording_mode": read.word_of(RECORDING_MODE_WORDS),
    "public_space": read.boolean,
    "police_access": read.boolean,
    "authorisation_ref": read.text,
    "authorisation_expiry": read.day,
    "last_verified": read.day,
    "address": read.text,
    "notes": read.text,
}
# The French (and other usual) names of each field, as field_key() folds them.
CAMERA_NAMES = {
    "ref": ("nom", "reference", "identifiant", "numero"),
    "owner": ("proprietaire", "gestionnaire", "exploitant"),
    "owner_email": ("courriel_proprietaire", "courriel", "email"),
    "camera_type": ("type", "type_de_camera"),
    "direction": ("orientation", "azimut"),
    "fov": ("angle", "angle_de_vue", "champ_de_vision"),
    "range_m": ("portee",),
    "height": ("hauteur",),
    "tilt": ("inclinaison",),
    "retention_days": ("duree_de_conservation", "conservation"),
    "status": ("statut", "etat"),
    "recording_mode": ("mode_d_enregistrement", "enregistrement"),
    "public_space": ("espace_public", "voie_publique"),
    "police_access": ("acces_police", "deport_police"),
    "authorisation_ref": ("autorisation", "numero_d_autorisation", "arrete_prefectoral"),
    "authorisation_expiry": ("fin_d_autorisation", "date_de_fin_d_autorisation"),
    "last_verified": ("derniere_verification", "date_de_verification"),
    "address": ("adresse", "localisation"),
    "notes": ("remarques", "observations", "commentaires", "commentaire"),
}
COLUMN_NAMES = {"height": "height_m"}  # camera field -> database column, where they differ
NOT_CAMERA_COLUMNS = ("owner", "owner_email", "osm_id")
KEPT_CAMERA_COLUMNS = ("owner_id", "geom", "osm_id", "ref")  # a database refusal of these rejects the row
# OpenStreetMap tags with no column of the same name above; `direction`, `height` and `ref` are both.
OSM_TAGS = (
    "man_made",
    "surveillance",
    "surveillance:type",
    "surveillance:zone",
    "camera:type",
    "camera:mount",
    "camera:direction",
    "camera:angle",
    "operator",
)
OTHER_TAGS = "other_tags"  # the tags QGIS's OSM driver gives in one field: "camera:type"=>"fixed",...
OSM_ID_FIELDS = ("osm_id", "@id", "id")
OSM_ID = re.compile(r"(node|way|relation)/\d+")
OWNER_FIELDS = {
    "name": read.text,
    "kind": read.word_of(OWNER_KIND_WORDS),
    "email": read.text,
    "phone": read.text,
    "address": read.text,
    "response_days": read.whole,
    "notes": read.text,
}
OWNER_NAMES = {
    "name": ("nom", "raison_sociale"),
    "kind": ("type", "nature", "categorie"),
    "email": ("courriel", "mail", "e_mail", "adresse_electronique"),
    "phone": ("telephone", "tel"),
    "address": ("adresse", "adresse_postale"),
    "response_days": ("delai_de_reponse",),
    "notes": CAMERA_NAMES["notes"],
}
