"""The ``policywatch`` command line. It only wires: crawler -> parsers -> store -> notifier.

Exit codes: 0 ok; 1 some source or channel failed or was blocked (the rest is still stored);
2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from policywatch.errors import ConfigError, PolicywatchError
from store import csvout

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("policywatch")


# -- argument parsing ----------------------------------------------------------------------

def _common(p: argparse.ArgumentParser, top: bool = False) -> None:
    # Accepted before or after the command; the sub-parser must not reset a value given before it.
    default = None if top else argparse.SUPPRESS
    p.add_argument("--config", metavar="FILE", default=default, help="TOML config file (or POLICYWATCH_CONFIG)")
    p.add_argument("--database-url", metavar="URL", default=default,
                   help="database URL (or POLICYWATCH_DATABASE_URL)")
    p.add_argument("--data-dir", metavar="DIR", default=default, help="data folder (or POLICYWATCH_DATA_DIR)")
    p.add_argument("--log-format", choices=["text", "json"], default=default, help="log output format")
    p.add_argument("-v", "--verbose", action="store_true", default=False if top else argparse.SUPPRESS,
                   help="debug logging")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policywatch")
    except PackageNotFoundError:  # a checkout run without installing
        return "unknown (not installed)"


# Placeholders in option help, filled with the known values only when help is shown: listing them
# eagerly would import the source registry and the extractor on every command's start-up.
def _known_cities() -> str:
    from crawler.sources import builtin_sources
    from parsers.facts.zone_reference import province_of

    cities = list(dict.fromkeys(src.city.removesuffix("市") for src in builtin_sources()))
    provinces = sorted({p for c in cities if (p := province_of(c)) and p not in cities})
    return ", ".join(cities) + (f"; provinces (their departments and cities): {', '.join(provinces)}"
                                if provinces else "")


def _known_topics() -> str:
    from parsers.facts.topics import VOCABULARY

    return ", ".join(VOCABULARY)


def _known_events() -> str:
    from parsers.facts.events import filter_names

    return ", ".join(filter_names())


_KNOWN = {"{CITIES}": _known_cities, "{TOPICS}": _known_topics, "{EVENTS}": _known_events}


class _HelpFormatter(argparse.HelpFormatter):
    """Fills the ``{CITIES}``/``{TOPICS}``/``{EVENTS}`` placeholders of option help with the valid values.

    ``_expand_help`` is argparse's one place where a help string is turned into text (stable since
    Python 3.2); overriding it keeps the lookups out of parsing."""

    def _expand_help(self, action: argparse.Action) -> str:
        text = super()._expand_help(action)
        for key, values in _KNOWN.items():
            if key in text:
                text = text.replace(key, values())
        return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policywatch", description=__doc__.split("\n")[0],
                                     formatter_class=_HelpFormatter)
    parser.add_argument("--version", action="version", version=f"policywatch {_version()}")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def cmd(name: str, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, formatter_class=_HelpFormatter)
        _common(p)
        return p

    p = cmd("init", "write a commented example config file")
    p.add_argument("path", nargs="?", default="policywatch.toml")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = cmd("sources", "list the sources and channels")
    p.add_argument("--json", action="store_true")
    p.add_argument("--sources", metavar="FILE", help="extra user-defined sources (TOML)")

    p = cmd("crawl", "poll sources once and archive what is new or changed")
    p.add_argument("--source", action="append", default=[], metavar="ID", help="source or source/channel")
    p.add_argument("--mirror", metavar="URL", help="fetch from a local mirror of the official sites")
    p.add_argument("--sources", metavar="FILE", help="extra user-defined sources (TOML)")
    p.add_argument("--json", action="store_true", help="print the per-channel report as JSON")

    p = cmd("parse", "parse one saved page (or .txt article) and print the notice record")
    p.add_argument("file")
    p.add_argument("--url", required=True, help="the page's official URL")
    p.add_argument("--json", action="store_true")
    p.add_argument("--explain", action="store_true", help="show the span and rule behind each value")

    p = cmd("export", "export the archive")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("--what", choices=["notices", "events"], default="notices",
                   help="notices (one row each) or events (one row per extracted event)")
    p.add_argument("--output", metavar="FILE", help="default: standard output")
    p.add_argument("--no-bom", action="store_true",
                   help="CSV to a file starts with a UTF-8 BOM so Excel/WPS on Chinese Windows read it as UTF-8; "
                        "this turns it off")

    p = cmd("notify", "send every due digest")
    p.add_argument("--dry-run", action="store_true",
                   help="show what would be sent to whom; send nothing, record nothing")
    p.add_argument("--json", action="store_true", help="with --dry-run: the digests as JSON")

    p = cmd("run", "run the daemon (scheduler)")
    p.add_argument("--once", action="store_true", help="one full cycle (crawl + notify) and exit")
    p.add_argument("--mirror", metavar="URL")
    p.add_argument("--engine", choices=["local", "procrastinate"],
                   help="local: poll and notify in this process; procrastinate: defer the jobs to "
                        "`policywatch worker` processes (default: [engine] kind)")

    p = cmd("worker", "run poll and notify jobs deferred by `run --engine procrastinate` (PostgreSQL archive)")
    p.add_argument("--queue", action="append", default=[], metavar="NAME",
                   help="queue(s) to serve: default (and notify jobs), cn (channels that need a mainland "
                        "egress); repeat for several (default: default)")
    p.add_argument("--concurrency", type=int, default=2, metavar="N", help="jobs run at once (default 2)")
    p.add_argument("--name", help="this worker's name in status (default: HOST-PID)")
    p.add_argument("--mirror", metavar="URL", help="fetch from a local mirror of the official sites")

    p = cmd("status", "health per source and channel")
    p.add_argument("--json", action="store_true")
    p.add_argument("--check", action="store_true", help="exit 1 when anything is failing or blocked")
    p.add_argument("--ignore", action="append", default=[], metavar="SOURCE[/CHANNEL]",
                   help="with --check: channels expected to fail here (e.g. geo-blocked abroad)")
    p.add_argument("--alive", action="store_true",
                   help="exit 0 if a daemon is running on this data directory, else 1 (a liveness check)")

    p = cmd("demo", "crawl the bundled snapshots from a local mirror and write a digest")
    p.add_argument("--fresh", action="store_true", help="start from an empty demo database")
    p.add_argument("--challenges", action="store_true",
                   help="serve the snapshots behind emulated Jiasule/WZWS challenges, a JS-built list and a "
                        "geo-fence (read through the browser tier and a local egress proxy)")

    p = cmd("subscribe", "add a subscription")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--email", metavar="ADDR")
    target.add_argument("--wecom-key", metavar="KEY")
    target.add_argument("--serverchan-key", metavar="KEY")
    target.add_argument("--pushplus-token", metavar="TOKEN")
    target.add_argument("--webhook", metavar="URL")
    target.add_argument("--outbox", action="store_true", help="write digests to the outbox folder")
    target.add_argument("--atom", metavar="NAME",
                        help="keep an Atom feed <data_dir>/feeds/feed-NAME.xml for feed readers")
    _filter_arguments(p)
    _event_argument(p)
    p.add_argument("--keyword", action="append", default=[], metavar="WORD")
    p.add_argument("--min-amount", metavar="YUAN", help="e.g. 5000000, 500万, 1亿")
    p.add_argument("--remind", metavar="DAYS",
                   help="remind N days before a call's application deadline, e.g. 7,1 (default: no reminders)")
    p.add_argument("--deadline-within", type=int, metavar="N",
                   help="only grant calls whose application deadline is at most N days away")
    p.add_argument("--schedule", default="immediate", help="immediate | daily HH:MM | weekly DAY HH:MM")
    p.add_argument("--name", help="subscriber name")
    p.add_argument("--backlog-days", type=int, default=7, metavar="N",
                   help="also send changes detected in the last N days (default 7; 0 = only from now on)")
    p.add_argument("--ops", action="store_true", help="an ops subscription: health alerts, no notice digests")
    p.add_argument("--with-notices", action="store_true", help="with --ops: also receive notice digests")

    p = cmd("test-channel", "send one test message through a subscription's channel (or the given one) "
                            "and print the channel's answer; nothing is recorded")
    p.add_argument("subscription", nargs="?", type=int, metavar="SUBSCRIPTION_ID")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--email", metavar="ADDR")
    target.add_argument("--wecom-key", metavar="KEY")
    target.add_argument("--serverchan-key", metavar="KEY")
    target.add_argument("--pushplus-token", metavar="TOKEN")
    target.add_argument("--webhook", metavar="URL")

    p = cmd("subscriptions", "list or remove subscriptions")
    ssub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    ls = ssub.add_parser("list", help="list subscriptions")
    ls.add_argument("--json", action="store_true")
    rm = ssub.add_parser("remove", help="remove a subscription")
    rm.add_argument("id", type=int)

    p = cmd("deliveries", "digests that could not be delivered: list them, requeue them")
    dsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    dl = dsub.add_parser("list", help="list dead digests (notice digests and ops alerts)")
    _common(dl)
    dl.add_argument("--subscription", type=int, metavar="N", help="only this subscription's")
    dl.add_argument("--all", action="store_true", help="also the ones still pending or being retried")
    dl.add_argument("--json", action="store_true")
    dr = dsub.add_parser("retry", help="requeue dead digests: they go out at the next notify")
    _common(dr)
    which = dr.add_mutually_exclusive_group(required=True)
    which.add_argument("--subscription", type=int, metavar="N", help="only this subscription's")
    which.add_argument("--all", action="store_true", help="every dead digest")

    p = cmd("unsubscribe", "deactivate the subscription a signed token belongs to")
    p.add_argument("token")

    p = cmd("eval", "precision/recall of the fact extractor on the labelled corpus")
    p.add_argument("corpus", nargs="?", default=None)
    _archive_parsers(cmd)
    return parser


# -- setup -----------------------------------------------------------------------------------

class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {"ts": self.formatTime(record), "level": record.levelname, "logger": record.name,
                "msg": record.getMessage()}
        if record.exc_info:
            # exc_text is the redacted traceback when SecretFilter has run.
            data["exc"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


# `key=`, `token=`, ... in URLs and messages (WeCom webhook keys, PushPlus tokens), and URL passwords.
_SECRET_PARAM = re.compile(r"(?i)\b([\w-]*(?:key|token|secret|password|passwd|pwd))=([^&\s'\"]+)")
_URL_PASSWORD = re.compile(r"(://[^/\s:@]+:)([^@\s/]+)(@)")


class SecretFilter(logging.Filter):
    """Masks known secrets (settings, subscription keys) and secret-looking patterns in every record.

    Attached to the root handler, so it also covers Scrapy's, urllib3's and third-party loggers.
    """

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def add_secrets(self, values: Any) -> None:
        # Short values would mask ordinary words; real keys and passwords are longer.
        self.secrets.update(v for v in values if isinstance(v, str) and len(v) >= 6)

    def redact(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        text = _SECRET_PARAM.sub(r"\1=***", text)
        return _URL_PASSWORD.sub(r"\1***\3", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
        return True


SECRETS = SecretFilter()


def settings_secrets(settings: Any) -> list[str]:
    from urllib.parse import urlsplit

    values = [settings.smtp.password, settings.notify.secret]
    try:
        values.append(urlsplit(settings.database_url).password or "")
    except ValueError:  # an unparsable URL has no password we could find
        return values
    return values + proxy_secrets(settings)


def proxy_secrets(settings: Any) -> list[str]:
    """The credentials of every configured proxy, ``${VAR}`` expanded: redacted from every log line."""
    import re
    from urllib.parse import urlsplit

    proxies = [settings.crawl.proxy]
    for table in settings.sources.values():
        proxies.append(table.get("proxy", ""))
        proxies += [sub.get("proxy", "") for sub in table.get("channels", {}).values()]
    out = []
    for proxy in filter(None, proxies):
        url = re.sub(r"\$\{(\w+)\}", lambda m: os.environ.get(m.group(1), ""), str(proxy))
        try:
            parts = urlsplit(url)
            out += [parts.password or "", f"{parts.username}:{parts.password}" if parts.password else ""]
        except ValueError:
            continue
    return [v for v in out if v]


# Scrapy's per-request failures ("Gave up retrying <GET ...>", "Error downloading ...") at ERROR:
# an unreachable site buries the one line per failed channel the crawler logs with its reason code.
# They stay available with -v.
_PER_REQUEST_LOGGERS = ("scrapy.downloadermiddlewares.retry", "scrapy.core.scraper", "scrapy.core.engine")


def _per_request_noise(record: logging.LogRecord) -> bool:
    return not record.name.startswith(_PER_REQUEST_LOGGERS)


def setup_logging(fmt: str, level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(SECRETS)
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    if logging.getLevelName(level) > logging.DEBUG:
        handler.addFilter(_per_request_noise)
    # APScheduler logs every job run at INFO (~2,900 lines a day that say nothing).
    for noisy in ("scrapy", "scrapy-playwright", "twisted", "py.warnings", "alembic", "filelock", "apscheduler"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    logging.getLogger("scrapy.core.downloader.handlers._base_streaming").setLevel(logging.ERROR)
    # urllib3's DEBUG lines print full request URLs, WeCom webhook keys included.
    logging.getLogger("urllib3").setLevel(max(logging.INFO, logging.getLevelName(level)))


def load(args: argparse.Namespace) -> Any:
    from policywatch.config import find_config, load_settings

    config = args.config or os.environ.get("POLICYWATCH_CONFIG") or find_config()
    settings = load_settings(config, overrides={
        "database.url": args.database_url, "data_dir": args.data_dir, "log_format": args.log_format,
        "log_level": "DEBUG" if args.verbose else None})
    setup_logging(settings.log_format, settings.log_level)
    SECRETS.add_secrets(settings_secrets(settings))
    return settings


def extra_sources(args: argparse.Namespace, settings: Any) -> tuple[Any, ...]:
    """User-defined sources: ``--sources FILE`` where a command has it, else ``sources_file`` from the
    config, so the daemon, status, search and reports know the same sources as ``crawl``."""
    path = getattr(args, "sources", None) or settings.sources_file
    if not path:
        return ()
    from crawler.user_sources import load_sources_file

    return load_sources_file(Path(path).expanduser())


def open_app(args: argparse.Namespace) -> Any:
    from policywatch.app import App

    settings = load(args)
    return App.open(settings, extra_sources(args, settings))


# -- commands --------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    from policywatch.config import EXAMPLE_CONFIG

    path = Path(args.path)
    if path.exists() and not args.force:
        raise ConfigError(f"{path} exists; use --force to overwrite")
    path.write_text(EXAMPLE_CONFIG, encoding="utf-8")
    print(f"wrote {path}; edit it, then run: policywatch --config {path} crawl")
    return EXIT_OK


def cmd_sources(args: argparse.Namespace) -> int:
    from crawler.registry import sources_json
    from crawler.sources import all_sources

    sources = all_sources(extra_sources(args, load(args)))
    if args.json:
        print(json.dumps(sources_json(sources), ensure_ascii=False, indent=2))
        return EXIT_OK
    for src in sources:
        print(f"{src.id:10} {src.name} ({src.city})")
        for ch in src.channels:
            flags = [label for on, label in ((ch.needs_browser, "needs browser"),
                                             (bool(ch.challenge), f"{ch.challenge} challenge"),
                                             (ch.needs_egress, "needs mainland egress")) if on]
            flag = f"  [{', '.join(flags)}]" if flags else ""
            print(f"    {ch.id:14} {ch.platform:8} {ch.name}  {ch.url}{flag}")
    return EXIT_OK


def _progress_printer() -> Any:
    if not sys.stderr.isatty():
        return None  # quiet when not on a terminal (cron, systemd, pipes)

    def show(polls: Sequence[Any]) -> None:
        pages = sum(p.health.pages for p in polls)
        stored = sum(p.health.new + p.health.changed for p in polls)
        seen = sum(p.health.items_seen for p in polls)
        sys.stderr.write(f"\rcrawling {len(polls)} channels: {pages} list pages, {seen} entries, "
                         f"{stored} new/changed ")
        sys.stderr.flush()

    return show


def run_crawl(app: Any, sources: Any, mirror: str | None, polite: bool = True) -> Any:
    from crawler import reactor
    from crawler.runner import crawl

    progress = _progress_printer()
    report = reactor.run(lambda: crawl(sources, app.settings, app.factory, mirror=mirror, polite=polite,
                                       clock=app.clock, progress=progress))
    if progress:
        sys.stderr.write("\n")
    return report


def print_report(report: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps([r.__dict__ for r in report.results], ensure_ascii=False, indent=2))
        return
    for r in report.results:
        line = (f"{r.source}/{r.channel:14} {r.status:8} seen {r.items_seen:3}  new {r.new:3}  "
                f"changed {r.changed:3}  details {r.details_fetched:3}")
        print(line + (f"  ({r.reason})" if r.reason and r.status != "ok" else ""))


def cmd_crawl(args: argparse.Namespace) -> int:
    from crawler.registry import select_sources

    app = open_app(args)
    sources = select_sources(app.sources, args.source)
    report = run_crawl(app, sources, args.mirror)
    print_report(report, args.json)
    return EXIT_OK if not report.failed else EXIT_FAILED


def cmd_parse(args: argparse.Namespace) -> int:
    from crawler.registry import context, find_channel
    from crawler.sources import builtin_sources
    from parsers.notice import parse_bytes
    from parsers.platforms import get_platform

    load(args)
    data = Path(args.file).read_bytes()
    found = find_channel(builtin_sources(), args.url)
    platform = ctx = None
    source_id = None
    if found:
        source_id = found[0].id
        platform, ctx = get_platform(found[1].platform), context(*found)
    is_text = args.file.endswith(".txt")
    try:
        record = parse_bytes(data, args.url, is_text=is_text, platform=platform, ctx=ctx, source=source_id,
                             channel=found[1].id if found else None, with_evidence=args.explain)
    except PolicywatchError:
        if platform is None:
            raise
        # The channel's declared template did not match: say so, then use generic extraction.
        log.warning("page does not match %s's template; using generic extraction", ctx.key if ctx else "")
        record = parse_bytes(data, args.url, is_text=False, source=source_id,
                             channel=found[1].id if found else None, with_evidence=args.explain)
    out = record.to_json()
    if args.explain:
        out["explain"] = list(record.evidence)
    if args.json or args.explain:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for key in ("title", "doc_number", "issuers", "written_date", "published_date", "topics"):
            print(f"{key:15} {out[key]}")
        for event in out["events"]:
            print(f"{'event':15} {json.dumps(event, ensure_ascii=False)}")
        print(f"{'attachments':15} {len(out['attachments'])}")
        print("\n" + out["body"])
    return EXIT_OK


EXPORT_FIELDS = ["url", "source", "channel", "title", "doc_number", "issuers", "written_date",
                 "published_date", "topics", "events", "attachments", "status", "first_seen", "last_seen",
                 "version", "body"]


def cmd_export(args: argparse.Namespace) -> int:
    from store.repository import Repository

    app = open_app(args)
    with app.factory() as session:
        if args.what == "events":
            from store.reports import event_fields, event_rows

            _write_rows(args, event_fields(), event_rows(session, app.sources))
            return EXIT_OK
        _write_rows(args, EXPORT_FIELDS, Repository(session).export_rows())  # streamed: constant memory
    return EXIT_OK


def _write_rows(args: argparse.Namespace, fields: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """JSON lines, or CSV whose list/dict cells hold JSON, to --output or standard output."""
    with contextlib.ExitStack() as stack:
        out = (stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
               if args.output else sys.stdout)
        writer = csvout.writer(out, fields) if args.format == "csv" else None
        if writer:
            if args.output and not args.no_bom:
                out.write(csvout.BOM)
            writer.writeheader()
        for row in rows:
            if writer:
                writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                                 for k, v in row.items()})
            else:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


def cmd_notify(args: argparse.Namespace) -> int:
    app = open_app(args)
    if args.dry_run:
        return _notify_dry_run(app, args.json)
    if args.json:
        print("policywatch: --json goes with --dry-run", file=sys.stderr)
        return EXIT_USAGE
    app.ensure_default_outbox()
    report = app.notify()
    extra = "".join(f", {n} {what}" for n, what in ((report.deferred, "deferred (endpoint failing)"),
                                                   (report.cancelled, "cancelled (unsubscribed)")) if n)
    print(f"planned {report.planned} digest(s), sent {report.sent}, failed {report.failed}{extra}")
    for err in report.errors:
        print(f"  error: {err}")
    # Ops alerts too, as the daemon's notify cycle does: a cron setup running `crawl` then `notify`
    # would otherwise never hear that a channel broke.
    from notifier.alerts import run_alerts

    alerts = run_alerts(app)
    if alerts.planned or alerts.sent or alerts.failed:
        print(f"ops alerts: planned {alerts.planned}, sent {alerts.sent}, failed {alerts.failed}")
    for err in alerts.errors:
        print(f"  error: {err}")
    return EXIT_OK if not (report.failed or report.deferred or alerts.failed) else EXIT_FAILED


def _notify_dry_run(app: Any, as_json: bool) -> int:
    previews = app.notify_preview()
    # A real run with no subscription at all first creates the default outbox subscription; a dry run records nothing.
    note = None if app.has_subscriptions() else "no subscription yet: notify would first create the default outbox"
    if as_json:
        print(json.dumps({"dry_run": True, "note": note, "digests": [p.to_json() for p in previews]},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if note:
        print(note)
    print(f"would send {len(previews)} digest(s) (dry run: nothing sent, nothing recorded)")
    for p in previews:
        d = p.digest
        _say(f"  subscription {d.subscription_id} · {p.channel} {p.recipient} · {d.subscription_name} · {p.state}")
        _say(f"    {d.subject}")
        for item in d.items:
            _say(f"    - [{item.change}] {item.title}  {item.url or ''}")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    import scheduler

    settings = load(args)
    if (args.engine or settings.engine.kind) == "procrastinate":
        from policywatch import engine

        if args.once or args.mirror:
            raise ConfigError("--once and --mirror are for the local engine; give workers --mirror")
        return engine.run_scheduler(settings, extra_sources(args, settings))
    return scheduler.main(settings, extra_sources(args, settings), once=args.once, mirror=args.mirror)


def cmd_worker(args: argparse.Namespace) -> int:
    from policywatch import engine

    settings = load(args)
    return engine.run_worker(settings, extra_sources(args, settings), args.queue, args.concurrency,
                             name=args.name, mirror=args.mirror)


def _short(iso: str | None) -> str:
    return iso[:16].replace("T", " ") if iso else "-"


def _add_egress(rows: list[dict[str, Any]], app: Any) -> None:
    """Which egress each channel's requests use (crawler/egress.py); never the proxy's credentials."""
    from crawler.egress import egress_label

    specs = {(s.id, c.id): (s, c) for s in app.sources for c in s.channels}
    for row in rows:
        spec = specs.get((row["source"], row.get("channel")))
        if spec is not None:
            src, ch = spec
            row["egress"] = egress_label(src, ch, app.settings.sources.get(src.id, {}), app.settings.crawl.proxy)


def cmd_status(args: argparse.Namespace) -> int:
    if args.alive:
        import scheduler

        settings = load(args)
        alive = scheduler.InstanceLock(settings.data_path / "policywatch.lock").held_elsewhere()
        print("daemon running" if alive else "no daemon running on this data directory")
        return EXIT_OK if alive else EXIT_FAILED
    from store.deliveries import delivery_status
    from store.queues import queue_status, unserved_after
    from store.status import channel_status

    app = open_app(args)
    with app.factory() as session:
        rows = channel_status(session, app.sources, app.clock(), app.settings.alerts)
        never = bool(rows) and all(r["state"] == "never" for r in rows)  # channels only
        _add_egress(rows, app)
        rows.append(delivery_status(session))  # dead letters fail --check like a failing channel
        # Crawl-worker queues with polls waiting and no live worker (the procrastinate engine only).
        rows.extend(queue_status(session, app.clock(), unserved_after(app.settings.engine.stall_seconds)))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(f"{'channel':28} {'state':9} {'last success (CST)':17} {'last new (CST)':17} {'items':>5} "
              f"{'streak':>6}  reason")
        for r in rows:
            print(f"{r['source'] + '/' + r['channel']:28} {r['state']:9} {_short(r['last_success']):18} "
                  f"{_short(r['last_new']):17} {r['items_last_run'] if r['items_last_run'] is not None else '-':>5} "
                  f"{r['error_streak']:>6}  {r['reason'] or ''}"
                  + (f"  [egress: {r['egress']}]" if r.get("egress", "direct") != "direct" else "")
                  + (f"  [worker {r['worker']}, queue {r['queue']}]" if r.get("worker") else ""))
    ignored = set(args.ignore)
    bad = [r for r in rows if r["state"] in {"failing", "blocked"}
           and r["source"] not in ignored and f"{r['source']}/{r['channel']}" not in ignored]
    if args.check and never:
        # An archive nothing ever polled is not healthy: the daemon may not be running at all.
        print("policywatch: no channel has been polled yet", file=sys.stderr)
    return EXIT_FAILED if args.check and (bad or never) else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    import shutil

    from policywatch.app import App, outbox_files
    from policywatch.config import load_settings

    base = load(args)
    demo_dir = Path(args.data_dir) if args.data_dir else Path(".demo")
    _check_demo_dir(demo_dir, args.database_url)
    if args.fresh and demo_dir.exists():
        shutil.rmtree(demo_dir)
    demo_dir.mkdir(parents=True, exist_ok=True)
    (demo_dir / DEMO_MARKER).write_text("made by `policywatch demo`; `demo --fresh` may delete this folder\n")
    with contextlib.ExitStack() as stack:
        mirror_url, egress = _demo_servers(stack, args.challenges)
        overrides = {"data_dir": str(demo_dir), "database.url": args.database_url or "",
                     "crawl.download_delay": 0, "log_format": base.log_format}
        if egress:
            overrides["crawl.proxy"] = egress  # the geo-fenced channels go through the local egress
        settings = load_settings(args.config, overrides=overrides)
        app = App.open(settings)
        app.ensure_default_outbox()
        _refuse_real_subscriptions(app)
        before = set(outbox_files(settings.outbox_path))
        report = run_crawl(app, app.sources, mirror_url, polite=False)
    notified = app.notify()
    _demo_summary(app, report, notified, sorted(set(outbox_files(settings.outbox_path)) - before))
    return EXIT_OK if not _demo_failures(report) else EXIT_FAILED


def _demo_servers(stack: contextlib.ExitStack, challenges: bool) -> tuple[str, str | None]:
    """The local mirror (and, with --challenges, the emulated barriers and a local egress proxy)."""
    from crawler.sources import builtin_sources

    count = len(builtin_sources())
    if not challenges:
        from crawler.mirror_server import MirrorServer

        mirror = stack.enter_context(MirrorServer())
        print(f"serving {count} sources' snapshots at {mirror.url}")
        return mirror.url, None
    from crawler.emulation import ChallengeServer, EgressProxy, demo_barriers

    barriers = demo_barriers()
    server = stack.enter_context(ChallengeServer(barriers))
    proxy = stack.enter_context(EgressProxy())
    print(f"serving {count} sources' snapshots at {server.url} behind emulated barriers:\n"
          f"  Jiasule 521 challenge: {', '.join(sorted(barriers.jiasule))}\n"
          f"  WZWS challenge: {', '.join(sorted(barriers.wzws))}\n"
          f"  Nanwei datacall list built by JS: {', '.join(sorted(barriers.datacall))}\n"
          f"  SPA shell, list built by JS: {', '.join(sorted(barriers.spa))}\n"
          f"  geo-fence (403, 13 bytes) unless through the local egress proxy {proxy.address}: "
          f"{', '.join(sorted(barriers.fenced))}")
    return server.url, f"http://{proxy.address}"


def _demo_failures(report: Any) -> list[Any]:
    """Failures that count: a channel skipped for want of a browser is said so, not a demo failure."""
    return [r for r in report.failed if r.reason_code != "needs_browser"]


DEMO_MARKER = ".policywatch-demo"


def _check_demo_dir(demo_dir: Path, database_url: str | None) -> None:
    """The demo loads snapshot notices and deletes its folder with --fresh: only ever its own folder."""
    if database_url:
        raise ConfigError("demo uses its own SQLite archive in its folder; --database-url would load "
                          "snapshot notices into a real database")
    default = demo_dir == Path(".demo")  # made by earlier versions without the marker: still the demo's
    if demo_dir.exists() and any(demo_dir.iterdir()) and not (demo_dir / DEMO_MARKER).exists() and not default:
        raise ConfigError(f"{demo_dir} is not a demo folder (no {DEMO_MARKER}); the demo never writes to or "
                          "deletes a real data directory; pass an empty or new --data-dir")


def _refuse_real_subscriptions(app: Any) -> None:
    """Demo digests go to the outbox folder only, never to a configured e-mail or WeChat channel."""
    from sqlalchemy import select

    from store.models import Subscription

    with app.factory() as session:
        kinds = set(session.scalars(select(Subscription.kind).where(Subscription.active.is_(True))))
    if kinds - {"outbox"}:
        raise ConfigError(f"the demo archive has {', '.join(sorted(kinds - {'outbox'}))} subscriptions; the "
                          "demo only writes to its outbox folder: use a fresh --data-dir")


def _demo_summary(app: Any, report: Any, notified: Any, new_files: list[Path]) -> None:
    from sqlalchemy import func, select

    from store.models import Notice

    with app.factory() as session:
        stored = dict(session.execute(select(Notice.source, func.count()).group_by(Notice.source)).all())
    print(f"\n{'source':10} {'channels':>8} {'stored':>7} {'new':>5} {'changed':>8} {'failed':>7}")
    for sid, agg in report.by_source().items():
        print(f"{sid:10} {agg['channels']:>8} {stored.get(sid, 0):>7} {agg['new']:>5} {agg['changed']:>8} "
              f"{agg['failed']:>7}")
    for r in _demo_failures(report):
        print(f"  {r.source}/{r.channel}: {r.status}: {r.reason}")
    for r in report.results:
        if r.reason_code == "needs_browser":
            print(f"  skipped {r.source}/{r.channel}: {r.reason} (install chromium to read it)")
    total_new = sum(r.new for r in report.results)
    from policywatch.config import redact

    print(f"\n{total_new} new notice(s); database: {redact(app.settings.database_url)}")
    if new_files:
        print(f"digest written to {app.settings.outbox_path}:")
        for path in new_files:
            print(f"  {path}")
    else:
        print("no new digest (nothing new since the last run)")
    folder = app.settings.data_path
    print(f"\nexplore the demo archive (every analyst command takes --data-dir {folder}):")
    command = _command_name()
    for example in ("search 试验区", "report funding", "report pilot-zones", "show 1", "status"):
        print(f"  {command} --data-dir {folder} {example}")


def _command_name() -> str:
    """How the user can run policywatch from here: `make demo` leaves it in .venv/bin, not on PATH."""
    import shutil

    if shutil.which("policywatch"):
        return "policywatch"
    script = Path(sys.executable).with_name("policywatch")
    if script.exists():
        try:
            return str(script.relative_to(Path.cwd()))
        except ValueError:
            return str(script)
    return f"{Path(sys.executable).name} -m policywatch"


def cmd_subscribe(args: argparse.Namespace) -> int:
    from notifier.admin import subscribe

    app = open_app(args)
    _check_filters(app, args)
    sub_id, token = subscribe(app, args)
    if args.ops:
        from notifier.alerts import make_ops

        make_ops(app.factory, sub_id, with_notices=args.with_notices)
    elif args.with_notices:
        raise ConfigError("--with-notices only goes with --ops")
    kind = "ops subscription" if args.ops else "subscription"
    print(f"{kind} {sub_id} created; unsubscribe token: {token}")
    return EXIT_OK


def _check_filters(app: Any, args: argparse.Namespace) -> None:
    """Cities in any spelling become the archive's; unknown cities, sources and topics are errors
    listing the known values, never a filter that silently matches nothing."""
    from parsers.facts.topics import VOCABULARY
    from store.search import canonical_cities

    if getattr(args, "city", None):
        args.city = canonical_cities(app.sources, args.city)
    known_sources = {s.id for s in app.sources} | {s.name for s in app.sources}
    bad_sources = [s for s in getattr(args, "source", None) or [] if s not in known_sources]
    if bad_sources:
        raise ConfigError(f"unknown source {', '.join(map(repr, bad_sources))}; known: "
                          f"{', '.join(s.id for s in app.sources)}")
    bad_topics = [t for t in getattr(args, "topic", None) or [] if t not in VOCABULARY]
    if bad_topics:
        raise ConfigError(f"unknown topic {', '.join(map(repr, bad_topics))}; known: {', '.join(VOCABULARY)}")


def cmd_test_channel(args: argparse.Namespace) -> int:
    from types import SimpleNamespace

    from notifier.admin import target_from_args
    from notifier.testsend import send_test
    from store.models import Subscription

    app = open_app(args)
    if args.subscription is not None:
        with app.factory() as session:
            sub = session.get(Subscription, args.subscription)
            if sub is None:
                raise ConfigError(f"no subscription {args.subscription}")
            probe: Any = SimpleNamespace(kind=sub.kind, target=dict(sub.target or {}))
    elif any((args.email, args.wecom_key, args.serverchan_key, args.pushplus_token, args.webhook)):
        kind, target, _label = target_from_args(SimpleNamespace(**vars(args), atom=None))
        probe = SimpleNamespace(kind=kind, target=target)
    else:
        raise ConfigError("give a SUBSCRIPTION_ID or one of --email/--wecom-key/--serverchan-key/--pushplus-token/"
                          "--webhook")
    result = send_test(app.channel_maker(), probe, app.clock())
    print(f"{probe.kind}: {'ok' if result.ok else 'FAILED'}: {result.detail}")
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_subscriptions(args: argparse.Namespace) -> int:
    from notifier.admin import list_subscriptions, remove_subscription

    app = open_app(args)
    if args.action == "remove":
        remove_subscription(app, args.id)
        print(f"subscription {args.id} removed")
        return EXIT_OK
    rows = list_subscriptions(app)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            state = ("active" if r["active"] else "pending" if r.get("pending") else "inactive") + \
                (" ops" if r["ops"] else "")
            print(f"{r['id']:4} {r['kind']:10} {r['target']:32} {r['schedule']:18} {state:8} "
                  f"{json.dumps(r['filters'], ensure_ascii=False)}")
    return EXIT_OK


def _delivery_secrets(app: Any) -> list[str]:
    """Every subscription's key/token/URL, and the path and query of webhook URLs on their own."""
    from urllib.parse import urlsplit

    from scheduler import subscription_secrets

    values = subscription_secrets(app.factory)
    parts = [urlsplit(v) for v in values if v.startswith(("http://", "https://"))]
    return values + [p.path for p in parts] + [p.query for p in parts]


def cmd_deliveries(args: argparse.Namespace) -> int:
    from notifier.ledger import cancel_inactive, requeue_dead
    from store.db import transaction
    from store.deliveries import TABLES, stuck_digests

    app = open_app(args)
    SECRETS.add_secrets(_delivery_secrets(app))
    if args.action == "retry":
        with transaction(app.factory) as session:
            for table in TABLES.values():  # an unsubscribed subscription's dead letters are not requeued
                cancel_inactive(session, table, app.clock())
            digests = stuck_digests(session, subscription_id=args.subscription)
            rows = sum(requeue_dead(session, table, app.clock(), args.subscription) for table in TABLES.values())
        print(f"requeued {len(digests)} dead digest(s) ({rows} ledger row(s)); they go out at the next notify")
        return EXIT_OK
    statuses = ("pending", "failed", "sending", "dead") if args.all else ("dead",)
    with app.factory() as session:
        digests = stuck_digests(session, statuses=statuses, subscription_id=args.subscription)
    if args.json:
        print(SECRETS.redact(json.dumps([d.to_json() for d in digests], ensure_ascii=False, indent=2)))
        return EXIT_OK
    for d in digests:
        created = d.created_at.astimezone(_china()).strftime("%Y-%m-%d %H:%M")
        _say(SECRETS.redact(f"{d.ledger:7} {d.digest_id:32} sub {d.subscription_id:<4} {d.kind:10} {d.status:8} "
                            f"{d.rows:>3} row(s) {d.attempts:>3} attempt(s)  since {created} CST  "
                            f"{d.last_error or ''}"))
    if not digests:
        print("no dead digests" if not args.all else "nothing waiting to be delivered")
    return EXIT_OK


def _china() -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def cmd_unsubscribe(args: argparse.Namespace) -> int:
    from notifier.admin import unsubscribe

    app = open_app(args)
    sub_id = unsubscribe(app, args.token)
    print(f"subscription {sub_id} unsubscribed")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from parsers.facts.evaluate import DEFAULT_CORPUS, evaluate, format_report

    load(args)
    report = evaluate(Path(args.corpus) if args.corpus else DEFAULT_CORPUS)
    print(format_report(report))
    return EXIT_OK


# -- the analysts' archive: search, reports, history, browse ----------------------------------

def _date(value: str) -> Any:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _event_type(value: str) -> str:
    # Checked against the event registry only when --event is given: importing the extractor
    # package to list the names in --help would slow down every command's start-up.
    from parsers.facts.events import filter_names

    names = filter_names()
    if value not in names:
        raise argparse.ArgumentTypeError(f"unknown event type {value!r}; use {', '.join(names)}")
    return value


def _event_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--event", action="append", default=[], metavar="TYPE", type=_event_type,
                   help="only notices with an event of this type (repeatable): {EVENTS}; docs/extraction.md")


def _filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--city", action="append", default=[], metavar="CITY",
                   help="repeatable; Chinese, pinyin or English: {CITIES} (and the cities of --sources)")
    p.add_argument("--source", action="append", default=[], metavar="ID",
                   help="source or source/channel id, repeatable (`policywatch sources` lists them)")
    p.add_argument("--topic", action="append", default=[], metavar="TOPIC", help="repeatable: {TOPICS}")


def _archive_parsers(cmd: Any) -> None:
    p = cmd("search", "ranked full-text search of the archive (any query length; words AND together)")
    p.add_argument("query", nargs="*", help="words to find; none lists the filtered notices, newest first")
    _filter_arguments(p)
    _event_argument(p)
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="published on or before")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--open", action="store_true", help="only grant calls whose deadline has not passed")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", action="store_true")

    p = cmd("report", "analyst reports from the archive's extracted events")
    p.add_argument("kind", choices=["funding", "pilot-zones", "open-calls"])
    p.add_argument("--city", action="append", default=[], metavar="CITY",
                   help="funding, open-calls: only these cities")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="documents dated on or after")
    p.add_argument("--format", choices=["md", "html", "csv"], default="md")
    p.add_argument("--output", metavar="FILE", help="default: standard output")
    p.add_argument("--no-bom", action="store_true",
                   help="CSV to a file starts with a UTF-8 BOM so Excel/WPS on Chinese Windows read it as UTF-8; "
                        "this turns it off")

    p = cmd("calendar", "a subscription's grant-call deadlines as an iCalendar (.ics) feed")
    p.add_argument("subscription", type=int, metavar="SUBSCRIPTION_ID")
    p.add_argument("--output", metavar="FILE", help="default: standard output")
    p.add_argument("--url", action="store_true",
                   help="print the feed's address on `policywatch web` ([notify] public_url) instead")

    p = cmd("show", "one notice with its versions and the diff between consecutive versions")
    p.add_argument("notice", metavar="ID|URL")
    p.add_argument("--json", action="store_true")

    p = cmd("browse", "open the SQLite archive read-only in Datasette")
    p.add_argument("--port", type=int, default=0, help="default: a free port")
    p.add_argument("--no-open", action="store_true", help="do not open a web browser")

    p = cmd("web", "serve one-click unsubscribe, the Atom feeds and /healthz for subscribers ([web] host, port)")
    p.add_argument("--host", help="listen address (default: [web] host, 127.0.0.1)")
    p.add_argument("--port", type=int, help="listen port (default: [web] port, 8080)")


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def cmd_search(args: argparse.Namespace) -> int:
    from store.search import SearchFilters, search

    app = open_app(args)
    _check_filters(app, args)
    with app.factory() as session:
        only = _open_call_ids(app, session) if getattr(args, "open", False) else None
        filters = SearchFilters(cities=tuple(args.city), sources=tuple(args.source), topics=tuple(args.topic),
                                events=tuple(args.event), since=args.since, until=args.until, limit=args.limit,
                                only_ids=only)
        hits = search(session, " ".join(args.query), filters, sources=app.sources)
    if args.json:
        print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2))
    elif args.csv:
        rows = [h.to_json() for h in hits]
        writer = csvout.writer(sys.stdout, ["id", "score", "city", "source", "published_date", "doc_number",
                                            "title", "url", "snippet"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        for i, h in enumerate(hits, 1):
            when = h.published_date.isoformat() if h.published_date else "----------"
            _say(f"{i:3}. [{h.city}] {h.title}  {when}" + (f"  {h.doc_number}" if h.doc_number else ""))
            _say(f"     {h.snippet}")
            _say(f"     {h.url}  (id {h.notice_id})")
        if not hits:
            from policywatch.config import redact

            print("no matches" if _archive_has_notices(app) else
                  f"the archive at {redact(app.settings.database_url)} is empty: run `policywatch crawl`, or "
                  "explore the demo's archive with `--data-dir .demo`")
    return EXIT_OK


def _open_call_ids(app: Any, session: Any) -> tuple[int, ...]:
    from store.calls import open_calls
    from store.status import CHINA

    return tuple(c.notice.id for c in open_calls(session, app.clock().astimezone(CHINA).date()))


def _archive_has_notices(app: Any) -> bool:
    """Does the archive hold any notice? (one indexed row, not a count of a million)"""
    from sqlalchemy import select

    from store.models import Notice

    with app.factory() as session:
        return session.scalar(select(Notice.id).limit(1)) is not None


def _say(line: str) -> None:
    """Archive text to the terminal: control characters shown escaped, never obeyed."""
    from parsers.controls import escape_controls

    print(escape_controls(line))


def cmd_report(args: argparse.Namespace) -> int:
    from store.reports import funding_report, open_calls_report, pilot_zone_report

    app = open_app(args)
    _check_filters(app, args)
    with app.factory() as session:
        if args.kind == "funding":
            text = funding_report(session, args.format, cities=args.city, since=args.since, sources=app.sources)
        elif args.kind == "open-calls":
            text = open_calls_report(session, args.format, cities=args.city, sources=app.sources, now=app.clock())
        else:
            text = pilot_zone_report(session, args.format, since=args.since)
    if args.format == "csv" and args.output and not args.no_bom:
        text = csvout.BOM + text
    _write(text, args.output)
    return EXIT_OK


def cmd_calendar(args: argparse.Namespace) -> int:
    from notifier.calendar import calendar_feed
    from store.models import Subscription

    app = open_app(args)
    with app.factory() as session:
        sub = session.get(Subscription, args.subscription)
        if sub is None:
            print(f"policywatch: no subscription {args.subscription}", file=sys.stderr)
            return EXIT_FAILED
        if args.url:
            from notifier.subscriptions import CALENDAR_SCOPE, sign_scoped

            base = app.settings.notify.public_url.rstrip("/")
            if not base:
                print("policywatch: set [notify] public_url to where `policywatch web` is served", file=sys.stderr)
                return EXIT_USAGE
            print(f"{base}/calendar/{sign_scoped(CALENDAR_SCOPE, sub.token, app.secret())}.ics")
            return EXIT_OK
        cities = {sid: city for sid, (_, city) in app.source_names().items()}
        text = calendar_feed(session, sub, cities, app.clock())
    if args.output:
        Path(args.output).write_bytes(text.encode("utf-8"))  # CRLF kept as the format requires
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from store.history import history_json, load_history, render_history

    app = open_app(args)
    with app.factory() as session:
        history = load_history(session, args.notice)
        if history is None:
            print(f"policywatch: no notice {args.notice!r} in the archive", file=sys.stderr)
            return EXIT_FAILED
        if args.json:
            print(json.dumps(history_json(history), ensure_ascii=False, indent=2))
        else:
            for line in render_history(history):
                _say(line)
    return EXIT_OK


def cmd_web(args: argparse.Namespace) -> int:
    import dataclasses

    from policywatch.web import serve

    app = open_app(args)
    web = app.settings.web
    web = dataclasses.replace(web, host=args.host or web.host, port=args.port or web.port)
    app.settings = dataclasses.replace(app.settings, web=web)
    serve(app)
    return EXIT_OK


def cmd_browse(args: argparse.Namespace) -> int:
    from store.browse import prepare

    app = open_app(args)  # applies migrations, so the FTS table Datasette searches exists
    try:
        command = prepare(app.settings.database_url, app.sources, args.port, not args.no_open)
    except ValueError as exc:
        print(f"policywatch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    app.engine.dispose()
    print(f"Datasette (read-only) on http://127.0.0.1:{command[command.index('--port') + 1]}/  Ctrl-C stops it",
          flush=True)
    os.execv(command[0], command)  # replace this process: signals and exit code are Datasette's
    return EXIT_OK  # not reached


COMMANDS = {
    "init": cmd_init, "sources": cmd_sources, "crawl": cmd_crawl, "parse": cmd_parse, "export": cmd_export,
    "notify": cmd_notify, "run": cmd_run, "status": cmd_status, "demo": cmd_demo, "subscribe": cmd_subscribe,
    "subscriptions": cmd_subscriptions, "deliveries": cmd_deliveries, "test-channel": cmd_test_channel,
    "unsubscribe": cmd_unsubscribe,
    "eval": cmd_eval,
    "search": cmd_search, "report": cmd_report, "calendar": cmd_calendar, "show": cmd_show, "browse": cmd_browse,
    "web": cmd_web, "worker": cmd_worker,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"policywatch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PolicywatchError as exc:
        print(f"policywatch: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except FileNotFoundError as exc:
        print(f"policywatch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `policywatch search ... | head`: the reader left; not an error worth a traceback. Point
        # stdout at /dev/null so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
