from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.batch import Batch
from ...models.batch_create import BatchCreate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: BatchCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Batch | Problem:
    if response.status_code == 201:
        response_201 = Batch.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Batch | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchCreate,

) -> Response[Batch | Problem]:
    """ Render a template for many rows

     One job per row, all created in one transaction, or none: every row is validated first
    (parameters, asset references, the resulting composition) and problems point at the row
    (`/rows/12/params/title`). With `skip_invalid` the valid rows are created and the others
    reported in `skipped`. At most 10,000 rows.

    Rows come as JSON here (`rows: [{params: {...}}]`), or as a CSV or JSONL file with
    `POST /batch-uploads`. `basename_column` names the row field whose value names the
    row's outputs (`<value>.mp4`); it must be unique in the batch. Without it rows are named
    `row-00001`, ....

    Fair scheduling: at most `concurrency` rows of a batch are dispatched at a time; the
    transaction that ends one dispatches the next. Single jobs are dispatched at once, so
    they wait behind at most `concurrency` renders of each running batch.

    Args:
        body (BatchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Batch | Problem]
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
    body: BatchCreate,

) -> Batch | Problem | None:
    """ Render a template for many rows

     One job per row, all created in one transaction, or none: every row is validated first
    (parameters, asset references, the resulting composition) and problems point at the row
    (`/rows/12/params/title`). With `skip_invalid` the valid rows are created and the others
    reported in `skipped`. At most 10,000 rows.

    Rows come as JSON here (`rows: [{params: {...}}]`), or as a CSV or JSONL file with
    `POST /batch-uploads`. `basename_column` names the row field whose value names the
    row's outputs (`<value>.mp4`); it must be unique in the batch. Without it rows are named
    `row-00001`, ....

    Fair scheduling: at most `concurrency` rows of a batch are dispatched at a time; the
    transaction that ends one dispatches the next. Single jobs are dispatched at once, so
    they wait behind at most `concurrency` renders of each running batch.

    Args:
        body (BatchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Batch | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchCreate,

) -> Response[Batch | Problem]:
    """ Render a template for many rows

     One job per row, all created in one transaction, or none: every row is validated first
    (parameters, asset references, the resulting composition) and problems point at the row
    (`/rows/12/params/title`). With `skip_invalid` the valid rows are created and the others
    reported in `skipped`. At most 10,000 rows.

    Rows come as JSON here (`rows: [{params: {...}}]`), or as a CSV or JSONL file with
    `POST /batch-uploads`. `basename_column` names the row field whose value names the
    row's outputs (`<value>.mp4`); it must be unique in the batch. Without it rows are named
    `row-00001`, ....

    Fair scheduling: at most `concurrency` rows of a batch are dispatched at a time; the
    transaction that ends one dispatches the next. Single jobs are dispatched at once, so
    they wait behind at most `concurrency` renders of each running batch.

    Args:
        body (BatchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Batch | Problem]
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
    body: BatchCreate,

) -> Batch | Problem | None:
    """ Render a template for many rows

     One job per row, all created in one transaction, or none: every row is validated first
    (parameters, asset references, the resulting composition) and problems point at the row
    (`/rows/12/params/title`). With `skip_invalid` the valid rows are created and the others
    reported in `skipped`. At most 10,000 rows.

    Rows come as JSON here (`rows: [{params: {...}}]`), or as a CSV or JSONL file with
    `POST /batch-uploads`. `basename_column` names the row field whose value names the
    row's outputs (`<value>.mp4`); it must be unique in the batch. Without it rows are named
    `row-00001`, ....

    Fair scheduling: at most `concurrency` rows of a batch are dispatched at a time; the
    transaction that ends one dispatches the next. Single jobs are dispatched at once, so
    they wait behind at most `concurrency` renders of each running batch.

    Args:
        body (BatchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Batch | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
