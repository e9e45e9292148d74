from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.batch import Batch
from ...models.batch_upload import BatchUpload
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: BatchUpload,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/batch-uploads",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

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
    body: BatchUpload,

) -> Response[Batch | Problem]:
    """ Render a template for every row of a CSV or JSONL file

     `POST /batches` with the rows in an uploaded file (multipart): CSV with a header line, or
    JSONL (one JSON object of parameters per line). The other fields are form fields (see
    `BatchUpload`). CSV cells are typed by the parameter's declared `type`: `integer` and
    `number` in decimal, `boolean` as true/false/yes/no/1/0, `object`/`array` as JSON;
    anything else (asset ids included) stays text, and an empty cell means "use the
    default". A cell that does not convert is reported at `/rows/<i>/params/<column>`.

    Args:
        body (BatchUpload): The multipart form of a batch: the rows in `file`, the other fields of
            `BatchCreate` as
            text (numbers in decimal, `skip_invalid` as `true`/`false`, `options` and `labels` as
            JSON).

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
    body: BatchUpload,

) -> Batch | Problem | None:
    """ Render a template for every row of a CSV or JSONL file

     `POST /batches` with the rows in an uploaded file (multipart): CSV with a header line, or
    JSONL (one JSON object of parameters per line). The other fields are form fields (see
    `BatchUpload`). CSV cells are typed by the parameter's declared `type`: `integer` and
    `number` in decimal, `boolean` as true/false/yes/no/1/0, `object`/`array` as JSON;
    anything else (asset ids included) stays text, and an empty cell means "use the
    default". A cell that does not convert is reported at `/rows/<i>/params/<column>`.

    Args:
        body (BatchUpload): The multipart form of a batch: the rows in `file`, the other fields of
            `BatchCreate` as
            text (numbers in decimal, `skip_invalid` as `true`/`false`, `options` and `labels` as
            JSON).

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
    body: BatchUpload,

) -> Response[Batch | Problem]:
    """ Render a template for every row of a CSV or JSONL file

     `POST /batches` with the rows in an uploaded file (multipart): CSV with a header line, or
    JSONL (one JSON object of parameters per line). The other fields are form fields (see
    `BatchUpload`). CSV cells are typed by the parameter's declared `type`: `integer` and
    `number` in decimal, `boolean` as true/false/yes/no/1/0, `object`/`array` as JSON;
    anything else (asset ids included) stays text, and an empty cell means "use the
    default". A cell that does not convert is reported at `/rows/<i>/params/<column>`.

    Args:
        body (BatchUpload): The multipart form of a batch: the rows in `file`, the other fields of
            `BatchCreate` as
            text (numbers in decimal, `skip_invalid` as `true`/`false`, `options` and `labels` as
            JSON).

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
    body: BatchUpload,

) -> Batch | Problem | None:
    """ Render a template for every row of a CSV or JSONL file

     `POST /batches` with the rows in an uploaded file (multipart): CSV with a header line, or
    JSONL (one JSON object of parameters per line). The other fields are form fields (see
    `BatchUpload`). CSV cells are typed by the parameter's declared `type`: `integer` and
    `number` in decimal, `boolean` as true/false/yes/no/1/0, `object`/`array` as JSON;
    anything else (asset ids included) stays text, and an empty cell means "use the
    default". A cell that does not convert is reported at `/rows/<i>/params/<column>`.

    Args:
        body (BatchUpload): The multipart form of a batch: the rows in `file`, the other fields of
            `BatchCreate` as
            text (numbers in decimal, `skip_invalid` as `true`/`false`, `options` and `labels` as
            JSON).

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
