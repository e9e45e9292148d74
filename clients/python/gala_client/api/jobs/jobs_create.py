from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.job import Job
from ...models.job_create import JobCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: JobCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Job | Problem:
    if response.status_code == 201:
        response_201 = Job.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Job | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: JobCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Job | Problem]:
    """ Submit a render job

     Validates `params` against the template's parameter schema (defaults applied), checks that
    the resulting composition can be rendered, stores the job and only then enqueues it. The
    job pins the template version it renders.

    **Idempotency** (IETF draft "The Idempotency-Key HTTP Header Field"): send an
    `Idempotency-Key` to make retries safe. The same key with the same body returns the job
    the first request created (201, with the header `Idempotent-Replayed: true`); the same key
    with a different body gets 422; a retry while the first request is still being processed
    gets 409. Keys are kept for 24 hours after the job is created; a key may then be reused. A
    request that fails releases its key, and a reservation whose request died expires after
    60 seconds.

    Args:
        idempotency_key (str | Unset):
        body (JobCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Job | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: JobCreate,
    idempotency_key: str | Unset = UNSET,

) -> Job | Problem | None:
    """ Submit a render job

     Validates `params` against the template's parameter schema (defaults applied), checks that
    the resulting composition can be rendered, stores the job and only then enqueues it. The
    job pins the template version it renders.

    **Idempotency** (IETF draft "The Idempotency-Key HTTP Header Field"): send an
    `Idempotency-Key` to make retries safe. The same key with the same body returns the job
    the first request created (201, with the header `Idempotent-Replayed: true`); the same key
    with a different body gets 422; a retry while the first request is still being processed
    gets 409. Keys are kept for 24 hours after the job is created; a key may then be reused. A
    request that fails releases its key, and a reservation whose request died expires after
    60 seconds.

    Args:
        idempotency_key (str | Unset):
        body (JobCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Job | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: JobCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Job | Problem]:
    """ Submit a render job

     Validates `params` against the template's parameter schema (defaults applied), checks that
    the resulting composition can be rendered, stores the job and only then enqueues it. The
    job pins the template version it renders.

    **Idempotency** (IETF draft "The Idempotency-Key HTTP Header Field"): send an
    `Idempotency-Key` to make retries safe. The same key with the same body returns the job
    the first request created (201, with the header `Idempotent-Replayed: true`); the same key
    with a different body gets 422; a retry while the first request is still being processed
    gets 409. Keys are kept for 24 hours after the job is created; a key may then be reused. A
    request that fails releases its key, and a reservation whose request died expires after
    60 seconds.

    Args:
        idempotency_key (str | Unset):
        body (JobCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Job | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: JobCreate,
    idempotency_key: str | Unset = UNSET,

) -> Job | Problem | None:
    """ Submit a render job

     Validates `params` against the template's parameter schema (defaults applied), checks that
    the resulting composition can be rendered, stores the job and only then enqueues it. The
    job pins the template version it renders.

    **Idempotency** (IETF draft "The Idempotency-Key HTTP Header Field"): send an
    `Idempotency-Key` to make retries safe. The same key with the same body returns the job
    the first request created (201, with the header `Idempotent-Replayed: true`); the same key
    with a different body gets 422; a retry while the first request is still being processed
    gets 409. Keys are kept for 24 hours after the job is created; a key may then be reused. A
    request that fails releases its key, and a reservation whose request died expires after
    60 seconds.

    Args:
        idempotency_key (str | Unset):
        body (JobCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Job | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
