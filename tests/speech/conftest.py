from collections.abc import Iterator

import pytest

from gala.speech import EspeakEngine


@pytest.fixture(scope="module")
def espeak() -> Iterator[EspeakEngine]:
    engine = EspeakEngine()
    yield engine
    engine.close()
