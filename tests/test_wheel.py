"""The wheel is a real install: build it, install it in a fresh venv, run commands from elsewhere.

The fresh venv gets the wheel only (``--no-deps``); its third-party dependencies are borrowed from the
running interpreter's site-packages through a ``.pth`` line, so the test needs no registry. A ``.pth``
line adds a folder but never runs the ``.pth`` files inside it, so the development checkout's
editable-install hook is *not* active there: every ``policywatch`` module must come from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    src, dist, env = base / "src", base / "dist", base / "venv"
    # Build from a clean copy: an in-tree build would leave build/ behind, and a stale build/lib
    # would ship modules the checkout no longer has.
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", ".demo", "__pycache__", ".*_cache", "tests", "benchmarks"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(dist), str(src)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-3000:]
    wheel = next(dist.glob("policywatch-*.whl"))
    venv.create(env, with_pip=False)
    py = env / "bin" / "python"
    site = Path(subprocess.check_output([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())
    (site / "borrowed-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q",
                              str(wheel)], capture_output=True, text=True, timeout=300)
    if install.returncode != 0 and "no such option: --python" in install.stderr:
        pytest.skip("pip too old for --python")
    assert install.returncode == 0, install.stderr[-3000:]
    return env


def run(env: Path, cwd: Path, *args: str, timeout: int = 240) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYWATCH_", "PYTHON"))}
    return subprocess.run([str(env / "bin" / "policywatch"), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**clean, "HOME": str(cwd)})


def test_modules_come_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    code = ("import crawler, parsers, store, notifier, policywatch, scheduler, store.db as d; "
            "print(crawler.__file__, policywatch.__file__, scheduler.__file__, d.migrations_dir())")
    out = subprocess.check_output([str(installed / "bin" / "python"), "-c", code], cwd=tmp_path, text=True,
                                  env={"PATH": os.environ.get("PATH", "")})
    assert str(ROOT) not in out and "site-packages" in out, out


def test_no_generic_names_installed(installed: Path) -> None:
    site = next((installed / "lib").glob("python*/site-packages"))
    for name in ("app", "cli", "config", "errors"):
        assert not (site / f"{name}.py").exists() and not (site / name).exists()


def test_demo_eval_and_migrations_from_another_folder(installed: Path, tmp_path: Path) -> None:
    demo = run(installed, tmp_path, "--data-dir", str(tmp_path / "demo"), "demo")
    assert demo.returncode in (0, 1), demo.stderr[-3000:]
    assert "new notice(s)" in demo.stdout and "Can't find" not in demo.stderr
    new = int(demo.stdout.split(" new notice(s)")[0].split()[-1])
    assert new > 50, demo.stdout
    status = run(installed, tmp_path, "--data-dir", str(tmp_path / "demo"), "status", "--json")
    assert status.returncode == 0, status.stderr[-2000:]
    ev = run(installed, tmp_path, "eval")
    assert ev.returncode == 0, ev.stderr[-2000:]
    cases = int(ev.stdout.splitlines()[0].split(":")[1])
    assert cases >= 40, ev.stdout[:500]
