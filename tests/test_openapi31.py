"""The OpenAPI 3.1 adapter, on a small spec of its own: 3.1 semantics are enforced, errors name fields.

Each case is also checked against openapi-core (an independent 3.1 implementation), so the adapter
cannot drift into its own dialect.
"""

from __future__ import annotations

import json
from typing import Any

import connexion
import pytest
from connexion.exceptions import InvalidSpecification
from connexion.resolver import Resolver
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest

from gala.api import problems
from gala.openapi31 import OpenAPI31Specification, add_api, validator_map

ITEM = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "price"],
    "properties": {
        "kind": {"const": "widget"},
        "price": {"type": "number", "exclusiveMinimum": 0},
        "note": {"type": ["string", "null"], "maxLength": 10},
        "color": {"type": "string", "enum": ["red", "green"]},
        "owner": {"type": "string", "format": "uuid"},
    },
}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "adapter test", "version": "1"},
    "paths": {
        "/items/{item_id}": {
            "parameters": [
                {
                    "name": "item_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "format": "uuid"},
                }
            ],
            "put": {
                "operationId": "put_item",
                "parameters": [{"name": "qty", "in": "query", "schema": {"type": "integer", "exclusiveMinimum": 0}}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": ITEM}}},
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": ITEM}}},
                    "default": {
                        "description": "problem",
                        "content": {"application/problem+json": {"schema": {"type": "object", "required": ["status"]}}},
                    },
                },
            },
        },
    },
}
OWNER = "0b7e5f3e-0000-4000-8000-000000000001"
GOOD = {"kind": "widget", "price": 1.5, "note": None, "color": "red", "owner": OWNER}
RESPONSES: dict[str, Any] = {}


def put_item(item_id: str, body: dict[str, Any], qty: int | None = None) -> Any:
    return RESPONSES.get(item_id, body), 200, {"Content-Type": "application/json"}


def make_app(*, validate: bool = True) -> Any:
    app = connexion.FlaskApp(__name__)
    add_api(
        app,
        SPEC,
        resolver=Resolver(function_resolver=lambda _: put_item),
        strict_validation=True,
        validate_responses=validate,
        validator_map=validator_map(enabled=validate),
        swagger_ui_options=connexion.options.SwaggerUIOptions(swagger_ui=False, serve_spec=False),
    )
    problems.install(app)
    return app


@pytest.fixture(scope="module")
def client() -> Any:
    return make_app().test_client()


def openapi_core_accepts(body: Any, path: str = f"/items/{OWNER}") -> bool:
    request = MockRequest("http://localhost", "put", path, data=json.dumps(body), content_type="application/json")
    try:
        OpenAPI.from_dict(SPEC).validate_request(request)
    except Exception:
        return False
    return True


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        ({"price": 0}, "/price"),  # numeric exclusiveMinimum (Draft 4 would accept 0)
        ({"note": 5}, "/note"),  # type: [string, "null"]
        ({"kind": "gadget"}, "/kind"),  # const
        ({"extra": 1}, ""),  # additionalProperties: false (reported on the object)
        ({"color": "blue"}, "/color"),  # enum
        ({"owner": "not-a-uuid"}, "/owner"),  # format: uuid is asserted
    ],
)
def test_body_violations_are_422_with_pointers(client: Any, change: dict[str, Any], pointer: str) -> None:
    body = {**GOOD, **change}
    response = client.put(f"/items/{OWNER}", json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert pointer in [e.get("pointer") for e in problem["errors"]]
    assert not openapi_core_accepts(body)  # the independent implementation agrees


def test_valid_body_passes_both(client: Any) -> None:
    response = client.put(f"/items/{OWNER}", json=GOOD)
    assert response.status_code == 200, response.text
    assert response.json() == GOOD
    assert openapi_core_accepts(GOOD)
    assert client.put(f"/items/{OWNER}", json={**GOOD, "note": None}).status_code == 200


@pytest.mark.parametrize(
    ("path", "parameter"),
    [("/items/nope?qty=1", "item_id"), (f"/items/{OWNER}?qty=0", "qty"), (f"/items/{OWNER}?qty=x", "qty")],
)
def test_parameter_violations_name_the_parameter(client: Any, path: str, parameter: str) -> None:
    response = client.put(path, json=GOOD)
    assert response.status_code == 400, response.text
    assert [e["parameter"] for e in response.json()["errors"]] == [parameter]


def test_unknown_query_parameter_is_rejected(client: Any) -> None:
    response = client.put(f"/items/{OWNER}?qyt=1", json=GOOD)
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "qyt"


def test_non_conforming_response_is_a_500_problem(client: Any) -> None:
    bad_id = "0b7e5f3e-0000-4000-8000-0000000000ff"
    RESPONSES[bad_id] = {"kind": "widget", "price": -1}
    try:
        response = client.put(f"/items/{bad_id}", json=GOOD)
    finally:
        RESPONSES.pop(bad_id)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "price" not in response.text  # internals are logged, not shown


def test_validation_off_lets_anything_through() -> None:
    off = make_app(validate=False).test_client()
    assert off.put(f"/items/{OWNER}", json={**GOOD, "price": 0}).status_code == 200


def test_loader_refuses_30_documents_and_invalid_31() -> None:
    with pytest.raises(InvalidSpecification, match=r"3\.1"):
        OpenAPI31Specification({**SPEC, "openapi": "3.0.3"})
    broken = json.loads(json.dumps(SPEC))
    broken["paths"]["/items/{item_id}"]["put"]["responses"] = "nope"
    with pytest.raises(InvalidSpecification):
        OpenAPI31Specification(broken)


def test_compiled_once_per_schema_and_freed_with_the_app() -> None:
    import gc
    import weakref

    validators = validator_map()
    cache = validators["body"]["*/*json"].cache
    assert validators["parameter"].cache is cache is validators["response"]["*/*json"].cache, "one cache per app"
    app = connexion.FlaskApp(__name__)
    add_api(
        app,
        SPEC,
        resolver=Resolver(function_resolver=lambda _: put_item),
        strict_validation=True,
        validate_responses=True,
        validator_map=validators,
        swagger_ui_options=connexion.options.SwaggerUIOptions(swagger_ui=False, serve_spec=False),
    )
    client = app.test_client()
    assert client.put(f"/items/{OWNER}", json=GOOD).status_code == 200
    before = len(cache._cache)
    assert before > 0
    for _ in range(5):
        client.put(f"/items/{OWNER}", json=GOOD)
    assert len(cache._cache) == before, "compiled once per schema"
    # A process-wide cache kept every app's resolved schemas alive: ~50 MB per GALA app.
    gone = weakref.ref(cache)
    del validators, cache, app, client
    gc.collect()
    assert gone() is None, "the app's compiled validators go with the app"
