"""How archived texts are normalised for quote-not-found: the quick path for ASCII text must
give exactly what the character-by-character reading gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from provenance.checks._archives import _fast, _walk, normalise

ASCII = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=200)


@given(ASCII)
def test_ascii_text_reads_the_same_either_way(text: str) -> None:
    assert _fast(text) == _walk(text)[0]


@given(ASCII)
def test_every_kept_character_comes_from_its_position(text: str) -> None:
    found = normalise(text)
    assert len(found.positions) == len(found.text)
    for char, position in zip(found.text, found.positions, strict=True):
        original = text[position]
        assert char == (" " if original.isspace() else original.lower().replace("`", "'"))


def test_whitespace_case_and_backticks_are_evened_out() -> None:
    assert normalise("  The `Taliban`\n\tsaid   50 ").text == "the 'taliban' said 50"
