"""Real espeak-ng synthesis through the helper process (no mocks)."""

import json
import os
import re
import signal
import wave
from pathlib import Path

import pytest

from gala.speech import (
    MAX_SCRIPT_CHARS,
    EspeakEngine,
    Speech,
    SpeechError,
    SpeechInputError,
    SpeechRequest,
    VoiceSettings,
)

SPANISH = "Hola, ¿qué tal? Buenos días a todos. Hoy vamos a hablar de la montaña y del río."
ENGLISH = "Hello everyone. Today we talk about the mountain, the river and the sea."


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def check_timing(speech: Speech) -> None:
    previous = 0
    for p in speech.phonemes:
        assert previous <= p.start < p.end <= speech.samples, p
        previous = p.end
    starts = [w.start for w in speech.words]
    assert starts == sorted(starts)
    assert all(w.end <= speech.samples for w in speech.words)


@pytest.mark.parametrize(("language", "text"), [("es", SPANISH), ("en", ENGLISH)])
def test_sentence_gives_audio_words_and_phonemes(espeak: EspeakEngine, language: str, text: str) -> None:
    speech = espeak.synthesize(SpeechRequest(text, VoiceSettings(language)))
    assert speech.sample_rate == 22050
    # About 2.5 to 4 words a second at the normal rate.
    assert len(words_of(text)) / 5 < speech.duration < len(words_of(text)) / 1.5
    assert [w.text for w in speech.words] == words_of(text)
    for w in speech.words:
        assert text[w.offset : w.offset + w.length] == w.text
    check_timing(speech)
    assert len(speech.phonemes) > len(speech.words)
    # Voiced audio, not silence.
    assert (
        max(abs(int.from_bytes(speech.pcm[i : i + 2], "little", signed=True)) for i in range(0, len(speech.pcm), 200))
        > 3000
    )


def test_wav_and_timing_document(espeak: EspeakEngine, tmp_path: Path) -> None:
    speech = espeak.synthesize(SpeechRequest(SPANISH, VoiceSettings("es")))
    speech.write_wav(tmp_path / "a.wav")
    with wave.open(str(tmp_path / "a.wav")) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()) == (1, 2, 22050, speech.samples)
    doc = json.loads(json.dumps(speech.timing_document()))
    assert doc["timing"] == "synthesized"
    assert doc["phonemes"][-1]["end"] <= doc["duration"]
    assert any("ˈ" in p["ipa"] for p in doc["phonemes"])  # IPA, with stress marks
    first = doc["words"][0]
    assert first["start"] == first["start_sample"] / 22050


def test_break_adds_exactly_the_pause(espeak: EspeakEngine) -> None:
    plain = espeak.synthesize(SpeechRequest("Hello there. Big world.", VoiceSettings("en")))
    paused = espeak.synthesize(SpeechRequest('Hello there. <break time="1500ms"/> Big world.', VoiceSettings("en")))
    added = paused.duration - plain.duration
    assert 1.3 < added < 1.8, added
    assert [w.text for w in paused.words] == ["Hello", "there", "Big", "world"]
    gap = paused.words[2].start - paused.words[1].end
    assert gap >= 1.5 * paused.sample_rate
    check_timing(paused)


def test_emphasis_is_accepted_and_changes_the_word(espeak: EspeakEngine) -> None:
    plain = espeak.synthesize(SpeechRequest("This is very important.", VoiceSettings("en")))
    stressed = espeak.synthesize(SpeechRequest("This is <emphasis>very</emphasis> important.", VoiceSettings("en")))
    assert [w.text for w in stressed.words] == ["This", "is", "very", "important"]
    assert stressed.pcm != plain.pcm


def test_rate_changes_duration(espeak: EspeakEngine) -> None:
    normal = espeak.synthesize(SpeechRequest(ENGLISH, VoiceSettings("en")))
    fast = espeak.synthesize(SpeechRequest(ENGLISH, VoiceSettings("en", rate=2.0)))
    slow = espeak.synthesize(SpeechRequest(ENGLISH, VoiceSettings("en", rate=0.6)))
    assert fast.duration < 0.7 * normal.duration
    assert slow.duration > 1.3 * normal.duration


def test_pitch_and_voice_variant_change_audio(espeak: EspeakEngine) -> None:
    base = espeak.synthesize(SpeechRequest("Hola.", VoiceSettings("es")))
    assert espeak.synthesize(SpeechRequest("Hola.", VoiceSettings("es", pitch=80))).pcm != base.pcm
    assert espeak.synthesize(SpeechRequest("Hola.", VoiceSettings("es", voice="f3"))).pcm != base.pcm


def test_unknown_language_and_voice_list_the_supported_ones(espeak: EspeakEngine) -> None:
    with pytest.raises(SpeechInputError) as bad:
        espeak.synthesize(SpeechRequest("Hola.", VoiceSettings("xx-nowhere")))
    assert bad.value.field == "language"
    assert {"es", "en", "en-us"} <= set(bad.value.allowed)
    with pytest.raises(SpeechInputError) as bad_voice:
        espeak.synthesize(SpeechRequest("Hola.", VoiceSettings("es", voice="nobody")))
    assert bad_voice.value.field == "voice"
    assert "f3" in bad_voice.value.allowed


def test_limits_are_clear_errors(espeak: EspeakEngine) -> None:
    with pytest.raises(SpeechInputError, match=str(MAX_SCRIPT_CHARS)):
        espeak.synthesize(SpeechRequest("a " * MAX_SCRIPT_CHARS, VoiceSettings("en")))
    with pytest.raises(SpeechInputError, match="rate"):
        espeak.synthesize(SpeechRequest("Hi.", VoiceSettings("en", rate=9.0)))
    with pytest.raises(SpeechInputError, match="no text"):
        espeak.synthesize(SpeechRequest('<break time="1s"/>', VoiceSettings("en")))


def test_helper_crash_is_a_speech_error_and_the_next_call_works() -> None:
    engine = EspeakEngine()
    try:
        engine.synthesize(SpeechRequest("Hola.", VoiceSettings("es")))
        pid = engine.helper_pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(SpeechError, match="helper"):
            engine.synthesize(SpeechRequest("Hola otra vez.", VoiceSettings("es")))
        again = engine.synthesize(SpeechRequest("Hola otra vez.", VoiceSettings("es")))
        assert [w.text for w in again.words] == ["Hola", "otra", "vez"]
        assert engine.helper_pid not in (None, pid)
    finally:
        engine.close()


def test_hung_helper_times_out_and_is_replaced() -> None:
    engine = EspeakEngine(timeout_s=1.0)
    try:
        engine.synthesize(SpeechRequest("Hola.", VoiceSettings("es")))
        pid = engine.helper_pid
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)
        with pytest.raises(SpeechError, match="did not answer"):
            engine.synthesize(SpeechRequest("Hola.", VoiceSettings("es")))
        assert engine.synthesize(SpeechRequest("Hola.", VoiceSettings("es"))).words[0].text == "Hola"
    finally:
        engine.close()


def test_gala_process_never_loads_libespeak(espeak: EspeakEngine) -> None:
    espeak.synthesize(SpeechRequest("Hola.", VoiceSettings("es")))
    maps = Path("/proc/self/maps").read_text()
    assert "espeak" not in maps
    helper = Path(f"/proc/{espeak.helper_pid}/maps").read_text()
    assert "libespeak-ng" in helper  # the check above can fail: the helper does map it


def test_no_drift_over_a_ten_minute_script(espeak: EspeakEngine) -> None:
    # ~600 s of Spanish. Timing comes from absolute sample positions, so the last phoneme must still sit
    # on its sound: voiced audio just before its end, silence after it.
    import numpy as np

    text = ("Buenos días a todos. Hoy vamos a hablar de la montaña, del río y del mar. " * 120).strip()
    speech = espeak.synthesize(SpeechRequest(text, VoiceSettings("es")))
    assert speech.duration > 500
    check_timing(speech)
    audio = np.frombuffer(speech.pcm, dtype="<i2").astype(np.float64)
    last = speech.phonemes[-1]
    frame = speech.sample_rate // 30  # one video frame
    before = np.sqrt(np.mean(audio[last.end - frame : last.end] ** 2))
    after = np.sqrt(np.mean(audio[last.end + frame // 2 :] ** 2)) if last.end + frame // 2 < len(audio) else 0.0
    assert before > 300
    assert after < 50
    assert len(speech.words) == len(words_of(text))
