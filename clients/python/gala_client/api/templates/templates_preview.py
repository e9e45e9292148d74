from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.template_preview import TemplatePreview
from ...types import File, FileTypes
from io import BytesIO
from typing import cast
from uuid import UUID



def _get_kwargs(
    template_id: UUID,
    *,
    body: TemplatePreview,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/templates/{template_id}/preview".format(template_id=quote(str(template_id), safe=""),),
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
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TemplatePreview,

) -> Response[File | Problem]:
    """ Render one frame as a JPEG, now (for editors)

     Renders the frame shown at `t` seconds of the template (its latest version, or `version`)
    with `params`, and answers it as a JPEG, synchronously. `params` are validated and
    completed with defaults exactly as for a job (422 with pointers), and the composition is
    checked the same way; a `version` the template does not have is 422 too. Nothing is stored.

    The cost is bounded: the frame is `width` pixels wide (default 640, at most 1280; the
    height keeps the composition's aspect, every pixel size in it scales along), a frame that
    takes longer than 10 seconds is stopped (422; it renders in a separate process, which is
    killed), and at most two previews or upload checks run at once per API process (429 with
    `Retry-After` when busy). Media assets are read from storage (a local copy is made for
    providers other than `localfs`).

    Args:
        template_id (UUID):
        body (TemplatePreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        template_id=template_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TemplatePreview,

) -> File | Problem | None:
    """ Render one frame as a JPEG, now (for editors)

     Renders the frame shown at `t` seconds of the template (its latest version, or `version`)
    with `params`, and answers it as a JPEG, synchronously. `params` are validated and
    completed with defaults exactly as for a job (422 with pointers), and the composition is
    checked the same way; a `version` the template does not have is 422 too. Nothing is stored.

    The cost is bounded: the frame is `width` pixels wide (default 640, at most 1280; the
    height keeps the composition's aspect, every pixel size in it scales along), a frame that
    takes longer than 10 seconds is stopped (422; it renders in a separate process, which is
    killed), and at most two previews or upload checks run at once per API process (429 with
    `Retry-After` when busy). Media assets are read from storage (a local copy is made for
    providers other than `localfs`).

    Args:
        template_id (UUID):
        body (TemplatePreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        template_id=template_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TemplatePreview,

) -> Response[File | Problem]:
    """ Render one frame as a JPEG, now (for editors)

     Renders the frame shown at `t` seconds of the template (its latest version, or `version`)
    with `params`, and answers it as a JPEG, synchronously. `params` are validated and
    completed with defaults exactly as for a job (422 with pointers), and the composition is
    checked the same way; a `version` the template does not have is 422 too. Nothing is stored.

    The cost is bounded: the frame is `width` pixels wide (default 640, at most 1280; the
    height keeps the composition's aspect, every pixel size in it scales along), a frame that
    takes longer than 10 seconds is stopped (422; it renders in a separate process, which is
    killed), and at most two previews or upload checks run at once per API process (429 with
    `Retry-After` when busy). Media assets are read from storage (a local copy is made for
    providers other than `localfs`).

    Args:
        template_id (UUID):
        body (TemplatePreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        template_id=template_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    template_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TemplatePreview,

) -> File | Problem | None:
    """ Render one frame as a JPEG, now (for editors)

     Renders the frame shown at `t` seconds of the template (its latest version, or `version`)
    with `params`, and answers it as a JPEG, synchronously. `params` are validated and
    completed with defaults exactly as for a job (422 with pointers), and the composition is
    checked the same way; a `version` the template does not have is 422 too. Nothing is stored.

    The cost is bounded: the frame is `width` pixels wide (default 640, at most 1280; the
    height keeps the composition's aspect, every pixel size in it scales along), a frame that
    takes longer than 10 seconds is stopped (422; it renders in a separate process, which is
    killed), and at most two previews or upload checks run at once per API process (429 with
    `Retry-After` when busy). Media assets are read from storage (a local copy is made for
    providers other than `localfs`).

    Args:
        template_id (UUID):
        body (TemplatePreview):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        template_id=template_id,
client=client,
body=body,

    )).parsed
