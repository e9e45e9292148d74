"""Which URLs a webhook may be sent to, and the one address each request connects to.

A webhook URL is chosen by whoever can call the API, and the worker sends to it from inside
the deployment: unchecked, it would reach the database, the metadata service of a cloud host or
anything on loopback (server-side request forgery). So the host is resolved once, every
address it resolves to must be global unicast (not loopback, private, link-local, multicast,
reserved, unspecified, shared, documentation, nor an IPv4-mapped or 6to4 form of one), and the
request then connects to that checked address: a name cannot resolve to a public address for
the check and a private one for the connection (DNS rebinding). ``WEBHOOK_ALLOW_PRIVATE_TARGETS``
lifts the address rule (tests reach their 127.0.0.1 receiver with it; a LAN deployment may).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
MAX_URL = 2048


class Refused(ValueError):
    """The URL may not be a webhook target; the message says why, for a person."""


@dataclass(frozen=True)
class Target:
    """A checked URL: connect to ``address``, speak to ``host`` (Host header, TLS name)."""

    url: str
    scheme: str
    host: str
    port: int
    address: IPAddress
    path: str  # path and query, as given

    @property
    def pinned_url(self) -> str:
        """The URL with the checked address in place of the name (what the connection uses)."""
        literal = f"[{self.address}]" if self.address.version == 6 else str(self.address)
        return f"{self.scheme}://{literal}:{self.port}{self.path}"

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == default else f"{name}:{self.port}"


def parse(url: str) -> SplitResult:
    """The URL's parts; Refused unless it is an absolute http(s) URL with a host."""
    if len(url) > MAX_URL:
        raise Refused(f"a webhook URL has at most {MAX_URL} characters")
    if any(c.isspace() or ord(c) < 0x20 for c in url):
        raise Refused("a webhook URL has no spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise Refused(f"not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise Refused("a webhook URL starts with http:// or https://")
    if not parts.hostname:
        raise Refused("a webhook URL names a host")
    if parts.username is not None or parts.password is not None:
        raise Refused("a webhook URL carries no user name or password (sign with the secret instead)")
    if parts.fragment:
        raise Refused("a webhook URL has no #fragment")
    if port == 0:
        raise Refused("port 0 cannot be connected to")
    return parts


def why_not_global(address: IPAddress) -> str | None:
    """None for a global unicast address, else what it is."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None:
            inner = why_not_global(embedded)
            return None if inner is None else f"an IPv6 form of {embedded}, {inner}"
    for test, name in (
        ("is_loopback", "a loopback address"),
        ("is_unspecified", "the unspecified address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(address, test):
            return name
    if not address.is_global:
        return "not a global address"
    return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (an IP literal is itself); Refused if none."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"the host {host} does not resolve ({exc})") from None
    seen: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in seen:
            seen.append(address)
    if not seen:
        raise Refused(f"the host {host} does not resolve")
    return seen


def check(url: str, *, allow_private: bool) -> Target:
    """Parse, resolve once and check ``url``; the target to connect to, or Refused."""
    parts = parse(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(host, port)
    if not allow_private:
        for address in addresses:
            reason = why_not_global(address)
            if reason is not None:
                raise Refused(
                    f"{host} resolves to {address}, {reason}: webhooks go to public addresses only "
                    "(WEBHOOK_ALLOW_PRIVATE_TARGETS allows others)"
                )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(url=url, scheme=parts.scheme, host=host, port=port, address=addresses[0], path=path)
