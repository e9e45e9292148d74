from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.asset_kind import AssetKind
from ...models.asset_page import AssetPage
from ...models.asset_source import AssetSource
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    kind: AssetKind | Unset = UNSET,
    source: AssetSource | Unset = UNSET,
    job_id: UUID | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    json_job_id: str | Unset = UNSET
    if not isinstance(job_id, Unset):
        json_job_id = str(job_id)
    params["job_id"] = json_job_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/assets",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AssetPage | Problem:
    if response.status_code == 200:
        response_200 = AssetPage.from_dict(response.json())



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

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AssetPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    kind: AssetKind | Unset = UNSET,
    source: AssetSource | Unset = UNSET,
    job_id: UUID | Unset = UNSET,

) -> Response[AssetPage | Problem]:
    """ List assets

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        kind (AssetKind | Unset): What the bytes are, sniffed and probed on upload: `image` (PNG,
            JPEG, WebP), `audio` (WAV,
            MP3, AAC, M4A, Ogg Vorbis/Opus/FLAC, FLAC, audio-only MP4/WebM/MKV), `video` (MP4, MOV,
            WebM, MKV), `font` (TrueType, OpenType). `other` is only found on assets uploaded before
            GALA checked media types; new uploads of any other type are refused (415).
        source (AssetSource | Unset):
        job_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetPage | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
kind=kind,
source=source,
job_id=job_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    kind: AssetKind | Unset = UNSET,
    source: AssetSource | Unset = UNSET,
    job_id: UUID | Unset = UNSET,

) -> AssetPage | Problem | None:
    """ List assets

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        kind (AssetKind | Unset): What the bytes are, sniffed and probed on upload: `image` (PNG,
            JPEG, WebP), `audio` (WAV,
            MP3, AAC, M4A, Ogg Vorbis/Opus/FLAC, FLAC, audio-only MP4/WebM/MKV), `video` (MP4, MOV,
            WebM, MKV), `font` (TrueType, OpenType). `other` is only found on assets uploaded before
            GALA checked media types; new uploads of any other type are refused (415).
        source (AssetSource | Unset):
        job_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetPage | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
kind=kind,
source=source,
job_id=job_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    kind: AssetKind | Unset = UNSET,
    source: AssetSource | Unset = UNSET,
    job_id: UUID | Unset = UNSET,

) -> Response[AssetPage | Problem]:
    """ List assets

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        kind (AssetKind | Unset): What the bytes are, sniffed and probed on upload: `image` (PNG,
            JPEG, WebP), `audio` (WAV,
            MP3, AAC, M4A, Ogg Vorbis/Opus/FLAC, FLAC, audio-only MP4/WebM/MKV), `video` (MP4, MOV,
            WebM, MKV), `font` (TrueType, OpenType). `other` is only found on assets uploaded before
            GALA checked media types; new uploads of any other type are refused (415).
        source (AssetSource | Unset):
        job_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetPage | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
kind=kind,
source=source,
job_id=job_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    kind: AssetKind | Unset = UNSET,
    source: AssetSource | Unset = UNSET,
    job_id: UUID | Unset = UNSET,

) -> AssetPage | Problem | None:
    """ List assets

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        kind (AssetKind | Unset): What the bytes are, sniffed and probed on upload: `image` (PNG,
            JPEG, WebP), `audio` (WAV,
            MP3, AAC, M4A, Ogg Vorbis/Opus/FLAC, FLAC, audio-only MP4/WebM/MKV), `video` (MP4, MOV,
            WebM, MKV), `font` (TrueType, OpenType). `other` is only found on assets uploaded before
            GALA checked media types; new uploads of any other type are refused (415).
        source (AssetSource | Unset):
        job_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
kind=kind,
source=source,
job_id=job_id,

    )).parsed
