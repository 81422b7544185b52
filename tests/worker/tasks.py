"""Tasks the worker tests queue: one that fails a given number of times, one that always does."""

from hub.tasks import retried_task

FAILURES_LEFT: dict[str, int] = {}  # the worker runs in the test's process
RUNS: dict[str, int] = {}


@retried_task(attempts=3, backoff=0)
def flaky(token: str) -> str:
    RUNS[token] = RUNS.get(token, 0) + 1
    if FAILURES_LEFT.get(token, 0) > 0:
        FAILURES_LEFT[token] -= 1
        raise ConnectionError(f"{token} is not there yet")
    return token


@retried_task(attempts=2, backoff=0)
def always_failing(token: str) -> None:
    RUNS[token] = RUNS.get(token, 0) + 1
    raise ValueError(f"{token} cannot be done")


@retried_task(attempts=3)
def failing_with_backoff(token: str) -> None:
    raise ValueError(f"{token} cannot be done yet")
