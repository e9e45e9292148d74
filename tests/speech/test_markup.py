import pytest

from gala.speech import MAX_BREAK_SECONDS, SpeechInputError, cache_key
from gala.speech.markup import Pause, Run, parse


def test_plain_text_needs_no_escaping() -> None:
    script = parse("Tom & Jerry say 3 > 2.")
    assert script.text == "Tom & Jerry say 3 > 2."
    assert len(script.items) == 1


def test_breaks_split_runs_and_emphasis_marks_spans() -> None:
    script = parse('<speak>Uno, <emphasis>dos</emphasis> &amp; tres.<break time="0.5s"/>Cuatro</speak>')
    run, pause, last = script.items
    assert isinstance(run, Run)
    assert isinstance(pause, Pause)
    assert isinstance(last, Run)
    assert pause.seconds == 0.5
    assert [(s.text, s.emphasis) for s in run.spans] == [("Uno, ", False), ("dos", True), (" & tres.", False)]
    assert script.text == "Uno, dos & tres. Cuatro"
    assert script.text[last.spans[0].offset :].startswith("Cuatro")


@pytest.mark.parametrize(
    "bad",
    [
        "<mark name='x'/> hola",
        "hola <emphasis>dos",
        "hola </emphasis>",
        '<break time="lots"/>',
        f'<break time="{MAX_BREAK_SECONDS + 1}s"/>',
        "1 < 2",
        "<speak>a</speak><speak>b</speak>",
    ],
)
def test_bad_markup_is_a_clear_error(bad: str) -> None:
    with pytest.raises(SpeechInputError) as error:
        parse(bad)
    assert error.value.field == "text"


def test_cache_key_is_stable_and_sensitive() -> None:
    key = cache_key("espeak-ng", "es", {"rate": 1.0, "pitch": 50}, "Hola")
    assert key == cache_key("espeak-ng", "es", {"pitch": 50, "rate": 1.0}, "Hola")
    assert len(key) == 64
    assert key != cache_key("espeak-ng", "es", {"rate": 1.1, "pitch": 50}, "Hola")
    assert key != cache_key("piper", "es", {"rate": 1.0, "pitch": 50}, "Hola")
    assert key != cache_key("espeak-ng", "es", {"rate": 1.0, "pitch": 50}, "Hola.")


def test_word_groups_spread_in_order_when_counts_differ() -> None:
    from gala.speech.words import assign, text_words

    assert text_words("It's 1999, ok?", 10) == [(10, "It's"), (15, "1999"), (21, "ok")]
    assert assign(3, 3) == [0, 1, 2]
    assert assign(5, 3) == [0, 0, 1, 1, 2]  # "1999" read as several words
    assert assign(2, 3) == [0, 1]
    assert assign(0, 3) == []


def test_engines_by_name() -> None:
    from gala.speech.engines import DEFAULT_ENGINE, create_engine, engine_names

    assert DEFAULT_ENGINE == "espeak-ng"
    assert {"espeak-ng", "recorded"} <= set(engine_names())
    engine = create_engine()
    try:
        assert engine.name == "espeak-ng"
    finally:
        engine.close()
    with pytest.raises(SpeechInputError) as error:
        create_engine("festival")
    assert error.value.field == "engine"
    assert "espeak-ng" in error.value.allowed
