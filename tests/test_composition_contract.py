"""The composition schemas in openapi/gala.yaml are what the clip registry generates (``make composition``).

A clip type changed without regenerating the contract fails here, as a contract change without a
regenerated client fails tests/test_generated_client.py.  The other tests check that the generated
part and the registry agree in the ways the API relies on.
"""

from __future__ import annotations

import subprocess
import sys

import yaml

from gala import composition_contract
from renderer.clips import CLIP_TYPES
from renderer.contract import components
from renderer.timeline import clip_fields


def test_the_contract_holds_the_generated_composition_schemas() -> None:
    spec = composition_contract.SPEC.read_text(encoding="utf-8")
    assert composition_contract.splice(spec) == spec, "openapi/gala.yaml is out of date: run `make composition`"


def test_the_check_command_fails_on_drift() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gala.composition_contract", "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    stale = composition_contract.SPEC.read_text(encoding="utf-8").replace("Size multiplier, default 1.", "Size.")
    assert composition_contract.splice(stale) != stale


def test_every_clip_type_is_in_the_union_with_its_fields() -> None:
    schemas = yaml.safe_load(composition_contract.SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
    mapping = schemas["Clip"]["discriminator"]["mapping"]
    assert set(mapping) == {c.name for c in CLIP_TYPES}
    generated = components()
    for clip in CLIP_TYPES:
        schema = schemas[clip.component]
        assert schema == generated[clip.component]
        fields = set(schema["properties"])
        for part in schema["allOf"]:
            fields |= set(schemas[part["$ref"].rsplit("/", 1)[-1]]["properties"])
        # The normaliser accepts exactly the fields the schema declares.
        assert fields == set(clip_fields(clip)), clip.name
