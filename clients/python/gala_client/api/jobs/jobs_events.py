from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    job_id: UUID,
    *,
    last_event_id: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/{job_id}/events".format(job_id=quote(str(job_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    last_event_id: str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Follow a job's progress (Server-Sent Events)

     A `text/event-stream` of the job's events from the outbox, oldest first: `created`,
    `claimed`, `stage`, `progress` (every 10 %), `retried`, `dispatched`, then one of `done`,
    `failed` or `canceled`, after which the stream ends. Each event's `id` is its outbox id
    and its `data` a JSON `JobEvent` (schema below; with `eta_seconds`). Reconnect with `Last-Event-ID`
    to get exactly the events after it. A comment line (`: keep-alive`) comes every 15 s.

    Args:
        job_id (UUID):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        job_id=job_id,
last_event_id=last_event_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    last_event_id: str | Unset = UNSET,

) -> Problem | str | None:
    """ Follow a job's progress (Server-Sent Events)

     A `text/event-stream` of the job's events from the outbox, oldest first: `created`,
    `claimed`, `stage`, `progress` (every 10 %), `retried`, `dispatched`, then one of `done`,
    `failed` or `canceled`, after which the stream ends. Each event's `id` is its outbox id
    and its `data` a JSON `JobEvent` (schema below; with `eta_seconds`). Reconnect with `Last-Event-ID`
    to get exactly the events after it. A comment line (`: keep-alive`) comes every 15 s.

    Args:
        job_id (UUID):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        job_id=job_id,
client=client,
last_event_id=last_event_id,

    ).parsed

async def asyncio_detailed(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    last_event_id: str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Follow a job's progress (Server-Sent Events)

     A `text/event-stream` of the job's events from the outbox, oldest first: `created`,
    `claimed`, `stage`, `progress` (every 10 %), `retried`, `dispatched`, then one of `done`,
    `failed` or `canceled`, after which the stream ends. Each event's `id` is its outbox id
    and its `data` a JSON `JobEvent` (schema below; with `eta_seconds`). Reconnect with `Last-Event-ID`
    to get exactly the events after it. A comment line (`: keep-alive`) comes every 15 s.

    Args:
        job_id (UUID):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        job_id=job_id,
last_event_id=last_event_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    last_event_id: str | Unset = UNSET,

) -> Problem | str | None:
    """ Follow a job's progress (Server-Sent Events)

     A `text/event-stream` of the job's events from the outbox, oldest first: `created`,
    `claimed`, `stage`, `progress` (every 10 %), `retried`, `dispatched`, then one of `done`,
    `failed` or `canceled`, after which the stream ends. Each event's `id` is its outbox id
    and its `data` a JSON `JobEvent` (schema below; with `eta_seconds`). Reconnect with `Last-Event-ID`
    to get exactly the events after it. A comment line (`: keep-alive`) comes every 15 s.

    Args:
        job_id (UUID):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        job_id=job_id,
client=client,
last_event_id=last_event_id,

    )).parsed
