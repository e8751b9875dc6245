"""The portal's French words for CamReq's closed lists (the values come from camreq.core.vocabulary's)."""

from __future__ import annotations

NO_FOOTAGE_LABELS = {
    "overwritten": "Images déjà effacées (écrasées par l'enregistreur)",
    "camera_down": "Caméra en panne à ce moment",
    "not_recording": "Caméra qui n'enregistrait pas à ce moment",
    "not_in_view": "La caméra ne voit pas ce lieu",
}
STATUS_LABELS = {
    "issued": "émise",
    "sent": "envoyée",
    "acknowledged": "réception accusée",
    "footage_delivered": "images remises",
    "no_footage": "pas d'images",
    "refused": "refusée",
}
ANSWER_MESSAGES = {
    "accuse": "Réception accusée. Merci.",
    "aucune": "Réponse enregistrée pour cette caméra.",
    "refus": "Refus enregistré pour cette caméra.",
    "raison": "Choisissez ou écrivez la raison avant d'envoyer.",
    "raison_nul": "La raison contient un caractère interdit (un caractère nul) : retirez-le puis envoyez de nouveau.",
    "camera": "Caméra : ce n'est pas une caméra de cette réquisition. Rechargez la page et répondez depuis sa caméra.",
    "taille": "Taille du fichier : elle n'est pas un nombre d'octets valable. Choisissez de nouveau le fichier.",
    "limit": "Le volume maximal de dépôt de cette réquisition est atteint : contactez l'officier requérant.",
    "unanswered": "Chaque caméra doit avoir une réponse (images déposées, pas d'images ou refus) avant de confirmer.",
    "unknown": "Cette action n'a pas pu être enregistrée : rechargez la page.",
}
