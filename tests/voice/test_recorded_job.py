"""A recorded voice through a whole job: an uploaded WAV plus its transcript on an `avatar` clip, through
the speech stage and the render on a real worker. The avatar's mouth must move with the recording.

Without forced alignment (pocketsphinx not installed, or a transcript it cannot align) the mouth follows
the recording's loudness envelope (`timing: "envelope"`, docs/speech.md); with it, the aligned phonemes.
The recording is made here with a known rhythm, half-second bursts of a voiced sound between
half-second silences, so the figure is unambiguous: the decoded video's mouth openness correlates with
the decoded audio's envelope (renderer.avatar.lipsync) at a lag of at most one frame, and the mouth is
open during the bursts and shut between them.
"""

from __future__ import annotations

import io
import math
import wave
from pathlib import Path
from typing import Any

import av
import numpy as np

from renderer.avatar.lipsync import measure, mouth_openness
from renderer.avatar.presentation import Presentation, framing_box, mouth_box, output_size
from renderer.clips.avatar import _drawing_height, builtin_puppet
from tests.worker.conftest import Stack

W, H, FPS, RATE = 320, 180, 30, 48000
BURST_S = 0.5
BURSTS = 6
SIZE = 0.95


def recording() -> bytes:
    """BURSTS bursts of a voiced vowel-like sound (150 Hz and harmonics, a little vibrato), each followed by
    as much silence, as a mono 16-bit WAV."""
    t = np.arange(int(RATE * BURST_S)) / RATE
    f0 = 150 * (1 + 0.02 * np.sin(2 * np.pi * 5 * t))
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    burst = sum(np.sin(k * phase) / k for k in range(1, 8))
    ramp = np.minimum(1.0, np.minimum(t, t[::-1]) / 0.02)  # 20 ms fades, no clicks
    burst = 0.5 * burst / np.abs(burst).max() * ramp
    silence = np.zeros_like(t)
    signal = np.concatenate([np.concatenate([burst, silence]) for _ in range(BURSTS)])
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((signal * 32767).astype("<i2").tobytes())
    return buffer.getvalue()


def composition(asset_id: str) -> dict[str, Any]:
    return {
        "version": 2,
        "output": {"size": {"width": W, "height": H}, "fps": FPS},
        "background": "#e8e8e8",
        "tracks": [
            {
                "clips": [
                    {
                        "type": "avatar",
                        "model": "builtin",
                        "recording": asset_id,
                        "script": "Ha. Ha. Ha. Ha. Ha. Ha.",
                        "voice": {"language": "es"},
                        "position": "center",
                        "size": SIZE,
                        "movement": {"blinks": False},
                    }
                ]
            }
        ],
    }


def mouth(height: int) -> tuple[int, int, int, int]:
    """The frame pixels of the mouth: the bust framing's sprite centred in the frame, at rest."""
    puppet = builtin_puppet(_drawing_height("bust", height))
    sw, sh = output_size(framing_box(puppet, "bust"), height)
    origin = (math.floor(W / 2 - sw / 2 + 0.5), math.floor(H / 2 - sh / 2 + 0.5))
    x0, y0, x1, y1 = mouth_box(puppet, Presentation("bust", None, sh), origin)
    return x0 - 1, y0 - 1, x1 + 1, y1 + 1


def test_a_recorded_voice_moves_the_avatars_mouth_with_its_loudness(stack: Stack, tmp_path: Path) -> None:
    up = stack.client.post("/assets", files={"file": ("voice.wav", recording(), "audio/wav")})
    assert up.status_code == 201, up.text
    r = stack.client.post("/templates", json={"name": "recorded", "composition": composition(up.json()["id"])})
    assert r.status_code == 201, r.text
    stack.worker()
    job = stack.wait_done(stack.client.post("/jobs", json={"template_id": r.json()["id"]}).json()["id"], timeout=180)
    assert job["status"] == "done", (job, stack.logs())
    video = stack.client.get(f"/assets/{job['output_asset_ids'][0]}").json()
    assert abs(video["media"]["duration"] - 2 * BURST_S * BURSTS) < 0.2, video["media"]
    path = tmp_path / "out.mp4"
    path.write_bytes(stack.client.get(video["content_url"]).content)

    with av.open(str(path)) as media:
        frames = [np.asarray(f.to_ndarray(format="rgb24"), dtype=np.uint8) for f in media.decode(video=0)]
    with av.open(str(path)) as media:
        chunks = [f.to_ndarray() for f in media.decode(audio=0)]
        rate = media.streams.audio[0].rate
    samples = np.concatenate([c.mean(axis=0) if c.ndim == 2 else c for c in chunks])
    box = mouth(round(SIZE * H))
    sync = measure(frames, box, samples, rate, FPS)
    print(f"recorded voice: lag {sync.lag_frames} frames ({sync.lag_fine_frames:+.2f}), r={sync.correlation:.3f}")
    assert abs(sync.lag_frames) <= 1, sync
    assert sync.correlation > 0.6, sync

    # Open in the middle of each burst, shut in the middle of each silence (frames well inside them).
    openness = mouth_openness(frames, box)
    period = round(2 * BURST_S * FPS)
    inside = [n for n in range(len(frames)) if 3 <= n % (period // 2) < period // 2 - 3]
    during = [openness[n] for n in inside if n % period < period // 2]
    between = [openness[n] for n in inside if n % period >= period // 2]
    assert min(during) > max(between) + 0.05, (during, between)
