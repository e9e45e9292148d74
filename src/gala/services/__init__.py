"""Domain services: the use cases the HTTP handlers and the worker tasks call. No Flask here."""
