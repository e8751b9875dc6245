"""The one exception type for problems a user can fix."""


class CamreqError(ValueError):
    """A problem with the user's input or setup, with a message that says what to fix."""
