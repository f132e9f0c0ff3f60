"""What telling a story's language costs (``articles.parsing.language_detection``), in a process of its
own so that its memory is the detector's: building the detector, the first story (which loads the
models it needs), then every story of the real-world corpus and the story fixtures, several times
over — milliseconds a story, and the process's resident memory before and after. ``make bench``
runs it; alone: ``.venv/bin/python bench/language_detection.py``. Prints one JSON object."""

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/: the project's own packages

from articles.parsing import parse_story  # noqa: E402  (pure: no Django)
from articles.parsing.language_detection import detect_language, detector  # noqa: E402

ROUNDS = 5


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        kilobytes = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return round(kilobytes / 1024, 1)


def story_texts() -> list[str]:
    paths = sorted((ROOT / "tests" / "realworld").glob("*.txt")) + sorted(
        (ROOT / "tests" / "stories").glob("language_*")
    )
    stories = [parse_story(path.read_text(encoding="utf-8")) for path in paths]
    return ["\n".join([story.headline, *story.paragraphs]) for story in stories]


def measure() -> dict:
    texts = story_texts()
    before = resident_mb()
    started = time.perf_counter()
    detector()
    built = time.perf_counter() - started
    started = time.perf_counter()
    detect_language(texts[0])
    first = time.perf_counter() - started
    for text in texts:  # every language's models loaded once, as a long-running server has them
        detect_language(text)
    loaded = resident_mb()
    times = []
    for _ in range(ROUNDS):
        for text in texts:
            started = time.perf_counter()
            detect_language(text)
            times.append(time.perf_counter() - started)
    return {
        "stories": len(texts),
        "languages_met": len({detect_language(text) for text in texts}),
        "build_ms": round(built * 1000, 2),
        "first_story_ms": round(first * 1000, 1),
        "per_story_ms_median": round(statistics.median(times) * 1000, 2),
        "per_story_ms_p95": round(statistics.quantiles(times, n=20)[-1] * 1000, 2),
        "memory_before_mb": before,
        "memory_with_models_mb": loaded,
    }


if __name__ == "__main__":
    print(json.dumps(measure()))
