from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import File, FileTypes
from io import BytesIO
from typing import cast
from uuid import UUID



def _get_kwargs(
    batch_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/batches/{batch_id}/archive".format(batch_id=quote(str(batch_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
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

) -> Response[File | Problem]:
    """ Download the outputs of the done rows as a ZIP

     Built as it streams (entries stored, ZIP64, sizes in data descriptors): neither the
    server's memory nor its disk ever holds the archive. Entries are the outputs' names
    (`<basename>.mp4`, `<basename>.jpg`), in row order.

    Args:
        batch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        batch_id=batch_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,

) -> File | Problem | None:
    """ Download the outputs of the done rows as a ZIP

     Built as it streams (entries stored, ZIP64, sizes in data descriptors): neither the
    server's memory nor its disk ever holds the archive. Entries are the outputs' names
    (`<basename>.mp4`, `<basename>.jpg`), in row order.

    Args:
        batch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        batch_id=batch_id,
client=client,

    ).parsed

async def asyncio_detailed(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[File | Problem]:
    """ Download the outputs of the done rows as a ZIP

     Built as it streams (entries stored, ZIP64, sizes in data descriptors): neither the
    server's memory nor its disk ever holds the archive. Entries are the outputs' names
    (`<basename>.mp4`, `<basename>.jpg`), in row order.

    Args:
        batch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        batch_id=batch_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    batch_id: UUID,
    *,
    client: AuthenticatedClient,

) -> File | Problem | None:
    """ Download the outputs of the done rows as a ZIP

     Built as it streams (entries stored, ZIP64, sizes in data descriptors): neither the
    server's memory nor its disk ever holds the archive. Entries are the outputs' names
    (`<basename>.mp4`, `<basename>.jpg`), in row order.

    Args:
        batch_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        batch_id=batch_id,
client=client,

    )).parsed
