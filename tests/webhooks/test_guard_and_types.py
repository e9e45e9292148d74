"""Which addresses a webhook may reach; the public event types are one list, in the contract too."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
import yaml

from gala.jobs.events import EventKind
from gala.webhooks import guard, schedule, types


@pytest.mark.parametrize(
    ("address", "what"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "address"),  # reserved (Python counts it private too)
        ("100.64.0.1", "not a global"),
        ("::ffff:10.0.0.1", "IPv6 form of 10.0.0.1"),
        ("2002:7f00:1::", "IPv6 form of 127.0.0.1"),
        ("fc00::1", "private"),
        ("192.0.2.1", "private"),  # documentation range
    ],
)
def test_non_global_addresses_are_named(address: str, what: str) -> None:
    reason = guard.why_not_global(ipaddress.ip_address(address))
    assert reason is not None
    assert what in reason


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_global_addresses_pass(address: str) -> None:
    assert guard.why_not_global(ipaddress.ip_address(address)) is None


def test_the_connection_goes_to_the_checked_address() -> None:
    target = guard.check("https://localhost:8443/a/b?c=1", allow_private=True)
    assert target.address.is_loopback
    assert (
        target.pinned_url
        == f"https://{target.address if target.address.version == 4 else f'[{target.address}]'}:8443/a/b?c=1"
    )
    assert target.host_header == "localhost:8443"
    assert guard.check("http://[::1]/", allow_private=True).pinned_url == "http://[::1]:80/"
    with pytest.raises(guard.Refused, match="loopback"):
        guard.check("https://localhost:8443/", allow_private=False)


def test_the_contract_lists_the_event_types() -> None:
    spec = yaml.safe_load((Path(__file__).parents[2] / "openapi" / "gala.yaml").read_text())
    assert tuple(spec["components"]["schemas"]["WebhookEventType"]["enum"]) == types.EVENT_TYPES
    assert spec["components"]["schemas"]["WebhookEvents"]["maxItems"] == len(types.EVENT_TYPES)


def test_internal_kinds_are_not_public() -> None:
    assert types.public_type(EventKind.PROGRESS) is None
    assert types.public_type(EventKind.CLAIMED) is None
    assert types.public_type(EventKind.DONE) == "job.done"
    assert types.public_type("batch.done") == "batch.done"


def test_the_schedule_backs_off_with_jitter_and_ends() -> None:
    waits = (5.0, 300.0, 1800.0)
    for n, base in enumerate(waits, start=1):
        got = schedule.next_delay(waits, n)
        assert got is not None
        assert base * (1 - schedule.JITTER) <= got <= base * (1 + schedule.JITTER)
    assert schedule.next_delay(waits, 4) is None
