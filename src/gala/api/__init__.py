"""The HTTP layer: one thin module per spec tag; handlers parse, call a service, return (body, status)."""
