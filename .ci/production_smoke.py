"""Production smoke test: the app as docker-compose.yml runs it, from a venv built from requirements.txt alone.

Run by .ci/run with that venv's python. It reads each service's command from docker-compose.yml (so the
compose file cannot drift from what is tested), points them at a fresh PostgreSQL database and at a Redis
server of its own on its own port, and checks: `check --deploy`, the web entrypoint (migrate, gazetteer,
actors, gunicorn) serving /healthz/ and a page, a real Celery worker, and one report uploaded through the
API that ends `parsed` with an event. Exits non-zero, saying which step failed, when any of that fails.

usage: python .ci/production_smoke.py [--database-url postgres://postgres@127.0.0.1:5432/conflict_tracker_smoke]
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import yaml

ROOT = Path(__file__).resolve().parent.parent
REPORT = (
    "Gunmen attacked a military post near Djibo in northern Burkina Faso on Sunday, killing at least 12 "
    "soldiers, a security source said. The army said it killed 20 of the attackers in the fighting."
)


class SmokeFailure(Exception):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def app_commands() -> dict[str, list[str]]:
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    return {name: service["command"] for name, service in services.items() if service.get("build") == "."}


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    handle = log.open("w")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise SmokeFailure(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def request(base: str, path: str, *, token: str = "", body: dict | None = None) -> tuple[int, bytes]:
    # Behind its TLS proxy the app sees X-Forwarded-Proto; production's HTTPS settings stay on.
    headers = {"X-Forwarded-Proto": "https", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(base + path, data=data, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


def wait_for(what: str, check, *, timeout: float, processes: list[subprocess.Popen], logs: list[Path]):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        for process, log in zip(processes, logs, strict=True):
            if process.poll() is not None:
                raise SmokeFailure(
                    f"{what}: {process.args} exited with {process.returncode}:\n{log.read_text()[-4000:]}"
                )
        time.sleep(0.5)
    tails = "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for log in logs)
    raise SmokeFailure(f"{what}: not within {timeout:.0f} s\n{tails}")


# Saved as an upload saves it but never sent to the broker, queued two minutes ago: only the sweep sends it.
STRANDED_ARTICLE = """
import datetime
from django.utils import timezone
from sources.models import Article
from sources.models import content_hash
text = "Gunmen killed four civilians near Kaya in Burkina Faso on Sunday, a local official said."
article = Article.objects.create(text=text, content_hash=content_hash(text), title="Stranded",
                                 queued_at=timezone.now() - datetime.timedelta(minutes=2))
print(article.id)
"""


def step(message: str) -> None:
    print(f"smoke: {message}", flush=True)


def run(database_url: str, workdir: Path, stack: ExitStack) -> None:
    commands = app_commands()
    missing = {"web", "worker", "beat"} - set(commands)
    if missing:
        raise SmokeFailure(f"docker-compose.yml has no {', '.join(sorted(missing))} service built from the repo")

    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    stack.callback(stop, redis)
    recreate_database(database_url)
    web_port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_", "PYTEST"))},
        "ENV_FILE": "",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "WEB_BIND": f"127.0.0.1:{web_port}",
        "WEB_WORKERS": "2",
        "WORKER_CONCURRENCY": "1",
        "SWEEP_INTERVAL_SECONDS": "5",
        "SWEEP_QUEUED_AFTER_SECONDS": "5",
        "BEAT_SCHEDULE_FILE": str(workdir / "celerybeat-schedule"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    step("pip check")
    result = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    if result.returncode != 0:
        raise SmokeFailure(f"pip check:\n{result.stdout}{result.stderr}")
    step("manage.py check --deploy (DEBUG=0)")
    manage(env, "check", "--deploy", "--fail-level", "WARNING")
    step("collectstatic (as the Dockerfile does)")
    manage(env, "collectstatic", "--noinput", "-v0")

    logs = [workdir / "web.log", workdir / "worker.log", workdir / "beat.log"]
    step(f"web: {' '.join(commands['web'])} (migrate, gazetteer, actors, gunicorn)")
    web = start(commands["web"], env, logs[0])
    stack.callback(stop, web)
    base = f"http://127.0.0.1:{web_port}"
    wait_for("/healthz/", lambda: request(base, "/healthz/")[0] == 200, timeout=900, processes=[web], logs=logs[:1])
    status, _ = request(base, "/accounts/login/")
    if status != 200:
        raise SmokeFailure(f"the sign-in page answered {status}")

    step(f"worker: {' '.join(commands['worker'])}")
    worker = start(commands["worker"], env, logs[1])
    stack.callback(stop, worker)

    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(16)},
        "createsuperuser",
        "--noinput",
        "--username",
        "smoke",
        "--email",
        "smoke@example.org",
    )
    token = manage(env, "drf_create_token", "smoke").split()[2]

    step("upload one report through the API")
    status, body = request(
        base,
        "/api/v1/articles/",
        token=token,
        body={"text": REPORT, "title": "Attack near Djibo", "publisher": "Smoke", "published_at": "2024-05-13"},
    )
    if status != 201:
        raise SmokeFailure(f"POST /api/v1/articles/ answered {status}: {body[:2000]!r}")
    article_id = json.loads(body)["id"]

    def parsed():
        code, payload = request(base, f"/api/v1/articles/{article_id}/", token=token)
        if code != 200:
            return None
        article = json.loads(payload)
        if article["status"] == "failed":
            raise SmokeFailure(f"the article failed to parse: {article['error']}")
        return article if article["status"] == "parsed" else None

    article = wait_for("article parsed by the worker", parsed, timeout=180, processes=[web, worker], logs=logs[:2])
    if not article["event_ids"]:
        raise SmokeFailure(f"the article parsed to no event: {article}")
    step(f"article {article_id} parsed by the worker into event(s) {article['event_ids']}")

    step("an article whose task message was lost (saved, never sent) is sent by the beat's sweep")
    stranded = manage(env, "shell", "-c", STRANDED_ARTICLE).strip().splitlines()[-1]
    step(f"beat: {' '.join(commands['beat'])}")
    beat = start(commands["beat"], env, logs[2])
    stack.callback(stop, beat)

    def swept():
        code, payload = request(base, f"/api/v1/articles/{stranded}/", token=token)
        return code == 200 and json.loads(payload)["status"] == "parsed"

    wait_for("stranded article parsed after a sweep", swept, timeout=120, processes=[web, worker, beat], logs=logs)
    step(f"article {stranded} parsed after the sweep sent it")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/conflict_tracker_smoke")
    args = parser.parse_args()
    if not shutil.which("redis-server"):
        print("smoke: FAILED: redis-server is not installed", file=sys.stderr)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="ct-smoke-"))
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        try:
            run(args.database_url, workdir, stack)
        except SmokeFailure as failure:
            print(f"smoke: FAILED: {failure}", file=sys.stderr)
            return 1
    print("smoke: production install OK", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
