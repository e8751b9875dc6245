"""Processing provider and algorithms: read parameters, call the core, write outputs."""
