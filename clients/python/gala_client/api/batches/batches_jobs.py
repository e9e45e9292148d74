from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.job_page import JobPage
from ...models.job_status import JobStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    batch_id: UUID,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: JobStatus | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/batches/{batch_id}/jobs".format(batch_id=quote(str(batch_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobPage | Problem:
    if response.status_code == 200:
        response_200 = JobPage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[JobPage | Problem]:
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: JobStatus | Unset = UNSET,

) -> Response[JobPage | Problem]:
    """ List a batch's row jobs

    Args:
        batch_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (JobStatus | Unset): `queued → rendering → uploading → done`; or `failed` /
            `canceled`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobPage | Problem]
     """


    kwargs = _get_kwargs(
        batch_id=batch_id,
limit=limit,
cursor=cursor,
status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: JobStatus | Unset = UNSET,

) -> JobPage | Problem | None:
    """ List a batch's row jobs

    Args:
        batch_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (JobStatus | Unset): `queued → rendering → uploading → done`; or `failed` /
            `canceled`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobPage | Problem
     """


    return sync_detailed(
        batch_id=batch_id,
client=client,
limit=limit,
cursor=cursor,
status=status,

    ).parsed

async def asyncio_detailed(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: JobStatus | Unset = UNSET,

) -> Response[JobPage | Problem]:
    """ List a batch's row jobs

    Args:
        batch_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (JobStatus | Unset): `queued → rendering → uploading → done`; or `failed` /
            `canceled`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobPage | Problem]
     """


    kwargs = _get_kwargs(
        batch_id=batch_id,
limit=limit,
cursor=cursor,
status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: JobStatus | Unset = UNSET,

) -> JobPage | Problem | None:
    """ List a batch's row jobs

    Args:
        batch_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (JobStatus | Unset): `queued → rendering → uploading → done`; or `failed` /
            `canceled`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobPage | Problem
     """


    return (await asyncio_detailed(
        batch_id=batch_id,
client=client,
limit=limit,
cursor=cursor,
status=status,

    )).parsed
