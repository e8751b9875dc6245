"""Database access: connections, SQL and migrations (no Qt widgets, no iface)."""
