"""CamReq: video-protection camera registry and judicial requisitions for QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """Return the plugin instance QGIS asks for."""
    from .plugin import CamReqPlugin

    return CamReqPlugin(iface)
