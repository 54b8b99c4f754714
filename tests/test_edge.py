"""Values are checked where they enter: JSONL fields, language codes, metadata, terminal output.

Each test is a case that went wrong before: a crafted language made sayso read resources and load a pipeline
from any folder, one bad line or article stopped a batch, a 3 MB title was stored, escape sequences in a title
reached the terminal raw.
"""

from __future__ import annotations

import io
import json
import warnings
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sayso import pipeline
from sayso.cli import main
from sayso.cli.render import json_safe, render_text, skip_line, terminal_safe
from sayso.errors import InputError, LanguageError, MixedLanguageWarning
from sayso.ingest import iter_articles
from sayso.language import detect_language
from sayso.language.detect import guess_language, language_code
from sayso.language.resources import load_lines
from sayso.options import Options
from sayso.records import TITLE_MAX_CHARS, Analysis, Article, Attribution, Entity, Skipped, Span

OPTS = Options()
GOOD = {"id": "ok", "text": "The mayor said the bridge would reopen in May.", "language": "en"}


def _jsonl(tmp_path: Path, *lines: object, name: str = "batch.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(b"\n".join(x if isinstance(x, bytes) else json.dumps(x).encode() for x in lines) + b"\n")
    return path


def _read(path: Path, options: Options = OPTS) -> list[Article | Skipped]:
    return list(iter_articles([path], options=options))


# language codes: from the supported list only, never a path


@pytest.mark.parametrize(
    ("value", "code"), [("nl", "nl"), ("NL", "nl"), ("nl-BE", "nl"), ("en_US", "en"), (" en ", "en")]
)
def test_language_code_reads_regional_forms(value: str, code: str) -> None:
    assert language_code(value) == code


@pytest.mark.parametrize("value", ["../resources/en", "/tmp", "en/../nl", "_refused", "de", "xx", "", 7, None, ["en"]])
def test_language_code_refuses_everything_else(value: object) -> None:
    with pytest.raises(LanguageError, match="not supported; write one of en, nl"):
        language_code(value, "x.jsonl:2")


def test_resources_never_follow_a_path() -> None:
    with pytest.raises(LanguageError, match="supported: en, nl"):
        load_lines("../resources/en", "stopwords")


def test_jsonl_language_is_never_a_path(tmp_path: Path) -> None:
    evil = tmp_path / "evil"
    evil.mkdir()
    (evil / "backbones.txt").write_text("@shipped\n", encoding="utf-8")
    (evil / "stopwords.txt").write_text("the\n", encoding="utf-8")
    crafted = f"../../../../../../../../../..{evil}"
    path = _jsonl(tmp_path, {"id": "x", "text": "The mayor said so.", "language": crafted}, GOOD)
    first, second = _read(path)
    assert isinstance(first, Skipped) and first.origin == f"{path}:1" and "not supported" in first.reason
    assert isinstance(second, Article) and second.language == "en"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Article(text="x", language="../en"), "language '../en' is not supported"),
        (lambda: Options(language="de"), r"'de' \(German\) is not supported"),
        (lambda: Options(max_bytes=0), "no positive number"),
    ],
)
def test_api_entries_check_the_language(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((LanguageError, InputError), match=message):
        make()


def test_article_and_options_normalise_the_code() -> None:
    assert Article(text="x", language="NL").language == "nl"
    assert Article(text="x", language="").language is None
    assert Options(language="en-GB").language == "en"


# JSONL: each line checked on its own


def test_jsonl_wrong_types_skip_their_line_only(tmp_path: Path) -> None:
    bad = [
        {"text": "The mayor said so.", "language": 7},
        {"text": 12},
        {"text": "The mayor said so.", "title": 5},
        {"text": "The mayor said so.", "url": ["a"]},
        {"text": "The mayor said so.", "outlet": {"name": "x"}},
        {"text": "The mayor said so.", "id": True},
        {"text": "The mayor said so.", "published": 2024},
        ["not", "an", "object"],
    ]
    path = _jsonl(tmp_path, *bad, GOOD)
    items = _read(path)
    assert [type(x).__name__ for x in items] == ["Skipped"] * len(bad) + ["Article"]
    for number, (item, field) in enumerate(
        zip(items, ["language", "'text'", "title", "url", "outlet", "'id'", "published", "object"], strict=False),
        start=1,
    ):
        assert isinstance(item, Skipped)
        assert item.origin == f"{path}:{number}" and item.reason.startswith(f"{path}:{number}: ")
        assert field in item.reason, item.reason


def test_jsonl_invalid_bytes_skip_one_line_not_the_file(tmp_path: Path) -> None:
    latin = '{"id": "latin", "text": "Caf\xe9 owner said so."}'.encode("latin-1")
    path = _jsonl(tmp_path, GOOD, latin, {**GOOD, "id": "after"})
    items = _read(path)
    assert [getattr(x, "id", None) for x in items] == ["ok", None, "after"]
    assert isinstance(items[1], Skipped) and items[1].origin == f"{path}:2" and "not UTF-8" in items[1].reason


def test_jsonl_binary_file_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (item,) = _read(path)
    assert isinstance(item, Skipped) and "binary" in item.reason


def test_jsonl_limits(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        {**GOOD, "title": "T" * (3 * 1024 * 1024)},
        {**GOOD, "url": "https://example.org/" + "a" * 3000},
        {**GOOD, "outlet": "O" * 201},
        {**GOOD, "id": "i" * 201},
        {**GOOD, "title": "T" * TITLE_MAX_CHARS},
    )
    *skipped, fine = _read(path)
    assert [s.reason.split(": ")[1].split()[0] for s in skipped if isinstance(s, Skipped)] == [
        "title",
        "url",
        "outlet",
        "'id'",
    ]
    assert "3,145,728 characters long, more than the 1,000 accepted" in skipped[0].reason  # type: ignore[union-attr]
    assert isinstance(fine, Article) and len(fine.title or "") == TITLE_MAX_CHARS


def test_jsonl_lone_surrogate_is_refused(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, b'{"text": "The mayor said \\ud800 so."}', GOOD)
    first, second = _read(path)
    assert isinstance(first, Skipped) and "unpaired surrogate" in first.reason
    assert isinstance(second, Article)


def test_jsonl_codes_are_normalised_and_ids_may_be_numbers(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, {**GOOD, "language": "EN-us", "id": 42}, {**GOOD, "language": "", "id": 0})
    first, second = _read(path)
    assert isinstance(first, Article) and first.language == "en" and first.id == "42"
    assert isinstance(second, Article) and second.language is None and second.id == "0"


def test_option_language_overrides_a_bad_line_language(tmp_path: Path) -> None:
    (item,) = _read(_jsonl(tmp_path, {**GOOD, "language": "klingon"}), Options(language="en"))
    assert isinstance(item, Article) and item.language == "en"


def test_html_page_metadata_is_cut_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    long_title = "Storm " * 400
    path.write_text(
        f"<!DOCTYPE html><html><head><title>{long_title}</title></head><body><article><p>"
        + "The harbour master said on Monday that the quay would stay closed for repairs until further notice. " * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (item,) = _read(path)
    assert isinstance(item, Article) and item.title is not None and len(item.title) <= TITLE_MAX_CHARS


# languages: refused per article, mixed texts warned about

REFUSED = {
    "de": "Der Stadtrat hat am Montag beschlossen, dass die alte Brücke im Frühjahr abgerissen wird. "
    "Die Anwohner sind nicht zufrieden, weil sie einen langen Umweg fahren müssen. "
    "Er sagte, die Stadt habe in diesem Jahr kein Geld. Was die Bürger wollen, ist klar.",  # once read as Dutch
    "fr": "Le conseil municipal a décidé lundi que le vieux pont sera démoli au printemps. "
    "Les habitants ne sont pas contents, car ils devront faire un long détour.",
    "es": "El ayuntamiento decidió el lunes que el viejo puente será demolido en primavera. "
    "Los vecinos no están contentos porque tendrán que dar un largo rodeo.",
    "it": "Il consiglio comunale ha deciso lunedì che il vecchio ponte sarà demolito in primavera. "
    "Gli abitanti non sono contenti perché dovranno fare una lunga deviazione.",
    "pt": "A câmara municipal decidiu na segunda-feira que a velha ponte será demolida na primavera. "
    "Os moradores não estão contentes porque terão de fazer um longo desvio.",
}
NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese"}


@pytest.mark.parametrize("code", sorted(REFUSED))
def test_unsupported_languages_are_refused_by_name(code: str) -> None:
    with pytest.raises(LanguageError) as info:
        detect_language(REFUSED[code], "brug.txt")
    assert f"brug.txt: is written in {NAMES[code]} ({code})" in str(info.value)
    assert "supported: en, nl" in str(info.value)


NL = (
    "De gemeenteraad heeft maandag besloten dat de oude brug in het voorjaar wordt gesloopt. "
    "De bewoners zijn er niet blij mee, omdat ze een lange omweg moeten maken.\n"
)
EN = (
    "The council decided on Monday that the old bridge will be pulled down in the spring. "
    "The residents are not happy about it, because they will have to make a long detour.\n"
)


def test_mixed_text_is_read_in_its_main_language_with_a_warning() -> None:
    with pytest.warns(MixedLanguageWarning, match=r"brug.txt: mixes languages \(.*en.*nl.*\); read as en"):
        assert detect_language(EN + EN + NL, "brug.txt") == "en"


@pytest.mark.parametrize(
    "text",
    [
        NL + 'Een Britse ingenieur zei: "It was the hardest job I have ever done."\n' + NL,
        EN + 'A spokesman for the city of Zwolle wrote: "De brug gaat in mei weer open."\n' + EN,
        EN + "Mayor Peter van der Berg and alderman Anne de Vries van den Heuvel spoke to reporters.\n",
    ],
)
def test_a_quote_or_a_name_in_another_language_is_no_mixed_text(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        detect_language(text)
    assert not guess_language(text).mixed


def test_german_with_a_dutch_paragraph_is_still_refused() -> None:
    with pytest.raises(LanguageError, match="German"):
        detect_language(REFUSED["de"] + "\n" + REFUSED["de"] + "\n" + NL)


# the batch goes on


def _fail_on(word: str, exc: Exception):  # type: ignore[no-untyped-def]
    real = pipeline.analyze

    def analyze(article: Article, *, options: Options = OPTS) -> Analysis:
        if word in article.text:
            raise exc
        return real(article, options=options)

    return analyze


def test_analyze_batch_reports_each_failure_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "analyze", _fail_on("explodes", RuntimeError("boom")))
    (tmp_path / "a-german.txt").write_text(REFUSED["de"], encoding="utf-8")
    (tmp_path / "b-unknown.txt").write_text("Xyz qrs 123 456.", encoding="utf-8")
    (tmp_path / "c-bug.txt").write_text("The council said the bridge explodes.", encoding="utf-8")
    (tmp_path / "d-good.txt").write_text("The council said the bridge would stay.", encoding="utf-8")
    monkeypatch.setattr(pipeline, "load_backbone", _no_model)
    assert main(["analyze", str(tmp_path), "--format", "jsonl", "--model", "unused"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["d-good"]
    lines = err.strip().splitlines()[1:]  # after "sayso: loading models"
    assert lines[0].startswith(f"sayso: skipped {tmp_path / 'a-german.txt'}: is written in German")
    assert lines[1].startswith(f"sayso: skipped {tmp_path / 'b-unknown.txt'}: cannot tell its language")
    assert lines[2].startswith(f"sayso: skipped {tmp_path / 'c-bug.txt'}: sayso failed on this article")
    assert "RuntimeError: boom" in lines[2] and "bug in sayso" in lines[2]
    assert lines[3] == "sayso: 4 articles: 1 analysed, 3 skipped"


def _no_model(language: str, model: str | None = None):  # type: ignore[no-untyped-def]
    """A blank spaCy pipeline with sentences: the batch's flow is under test, not the analysis."""
    import spacy

    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    return nlp


def test_analyze_warns_about_a_mixed_text_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "load_backbone", _no_model)
    path = tmp_path / "mixed.txt"
    path.write_text(EN + EN + NL, encoding="utf-8")
    assert main(["analyze", str(path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["language"] == "en"
    assert err.startswith(f"sayso: warning: {path}: mixes languages")


def test_batch_keeps_the_warning_in_the_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    from sayso.cli.commands import analyse_one

    monkeypatch.setattr(pipeline, "load_backbone", _no_model)
    result = analyse_one(Article(text=EN + EN + NL, id="mixed"), OPTS)
    assert isinstance(result, Analysis) and result.language == "en"
    (note,) = result.notes
    assert note.startswith("mixed: mixes languages (70% en, 30% nl of its sentences); read as en")


def test_ingest_skips_a_bad_line_and_stores_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "analyze", _no_claims)
    path = _jsonl(
        tmp_path, {**GOOD, "language": 7}, GOOD, {**GOOD, "id": "de", "text": REFUSED["de"], "language": None}
    )
    code = main(["ingest", str(path), "--db", str(tmp_path / "s.db")])
    out = capsys.readouterr().out
    assert code == 1
    assert "added 1, already there 0, skipped 2" in out
    assert f"skipped: {path}:1: language 7 is not supported" in out


def _no_claims(article: Article, *, options: Options = OPTS) -> Analysis:
    """The pipeline's language step without the rest: an analysis that finds nothing to cluster."""
    language = options.language or article.language or detect_language(article.text, article.origin)
    return Analysis(article=replace(article, language=language), language=language)


@pytest.mark.parametrize("command", ["analyze", "evaluate"])
def test_cli_language_option_reads_regional_forms(command: str) -> None:
    from sayso.cli import build_parser

    extra = ["--out", "x"] if command == "evaluate" else []
    assert build_parser().parse_args([command, "x", *extra, "--language", "nl-BE"]).language == "nl"


def test_cli_language_option_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["analyze", "x.txt", "--language", "../../tmp/model"])
    assert info.value.code == 2 and "is not supported" in capsys.readouterr().err


# terminal output

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e"


def _analysis_with_escapes() -> Analysis:
    text = f"Mayor {ESCAPES}Bos said the quay {ESCAPES}closes."
    source = Span.of(text, 0, text.index("said") - 1)
    cue = Span.of(text, text.index("said"), text.index("said") + 4)
    content = Span.of(text, text.index("the quay"), len(text) - 1)
    return Analysis(
        article=Article(text=text, id="x", title=f"Title {ESCAPES}", published=date(2025, 1, 2), language="en"),
        language="en",
        attributions=(Attribution("indirect", source, cue, (content,), speaker=source.text),),
        entities=(Entity(0, source.end, source.text, "PER", source.text),),
    )


@pytest.mark.parametrize("colour", [False, True])
def test_text_report_shows_control_characters_escaped(colour: bool) -> None:
    out = io.StringIO()
    render_text(_analysis_with_escapes(), out, colour=colour)
    shown = out.getvalue()
    assert "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202e" in shown
    assert "\x07" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert "\x1b]" not in shown and "\x1b[2J" not in shown


def test_terminal_safe_keeps_newlines_tabs_and_text() -> None:
    assert terminal_safe("Café „quote”\n\tnext") == "Café „quote”\n\tnext"
    assert terminal_safe("a\rb\x00c\x7f") == "a\\x0db\\x00c\\x7f"


def test_json_output_is_the_same_json_and_inert() -> None:
    value = {"title": f"Title {ESCAPES}\u2028end"}
    dumped = json_safe(json.dumps(value, ensure_ascii=False))
    assert json.loads(dumped) == value
    assert not any(c in dumped for c in "\x1b\x07\x9b\u202e\u2028")


def test_skip_line_is_one_inert_line() -> None:
    line = skip_line(Skipped("a\x1b[2J.txt", "a\x1b[2J.txt: is empty;\nadd text"))
    assert line == "a\\x1b[2J.txt: is empty; add text"
