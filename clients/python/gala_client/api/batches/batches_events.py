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
    batch_id: UUID,
    *,
    last_event_id: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/batches/{batch_id}/events".format(batch_id=quote(str(batch_id), safe=""),),
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
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    last_event_id: str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Follow a batch's progress (Server-Sent Events)

     Like `GET /jobs/{job_id}/events`, for every row of the batch plus the batch's own events
    (`batch.created`, `batch.retried`, then `batch.done`, `batch.failed` or
    `batch.canceled`, after which the stream ends). Each event's data carries `batch`
    (progress, ETA, counts). Resumable with `Last-Event-ID`.

    Args:
        batch_id (UUID):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        batch_id=batch_id,
last_event_id=last_event_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    last_event_id: str | Unset = UNSET,

) -> Problem | str | None:
    """ Follow a batch's progress (Server-Sent Events)

     Like `GET /jobs/{job_id}/events`, for every row of the batch plus the batch's own events
    (`batch.created`, `batch.retried`, then `batch.done`, `batch.failed` or
    `batch.canceled`, after which the stream ends). Each event's data carries `batch`
    (progress, ETA, counts). Resumable with `Last-Event-ID`.

    Args:
        batch_id (UUID):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        batch_id=batch_id,
client=client,
last_event_id=last_event_id,

    ).parsed

async def asyncio_detailed(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    last_event_id: str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Follow a batch's progress (Server-Sent Events)

     Like `GET /jobs/{job_id}/events`, for every row of the batch plus the batch's own events
    (`batch.created`, `batch.retried`, then `batch.done`, `batch.failed` or
    `batch.canceled`, after which the stream ends). Each event's data carries `batch`
    (progress, ETA, counts). Resumable with `Last-Event-ID`.

    Args:
        batch_id (UUID):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        batch_id=batch_id,
last_event_id=last_event_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    last_event_id: str | Unset = UNSET,

) -> Problem | str | None:
    """ Follow a batch's progress (Server-Sent Events)

     Like `GET /jobs/{job_id}/events`, for every row of the batch plus the batch's own events
    (`batch.created`, `batch.retried`, then `batch.done`, `batch.failed` or
    `batch.canceled`, after which the stream ends). Each event's data carries `batch`
    (progress, ETA, counts). Resumable with `Last-Event-ID`.

    Args:
        batch_id (UUID):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        batch_id=batch_id,
client=client,
last_event_id=last_event_id,

    )).parsed
