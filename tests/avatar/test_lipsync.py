"""The lip-sync measurement recovers lags and envelopes that were put in on purpose."""

from __future__ import annotations

import numpy as np
import pytest

from renderer.avatar.lipsync import cross_correlate, measure, mouth_openness, speech_envelope

FPS = 30.0


def _speechlike(frames: int, seed: int) -> np.ndarray:
    # Syllable-rate bursts: smoothed random on/off, like an envelope of speech.
    rng = np.random.default_rng(seed)
    raw = (rng.random(frames) > 0.5).astype(float)
    return np.convolve(raw, np.ones(3) / 3, mode="same")


@pytest.mark.parametrize("lag", [-9, -4, -1, 0, 1, 3, 7, 10])
def test_an_injected_lag_is_recovered_exactly(lag: int) -> None:
    envelope = _speechlike(900, seed=lag + 20)
    mouth = np.roll(envelope, lag) * 0.3 + np.random.default_rng(1).normal(0, 0.02, 900)
    result = cross_correlate(mouth, envelope, FPS)
    assert result.lag_frames == lag
    assert result.lag_ms == pytest.approx(lag * 1000 / FPS)
    assert result.correlation > 0.9
    assert len(result.curve) == 21


def test_unrelated_signals_correlate_weakly() -> None:
    result = cross_correlate(_speechlike(900, 1), _speechlike(900, 2), FPS)
    assert abs(result.correlation) < 0.2


def test_too_short_a_signal_is_refused() -> None:
    with pytest.raises(ValueError, match="more than 22 frames"):
        cross_correlate(np.ones(20), np.ones(20), FPS)


def test_envelope_is_the_rms_of_each_frames_own_samples() -> None:
    rate = 48000
    samples = np.zeros(rate)  # 1 s = 30 frames of 1600 samples
    samples[5 * 1600 : 6 * 1600] = 0.5  # a constant 0.5 during frame 5
    samples[20 * 1600 : 21 * 1600] = np.sin(np.linspace(0, 40 * np.pi, 1600))  # a sine during frame 20
    envelope = speech_envelope(samples, rate, FPS, 32)
    assert envelope[5] == pytest.approx(0.5)
    assert envelope[20] == pytest.approx(np.sqrt(0.5), rel=1e-2)
    assert np.count_nonzero(envelope > 1e-9) == 2
    assert envelope[30] == envelope[31] == 0  # past the audio


def test_envelope_boundaries_do_not_drift_at_a_fractional_rate() -> None:
    # 22050 Hz at 30 fps is 735 samples a frame; at 29.97 fps it is 735.735: boundaries come from the
    # frame index, so a click 10 minutes in still lands in its own frame.
    rate, fps = 22050, 30000 / 1001
    frame = 17980
    samples = np.zeros(int(18000 / fps * rate) + 10)
    start = int(np.ceil(frame * rate / fps))
    samples[start : start + 700] = 1.0
    envelope = speech_envelope(samples, rate, fps, 18000)
    assert int(np.argmax(envelope)) == frame


def test_openness_counts_the_dark_part_of_the_box() -> None:
    frames = []
    for height in (0, 4, 10):
        frame = np.full((100, 100, 3), 230, np.uint8)
        frame[50 : 50 + height, 40:60] = (70, 20, 30)  # a dark mouth interior, 20 px wide
        frame[0:10, 0:10] = 0  # dark, but outside the box
        frames.append(frame)
    openness = mouth_openness(frames, (30, 40, 70, 80))
    assert openness.tolist() == pytest.approx([0.0, 80 / 1600, 200 / 1600])


def test_measure_finds_a_late_mouth_in_rendered_frames_and_audio() -> None:
    rate, frames = 15000, 240  # 500 samples a frame
    envelope = _speechlike(frames, 7)
    audio = np.repeat(envelope, 500) * np.sin(np.arange(frames * 500) * 0.3)
    shifted = np.roll(envelope, 2)  # the mouth opens two frames after the sound
    video = []
    for value in shifted:
        frame = np.full((60, 60, 3), 220, np.uint8)
        frame[30 : 30 + round(value * 20), 20:40] = 40
        video.append(frame)
    result = measure(video, (10, 20, 50, 55), audio, rate, FPS)
    assert result.lag_frames == 2
    assert result.lag_ms == pytest.approx(66.667, abs=0.01)


def test_a_lag_between_frames_is_estimated_between_them() -> None:
    # Half-frame shift: average neighbouring samples of a smooth signal.
    envelope = np.convolve(_speechlike(900, 5), np.ones(5) / 5, mode="same")
    mouth = (envelope + np.roll(envelope, 1)) / 2
    result = cross_correlate(mouth, envelope, FPS)
    assert result.lag_frames in (0, 1)
    assert 0.3 < result.lag_fine_frames < 0.7
