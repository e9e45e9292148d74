from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model_preview import ModelPreview
from ...models.problem import Problem
from ...types import File, FileTypes
from io import BytesIO
from typing import cast
from uuid import UUID



def _get_kwargs(
    model_id: UUID,
    *,
    body: ModelPreview,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/models/{model_id}/preview".format(model_id=quote(str(model_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    model_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ModelPreview,

) -> Response[File | Problem]:
    """ See the model say a sentence (a strip of frames, JPEG)

     Synthesizes `text` (default "Hello! I am the GALA presenter.") with the model's voice (or
    `voice`) and answers `frames` frames spread over the speech, side by side, each `height`
    pixels tall, as one JPEG. It runs in the API's sandbox processes (at most 15 s; 429 when
    busy). The built-in presenter and `puppet` and `photo` models can be previewed; an `avatar`
    model has nothing to draw (422).

    Args:
        model_id (UUID):
        body (ModelPreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        model_id=model_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    model_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ModelPreview,

) -> File | Problem | None:
    """ See the model say a sentence (a strip of frames, JPEG)

     Synthesizes `text` (default "Hello! I am the GALA presenter.") with the model's voice (or
    `voice`) and answers `frames` frames spread over the speech, side by side, each `height`
    pixels tall, as one JPEG. It runs in the API's sandbox processes (at most 15 s; 429 when
    busy). The built-in presenter and `puppet` and `photo` models can be previewed; an `avatar`
    model has nothing to draw (422).

    Args:
        model_id (UUID):
        body (ModelPreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        model_id=model_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    model_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ModelPreview,

) -> Response[File | Problem]:
    """ See the model say a sentence (a strip of frames, JPEG)

     Synthesizes `text` (default "Hello! I am the GALA presenter.") with the model's voice (or
    `voice`) and answers `frames` frames spread over the speech, side by side, each `height`
    pixels tall, as one JPEG. It runs in the API's sandbox processes (at most 15 s; 429 when
    busy). The built-in presenter and `puppet` and `photo` models can be previewed; an `avatar`
    model has nothing to draw (422).

    Args:
        model_id (UUID):
        body (ModelPreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        model_id=model_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    model_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ModelPreview,

) -> File | Problem | None:
    """ See the model say a sentence (a strip of frames, JPEG)

     Synthesizes `text` (default "Hello! I am the GALA presenter.") with the model's voice (or
    `voice`) and answers `frames` frames spread over the speech, side by side, each `height`
    pixels tall, as one JPEG. It runs in the API's sandbox processes (at most 15 s; 429 when
    busy). The built-in presenter and `puppet` and `photo` models can be previewed; an `avatar`
    model has nothing to draw (422).

    Args:
        model_id (UUID):
        body (ModelPreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        model_id=model_id,
client=client,
body=body,

    )).parsed
