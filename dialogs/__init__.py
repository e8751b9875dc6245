"""Dock panel and forms: call the same core as the algorithms."""
