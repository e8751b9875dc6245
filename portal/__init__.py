"""The owner's answer portal: a web service sharing the CamReq database, outside the plugin zip.

Routes (``routes.py``, ``tus.py``) call the service (``service.py``), which calls the database's camreq.portal_*
functions taking the owner's token; the portal's login has no table privilege. Nothing here imports Qt.
"""
