"""Hostile configuration: arbitrary TOML-ish text in the config file or a sources file is either
accepted or rejected with ``errors.ConfigError`` — never a traceback from tomllib, dataclasses or
the selector compiler."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.user_sources import load_sources_file, load_sources_text
from policywatch.config import load_settings
from policywatch.errors import ConfigError

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_KEYS = st.sampled_from(["data_dir", "log_format", "log_level", "url", "dir", "user_agent", "download_delay",
                         "timeout", "retries", "max_page_bytes", "obey_robots", "http_cache", "host", "port",
                         "password", "security", "secret", "public_url", "max_attempts", "proxy", "poll_minutes",
                         "id", "name", "city", "channel", "list_item", "link", "content", "max_pages", "nope"])
_VALUES = st.sampled_from(['""', '"x"', "1", "-1", "0", "1e309", "nan", "inf", "true", "[]", "[1, 2]", "{}",
                           "{a = 1}", '"file:///etc/passwd"', '"http://127.0.0.1/"', '"ul..li"', '"::attr("',
                           "1979-05-27", "0x10", '"""a\nb"""', "'lit'", '"\\u0000"', "[[]]", "{ x = { y = 1 } }"])
_HEADERS = st.sampled_from(["", "[crawl]", "[database]", "[smtp]", "[notify]", "[outbox]", "[sources]",
                            "[sources.most]", "[[source]]", "[[source.channel]]", "[source]", "[crawl.x]", "[[crawl]]",
                            "[sources.most.deep]"])
_LINE = st.one_of(_HEADERS, st.builds(lambda k, v: f"{k} = {v}", _KEYS, _VALUES), st.text(max_size=30))
TOMLISH = st.lists(_LINE, max_size=12).map("\n".join)


def _load_config_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "policywatch.toml"
        path.write_text(text, "utf-8", errors="surrogatepass")
        with contextlib.suppress(ConfigError):
            load_settings(path, environ={"POLICYWATCH_DATA_DIR": tmp})


@FUZZ
@given(TOMLISH)
def test_config_file_raises_only_config_error(text: str) -> None:
    _load_config_text(text)


@FUZZ
@given(st.dictionaries(st.sampled_from(["POLICYWATCH_SMTP_PORT", "POLICYWATCH_DOWNLOAD_DELAY",
                                        "POLICYWATCH_LOG_FORMAT", "POLICYWATCH_DATABASE_URL",
                                        "POLICYWATCH_SMTP_SECURITY", "POLICYWATCH_LOG_LEVEL"]),
                       st.text(max_size=12)))
def test_environment_raises_only_config_error(env: dict[str, str]) -> None:
    with contextlib.suppress(ConfigError):
        load_settings(environ={"POLICYWATCH_DATA_DIR": "/tmp/pw-hostile", **env})


@FUZZ
@given(TOMLISH)
def test_sources_text_raises_only_config_error(text: str) -> None:
    with contextlib.suppress(ConfigError):
        load_sources_text(text)


@FUZZ
@given(st.binary(max_size=200))
def test_sources_file_bytes_raise_only_config_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sources.toml"
        path.write_bytes(data)
        with contextlib.suppress(ConfigError):
            load_sources_file(path)


def test_config_file_that_is_a_directory_or_not_utf8(tmp_path: Path) -> None:
    for bad in (tmp_path, tmp_path / "gbk.toml"):
        if bad.suffix:
            bad.write_bytes('[crawl]\nuser_agent = "政策"\n'.encode("gbk"))
        with contextlib.suppress(ConfigError):
            load_settings(bad, environ={"POLICYWATCH_DATA_DIR": str(tmp_path)})


def test_bad_per_source_overrides_fail_at_load_not_mid_poll(tmp_path: Path) -> None:
    for text in ("[sources]\nmost = 1\n", '[sources.most]\nmax_pages = "x"\n', "[sources.most]\nproxy = 3\n",
                 "[sources.most]\npoll_minutes = true\n"):
        path = tmp_path / "c.toml"
        path.write_text(text, "utf-8")
        try:
            load_settings(path, environ={"POLICYWATCH_DATA_DIR": str(tmp_path)})
        except ConfigError as exc:
            assert "sources" in str(exc)
        else:
            raise AssertionError(f"accepted {text!r}")
