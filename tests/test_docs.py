"""The README names every loader, setting, command, output format and Make target the code has."""

import re
from pathlib import Path

import pytest

from loaders import LOADERS
from loaders.cli import COMMANDS
from loaders.settings import HELP, Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_every_loader_is_documented(name):
    assert f"`{name}`" in README
    assert LOADERS[name].replace(".", "/") in README


@pytest.mark.parametrize("name", sorted(HELP))
def test_every_setting_is_documented(name):
    assert f"`{name}`" in README


def test_every_setting_has_help():
    assert set(HELP) == set(Settings.__dataclass_fields__)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_documented(name):
    assert f"python -m loaders {name}" in README


def test_every_output_format_is_documented():
    from loaders.writers import FORMATS

    for ext in FORMATS:
        assert f"`{ext}`" in README, ext


def test_the_readme_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", README, flags=re.M):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
