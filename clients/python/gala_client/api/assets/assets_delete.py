from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.asset_in_use_problem import AssetInUseProblem
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    asset_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/assets/{asset_id}".format(asset_id=quote(str(asset_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | AssetInUseProblem | Problem:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
        response_409 = AssetInUseProblem.from_dict(response.json())



        return response_409

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | AssetInUseProblem | Problem]:
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

) -> Response[Any | AssetInUseProblem | Problem]:
    """ Delete an asset and its stored bytes

     Refused with 409 while the asset is used: a model's reference, an asset id written in a
    template version's composition, or a job's asset parameter. The problem's `users` names
    them (at most 20), with where the id is (`pointer`). Delete those jobs, or the template,
    or change the model, first; template versions are immutable, so a template keeps the
    assets of every version.

    Args:
        asset_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AssetInUseProblem | Problem]
     """


    kwargs = _get_kwargs(
        asset_id=asset_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Any | AssetInUseProblem | Problem | None:
    """ Delete an asset and its stored bytes

     Refused with 409 while the asset is used: a model's reference, an asset id written in a
    template version's composition, or a job's asset parameter. The problem's `users` names
    them (at most 20), with where the id is (`pointer`). Delete those jobs, or the template,
    or change the model, first; template versions are immutable, so a template keeps the
    assets of every version.

    Args:
        asset_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AssetInUseProblem | Problem
     """


    return sync_detailed(
        asset_id=asset_id,
client=client,

    ).parsed

async def asyncio_detailed(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Any | AssetInUseProblem | Problem]:
    """ Delete an asset and its stored bytes

     Refused with 409 while the asset is used: a model's reference, an asset id written in a
    template version's composition, or a job's asset parameter. The problem's `users` names
    them (at most 20), with where the id is (`pointer`). Delete those jobs, or the template,
    or change the model, first; template versions are immutable, so a template keeps the
    assets of every version.

    Args:
        asset_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AssetInUseProblem | Problem]
     """


    kwargs = _get_kwargs(
        asset_id=asset_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Any | AssetInUseProblem | Problem | None:
    """ Delete an asset and its stored bytes

     Refused with 409 while the asset is used: a model's reference, an asset id written in a
    template version's composition, or a job's asset parameter. The problem's `users` names
    them (at most 20), with where the id is (`pointer`). Delete those jobs, or the template,
    or change the model, first; template versions are immutable, so a template keeps the
    assets of every version.

    Args:
        asset_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AssetInUseProblem | Problem
     """


    return (await asyncio_detailed(
        asset_id=asset_id,
client=client,

    )).parsed
