"""The TTS engine crashing inside a job's speech stage, for real: the espeak-ng helper process is killed
by SIGKILL in the middle of a request (its test hook, GALA_TEST_ESPEAK_CRASH_ON, fires on a word of the
script). The job fails with a message a person can read, naming the engine and how it died, and the same
worker process then serves the next job, which synthesizes and renders."""

from __future__ import annotations

from tests.voice.test_speech_jobs import composition, template
from tests.worker.conftest import Stack

CRASH_WORD = "kaboomcrash"


def test_a_crashing_engine_fails_the_job_readably_and_the_worker_serves_the_next(stack: Stack) -> None:
    stack.platform.env["GALA_TEST_ESPEAK_CRASH_ON"] = CRASH_WORD
    worker = stack.worker()
    crashing = template(stack, composition(f"Hola. Esto es {CRASH_WORD}, y no se dice."))
    failed = stack.wait_done(stack.client.post("/jobs", json={"template_id": crashing}).json()["id"], timeout=180)
    assert failed["status"] == "failed", (failed, stack.logs())
    error = failed["error"]
    assert error["code"] == "speech_error", error
    # Readable: what failed, which engine, how it died; no traceback.
    message = error["message"]
    assert message.startswith("Speech synthesis failed: espeak-ng helper"), message
    assert "killed by signal 9" in message, message
    assert "Traceback" not in message, message
    assert len(message) < 600, message

    # The same worker process, still up, serves the next job with other words.
    assert worker.alive(), stack.logs()
    fine = template(stack, composition("Hola otra vez. Ahora sí."))
    done = stack.wait_done(stack.client.post("/jobs", json={"template_id": fine}).json()["id"], timeout=180)
    assert done["status"] == "done", (done, stack.logs())
    assert worker.alive(), stack.logs()
    log = "".join(p.read_text(errors="replace") for p in stack.log_dir.glob("worker*.log"))
    assert f"speech synthesis failed job_id={failed['id']}" in log, log[-3000:]
    assert f"speech job_id={done['id']} clips=2 synthesized=2" in log, log[-3000:]
