"""Conventions every command follows: click's shell completion, and exit 1 for a job that does not end done."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from gala_client.models.job_status import JobStatus

from tests.test_cli import RunningPlatform, gala, params

GALA = Path(sys.executable).with_name("gala")  # the console script: click names completion after it


def complete(words: str) -> list[str]:
    current = len(words.split()) - (0 if words.endswith(" ") else 1)  # the index of the word being completed
    env = {**os.environ, "_GALA_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(current)}
    done = subprocess.run([str(GALA)], env=env, capture_output=True, text=True, timeout=60, check=True)
    return [line.split(",", 1)[1] for line in done.stdout.splitlines()]


@pytest.mark.skipif(not GALA.exists(), reason="the gala console script is not installed next to python")
def test_shell_completion_knows_commands_and_the_contracts_values() -> None:
    assert complete("gala ass") == ["assets"]
    assert set(complete("gala templates ")) >= {"create", "update", "list", "show", "rm", "preview"}
    assert complete("gala jobs list --status ") == sorted(s.value for s in JobStatus)
    script = subprocess.run(
        [str(GALA)], env={**os.environ, "_GALA_COMPLETE": "bash_source"}, capture_output=True, text=True, check=True
    )
    assert "_gala_completion()" in script.stdout


@pytest.mark.slow
def test_a_canceled_job_exits_1(platform: RunningPlatform) -> None:
    long = {"title": "long", "duration": "60", "width": "640", "height": "360", "fps": "30"}
    done = gala("jobs", "submit", "hello", "--url", platform.url, *params(long), "--no-wait", env=platform.env)
    assert done.returncode == 0, done.stderr
    match = re.search(r"job (\S+) queued", done.stdout)
    assert match, done.stdout
    canceled = gala("jobs", "cancel", match.group(1), "--url", platform.url, env=platform.env)
    assert canceled.returncode == 0, canceled.stderr
    assert f"job {match.group(1)} canceled" in canceled.stdout
    waited = gala("jobs", "wait", match.group(1), "--url", platform.url, env=platform.env)
    assert waited.returncode == 1
    assert f"Error: job {match.group(1)} ended canceled" in waited.stderr
