"""Webhooks: signed, retried, guarded deliveries of the outbox's events (docs/webhooks.md).

``types`` names the public event types, ``signing`` signs (Standard Webhooks), ``guard`` and
``client`` keep requests away from private addresses, ``schedule`` spaces the retries, and
``deliverer`` fans the outbox out to endpoints and sends (a thread of the default worker).
"""
