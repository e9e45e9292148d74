from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.webhook_create import WebhookCreate
from ...models.webhook_created import WebhookCreated
from typing import cast



def _get_kwargs(
    *,
    body: WebhookCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookCreated:
    if response.status_code == 201:
        response_201 = WebhookCreated.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WebhookCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,

) -> Response[Problem | WebhookCreated]:
    """ Create a webhook endpoint

     The endpoint receives the events recorded from now on that its `events` filter names
    (all of them when absent), each signed with its secret (Standard Webhooks). Without a
    `secret` the server makes one; the answer shows it, and no later answer does.

    The URL must be `http://` or `https://`, and its host must resolve to public addresses
    only: loopback, private, link-local, multicast, reserved and other non-global addresses
    get 422 naming `/url` (unless the server sets `WEBHOOK_ALLOW_PRIVATE_TARGETS`), and so
    does a host that does not resolve.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookCreated]
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
    body: WebhookCreate,

) -> Problem | WebhookCreated | None:
    """ Create a webhook endpoint

     The endpoint receives the events recorded from now on that its `events` filter names
    (all of them when absent), each signed with its secret (Standard Webhooks). Without a
    `secret` the server makes one; the answer shows it, and no later answer does.

    The URL must be `http://` or `https://`, and its host must resolve to public addresses
    only: loopback, private, link-local, multicast, reserved and other non-global addresses
    get 422 naming `/url` (unless the server sets `WEBHOOK_ALLOW_PRIVATE_TARGETS`), and so
    does a host that does not resolve.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookCreated
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,

) -> Response[Problem | WebhookCreated]:
    """ Create a webhook endpoint

     The endpoint receives the events recorded from now on that its `events` filter names
    (all of them when absent), each signed with its secret (Standard Webhooks). Without a
    `secret` the server makes one; the answer shows it, and no later answer does.

    The URL must be `http://` or `https://`, and its host must resolve to public addresses
    only: loopback, private, link-local, multicast, reserved and other non-global addresses
    get 422 naming `/url` (unless the server sets `WEBHOOK_ALLOW_PRIVATE_TARGETS`), and so
    does a host that does not resolve.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookCreated]
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
    body: WebhookCreate,

) -> Problem | WebhookCreated | None:
    """ Create a webhook endpoint

     The endpoint receives the events recorded from now on that its `events` filter names
    (all of them when absent), each signed with its secret (Standard Webhooks). Without a
    `secret` the server makes one; the answer shows it, and no later answer does.

    The URL must be `http://` or `https://`, and its host must resolve to public addresses
    only: loopback, private, link-local, multicast, reserved and other non-global addresses
    get 422 naming `/url` (unless the server sets `WEBHOOK_ALLOW_PRIVATE_TARGETS`), and so
    does a host that does not resolve.

    Args:
        body (WebhookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookCreated
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
