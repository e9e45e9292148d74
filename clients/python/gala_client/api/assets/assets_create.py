from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.asset import Asset
from ...models.asset_upload import AssetUpload
from ...models.problem import Problem
from ...models.unsupported_media_problem import UnsupportedMediaProblem
from typing import cast



def _get_kwargs(
    *,
    body: AssetUpload,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/assets",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Asset | Problem | UnsupportedMediaProblem:
    if response.status_code == 201:
        response_201 = Asset.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = UnsupportedMediaProblem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Asset | Problem | UnsupportedMediaProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AssetUpload,

) -> Response[Asset | Problem | UnsupportedMediaProblem]:
    """ Upload an asset

     Uploads one file as multipart/form-data, streamed to storage (never held in memory), up to
    `ASSET_MAX_UPLOAD_BYTES` (413 above it). The type is sniffed from the content (the client's
    declared type and file name are not trusted) and the media is probed: `media` gets its
    duration, size, frame rate, codecs, channels and sample rate.

    Accepted: images PNG (`image/png`), JPEG (`image/jpeg`), WebP (`image/webp`); audio WAV
    (`audio/wav`), MP3 (`audio/mpeg`), AAC ADTS (`audio/aac`), M4A (`audio/mp4`), Ogg Vorbis /
    Opus / FLAC (`audio/ogg`), FLAC (`audio/flac`); video MP4 (`video/mp4`), MOV
    (`video/quicktime`), WebM (`video/webm`), MKV (`video/x-matroska`) — an MP4/WebM/MKV
    without a video stream is stored as audio (`audio/mp4`, `audio/webm`, `audio/x-matroska`);
    fonts TrueType (`font/ttf`), OpenType (`font/otf`), collections (`font/collection`).

    Anything else (text, playlists, concat lists, AVI, PDF, ...) gets 415, whose problem lists
    the accepted types in `supported`. A file of an accepted type that does not decode, an
    image over `ASSET_MAX_PIXELS` pixels (or 16384 on a side), or media longer than
    `ASSET_MAX_DURATION_SECONDS` gets 422. Probing reads only the uploaded bytes, with the
    container format forced from the sniffed type and local-file access only, in a separate
    process: one that crashes or takes longer than 30 seconds is killed and the file gets
    422. When every such process stays busy for 30 seconds the upload gets 429 with
    `Retry-After`.

    Args:
        body (AssetUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Asset | Problem | UnsupportedMediaProblem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: AssetUpload,

) -> Asset | Problem | UnsupportedMediaProblem | None:
    """ Upload an asset

     Uploads one file as multipart/form-data, streamed to storage (never held in memory), up to
    `ASSET_MAX_UPLOAD_BYTES` (413 above it). The type is sniffed from the content (the client's
    declared type and file name are not trusted) and the media is probed: `media` gets its
    duration, size, frame rate, codecs, channels and sample rate.

    Accepted: images PNG (`image/png`), JPEG (`image/jpeg`), WebP (`image/webp`); audio WAV
    (`audio/wav`), MP3 (`audio/mpeg`), AAC ADTS (`audio/aac`), M4A (`audio/mp4`), Ogg Vorbis /
    Opus / FLAC (`audio/ogg`), FLAC (`audio/flac`); video MP4 (`video/mp4`), MOV
    (`video/quicktime`), WebM (`video/webm`), MKV (`video/x-matroska`) — an MP4/WebM/MKV
    without a video stream is stored as audio (`audio/mp4`, `audio/webm`, `audio/x-matroska`);
    fonts TrueType (`font/ttf`), OpenType (`font/otf`), collections (`font/collection`).

    Anything else (text, playlists, concat lists, AVI, PDF, ...) gets 415, whose problem lists
    the accepted types in `supported`. A file of an accepted type that does not decode, an
    image over `ASSET_MAX_PIXELS` pixels (or 16384 on a side), or media longer than
    `ASSET_MAX_DURATION_SECONDS` gets 422. Probing reads only the uploaded bytes, with the
    container format forced from the sniffed type and local-file access only, in a separate
    process: one that crashes or takes longer than 30 seconds is killed and the file gets
    422. When every such process stays busy for 30 seconds the upload gets 429 with
    `Retry-After`.

    Args:
        body (AssetUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Asset | Problem | UnsupportedMediaProblem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AssetUpload,

) -> Response[Asset | Problem | UnsupportedMediaProblem]:
    """ Upload an asset

     Uploads one file as multipart/form-data, streamed to storage (never held in memory), up to
    `ASSET_MAX_UPLOAD_BYTES` (413 above it). The type is sniffed from the content (the client's
    declared type and file name are not trusted) and the media is probed: `media` gets its
    duration, size, frame rate, codecs, channels and sample rate.

    Accepted: images PNG (`image/png`), JPEG (`image/jpeg`), WebP (`image/webp`); audio WAV
    (`audio/wav`), MP3 (`audio/mpeg`), AAC ADTS (`audio/aac`), M4A (`audio/mp4`), Ogg Vorbis /
    Opus / FLAC (`audio/ogg`), FLAC (`audio/flac`); video MP4 (`video/mp4`), MOV
    (`video/quicktime`), WebM (`video/webm`), MKV (`video/x-matroska`) — an MP4/WebM/MKV
    without a video stream is stored as audio (`audio/mp4`, `audio/webm`, `audio/x-matroska`);
    fonts TrueType (`font/ttf`), OpenType (`font/otf`), collections (`font/collection`).

    Anything else (text, playlists, concat lists, AVI, PDF, ...) gets 415, whose problem lists
    the accepted types in `supported`. A file of an accepted type that does not decode, an
    image over `ASSET_MAX_PIXELS` pixels (or 16384 on a side), or media longer than
    `ASSET_MAX_DURATION_SECONDS` gets 422. Probing reads only the uploaded bytes, with the
    container format forced from the sniffed type and local-file access only, in a separate
    process: one that crashes or takes longer than 30 seconds is killed and the file gets
    422. When every such process stays busy for 30 seconds the upload gets 429 with
    `Retry-After`.

    Args:
        body (AssetUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Asset | Problem | UnsupportedMediaProblem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AssetUpload,

) -> Asset | Problem | UnsupportedMediaProblem | None:
    """ Upload an asset

     Uploads one file as multipart/form-data, streamed to storage (never held in memory), up to
    `ASSET_MAX_UPLOAD_BYTES` (413 above it). The type is sniffed from the content (the client's
    declared type and file name are not trusted) and the media is probed: `media` gets its
    duration, size, frame rate, codecs, channels and sample rate.

    Accepted: images PNG (`image/png`), JPEG (`image/jpeg`), WebP (`image/webp`); audio WAV
    (`audio/wav`), MP3 (`audio/mpeg`), AAC ADTS (`audio/aac`), M4A (`audio/mp4`), Ogg Vorbis /
    Opus / FLAC (`audio/ogg`), FLAC (`audio/flac`); video MP4 (`video/mp4`), MOV
    (`video/quicktime`), WebM (`video/webm`), MKV (`video/x-matroska`) — an MP4/WebM/MKV
    without a video stream is stored as audio (`audio/mp4`, `audio/webm`, `audio/x-matroska`);
    fonts TrueType (`font/ttf`), OpenType (`font/otf`), collections (`font/collection`).

    Anything else (text, playlists, concat lists, AVI, PDF, ...) gets 415, whose problem lists
    the accepted types in `supported`. A file of an accepted type that does not decode, an
    image over `ASSET_MAX_PIXELS` pixels (or 16384 on a side), or media longer than
    `ASSET_MAX_DURATION_SECONDS` gets 422. Probing reads only the uploaded bytes, with the
    container format forced from the sniffed type and local-file access only, in a separate
    process: one that crashes or takes longer than 30 seconds is killed and the file gets
    422. When every such process stays busy for 30 seconds the upload gets 429 with
    `Retry-After`.

    Args:
        body (AssetUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Asset | Problem | UnsupportedMediaProblem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
