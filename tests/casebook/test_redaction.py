"""Anonymising the fields of a case together: one numbering, HTML kept,
corrections by text."""

import pytest

from casebook.redaction import (
    Corrections,
    FieldText,
    RedactionError,
    corrections_updated,
    redact,
    source_hash,
)


def fields(**values) -> dict[str, FieldText]:
    return {
        name: FieldText(value, is_html=value.startswith("<"))
        for name, value in values.items()
    }


def test_the_same_person_has_the_same_number_in_every_field():
    result = redact(
        fields(
            title="Oproep van Jan de Vries",
            story="<p>Jan de Vries en Fatima el Amrani riepen op.</p>",
            lessons="<p>Fatima el Amrani had spijt; Jan de Vries niet.</p>",
        ),
        Corrections(),
    )
    assert result.fields["title"] == "Oproep van [PERSOON-1]"
    assert result.fields["story"] == "<p>[PERSOON-1] en [PERSOON-2] riepen op.</p>"
    assert result.fields["lessons"] == "<p>[PERSOON-2] had spijt; [PERSOON-1] niet.</p>"


def test_plain_fields_are_not_escaped_html_fields_are():
    result = redact(
        fields(title="A & B: Jan de Vries", story="<p>a &lt; b, Jan de Vries</p>"),
        Corrections(),
    )
    assert result.fields["title"] == "A & B: [PERSOON-1]"
    assert result.fields["story"] == "<p>a &lt; b, [PERSOON-1]</p>"


def test_a_name_across_inline_tags_is_replaced_once_and_the_tags_stay():
    result = redact(
        fields(story="<p><strong>Jan</strong> de Vries riep op.</p>"), Corrections()
    )
    assert result.fields["story"] == "<p><strong>[PERSOON-1]</strong> riep op.</p>"


def test_paragraphs_never_run_together_into_one_name():
    result = redact(
        fields(story="<p>Dat zei Jan</p><p>De Vries is een dorp.</p>"), Corrections()
    )
    assert "<p>" in result.fields["story"] and result.fields["story"].count("<p>") == 2


def test_extra_marks_every_occurrence_case_insensitively_within_fields():
    result = redact(
        fields(
            a="Het Marktplein liep vol.", b="<p>Op het marktplein bleef het rustig.</p>"
        ),
        Corrections(extra=(("Marktplein", "ADRES"),)),
    )
    assert result.fields["a"] == "Het [ADRES-1] liep vol."
    assert "[ADRES-1]" in result.fields["b"]
    assert result.unmatched_extra == []


def test_keep_undoes_a_replacement_of_that_text_only():
    text = fields(story="<p>Jan de Vries belde 06-12345678.</p>")
    result = redact(text, Corrections(keep=("06-12345678",)))
    assert "06-12345678" in result.fields["story"]
    assert "[PERSOON-1]" in result.fields["story"]


def test_unmatched_extra_is_reported():
    result = redact(
        fields(a="Niets bijzonders."), Corrections(extra=(("Piet", "PERSOON"),))
    )
    assert result.unmatched_extra == ["Piet"]


@pytest.mark.parametrize(
    "corrections",
    [
        Corrections(extra=(("x", "PERSOON"),)),
        Corrections(extra=(("Markt", "ONBEKEND"),)),
        Corrections(extra=(("a" * 201, "PERSOON"),)),
        Corrections(keep=tuple(str(n) for n in range(201))),
    ],
)
def test_unreasonable_corrections_are_refused(corrections):
    with pytest.raises(RedactionError):
        redact(fields(a="Tekst"), corrections)


def test_redactions_list_each_distinct_replacement_with_its_count():
    result = redact(
        fields(a="Jan de Vries en Jan de Vries, bel 06-12345678."), Corrections()
    )
    summary = {(r.text, r.replacement): r.count for r in result.redactions}
    assert summary[("Jan de Vries", "[PERSOON-1]")] == 2


def test_the_source_hash_changes_with_text_and_corrections():
    base = fields(a="Tekst")
    assert source_hash(base, Corrections()) == source_hash(base, Corrections())
    assert source_hash(base, Corrections()) != source_hash(
        fields(a="Tekst!"), Corrections()
    )
    assert source_hash(base, Corrections()) != source_hash(
        base, Corrections(keep=("x",))
    )


def test_corrections_round_trip_through_json():
    corrections = Corrections(extra=(("Markt", "ADRES"),), keep=("Storm",))
    assert Corrections.from_json(corrections.as_json()) == corrections
    assert Corrections.from_json(None) == Corrections()
    assert Corrections.from_json({"extra": [{"oops": 1}], "keep": []}) == Corrections()


def test_updating_corrections_from_the_preview_form():
    current = Corrections(extra=(("Markt", "ADRES"),), keep=("Storm",))
    # Unticking "Storm" replaces it again; ticking their own marking removes it.
    assert corrections_updated(current, keep=["markt"], add=None) == Corrections(
        extra=(), keep=("markt",)
    )
    # Marking a kept text again replaces it again.
    assert corrections_updated(current, keep=["Storm"], add=("Storm", "PERSOON")) == (
        Corrections(extra=(("Markt", "ADRES"), ("Storm", "PERSOON")), keep=())
    )
    assert corrections_updated(current, keep=["Storm"], add=None) == current


def test_an_engine_fault_is_a_message_not_a_server_error(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("engine bug")

    monkeypatch.setattr("casebook.redaction.anonymise_texts", broken)
    with pytest.raises(RedactionError, match="could not be anonymised|niet worden"):
        redact(fields(a="Jan de Vries"), Corrections())
