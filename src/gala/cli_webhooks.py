"""``gala webhooks``: create, list, show, rm endpoints; see their deliveries; send a test event."""

from __future__ import annotations

import uuid
from typing import Any, cast

import click

from gala import cli_support as ui


@click.group("webhooks")
def webhooks() -> None:
    """Webhook endpoints: create, list, show, rm, deliveries, test.

    GALA POSTs job (and batch) events to each endpoint, signed as Standard
    Webhooks specify, and retries for about a day (docs/webhooks.md).
    """


@webhooks.command("create")
@click.argument("target", metavar="URL")
@click.option(
    "--event",
    "event_types",
    multiple=True,
    type=ui.EnumChoice("webhook_event_type", "WebhookEventType"),
    help="An event type to send (repeat) [all of them].",
)
@click.option("--description", default=None)
@click.option("--secret", default=None, help="A whsec_ secret [one made by the server].")
@ui.json_option
@ui.url_option
def create(
    target: str, event_types: tuple[Any, ...], description: str | None, secret: str | None, as_json: bool, url: str
) -> None:
    """Create an endpoint for URL; print its id, and its secret on stderr (shown this once)."""
    from gala_client.api.webhooks import webhooks_create
    from gala_client.models import WebhookCreate, WebhookCreated

    from gala import remote

    doc: dict[str, Any] = {"url": target}
    if event_types:
        doc["events"] = [e.value for e in event_types]
    if description is not None:
        doc["description"] = description
    if secret is not None:
        doc["secret"] = secret
    body = cast(WebhookCreate, ui.AsWritten(doc))
    made = remote.parsed(webhooks_create.sync_detailed(client=ui.connect(url), body=body), WebhookCreated)
    if as_json:
        ui.print_json(made)
        return
    click.echo(str(made.id))
    click.echo(f"secret (shown once): {made.secret}", err=True)


@webhooks.command("list")
@ui.page_options
@ui.json_option
@ui.url_option
def list_(limit: int | None, cursor: str | None, as_json: bool, url: str) -> None:
    """List endpoints, newest first."""
    from gala_client.api.webhooks import webhooks_list
    from gala_client.models import WebhookPage
    from gala_client.types import UNSET

    from gala import remote

    response = webhooks_list.sync_detailed(client=ui.connect(url), limit=limit or UNSET, cursor=cursor or UNSET)
    ui.print_page(remote.parsed(response, WebhookPage), as_json, ["id", "url", "events", "enabled"], _row)


def _events(w: Any) -> str:
    chosen = ui.unset(w.events)
    return "all" if chosen is None else ", ".join(str(getattr(e, "value", e)) for e in chosen)


def _row(w: Any) -> list[Any]:
    return [w.id, w.url, _events(w), "yes" if w.enabled else f"no: {ui.unset(w.disabled_reason)}"]


@webhooks.command("show")
@click.argument("webhook_id", type=ui.Id("a webhook"))
@ui.json_option
@ui.url_option
def show(webhook_id: uuid.UUID, as_json: bool, url: str) -> None:
    """Show an endpoint (its secret is never shown again)."""
    from gala_client.api.webhooks import webhooks_get
    from gala_client.models import Webhook

    from gala import remote

    w = remote.parsed(webhooks_get.sync_detailed(webhook_id, client=ui.connect(url)), Webhook)
    if as_json:
        ui.print_json(w)
        return
    disabled_at = ui.unset(w.disabled_at)
    ui.fields(
        [
            ("id", w.id),
            ("url", w.url),
            ("description", ui.unset(w.description)),
            ("events", _events(w)),
            ("enabled", "yes" if w.enabled else "no"),
            ("disabled", ui.unset(w.disabled_reason)),
            ("disabled at", disabled_at.isoformat() if disabled_at else None),
            ("updated", w.updated_at.isoformat()),
        ]
    )


@webhooks.command("rm")
@click.argument("webhook_ids", nargs=-1, required=True, type=ui.Id("a webhook"))
@ui.url_option
def rm(webhook_ids: tuple[uuid.UUID, ...], url: str) -> None:
    """Delete endpoints (their deliveries go with them)."""
    from gala_client.api.webhooks import webhooks_delete

    ui.remove("webhook", webhooks_delete.sync_detailed, webhook_ids, url)


@webhooks.command("deliveries")
@click.argument("webhook_id", type=ui.Id("a webhook"))
@ui.page_options
@ui.json_option
@ui.url_option
def deliveries(webhook_id: uuid.UUID, limit: int | None, cursor: str | None, as_json: bool, url: str) -> None:
    """An endpoint's deliveries, newest first: status, attempts, the last answer, the next try."""
    from gala_client.api.webhooks import webhooks_deliveries
    from gala_client.models import WebhookDeliveryPage
    from gala_client.types import UNSET

    from gala import remote

    response = webhooks_deliveries.sync_detailed(
        webhook_id, client=ui.connect(url), limit=limit or UNSET, cursor=cursor or UNSET
    )
    columns = ["id", "message", "type", "status", "attempts", "last", "next"]
    ui.print_page(remote.parsed(response, WebhookDeliveryPage), as_json, columns, _delivery_row)


def _delivery_row(d: Any) -> list[Any]:
    last = d.attempts[-1] if d.attempts else None
    answer = ""
    if last is not None:
        code, error = ui.unset(last.status_code), ui.unset(last.error)
        answer = f"{code if code is not None else error} ({last.duration_ms} ms)"
    nxt = ui.unset(d.next_attempt_at)
    status = getattr(d.status, "value", d.status)
    return [d.id, d.message_id, d.event_type, status, d.attempt_count, answer, nxt.isoformat() if nxt else ""]


@webhooks.command("test")
@click.argument("webhook_id", type=ui.Id("a webhook"))
@ui.url_option
def test(webhook_id: uuid.UUID, url: str) -> None:
    """Send a webhook.test event to the endpoint; print the delivery's id."""
    from gala_client.api.webhooks import webhooks_test
    from gala_client.models import WebhookDelivery

    from gala import remote

    delivery = remote.parsed(webhooks_test.sync_detailed(webhook_id, client=ui.connect(url)), WebhookDelivery)
    click.echo(str(delivery.id))
    click.echo(f"test event {delivery.message_id} queued; see `gala webhooks deliveries {webhook_id}`", err=True)
