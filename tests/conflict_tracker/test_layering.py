"""The layers, read from the source: every import statement, at the top of a module or inside a function.

- ``events`` depends on ``sources`` (its models reference Article), never the reverse: no module of ``sources``
  imports ``events``, except the Celery task wiring (``sources/tasks.py``, which runs
  ``events.ingestion.article_parse`` under the task's established name; see its docstring).
- ``sources/parsing`` is plain Python: no Django, and nothing of the project outside the package (which would
  bring Django in). ``tests/sources/parsing/test_events.py`` also checks it at run time.
- The page helpers shared by both apps (``conflict_tracker/web.py``, ``conflict_tracker/roles.py``) import
  neither app.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The one module of sources that may import events, and what it may import from it.
TASK_WIRING = {"sources/tasks.py": {"events.ingestion"}}


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file, relative ones resolved."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    if path.name == "__init__.py":
        package = path.relative_to(ROOT).parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # "from events import selectors" names events.selectors; "from . import x" the same way.
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names if alias.name != "*")
    return found


def modules_under(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violations(folder: str, forbidden: tuple[str, ...], *, allowed: dict[str, set[str]] | None = None) -> list[str]:
    allowed = allowed or {}
    found = []
    for path in modules_under(folder):
        name = path.relative_to(ROOT).as_posix()
        for line, module in imports_of(path):
            if any(within(module, package) for package in forbidden) and not any(
                within(module, ok) for ok in allowed.get(name, ())
            ):
                found.append(f"{name}:{line} imports {module}")
    return found


def test_the_import_reader_sees_every_form_of_import(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    module = tmp_path / "sources" / "parsing" / "example.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "import events.models\nfrom events import views\nfrom .lang import en\nfrom .. import services\n"
        "def later():\n    from django.conf import settings\n",
        encoding="utf-8",
    )
    names = {name for _, name in imports_of(module)}
    assert {"events.models", "events", "events.views", "sources.parsing.lang.en", "sources.services"} <= names
    assert "django.conf" in names


def test_no_module_of_sources_imports_events_but_the_task_wiring():
    assert violations("sources", ("events",), allowed=TASK_WIRING) == []


def test_the_task_wiring_imports_only_the_ingestion_service():
    imported = {module for _, module in imports_of(ROOT / "sources" / "tasks.py") if within(module, "events")}
    assert imported == {"events.ingestion", "events.ingestion.article_parse"}


def test_the_parser_imports_no_django_and_nothing_of_the_project_outside_it():
    forbidden = ("django", "rest_framework", "celery", "conflict_tracker", "events")
    found = violations("sources/parsing", forbidden)
    for path in modules_under("sources/parsing"):
        name = path.relative_to(ROOT).as_posix()
        found += [
            f"{name}:{line} imports {module}"
            for line, module in imports_of(path)
            if within(module, "sources") and not within(module, "sources.parsing")
        ]
    assert found == []


def test_the_shared_page_helpers_import_neither_app():
    found = []
    for helper in ("web.py", "roles.py"):
        path = ROOT / "conflict_tracker" / helper
        found += [
            f"{helper}:{line} imports {m}"
            for line, m in imports_of(path)
            if within(m, "events") or within(m, "sources")
        ]
    assert found == []
