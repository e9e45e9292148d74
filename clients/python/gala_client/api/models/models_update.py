from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.model import Model
from ...models.model_patch import ModelPatch
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    model_id: UUID,
    *,
    body: ModelPatch,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/models/{model_id}".format(model_id=quote(str(model_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Model | Problem:
    if response.status_code == 200:
        response_200 = Model.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Model | Problem]:
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
    body: ModelPatch,

) -> Response[Model | Problem]:
    """ Update an avatar model

     JSON merge semantics at the top level; omitted fields keep their values.

    Args:
        model_id (UUID):
        body (ModelPatch): A puppet or photo is checked again as a whole after the change (422,
            nothing stored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Model | Problem]
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
    body: ModelPatch,

) -> Model | Problem | None:
    """ Update an avatar model

     JSON merge semantics at the top level; omitted fields keep their values.

    Args:
        model_id (UUID):
        body (ModelPatch): A puppet or photo is checked again as a whole after the change (422,
            nothing stored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Model | Problem
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
    body: ModelPatch,

) -> Response[Model | Problem]:
    """ Update an avatar model

     JSON merge semantics at the top level; omitted fields keep their values.

    Args:
        model_id (UUID):
        body (ModelPatch): A puppet or photo is checked again as a whole after the change (422,
            nothing stored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Model | Problem]
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
    body: ModelPatch,

) -> Model | Problem | None:
    """ Update an avatar model

     JSON merge semantics at the top level; omitted fields keep their values.

    Args:
        model_id (UUID):
        body (ModelPatch): A puppet or photo is checked again as a whole after the change (422,
            nothing stored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Model | Problem
     """


    return (await asyncio_detailed(
        model_id=model_id,
client=client,
body=body,

    )).parsed
