"""Recorded voices: espeak-ng's own speech stands in for the upload, so its timings are the reference."""

from pathlib import Path

import pytest

from gala.speech import EspeakEngine, SpeechInputError, SpeechRequest, VoiceSettings
from gala.speech.recorded import RecordedVoice

ENGLISH = "Hello everyone. Today we talk about the mountain and the river."


def record(espeak: EspeakEngine, tmp_path: Path, text: str, language: str) -> tuple[Path, list[float]]:
    speech = espeak.synthesize(SpeechRequest(text, VoiceSettings(language)))
    path = tmp_path / "voice.wav"
    speech.write_wav(path)
    return path, [w.start / speech.sample_rate for w in speech.words]


def test_english_recording_is_force_aligned(espeak: EspeakEngine, tmp_path: Path) -> None:
    pytest.importorskip("pocketsphinx")
    path, reference = record(espeak, tmp_path, ENGLISH, "en")
    speech = RecordedVoice().synthesize(SpeechRequest(ENGLISH, VoiceSettings("en"), recording=path))
    assert speech.timing == "aligned"
    assert [w.text for w in speech.words] == ENGLISH.replace(".", "").split()
    starts = [w.start / speech.sample_rate for w in speech.words]
    assert max(abs(a - b) for a, b in zip(starts, reference, strict=True)) < 0.1
    previous = 0
    for p in speech.phonemes:
        assert previous <= p.start < p.end <= speech.samples
        previous = p.end
    assert speech.timing_document()["timing"] == "aligned"


def test_spanish_recording_gets_an_envelope(espeak: EspeakEngine, tmp_path: Path) -> None:
    path, _ = record(espeak, tmp_path, "Buenos días a todos, hoy hablamos del río.", "es")
    speech = RecordedVoice().synthesize(
        SpeechRequest("Buenos días a todos, hoy hablamos del río.", VoiceSettings("es"), recording=path)
    )
    doc = speech.timing_document()
    assert doc["timing"] == "envelope"
    assert doc["words"] == []
    assert doc["phonemes"] == []
    envelope = doc["envelope"]
    assert envelope["frame_samples"] == 220
    assert len(envelope["rms"]) == speech.samples // 220
    assert max(envelope["rms"]) > 0.05
    assert min(envelope["rms"]) < 0.01  # the silence at the end is quiet


def test_unknown_words_fall_back_to_the_envelope(espeak: EspeakEngine, tmp_path: Path) -> None:
    path, _ = record(espeak, tmp_path, "Hello Zxqvbrt.", "en")
    speech = RecordedVoice().synthesize(SpeechRequest("Hello Zxqvbrt.", VoiceSettings("en"), recording=path))
    assert speech.timing == "envelope"


def test_recording_is_required_and_must_be_audio(tmp_path: Path) -> None:
    with pytest.raises(SpeechInputError, match="audio file"):
        RecordedVoice().synthesize(SpeechRequest("Hola."))
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"not audio at all" * 10)
    with pytest.raises(SpeechInputError) as error:
        RecordedVoice().synthesize(SpeechRequest("Hola.", recording=junk))
    assert error.value.field == "recording"
