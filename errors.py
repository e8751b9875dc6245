"""The one exception type for problems a user can fix."""


class CamreqError(ValueError):
    """A problem with the user's input or setup, with a message that says what to fix.

    Where the problem is one input, field is its Processing parameter id: str() starts with it, as the toolbox and
    qgis_process name inputs; the panel names the input by its label instead (core.translation.PARAMETER_LABELS).
    """

    def __init__(self, message: str, field: str = "") -> None:
        """Keep the message, and the input it is about."""
        super().__init__(f"{field}: {message}" if field else message)
        self.message = message
        self.field = field
