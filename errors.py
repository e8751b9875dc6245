"""The one exception type for problems a user can fix."""


class CamreqError(Exception):
    """A problem with the user's input or setup, with a message that says what to fix."""
