"""Schemathesis over the whole contract, in process: every operation, then the stateful phase.

Every default check runs (``call_and_validate``); none is switched off. At least 50 examples per
operation; the stateful phase follows the OpenAPI links declared in the spec
(create -> get / update / delete / cancel / content by id).

The app runs with API keys required (``API_AUTH=required``), as compose runs it, and every case
carries an admin key through Schemathesis's auth provider, so its ``ignored_auth`` check also
sends each secured operation without the key and expects the contract's 401.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from gala.app import create_app
from gala.config import Settings
from gala.services import keys

EXAMPLES = 50


@pytest.fixture(scope="module")
def contract_app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("contract"), database_url=database_url, api_auth="required")
    app = create_app(settings)
    yield app
    app.app.extensions["gala"].close()


@pytest.fixture(scope="module")
def api_schema(contract_app: Any) -> Any:
    loaded = schemathesis.openapi.from_asgi("/openapi.json", contract_app)
    _, token = keys.create(contract_app.app.extensions["gala"], "admin", "schemathesis")

    @loaded.auth()
    class AdminKey:
        def get(self, case: Any, ctx: Any) -> str:
            return token

        def set(self, case: Any, data: str, ctx: Any) -> None:
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}

    return loaded


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation(case: Any) -> None:
    case.call_and_validate()


def test_stateful_links(api_schema: Any) -> None:
    machine = api_schema.as_state_machine()
    machine.run(
        settings=settings(
            max_examples=EXAMPLES,
            deadline=None,
            stateful_step_count=6,
            suppress_health_check=list(HealthCheck),
        )
    )


def test_links_cover_every_resource() -> None:
    """The stateful phase can only follow links the spec declares: keep one per created resource."""
    import yaml

    spec = yaml.safe_load((Path(__file__).parents[2] / "openapi" / "gala.yaml").read_text())
    for path in ("/assets", "/models", "/templates", "/jobs"):
        links = spec["paths"][path]["post"]["responses"]["201"]["links"]
        assert any(link["operationId"].endswith(".get") for link in links.values()), path
        assert any(link["operationId"].endswith(".delete") for link in links.values()), path
