"""Speech benchmark: synthesis speed of gala.speech as x realtime (audio seconds per wall second).

For each language (Spanish, English) a script is built from a fixed paragraph repeated until it
is long enough for about 60 s and about 600 s of speech at the normal rate, then synthesized by the
default engine (espeak-ng in its helper process), which is started and warmed up first so its
start-up is not counted. Each case is run `--repeats` times; the best run is reported (the machine is
shared). The wall time covers the whole `synthesize` call: markup parsing, the pipe transfer of PCM and
events, and building the timing. Also reported: the last phoneme's end against the audio's length (the
timing stays inside the audio over 10 minutes). With `--piper` (and the extra installed) a 60 s
English case runs through Piper too. Goal: espeak-ng >= 100x realtime.

Run from the repository root::

    make bench-speech
    .venv/bin/python -m bench.speech_bench --repeats 1 --piper

A table goes to stdout, the figures to out/speech_bench.json.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

from gala.speech import EspeakEngine, SpeechEngine, SpeechRequest, VoiceSettings

PARAGRAPHS = {
    "es": (
        "Buenos días a todos. Hoy vamos a hablar de la montaña, del río y del mar, y de cómo el agua "
        "recorre el valle antes de llegar a la costa. La ciudad despierta temprano; los mercados abren "
        "sus puertas y el tráfico llena las calles. "
    ),
    "en": (
        "Good morning, everyone. Today we talk about the mountain, the river and the sea, and about how "
        "water runs through the valley before it reaches the coast. The city wakes up early; the markets "
        "open their doors and traffic fills the streets. "
    ),
}
CHARS_PER_SECOND = 15.5  # espeak-ng at its normal rate on these paragraphs (measured, approximate)


def script(language: str, seconds: int) -> str:
    paragraph = PARAGRAPHS[language]
    return paragraph * max(1, math.ceil(seconds * CHARS_PER_SECOND / len(paragraph)))


def measure(engine: SpeechEngine, language: str, seconds: int, repeats: int) -> dict[str, object]:
    text = script(language, seconds)
    best = float("inf")
    speech = None
    for _ in range(repeats):
        started = time.perf_counter()
        speech = engine.synthesize(SpeechRequest(text, VoiceSettings(language)))
        best = min(best, time.perf_counter() - started)
    assert speech is not None
    last_end = speech.phonemes[-1].end if speech.phonemes else 0
    return {
        "engine": engine.name,
        "language": language,
        "target_s": seconds,
        "chars": len(text),
        "audio_s": round(speech.duration, 2),
        "wall_s": round(best, 4),
        "x_realtime": round(speech.duration / best, 1),
        "words": len(speech.words),
        "phonemes": len(speech.phonemes),
        "last_phoneme_end_s": round(last_end / speech.sample_rate, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--piper", action="store_true", help="also time Piper on 60 s of English")
    parser.add_argument("--out", type=Path, default=Path("out/speech_bench.json"))
    args = parser.parse_args()

    rows = []
    engine = EspeakEngine(timeout_s=60)
    try:
        engine.synthesize(SpeechRequest("Hola.", VoiceSettings("es")))  # start and warm the helper
        for language in ("es", "en"):
            for seconds in (60, 600):
                rows.append(measure(engine, language, seconds, args.repeats))
    finally:
        engine.close()
    if args.piper:
        from gala.speech.piper import PiperEngine, available

        if available():
            piper = PiperEngine(timeout_s=600)
            try:
                piper.synthesize(SpeechRequest("Hello.", VoiceSettings("en")))
                rows.append(measure(piper, "en", 60, 1))
            finally:
                piper.close()
        else:
            print("piper: not installed (pip install -e '.[piper]'), skipped")

    header = ("engine", "lang", "audio s", "wall s", "x realtime", "words", "last phoneme end s")
    print("{:<10} {:<4} {:>8} {:>8} {:>11} {:>6} {:>19}".format(*header))
    for r in rows:
        print(
            f"{r['engine']:<10} {r['language']:<4} {r['audio_s']:>8} {r['wall_s']:>8} {r['x_realtime']:>11} "
            f"{r['words']:>6} {r['last_phoneme_end_s']:>19}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
