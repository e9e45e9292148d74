"""No drift through the renderer: an avatar saying a ~10-minute script still closes its mouth on the
frame where its sound ends, measured from the rendered pixels and the rendered audio.

Only the end is rendered: frames near the last phoneme through `renderer.encoder.render_frame` (what a
preview does: each frame on its own, so nothing before it can hide an accumulated error) and the last
seconds of the mix through the renderer's own mixer, sample-exact. The mouth is read from the JPEG
frames (the dark fraction of its box, renderer.avatar.lipsync) and the sound's end from the mixed samples
(the last 10 ms window above 2 % of the peak). Goal (issue 10): within one frame.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
from PIL import Image

import renderer
import renderer.encoder
from renderer.avatar.lipsync import mouth_openness
from renderer.avatar.presentation import Presentation, mouth_box
from renderer.clips.avatar import AvatarContent
from renderer.clips.base import Context
from renderer.engine import build_mixer
from tests.voice.speak import resolved

# ~600 s of Spanish; the last word ends on an open vowel, so the mouth visibly closes after it.
SCRIPT = ("Buenos días a todos. Hoy vamos a hablar de la montaña, del río y del mar. " * 131) + "Y esto es todo, ya."
W, H, FPS, RATE = 320, 180, 30, 48000


def test_the_last_phoneme_of_ten_minutes_closes_the_mouth_on_its_sound(tmp_path: Path) -> None:
    clip = {
        "type": "avatar",
        "model": "builtin",
        "script": SCRIPT,
        "voice": {"language": "es"},
        "position": "center",
        "size": 0.95,
        "movement": {"blinks": False},
    }
    doc, files = resolved(
        {
            "version": 2,
            "output": {"size": {"width": W, "height": H}, "fps": FPS},
            "background": "#e8e8e8",
            "tracks": [{"clips": [clip]}],
        },
        tmp_path / "cache",
    )
    timing = doc["tracks"][0]["clips"][0]["speech"]["timing"]
    assert timing["duration"] > 580, timing["duration"]
    last = timing["phonemes"][-1]
    phoneme_end = last["end_sample"] / timing["sample_rate"]

    # The sound's end, from the renderer's mix of the last 3 s (48 kHz, the output's rate).
    norm = renderer.normalise(doc, files)
    ctx = Context(W, H, 1.0, FPS, files)
    first = round((phoneme_end - 3.0) * RATE)
    mixer = build_mixer(norm, ctx, 0.0, float(norm["output"]["duration"]))
    try:
        mix = mixer.mix(first, 4 * RATE).mean(axis=0)
    finally:
        mixer.close()
    window = RATE // 100
    rms = np.sqrt((mix[: mix.size // window * window].reshape(-1, window) ** 2).mean(axis=1))
    loud = np.nonzero(rms > 0.02 * rms.max())[0]
    sound_end = (first + (int(loud[-1]) + 1) * window) / RATE

    # The mouth, frame by frame around the end, from the pixels of frames rendered one at a time.
    content = AvatarContent(norm["tracks"][0]["clips"][0], ctx)
    sw, sh = content.size
    origin = (math.floor(W / 2 - sw / 2 + 0.5), math.floor(H / 2 - sh / 2 + 0.5))
    x0, y0, x1, y1 = mouth_box(content.puppet, Presentation("bust", None, sh), origin)
    box = (x0 - 1, y0 - 1, x1 + 1, y1 + 1)
    indices = range(math.floor((phoneme_end - 0.6) * FPS), math.ceil((phoneme_end + 0.4) * FPS))
    frames = [
        np.asarray(Image.open(io.BytesIO(renderer.encoder.render_frame(doc, n / FPS, assets=files))).convert("RGB"))
        for n in indices
    ]
    openness = mouth_openness(frames, box)
    rest = float(np.median(openness[-5:]))  # the mouth at rest, well after the end
    open_frames = [n for n, value in zip(indices, openness, strict=True) if value > rest + 0.02]
    assert open_frames, (list(openness), rest)
    assert open_frames[0] < indices[-6], (list(openness), rest)
    closes = (open_frames[-1] + 1) / FPS  # the first frame showing the mouth shut again
    print(
        f"drift over {timing['duration']:.1f} s: last phoneme ends {phoneme_end:.3f} s, sound ends "
        f"{sound_end:.3f} s, mouth closes at frame {open_frames[-1] + 1} ({closes:.3f} s): "
        f"{(closes - sound_end) * FPS:+.2f} frames from the sound, {(closes - phoneme_end) * FPS:+.2f} from the phoneme"
    )
    assert abs(sound_end - phoneme_end) <= 1 / FPS, (sound_end, phoneme_end)
    assert abs(closes - sound_end) <= 1 / FPS, (closes, sound_end)
    assert abs(closes - phoneme_end) <= 1 / FPS, (closes, phoneme_end)
