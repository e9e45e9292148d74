"""The smoke test (the design document's ``smoke-test.ps1``, cross-platform).

Against a running platform, through the generated client: render the built-in ``hello``
template, download ``hello.mp4`` and ``hello.jpg``, check them with PyAV (duration, codecs,
size; the JPEG decodes) and check that the asset rows carry ``provider``, ``object_key`` and
``mime``. Prints ``Smoke test OK`` at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
from gala_client.models import Job, JobStatus

from gala import remote

EXPECTED_MIME = {"video": "video/mp4", "thumbnail": "image/jpeg"}


class SmokeFailure(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


@dataclass(frozen=True)
class SmokeResult:
    job_id: str
    video: Path
    thumbnail: Path
    seconds: float


def run(
    base_url: str,
    out_dir: Path,
    *,
    provider: str | None = None,
    title: str = "¡Hola, GALA! Smoke test ñandú",
    duration: float = 2.0,
    width: int = 640,
    height: int = 360,
    say: Callable[[str], None] = print,
) -> SmokeResult:
    started = time.monotonic()
    client = remote.connect(base_url)
    params = {"title": title, "duration": duration, "width": width, "height": height}
    job = remote.submit(client, "hello", params, basename="hello")
    say(f"job {job.id} submitted")
    last = [-1]

    def report(j: Job) -> None:
        if j.progress != last[0]:
            last[0] = j.progress
            say(f"  {j.status.value:<9} {j.progress:3d}%  {j.stage or ''}")

    job = remote.wait(client, job.id, timeout=300, on_update=report)
    check(job.status == JobStatus.DONE, f"job ended {job.status.value}: {job.error}")
    check(len(job.output_asset_ids) == 2, f"expected 2 outputs, got {job.output_asset_ids}")

    files: dict[str, Path] = {}
    for asset_id in job.output_asset_ids:
        meta = remote.asset(client, asset_id)
        role = str(meta.role)
        check(role in EXPECTED_MIME, f"unexpected output role {role!r}")
        check(meta.mime == EXPECTED_MIME[role], f"{role}: mime {meta.mime!r}")
        check(bool(meta.object_key), f"{role}: empty object_key")
        if provider is not None:
            check(
                meta.provider.value == provider,
                f"{role}: provider {meta.provider.value!r}, expected {provider!r}",
            )
        name = "hello.mp4" if role == "video" else "hello.jpg"
        got = remote.download(client, asset_id, out_dir / name)
        check(got.mime.split(";")[0] == meta.mime, f"{role}: served as {got.mime!r}")
        say(f"  {name}: {got.size} bytes, provider={meta.provider.value} object_key={meta.object_key} mime={meta.mime}")
        files[role] = got.path

    _check_video(files["video"], duration=duration, width=width, height=height)
    _check_jpeg(files["thumbnail"], width=width, height=height)
    say("Smoke test OK")
    return SmokeResult(str(job.id), files["video"], files["thumbnail"], time.monotonic() - started)


def _check_video(path: Path, *, duration: float, width: int, height: int) -> None:
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0]
        check(video.codec_context.name == "h264", f"video codec {video.codec_context.name}")
        check(audio.codec_context.name == "aac", f"audio codec {audio.codec_context.name}")
        check(
            (video.codec_context.width, video.codec_context.height) == (width, height),
            f"size {video.codec_context.width}x{video.codec_context.height}, expected {width}x{height}",
        )
        assert container.duration is not None
        seconds = float(Fraction(container.duration, av.time_base))
        frame = 1 / float(video.average_rate or 30)
        check(abs(seconds - duration) <= 2 * frame + 0.05, f"duration {seconds:.3f} s, expected {duration} s")
        decoded = sum(1 for _ in container.decode(video=0))
        check(decoded > 0, "no decodable video frames")
    with path.open("rb") as fh:  # faststart: the index (moov) comes before the media (mdat)
        head = fh.read(64 * 1024)
    check(
        0 <= head.find(b"moov") < head.find(b"mdat") or (b"moov" in head and b"mdat" not in head),
        "moov atom is not before mdat (no faststart)",
    )


def _check_jpeg(path: Path, *, width: int, height: int) -> None:
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
        check((frame.width, frame.height) == (width, height), f"thumbnail {frame.width}x{frame.height}")
