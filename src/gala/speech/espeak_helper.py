# SPDX-License-Identifier: GPL-3.0-or-later
#
# GALA's espeak-ng helper program.
# Copyright (C) 2026 the GALA authors
#
# This program is free software: you can redistribute it and/or modify it under the terms of the GNU
# General Public License as published by the Free Software Foundation, either version 3 of the License,
# or (at your option) any later version. It is distributed in the hope that it will be useful, but
# WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR
# PURPOSE. See the GNU General Public License for more details: <https://www.gnu.org/licenses/>.
#
# Why a separate program: espeak-ng (libespeak-ng, shipped by the espeakng-loader wheel) is GPL-3.0, and
# GALA is Apache-2.0. This file is the only code that loads the library; it runs as its own process and
# talks to GALA over a pipe with the protocol described in gala/speech/helper.py and docs/speech.md.
# It imports only the standard library and espeakng_loader, nothing of GALA.
"""espeak-ng helper: reads JSON requests on stdin, writes JSON answers (plus PCM) on stdout."""

import ctypes
import json
import os
import signal
import sys
from pathlib import Path

import espeakng_loader

AUDIO_OUTPUT_SYNCHRONOUS = 2
INITIALIZE_PHONEME_EVENTS = 0x0001
INITIALIZE_PHONEME_IPA = 0x0002
ESPEAK_CHARS_UTF8 = 1
ESPEAK_SSML = 0x10
ESPEAK_RATE, ESPEAK_PITCH = 1, 3
EVENT_LIST_TERMINATED, EVENT_WORD, EVENT_END, EVENT_PHONEME = 0, 1, 5, 7


class _EventId(ctypes.Union):
    _fields_ = (("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8))


class _Event(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    )


class _Voice(ctypes.Structure):
    _fields_ = (
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_void_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    )


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


class Espeak:
    def __init__(self) -> None:
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        lib.espeak_Initialize.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
        lib.espeak_SetVoiceByName.argtypes = (ctypes.c_char_p,)
        lib.espeak_SetParameter.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_int)
        lib.espeak_Synth.argtypes = (
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        )
        lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
        lib.espeak_ListVoices.argtypes = (ctypes.c_void_p,)
        self.data = Path(espeakng_loader.get_data_path())
        self.sample_rate = lib.espeak_Initialize(
            AUDIO_OUTPUT_SYNCHRONOUS, 0, str(self.data).encode(), INITIALIZE_PHONEME_EVENTS | INITIALIZE_PHONEME_IPA
        )
        if self.sample_rate <= 0:
            raise RuntimeError(f"espeak_Initialize failed ({self.sample_rate})")
        self.lib = lib
        self.pcm = bytearray()
        self.events: list[list[object]] = []
        self._callback = _CALLBACK(self._collect)  # kept referenced: the library holds the pointer
        lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav: "ctypes._Pointer[ctypes.c_short]", count: int, events: "ctypes._Pointer[_Event]") -> int:
        i = 0
        while events[i].type != EVENT_LIST_TERMINATED:
            e = events[i]
            if e.type == EVENT_PHONEME:
                raw = ctypes.string_at(ctypes.addressof(e) + _Event.id.offset, 8).split(b"\0")[0]
                self.events.append(["phoneme", e.text_position, 0, e.sample, raw.decode("utf-8", "replace")])
            elif e.type in (EVENT_WORD, EVENT_END):
                self.events.append(["word" if e.type == EVENT_WORD else "end", e.text_position, e.length, e.sample, ""])
            i += 1
        if count > 0:
            self.pcm += ctypes.string_at(wav, count * 2)
        return 0

    def voices(self) -> dict[str, object]:
        languages = set()
        array = self.lib.espeak_ListVoices(None)
        i = 0
        while array[i]:
            raw = ctypes.cast(array[i].contents.languages, ctypes.c_char_p).value
            # `languages` is (priority byte, NUL-terminated name) repeated; the first name is enough.
            if raw:
                languages.add(raw[1:].decode("ascii", "replace") if raw[0] < 32 else raw.decode("ascii", "replace"))
            i += 1
        variants = sorted(p.name for p in (self.data / "voices" / "!v").iterdir() if p.is_file())
        return {"ok": True, "languages": sorted(languages), "variants": variants}

    def synthesize(self, request: dict[str, object]) -> tuple[dict[str, object], bytes]:
        voice = str(request["voice"])
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            return {"ok": False, "error": f"unknown voice {voice!r}"}, b""
        self.lib.espeak_SetParameter(ESPEAK_RATE, int(request.get("rate_wpm", 175)), 0)  # type: ignore[call-overload]
        self.lib.espeak_SetParameter(ESPEAK_PITCH, int(request.get("pitch", 50)), 0)  # type: ignore[call-overload]
        self.pcm = bytearray()
        self.events = []
        text = str(request["ssml"]).encode("utf-8")
        status = self.lib.espeak_Synth(text, len(text) + 1, 0, 0, 0, ESPEAK_CHARS_UTF8 | ESPEAK_SSML, None, None)
        self.lib.espeak_Synchronize()
        if status != 0:
            return {"ok": False, "error": f"espeak_Synth failed ({status})"}, b""
        pcm = bytes(self.pcm)
        return {"ok": True, "sample_rate": self.sample_rate, "pcm_bytes": len(pcm), "events": self.events}, pcm


# A test hook (tests/voice/test_speech_crash.py): a request whose text holds this word makes the helper
# die for real, by SIGKILL, as a crashing engine would. Unset everywhere but that test.
CRASH_ON = os.environ.get("GALA_TEST_ESPEAK_CRASH_ON")


def main() -> None:
    engine = Espeak()
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        pcm = b""
        try:
            request = json.loads(line)
            op = request.get("op")
            if op == "hello":
                answer: dict[str, object] = {"ok": True, "engine": "espeak-ng", "sample_rate": engine.sample_rate}
            elif op == "voices":
                answer = engine.voices()
            elif op == "synthesize":
                if CRASH_ON and CRASH_ON in str(request.get("ssml")):
                    os.kill(os.getpid(), signal.SIGKILL)
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
