import sayso

EXPECTED = {
    "Analysis",
    "Article",
    "Attribution",
    "Claim",
    "Entity",
    "EvaluationError",
    "InputError",
    "LanguageError",
    "ModelError",
    "Options",
    "Quantity",
    "SaysoError",
    "Skipped",
    "Span",
    "StoreError",
    "TimeExpr",
    "__version__",
    "analysis_to_dict",
    "analyze",
    "iter_articles",
}


def test_public_api_is_pinned() -> None:
    assert set(sayso.__all__) == EXPECTED
    for name in sayso.__all__:
        assert hasattr(sayso, name)


def test_errors_share_one_root() -> None:
    for err in (sayso.InputError, sayso.LanguageError, sayso.ModelError, sayso.EvaluationError, sayso.StoreError):
        assert issubclass(err, sayso.SaysoError)
