from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
from uuid import UUID



def _get_kwargs(
    asset_id: UUID,
    *,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(if_range, Unset):
        headers["If-Range"] = if_range



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/assets/{asset_id}/content".format(asset_id=quote(str(asset_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



        return response_200

    if response.status_code == 206:
        response_206 = File(
             payload = BytesIO(response.content)
        )



        return response_206

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

    if response.status_code == 416:
        response_416 = Problem.from_dict(response.json())



        return response_416

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
    asset_id: UUID,
    *,
    client: AuthenticatedClient,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Response[File | Problem]:
    """ Stream the stored bytes

     Streams the bytes with the stored MIME type, a strong `ETag` (the SHA-256 of the bytes) and
    `Accept-Ranges: bytes`. A single byte range (`Range: bytes=…`, RFC 9110 §14) gets 206; a
    range that cannot be satisfied gets 416 with `Content-Range: bytes */<size>`. `If-Range`
    with a stale validator gets the whole representation.

    Args:
        asset_id (UUID):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        asset_id=asset_id,
range_=range_,
if_range=if_range,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> File | Problem | None:
    """ Stream the stored bytes

     Streams the bytes with the stored MIME type, a strong `ETag` (the SHA-256 of the bytes) and
    `Accept-Ranges: bytes`. A single byte range (`Range: bytes=…`, RFC 9110 §14) gets 206; a
    range that cannot be satisfied gets 416 with `Content-Range: bytes */<size>`. `If-Range`
    with a stale validator gets the whole representation.

    Args:
        asset_id (UUID):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        asset_id=asset_id,
client=client,
range_=range_,
if_range=if_range,

    ).parsed

async def asyncio_detailed(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> Response[File | Problem]:
    """ Stream the stored bytes

     Streams the bytes with the stored MIME type, a strong `ETag` (the SHA-256 of the bytes) and
    `Accept-Ranges: bytes`. A single byte range (`Range: bytes=…`, RFC 9110 §14) gets 206; a
    range that cannot be satisfied gets 416 with `Content-Range: bytes */<size>`. `If-Range`
    with a stale validator gets the whole representation.

    Args:
        asset_id (UUID):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        asset_id=asset_id,
range_=range_,
if_range=if_range,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,
    range_: str | Unset = UNSET,
    if_range: str | Unset = UNSET,

) -> File | Problem | None:
    """ Stream the stored bytes

     Streams the bytes with the stored MIME type, a strong `ETag` (the SHA-256 of the bytes) and
    `Accept-Ranges: bytes`. A single byte range (`Range: bytes=…`, RFC 9110 §14) gets 206; a
    range that cannot be satisfied gets 416 with `Content-Range: bytes */<size>`. `If-Range`
    with a stale validator gets the whole representation.

    Args:
        asset_id (UUID):
        range_ (str | Unset):
        if_range (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        asset_id=asset_id,
client=client,
range_=range_,
if_range=if_range,

    )).parsed
