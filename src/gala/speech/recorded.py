"""A recorded voice: an uploaded audio file plus its transcript.

Timings come from forced alignment with pocketsphinx (optional extra `.[align]`, BSD, ships the
en-US acoustic model and dictionary) for English transcripts whose words are all in its dictionary.
Otherwise (other languages, unknown words, no pocketsphinx, alignment failure) the result has no word
or phoneme times, only a loudness envelope, and says so: `timing == "envelope"`.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from gala.speech.markup import parse
from gala.speech.model import (
    Envelope,
    Phoneme,
    Speech,
    SpeechError,
    SpeechInputError,
    SpeechRequest,
    Word,
    check_duration,
    check_text,
)
from gala.speech.words import text_words

ALIGN_RATE = 16_000  # the en-US acoustic model's sample rate
ENVELOPE_FRAMES_PER_SECOND = 100
# CMU (ARPAbet) phones of pocketsphinx's en-US model, in IPA.
ARPABET_IPA = {
    "AA": "ɑ", "AE": "æ", "AH": "ʌ", "AO": "ɔ", "AW": "aʊ", "AY": "aɪ", "B": "b", "CH": "tʃ", "D": "d",
    "DH": "ð", "EH": "ɛ", "ER": "ɝ", "EY": "eɪ", "F": "f", "G": "ɡ", "HH": "h", "IH": "ɪ", "IY": "i",
    "JH": "dʒ", "K": "k", "L": "l", "M": "m", "N": "n", "NG": "ŋ", "OW": "oʊ", "OY": "ɔɪ", "P": "p",
    "R": "ɹ", "S": "s", "SH": "ʃ", "T": "t", "TH": "θ", "UH": "ʊ", "UW": "u", "V": "v", "W": "w",
    "Y": "j", "Z": "z", "ZH": "ʒ",
}  # fmt: skip


def read_audio(path: Path) -> tuple[np.ndarray, int]:
    """Mono int16 samples and their rate. WAV through the standard library, anything else through PyAV
    (imported only here: the worker runs this, never the API process)."""
    try:
        with wave.open(str(path), "rb") as f:
            if f.getsampwidth() != 2:
                raise SpeechInputError("a WAV recording must be 16-bit PCM", field="recording")
            data = np.frombuffer(f.readframes(f.getnframes()), dtype="<i2")
            channels, rate = f.getnchannels(), f.getframerate()
            if channels > 1:
                data = data.reshape(-1, channels).mean(axis=1).astype(np.int16)
            return data, rate
    except (wave.Error, EOFError):
        pass
    import av

    try:
        with av.open(str(path)) as container:
            stream = container.streams.audio[0]
            rate = stream.rate or 48_000
            resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
            parts = [
                frame.to_ndarray().reshape(-1)
                for packet_frame in container.decode(stream)
                for frame in resampler.resample(packet_frame)
            ]
            parts += [frame.to_ndarray().reshape(-1) for frame in resampler.resample(None)]
    except (av.error.FFmpegError, IndexError) as error:
        raise SpeechInputError(f"the recording cannot be decoded as audio: {error}", field="recording") from None
    return (np.concatenate(parts).astype(np.int16) if parts else np.zeros(0, np.int16)), rate


def envelope(samples: np.ndarray, rate: int) -> Envelope:
    frame = rate // ENVELOPE_FRAMES_PER_SECOND
    count = len(samples) // frame
    frames = samples[: count * frame].astype(np.float64).reshape(count, frame) / 32768.0
    rms = np.sqrt((frames**2).mean(axis=1)) if count else np.zeros(0)
    return Envelope(frame, tuple(round(float(v), 5) for v in rms))


def _resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    if rate == target:
        return samples
    n = int(len(samples) * target / rate)
    positions = np.arange(n) * (rate / target)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.int16)


def align(samples: np.ndarray, rate: int, text: str) -> tuple[list[Word], list[Phoneme]] | None:
    """Forced alignment of `text` to the audio; None when it cannot be done (see the module doc)."""
    try:
        from pocketsphinx import Decoder
    except ImportError:
        return None
    spoken = text_words(text)
    if not spoken:
        return None
    decoder = Decoder(samprate=ALIGN_RATE, bestpath=False, logfn="/dev/null")
    frame_rate = int(decoder.config["frate"])
    if any(decoder.lookup_word(w.lower()) is None for _, w in spoken):
        return None
    raw = _resample(samples, rate, ALIGN_RATE).tobytes()
    try:
        decoder.set_align_text(" ".join(w.lower() for _, w in spoken))
        for second_pass in (False, True):
            if second_pass:
                decoder.set_alignment()
            decoder.start_utt()
            decoder.process_raw(raw, full_utt=True)
            decoder.end_utt()
        alignment = decoder.get_alignment()
    except RuntimeError:
        return None
    if alignment is None:
        return None

    def at(frame: int) -> int:
        return min(len(samples), frame * rate // frame_rate)  # from the frame index: no drift

    words: list[Word] = []
    phonemes: list[Phoneme] = []
    for entry in alignment:
        name = entry.name.split("(")[0]
        if name.startswith(("<", "[")) or name in ("sil",):
            continue
        if len(words) >= len(spoken):
            return None
        offset, word = spoken[len(words)]
        words.append(Word(word, offset, len(word), at(entry.start), at(entry.start + entry.duration)))
        for phone in entry:
            ipa = ARPABET_IPA.get(phone.name)
            if ipa is not None and phone.duration > 0:
                phonemes.append(Phoneme(ipa, len(words) - 1, at(phone.start), at(phone.start + phone.duration)))
    if len(words) != len(spoken):
        return None
    return words, phonemes


class RecordedVoice:
    """The "engine" of a recorded voice: the audio is the user's, only the timing is computed."""

    name = "recorded"

    def voices(self) -> dict[str, tuple[str, ...]]:
        return {"languages": (), "voices": ()}

    def close(self) -> None:
        pass

    def synthesize(self, request: SpeechRequest) -> Speech:
        if request.recording is None:
            raise SpeechInputError("a recorded voice needs its audio file", field="recording")
        script = parse(request.text)
        check_text(script.text)
        try:
            samples, rate = read_audio(request.recording)
        except OSError as error:
            raise SpeechError(f"cannot read the recording: {error}") from error
        if len(samples) == 0:
            raise SpeechInputError("the recording has no audio", field="recording")
        check_duration(len(samples), rate)
        pcm = samples.astype("<i2").tobytes()
        aligned = align(samples, rate, script.text) if request.voice.language.lower().startswith("en") else None
        if aligned is not None:
            words, phonemes = aligned
            return Speech(pcm, rate, tuple(words), tuple(phonemes), self.name, "recording", timing="aligned")
        return Speech(pcm, rate, (), (), self.name, "recording", timing="envelope", envelope=envelope(samples, rate))
