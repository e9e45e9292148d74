"""What the ``gala`` commands share: the server they talk to, ``--json``, tables, progress bars, ids.

Conventions (README, "From the shell"): read commands print a table, or the API's JSON with
``--json``; commands that create something print its id on stdout (one per line) so that
``ID=$(gala ...)`` works, and send progress and remarks to stderr. Exit codes: 0 success,
1 a refused input, a failed job or a server that cannot be reached, 2 a usage error.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from gala_client import Client
    from rich.console import Console

DEFAULT_URL = "http://127.0.0.1:8080"
URL_ENV = "GALA_URL"
API_KEY_ENV = "GALA_API_KEY"
BIG_FILE = 4 * 1024 * 1024  # uploads and downloads from this size on get a progress bar

F = TypeVar("F", bound=Callable[..., Any])


def setting(name: str) -> str | None:
    """A variable from the environment, else from ``.env`` (``gala.config.environment``)."""
    from gala.config import ConfigError, environment

    try:
        value = environment().get(name)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    return value or None


def url_option(command: F) -> F:
    """``--url``: the GALA to talk to; ``GALA_URL`` (environment or ``.env``) when not given."""
    return click.option(
        "--url",
        default=lambda: setting(URL_ENV) or DEFAULT_URL,
        show_default=f"{URL_ENV}, else {DEFAULT_URL}",
        help="The GALA API to talk to.",
    )(command)


def json_option(command: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead of a table.")(command)


def page_options(command: F) -> F:
    """``--limit`` and ``--cursor`` of a list command; without them the API's defaults apply."""
    command = click.option("--cursor", default=None, help="The next page (printed after a full page).")(command)
    return click.option("--limit", type=click.IntRange(1), default=None, help="Page size [the API's default].")(command)


def connect(url: str) -> Client:
    """The generated client for ``url``, sending ``GALA_API_KEY`` as a bearer token when it is set."""
    from gala import remote

    client = remote.connect(url, api_key=setting(API_KEY_ENV))
    # Closed (its connections with it) when the command ends, whatever way it ends.
    return click.get_current_context().with_resource(client)


# --------------------------------------------------------------------------- output


def stdout() -> Console:
    from rich.console import Console

    # Not a terminal (a pipe, a test): no colours, and rows are not folded to 80 columns.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 1000)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def as_dict(value: Any) -> Any:
    """A generated model (or a list of them) as plain JSON data."""
    if isinstance(value, list | tuple):
        return [as_dict(v) for v in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


def print_json(value: Any) -> None:
    click.echo(json.dumps(as_dict(value), indent=2, ensure_ascii=False, default=str))


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, empty: str = "nothing here") -> None:
    """A table on stdout; ``empty`` (on stderr) when there are no rows."""
    if not rows:
        click.echo(empty, err=True)
        return
    from rich import box
    from rich.table import Table

    grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for column in columns:
        grid.add_column(column, no_wrap=column in ("id", "ID"), overflow="fold")
    for row in rows:
        grid.add_row(*("" if v is None else str(v) for v in row))
    stdout().print(grid)


def print_page(page: Any, as_json: bool, columns: Sequence[str], row: Callable[[Any], Sequence[Any]]) -> None:
    """A page of a list answer: its JSON, or a table of ``row(item)`` and the cursor of the next page."""
    if as_json:
        print_json(page)
        return
    table(columns, [row(item) for item in page.items])
    more(page.next_cursor)


def remove(what: str, operation: Callable[..., Any], ids: Sequence[uuid.UUID], url: str) -> None:
    """Delete each id with a generated ``*_delete.sync_detailed``, saying so on stderr."""
    from gala import remote

    client = connect(url)
    for one in ids:
        remote.parsed(operation(one, client=client), None)
        click.echo(f"deleted {what} {one}", err=True)


def fields(pairs: Sequence[tuple[str, Any]]) -> None:
    """One record as ``name  value`` lines (``gala X show``)."""
    width = max(len(name) for name, _ in pairs)
    for name, value in pairs:
        click.echo(f"{name:<{width}}  {'' if value is None else value}")


def more(next_cursor: Any) -> None:
    if isinstance(next_cursor, str) and next_cursor:
        click.echo(f"more: add --cursor {next_cursor}", err=True)


def size(n: int | None) -> str:
    if n is None:
        return ""
    value = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return str(n)  # pragma: no cover


def unset(value: Any) -> Any:
    """``None`` for the generated client's UNSET marker."""
    from gala_client.types import Unset

    return None if isinstance(value, Unset) else value


class AsWritten:
    """A request body sent exactly as the user wrote it (a JSON file, or options).

    The generated operations call ``to_dict()`` on their body; the generated models would
    re-shape a document they only partly understand, or fail on it before it is sent. The server
    checks it against the contract and answers what is wrong with pointers into it.
    """

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document

    def to_dict(self) -> dict[str, Any]:
        return self._document


# --------------------------------------------------------------------------- progress


@contextmanager
def progress(description: str, total: float | None, *, in_bytes: bool = False) -> Iterator[Callable[[float], None]]:
    """A progress bar on stderr; yields ``advance(amount)``. ``in_bytes`` shows sizes and speed."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns: list[Any] = [TextColumn("{task.description}"), BarColumn(), TaskProgressColumn()]
    if in_bytes:
        columns += [DownloadColumn(), TransferSpeedColumn()]
    columns.append(TimeRemainingColumn())
    with Progress(*columns, console=stderr(), transient=False) as bar:
        task = bar.add_task(description, total=total)

        def advance(amount: float) -> None:
            bar.advance(task, amount)

        yield advance
        bar.update(task, completed=total if total is not None else bar.tasks[0].completed)


# --------------------------------------------------------------------------- arguments


class Id(click.ParamType):
    """A resource id (a UUID), named in the error: ``'x' is not a job id (a UUID)``."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.name = f"{what.split()[-1].upper()}_ID"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> uuid.UUID:
        if isinstance(value, uuid.UUID):
            return value
        try:
            return uuid.UUID(str(value))
        except ValueError:
            self.fail(f"{value!r} is not {self.what} id (a UUID)", param, ctx)


class EnumChoice(click.Choice):
    """One of the values of an enum of the generated client: the contract's values, never a copy.

    The enum is imported on first use: importing ``gala_client.models`` takes about 0.2 s, which
    every ``gala`` command (``gala api`` included) would otherwise pay at start-up. The command
    receives the enum member.
    """

    def __init__(self, module: str, name: str) -> None:
        self._where = (f"gala_client.models.{module}", name)
        super().__init__([])

    @property
    def enum(self) -> Any:
        import importlib

        module, name = self._where
        return getattr(importlib.import_module(module), name)

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(member.value for member in self.enum)

    @choices.setter
    def choices(self, _value: Any) -> None:  # click.Choice.__init__ assigns it; the enum decides
        pass

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return self.enum(super().convert(value, param, ctx))


def parse_params(pairs: Sequence[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs; VALUE is read as JSON when it parses (5, true, "x"), else as text."""
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        try:
            out[name] = json.loads(raw)
        except json.JSONDecodeError:
            out[name] = raw
    return out


def param_option(command: F) -> F:
    return click.option(
        "-p",
        "--param",
        "params",
        multiple=True,
        metavar="NAME=VALUE",
        help='A parameter; VALUE is read as JSON when it parses (5, true, "x"), else as text.',
    )(command)


def read_json(path: str) -> Any:
    """A JSON file, or a readable error naming it."""
    from pathlib import Path

    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise click.ClickException(f"{path} is not JSON: {exc}") from None
    except UnicodeDecodeError:
        raise click.ClickException(f"{path} is not UTF-8 text") from None
