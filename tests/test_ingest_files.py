"""Ingest: files and folders (types, sniffing, size limits, symbolic links, OS errors)."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, iter_inputs
from newsprism.ingest.files import OUTSIDE
from newsprism.models import RawDocument, Skipped

HTML = (
    "<!DOCTYPE html><html><head><title>Harbour</title></head>"
    "<body><p>Ferries ran late.</p></body></html>"
)
TEXT = "The harbour ferries ran two hours late on Tuesday after a storm, the operator said."


def _run(*inputs: str | Path, **options: object) -> list[RawDocument | Skipped]:
    return list(iter_inputs([str(i) for i in inputs], IngestOptions(**options)))  # type: ignore[arg-type]


def _names(items: list[RawDocument | Skipped]) -> list[str]:
    return [i.input for i in items]


def test_ingest_reads_text_markdown_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Storm\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "c.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "d.xhtml").write_text('<?xml version="1.0"?>\n' + HTML, encoding="utf-8")
    items = _run(*(tmp_path / n for n in ("a.txt", "b.md", "c.html", "d.xhtml")))
    assert all(isinstance(i, RawDocument) for i in items)
    assert [i.kind for i in items if isinstance(i, RawDocument)] == ["text", "text", "html", "html"]
    assert items[0] == RawDocument(input=str(tmp_path / "a.txt"), content=TEXT, kind="text")


def test_ingest_sniffs_html_in_text_and_extensionless_files(tmp_path: Path) -> None:
    (tmp_path / "saved.txt").write_text("\n  " + HTML, encoding="utf-8")
    (tmp_path / "README").write_text(TEXT, encoding="utf-8")
    (tmp_path / "index").write_text(HTML, encoding="utf-8")
    (tmp_path / "story.php").write_text(HTML, encoding="utf-8")
    items = _run(*(tmp_path / n for n in ("saved.txt", "README", "index", "story.php")))
    assert [getattr(i, "kind", None) for i in items] == ["html", "text", "html", "html"]


def test_ingest_skips_unsupported_file_types(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 whatever")
    (tmp_path / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(
        "<?xml version='1.0'?><urlset></urlset>", encoding="utf-8"
    )
    items = _run(*(tmp_path / n for n in ("report.pdf", "table.csv", "sitemap.xml")))
    assert [i.reason for i in items if isinstance(i, Skipped)] == [
        "unsupported file type .pdf",
        "unsupported file type .csv",
        "unsupported file type .xml (not an RSS/Atom feed or XHTML)",
    ]


def test_ingest_skips_missing_path_with_hint_for_bare_domain(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    items = _run(missing, "www.example.com/news/story")
    assert items == [
        Skipped(input=str(missing), reason="no such file or directory"),
        Skipped(
            input="www.example.com/news/story",
            reason="no such file or directory (for a web page, start the address with https://)",
        ),
    ]


def test_ingest_skips_huge_file_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as stream:  # sparse: instant, takes no disk
        stream.truncate(60_000_000)
    start = time.perf_counter()
    items = _run(big)
    assert time.perf_counter() - start < 0.5
    assert items == [
        Skipped(input=str(big), reason="too large: 60.0 MB exceeds the 5.0 MB limit (--max-bytes)")
    ]


def test_ingest_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT * 20, encoding="utf-8")
    [item] = _run(path, max_bytes=500)
    assert isinstance(item, Skipped)
    assert item.reason.startswith("too large: 1.7 kB exceeds the 500 bytes limit")


def test_ingest_walks_folder_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "b-dir" / "inner").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "c.html").write_text(HTML, encoding="utf-8")
    (root / "b-dir" / "z.md").write_text(TEXT, encoding="utf-8")
    (root / "b-dir" / "inner" / "y.txt").write_text(TEXT, encoding="utf-8")
    (root / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text(TEXT, encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    items = _run(root)
    base = str(root)
    assert _names(items) == [
        f"{base}/a.txt",
        f"{base}/b-dir/inner/y.txt",
        f"{base}/b-dir/z.md",
        f"{base}/c.html",
        f"{base}/photo.png",
    ]
    assert items[-1] == Skipped(input=f"{base}/photo.png", reason="unsupported file type .png")
    assert _run(root) == items


def test_ingest_folder_without_usable_files_gives_one_skip(tmp_path: Path) -> None:
    root = tmp_path / "scans"
    root.mkdir()
    (root / "a.pdf").write_bytes(b"%PDF-1.4")
    (root / "b.jpg").write_bytes(b"\xff\xd8\xff")
    (root / "c.jpg").write_bytes(b"\xff\xd8\xff")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _run(root, empty) == [
        Skipped(
            input=str(root),
            reason="no text, HTML, JSON, JSONL or WARC files found (3 other files: .jpg, .pdf)",
        ),
        Skipped(
            input=str(empty),
            reason="no text, HTML, JSON, JSONL or WARC files found (the folder is empty)",
        ),
    ]


def test_ingest_reports_symlink_loop_and_dangling_link(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)
    (root / "gone.txt").symlink_to(root / "missing.txt")
    (root / "self").symlink_to(root / "self")
    items = _run(root)
    base = str(root)
    assert isinstance(items[0], RawDocument)
    assert items[1:] == [
        Skipped(input=f"{base}/gone.txt", reason="broken symbolic link: its target does not exist"),
        Skipped(input=f"{base}/self", reason="symbolic link loop: the link points back to itself"),
        Skipped(input=f"{base}/sub/back", reason=f"symbolic link loop: points back to {base}"),
    ]


def test_ingest_follows_symlinked_folder_once(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    # Links that resolve inside the briefed folder are followed (sorted after x and y).
    real = root / "z-real"
    real.mkdir()
    (real / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "x").symlink_to(real, target_is_directory=True)
    (root / "y").symlink_to(real, target_is_directory=True)
    items = _run(root)
    assert _names(items) == [f"{root}/x/a.txt", f"{root}/y", f"{root}/z-real"]
    assert isinstance(items[1], Skipped)
    assert items[1].reason == f"same folder as {root}/x, read once"
    assert _run(tmp_path / "dangling-top") == [
        Skipped(input=str(tmp_path / "dangling-top"), reason="no such file or directory")
    ]


def test_ingest_symlinks_not_followed_when_disabled(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "b.txt").symlink_to(root / "a.txt")
    items = _run(root, follow_symlinks=False)
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], Skipped)
    assert "not followed" in items[1].reason


def test_ingest_permission_denied_is_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT, encoding="utf-8")
    if os.geteuid() != 0:
        locked.chmod(0)
    else:  # root reads everything: simulate the error instead
        real_open = Path.open

        def deny(self: Path, *args: object, **kwargs: object) -> object:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(Path, "open", deny)
    ok = tmp_path / "ok.txt"
    ok.write_text(TEXT, encoding="utf-8")
    items = _run(locked, ok)
    assert items[0] == Skipped(input=str(locked), reason="permission denied")
    assert isinstance(items[1], RawDocument)


def test_ingest_bad_inputs_never_lose_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    items = _run(
        tmp_path / "missing", binary, "ftp://example.org/x", "", good, "javascript:alert(1)"
    )
    assert [type(i).__name__ for i in items] == [
        "Skipped", "Skipped", "Skipped", "Skipped", "RawDocument", "Skipped",
    ]  # fmt: skip
    assert all("\n" not in i.reason for i in items if isinstance(i, Skipped))


def test_ingest_reads_gzipped_pages(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(HTML.encode("utf-8")))
    note = tmp_path / "note.txt.gz"
    note.write_bytes(gzip.compress(TEXT.encode("cp1252")))
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(gzip.compress(HTML.encode("utf-8") * 50)[:40])
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * 2_000_000))
    items = _run(page, note, broken, bomb, max_bytes=1_000_000)
    assert items[:2] == [
        RawDocument(input=str(page), content=HTML, kind="html"),
        RawDocument(input=str(note), content=TEXT, kind="text"),
    ]
    assert isinstance(items[2], Skipped) and items[2].reason.startswith("broken gzip file")
    assert items[3] == Skipped(
        input=str(bomb), reason="too large: more than the 1.0 MB limit (--max-bytes)"
    )


@pytest.mark.shared
def test_ingest_decodes_scrapinghub_pages(evaldata_dir: Path) -> None:
    """Every gzipped page decodes, and the gold text's non-ASCII words appear in it."""
    import html
    import json

    folder = evaldata_dir / "scrapinghub_aeb"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    items = _run(folder / "html")
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) == len(items) == len(gold)
    checked = matched = 0
    for doc in docs:
        key = Path(doc.input).name.split(".")[0]
        words = [w for w in gold[key]["articleBody"].split() if not w.isascii()][:20]
        if words:
            checked += 1
            text = html.unescape(doc.content)
            matched += sum(w in text for w in words) >= 0.5 * len(words)
    assert checked > 50
    assert matched == checked


def test_ingest_folder_link_outside_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "home" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("My private notes about the bank account and the passwords.", "utf-8")
    root = tmp_path / "unpacked"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "leak.txt").symlink_to(secret)
    (root / "sub" / "home").symlink_to(secret.parent, target_is_directory=True)
    (root / "inside.txt").symlink_to(root / "a.txt")
    items = _run(root)
    assert _names(items) == [f"{root}/a.txt", f"{root}/inside.txt", f"{root}/leak.txt",
                             f"{root}/sub/home"]  # fmt: skip
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Skipped", "Skipped"]
    reasons = {i.reason for i in items if isinstance(i, Skipped)}
    assert reasons == {"link points outside the folder (follow it with --follow-links)"}
    assert not any("private" in i.content for i in items if isinstance(i, RawDocument))
    # Opting in follows every link.
    followed = _run(root, follow_all_links=True)
    assert [type(i).__name__ for i in followed] == ["RawDocument"] * 4


def test_ingest_cli_follow_links_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsprism.cli import main

    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "link.txt").symlink_to(outside)
    runner = CliRunner()
    refused = runner.invoke(main, ["brief", str(root), "-o", str(tmp_path / "a"), "-q"])
    assert refused.exit_code != 0 and "no usable documents" in refused.output
    out = tmp_path / "b"
    followed = runner.invoke(main, ["brief", str(root), "-o", str(out), "-q", "--follow-links"])
    assert followed.exit_code == 0, followed.output
    assert (out / "brief.json").exists()


def test_ingest_api_follow_links_keyword(tmp_path: Path) -> None:
    from newsprism.api import brief

    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "link.txt").symlink_to(outside)
    refused = brief(root)
    assert [s.reason for s in refused.skipped] == [OUTSIDE]
    followed = brief(root, follow_links=True)
    assert [d.input for d in followed.documents] == [f"{root}/link.txt"]
