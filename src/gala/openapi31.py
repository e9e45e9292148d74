"""OpenAPI 3.1 for Connexion 3.3: the one place where the contract meets the framework.

Connexion 3.3 routes well but was written for OpenAPI 3.0: it refuses to load ``openapi: 3.1.x``
and validates with JSON Schema Draft 4, so it ignores numeric ``exclusiveMinimum``, ``const``,
``unevaluatedProperties`` and type lists, and it builds a new validator on every request.
openapi-core's middleware does 3.1 but reports errors wrongly and cost ~75 % of throughput here.

This module keeps Connexion's routing, parameter parsing and middleware stack and swaps what
3.1 needs:

* :class:`OpenAPI31Specification` checks the document with openapi-spec-validator's 3.1 validator;
* :func:`add_api` registers a specification object directly (Connexion's ``add_api`` would
  re-load the file as 3.0);
* :data:`VALIDATOR_MAP` plugs in request and response validators that use JSON Schema 2020-12
  (the dialect of OpenAPI 3.1) compiled once per schema by jsonschema-rs, and turn failures
  into :mod:`gala.errors` problems that name each offending field with a JSON pointer.

Nothing else in GALA knows about these details.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any

import yaml
from connexion.datastructures import MediaTypeDict
from connexion.exceptions import InvalidSpecification, NonConformingResponseBody
from connexion.middleware.main import API
from connexion.spec import OpenAPISpecification
from connexion.validators import VALIDATOR_MAP as CONNEXION_VALIDATOR_MAP
from connexion.validators import (
    AbstractRequestBodyValidator,
    AbstractResponseBodyValidator,
    ParameterValidator,
)
from openapi_spec_validator import OpenAPIV31SpecValidator
from starlette.types import Receive, Scope

from gala.errors import BadRequest, FieldError, Unprocessable
from gala.schemas import compile_schema, parse_json, schema_errors, text_problem

log = logging.getLogger(__name__)

HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


# --------------------------------------------------------------------------- specification


def load_document(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        document = yaml.safe_load(fh)
    if not isinstance(document, dict):
        raise InvalidSpecification(f"{path} is not an OpenAPI document")
    return document


class OpenAPI31Specification(OpenAPISpecification):
    """Connexion's OpenAPI specification, checked against the 3.1 meta-schema instead of 3.0.

    It also copies path-level parameters into each operation: Connexion 3.3 appends them to the
    operation's own list *in place* every time one of its middlewares builds the operation, so
    they would otherwise be validated (and reported) several times per request.
    """

    def __init__(self, raw_spec: dict[str, Any], *, base_uri: str = "") -> None:
        super().__init__(raw_spec, base_uri=base_uri)
        for item in self._spec.get("paths", {}).values():
            shared = item.pop("parameters", [])
            for method, operation in item.items():
                if method in HTTP_METHODS and isinstance(operation, dict):
                    own = operation.get("parameters", [])
                    names = {(p["name"], p["in"]) for p in own}
                    operation["parameters"] = own + [p for p in shared if (p["name"], p["in"]) not in names]

    @classmethod
    def _validate_spec(cls, spec: dict[str, Any]) -> None:
        version = str(spec.get("openapi", ""))
        if not version.startswith("3.1."):
            raise InvalidSpecification(f"expected an OpenAPI 3.1.x document, got openapi: {version!r}")
        try:
            errors = list(OpenAPIV31SpecValidator(spec).iter_errors())
        except (
            KeyError,
            TypeError,
            AttributeError,
        ) as exc:  # the validator trips on some malformed documents
            raise InvalidSpecification(f"not a valid OpenAPI 3.1 document ({exc!r})") from exc
        if errors:
            raise InvalidSpecification("; ".join(str(e.message) for e in errors[:5]))


def add_api(app: Any, document: dict[str, Any], **options: Any) -> None:
    """Register ``document`` on a Connexion app without Connexion re-reading it as 3.0.

    ``options`` are the keyword arguments of ``connexion.FlaskApp.add_api`` (resolver,
    validate_responses, strict_validation, validator_map, ...).
    """
    specification = OpenAPI31Specification(document)
    middleware = app.middleware
    if middleware.middleware_stack is not None:
        raise RuntimeError("Cannot add an API after the application has started")
    merged = middleware.options.replace(**options)
    middleware.apis.append(API(specification, base_path=None, name=None, **merged.__dict__))


def allowed_methods(document: dict[str, Any]) -> Callable[[str], list[str]]:
    """Map a request path to the methods the contract allows on it, for ``Allow`` on 405.

    Connexion routes each method separately, so its own 405 lists only one route's methods.
    """
    table = []
    for template, item in document.get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        methods = sorted(m.upper() for m in item if m in HTTP_METHODS)
        if "GET" in methods:
            methods.append("HEAD")
        table.append((re.compile(f"^{pattern}$"), methods))

    def lookup(path: str) -> list[str]:
        for regex, methods in table:
            if regex.match(path):
                return methods
        return []

    return lookup


# --------------------------------------------------------------------------- schema compilation


class SchemaCache:
    """Compiled JSON Schema 2020-12 validators, one per schema object.

    Connexion hands validators the same (ref-resolved) schema dict for an operation on every
    request, so the dict's identity is a sound key. The dict is kept alive with its validator
    so that its ``id`` cannot be reused by another object.

    One cache per app (:func:`validator_map` makes it): each app resolves its own copies of the
    schemas, so a process-wide cache kept every app's copies, and their compiled validators
    (several MB each for the composition), alive for ever: ~50 MB per app, 13 GB over the suite.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[int, tuple[Any, Any]] = {}

    def get(self, schema: Any) -> Any:
        entry = self._cache.get(id(schema))
        if entry is not None and entry[0] is schema:
            return entry[1]
        compiled = compile_schema(schema)
        with self._lock:
            self._cache[id(schema)] = (schema, compiled)
        return compiled


CACHE = SchemaCache()  # for validators used outside validator_map (its apps get their own)


# --------------------------------------------------------------------------- validators


class JSONBodyValidator(AbstractRequestBodyValidator):
    """Request bodies: strict JSON parsing, then 2020-12 validation; 400 for syntax, 422 for schema.

    It reads the body from the stream rather than trusting ``Content-Length``: Connexion's base
    class treats a chunked body (no length header) as absent.
    """

    cache = CACHE  # validator_map binds each app's own

    async def wrap_receive(self, receive: Receive, *, scope: Scope) -> tuple[Receive, Scope]:
        messages: list[MutableMapping[str, Any]] = []
        chunks: list[bytes] = []
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        raw = b"".join(chunks)
        if raw:
            self._validate(parse_json(raw, self._encoding))
        elif self._required:
            raise BadRequest("The request body must not be empty.")
        return self._insert_messages(receive, messages=messages), scope

    def _validate(self, body: Any) -> None:
        errors = schema_errors(self.cache.get(self._schema), body)
        if errors:
            raise Unprocessable("The request body does not match the schema.", errors=errors)


class Parameters(ParameterValidator):
    """Path, query, header and cookie parameters, validated as 2020-12 with field names in errors."""

    cache = CACHE  # validator_map binds each app's own

    def validate_request(self, request: Any) -> None:
        if self.strict_validation:
            extra = self.validate_query_parameter_list(request, security_params=self.security_query_params)
            if extra:
                raise BadRequest(
                    "Unknown query parameters.",
                    errors=[
                        FieldError("not a parameter of this operation", parameter=p, location="query")
                        for p in sorted(extra)
                    ],
                )
        errors: list[FieldError] = []
        sources = {
            "query": lambda p: request.query_params.get(p["name"]),
            "path": lambda p: request.path_params.get(p["name"].replace("-", "_")),
            "header": lambda p: request.headers.get(p["name"]),
            "cookie": lambda p: request.cookies.get(p["name"]),
        }
        for location, read in sources.items():
            for param in self.parameters.get(location, []):
                detail = self._check(param, read(param))
                if detail:
                    errors.append(FieldError(detail, parameter=param["name"], location=location))
        if errors:
            raise BadRequest("Invalid request parameters.", errors=errors)

    def _check(self, param: dict[str, Any], value: Any) -> str | None:
        if value is None:
            return f"the {param['in']} parameter {param['name']!r} is required" if param.get("required") else None
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                return problem
        schema = param.get("schema")
        if schema is None:
            return None
        validator = self.cache.get(schema)
        for err in validator.iter_errors(value):
            return str(err.message)
        return None


class JSONResponseValidator(AbstractResponseBodyValidator):
    """Response bodies are checked too: a response that breaks the contract is a server bug (500)."""

    cache = CACHE  # validator_map binds each app's own

    def _parse(self, stream: Iterable[bytes]) -> Any:
        raw = b"".join(stream)
        if not raw:
            return None
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise NonConformingResponseBody(f"response body is not JSON: {exc}") from None

    def _validate(self, body: Any) -> None:
        if body is None and self._nullable:
            return
        errors = schema_errors(self.cache.get(self._schema), body)
        if errors:
            summary = "; ".join(f"{e.pointer or '/'}: {e.detail}" for e in errors[:5])
            log.error("response does not conform to the contract: %s", summary)
            raise NonConformingResponseBody(detail="The response does not conform to the API contract.")


class NoParameters(ParameterValidator):
    def validate(self, scope: Scope) -> None:
        return None


class Unbuffered(AbstractRequestBodyValidator):
    """Leaves the body alone: file uploads stream to the handler, which checks their parts.

    Connexion's form validators buffer the whole upload in memory (and check it as Draft 4).
    """

    async def wrap_receive(self, receive: Any, *, scope: Scope) -> Any:
        return receive, scope


def validator_map(*, enabled: bool = True) -> dict[str, Any]:
    """Connexion's ``validator_map``: ours when enabled; pass-through ones when not (benchmarks)."""
    body = dict(CONNEXION_VALIDATOR_MAP["body"])
    if not enabled:
        return {"parameter": NoParameters, "body": MediaTypeDict(dict.fromkeys(body, Unbuffered))}
    cache = SchemaCache()  # this app's: it lives, and is freed, with the app's validators

    def bound(cls: type[Any]) -> type[Any]:
        return type(cls.__name__, (cls,), {"cache": cache})

    body["*/*json"] = bound(JSONBodyValidator)
    body["multipart/form-data"] = Unbuffered
    return {
        "parameter": bound(Parameters),
        "body": MediaTypeDict(body),
        "response": MediaTypeDict({"*/*json": bound(JSONResponseValidator)}),
    }
