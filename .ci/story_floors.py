"""Compare the story scorer's JSON (stdin) with the floors in FILE; exit 1 naming each measure below its floor.

    python3 ../shared/eval/score_stories.py ../shared/eval/stories --sayso .venv/bin/sayso --json \\
        | python3 .ci/story_floors.py tests/eval_baseline_stories.json
"""

import json
import sys


def value(result: dict, path: str) -> float:
    for part in path.split("."):
        result = result[part]
    return float(result)


def main() -> int:
    result = json.loads(sys.stdin.read())
    floors = json.loads(open(sys.argv[1], encoding="utf-8").read())["floors"]
    failed = []
    for path, (kind, bound) in floors.items():
        got = value(result, path)
        ok = got >= bound if kind == "min" else got <= bound
        print(f"{path:<28} {got:>7.3f}  {'>=' if kind == 'min' else '<='} {bound:<6}  {'ok' if ok else 'BELOW'}")
        if not ok:
            failed.append(path)
    if failed:
        print(f"story floors not met: {', '.join(failed)}; fix the regression or, with a reason in CHANGELOG.md, "
              f"lower the floor in {sys.argv[1]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
