import itertools

import pytest

from gala.speech import EspeakEngine, SpeechRequest, VoiceSettings
from renderer.visemes import SHAPES, envelope_timeline, shape_at, shape_for, viseme_timeline


@pytest.mark.parametrize(
    ("ipa", "shape"),
    [
        ("m", "A"),
        ("b", "A"),
        ("p", "A"),
        ("t", "B"),
        ("s", "B"),
        ("ˈi", "B"),
        ("ɛ", "C"),
        ("ə", "C"),
        ("ˈa", "D"),
        ("aɪ", "D"),
        ("ɔː", "E"),
        ("o", "E"),
        ("oʊ", "F"),
        ("u", "F"),
        ("w", "F"),
        ("f", "G"),
        ("v", "G"),
        ("l", "H"),
        ("", "X"),
        ("ˈ", "X"),
    ],
)
def test_shape_for(ipa: str, shape: str) -> None:
    assert shape_for(ipa) == shape
    assert shape in SHAPES


def test_timeline_covers_everything_without_gaps() -> None:
    phonemes = [(0.2, 0.3, "m"), (0.3, 0.5, "ˈa"), (0.5, 0.6, "m"), (0.6, 0.8, "a"), (1.5, 1.7, "o")]
    timeline = viseme_timeline(phonemes, duration=2.0)
    assert timeline[0] == (0.0, 0.2, "X")
    assert timeline[-1][1] == 2.0
    for (_, end, _), (start, _, _) in itertools.pairwise(timeline):
        assert end == start
    assert [s for _, _, s in timeline] == ["X", "A", "D", "A", "D", "X", "E", "X"]
    assert shape_at(timeline, 0.35) == "D"
    assert shape_at(timeline, 1.0) == "X"
    assert shape_at(timeline, 5.0) == "X"


def test_short_shapes_merge_so_the_mouth_does_not_flicker() -> None:
    # 10 ms phonemes alternate shapes; no segment may stay shorter than the minimum.
    phonemes = [(i * 0.01, (i + 1) * 0.01, "a" if i % 2 else "t") for i in range(30)]
    timeline = viseme_timeline(phonemes, min_shape_s=0.05)
    assert all(end - start >= 0.05 for start, end, _ in timeline)
    assert timeline[0][0] == 0.0
    assert timeline[-1][1] == pytest.approx(0.3)


def test_short_silence_keeps_the_shape_long_one_rests() -> None:
    short = viseme_timeline([(0.0, 0.2, "a"), (0.25, 0.5, "a")], rest_after_s=0.15)
    assert short == [(0.0, 0.5, "D")]
    long = viseme_timeline([(0.0, 0.2, "a"), (0.6, 0.8, "a")], rest_after_s=0.15)
    assert [s for _, _, s in long] == ["D", "X", "D"]


def test_envelope_opens_with_loudness() -> None:
    rms = [0.0] * 10 + [0.5] * 10 + [0.1] * 10 + [0.0] * 10
    timeline = envelope_timeline(rms, 0.02)
    assert [s for _, _, s in timeline] == ["X", "D", "B", "X"]
    assert timeline[-1][1] == pytest.approx(0.8)


def test_real_speech_gives_a_steady_mouth(espeak: EspeakEngine) -> None:
    speech = espeak.synthesize(SpeechRequest("Buenos días, me llamo Pablo y vivo en Madrid.", VoiceSettings("es")))
    doc = speech.timing_document()
    timeline = viseme_timeline([(p["start"], p["end"], p["ipa"]) for p in doc["phonemes"]], duration=doc["duration"])
    assert timeline[-1][1] == doc["duration"]
    assert all(end - start >= 0.05 for start, end, _ in timeline)
    shapes = {s for _, _, s in timeline}
    assert {"A", "D", "X"} <= shapes  # "m"/"b"/"P" close the lips, "a" opens wide, silence rests
