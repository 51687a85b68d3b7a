"""A corpus of hostile inputs, written into a folder by a script (no binary blobs in git).

Each case is a file (or a file-system situation) lintgk must survive: one error line naming the file,
exit 2, never a hang, a traceback or a lost batch. Run ``python tests/make_hostile.py DIR`` to look at them.

``make_corpus(folder)`` returns ``{case name: path}``; ``KIND[name]`` says what lintgk must do with it:
"error" (exit 2, one line), or "report" (a fine report in an odd form: 0 or 1).
"""
from __future__ import annotations

import io
import os
import random
import stat
import sys
import zipfile
from pathlib import Path

GOOD = ("某镇2020年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息10条。\n"
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
        "五、存在的主要问题及改进情况\n六、其他需要报告的事项\n某镇人民政府\n2021年1月15日\n")

# the 1x1 PNG signature and header: enough to be a PNG, not a Word file
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                  'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                  'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                  '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
                  'document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
          + f']>\n<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def _docx(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _good_docx() -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in GOOD.splitlines())
    return _docx({"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS,
                  "word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'})


def _zip_bomb() -> bytes:
    """A .docx whose document.xml unpacks to 1 GB of zeros-like text (1 MB on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                member.write(chunk)
    return buffer.getvalue()


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R ".encode() + trailer_extra + b">>\n"
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _pdf_no_text() -> bytes:
    """One page with a drawn rectangle and no text: what a scan without OCR looks like to a reader."""
    content = b"0 0 1 rg 100 100 200 200 re f"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"])


def _pdf_encrypted() -> bytes:
    """A PDF whose trailer names a standard security handler with a user password (RC4, 40 bits)."""
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /O <" + b"00" * 32 + b"> /U <" + b"11" * 32 + b"> /P -44 >>")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               encrypt]
    return _pdf(objects, b"/Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16 + b">] ")


def _nested_html(depth: int = 100_000) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + GOOD.encode() + b"</div>" * depth + b"</body></html>")


def _nested_mhtml(depth: int = 10_000) -> bytes:
    """A page saved as one file whose MIME parts nest ``depth`` deep (a few hundred kilobytes)."""
    head = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
    return head + b"".join(b'--b%d\r\nContent-Type: multipart/mixed; boundary="b%d"\r\n\r\n' % (i, i + 1)
                           for i in range(depth))


# case name -> (file name, what lintgk must do)
KIND: dict[str, str] = {}


def _write(folder: Path, name: str, data: bytes, kind: str = "error") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def make_corpus(folder: Path, big: bool = True) -> dict[str, Path]:
    """Write every hostile case into ``folder``; ``big`` adds the 50 MB and 2 GB sparse files."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(15)
    cases: dict[str, tuple[Path, str]] = {}

    def add(case: str, name: str, data: bytes, kind: str = "error") -> None:
        cases[case] = (_write(folder, name, data), kind)

    add("empty", "empty.txt", b"")
    add("whitespace", "whitespace.txt", b" \n\t\r\n" + "\u3000".encode() + b"\n")
    add("binary", "binary.txt", bytes(rng.randrange(256) for _ in range(64 * 1024)))
    add("png-as-docx", "picture.docx", PNG)
    good_docx = _good_docx()
    add("truncated-docx", "truncated.docx", good_docx[: len(good_docx) // 2])
    add("zip-bomb", "bomb.docx", _zip_bomb())
    add("billion-laughs", "laughs.docx", _docx({"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS,
                                                 "word/document.xml": LAUGHS}))
    add("docx-no-document", "hollow.docx", _docx({"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS}))
    no_text = _pdf_no_text()
    add("truncated-pdf", "truncated.pdf", no_text[: len(no_text) // 2])
    add("encrypted-pdf", "encrypted.pdf", _pdf_encrypted())
    add("pdf-no-text", "scan.pdf", no_text)
    add("mixed-encodings", "mixed.txt", GOOD.encode("utf-8") + GOOD.encode("gbk") + GOOD.encode("utf-16-le"))
    add("nul-bytes", "nul.txt", GOOD.encode("utf-8").replace("。".encode(), b"\x00" * 40))
    add("odd-utf16", "odd16.txt", b"\xff\xfe" + GOOD.encode("utf-16-le") + b"\x41")
    add("nested-html", "nested.html", _nested_html())
    add("nested-mhtml", "nested.mhtml", _nested_mhtml())
    add("page-as-mhtml", "renamed.mht", b"<html><body>" + GOOD.encode() + b"</body></html>", "report")
    add("long-line", "longline.txt", ("全年主动公开政府信息10条，" * 150_000).encode("utf-8")[: 2 * 1024 * 1024])
    add("name-spaces", "a report with spaces.txt", GOOD.encode(), "report")
    add("name-chinese", "某镇 年度报告（2020）.txt", GOOD.encode(), "report")
    add("name-dash", "-dash.txt", GOOD.encode(), "report")
    add("name-newline", "new\nline.txt", GOOD.encode(), "report")
    add("name-markup", "<b>&\"%,:\x1b]0;pwned\x07.txt", GOOD.encode(), "report")
    if os.name == "posix" and sys.platform != "darwin":
        raw = os.fsencode(folder) + b"/\xb1\xa8\xb8\xe6gbk.txt"  # 报告 in GBK: not UTF-8
        with open(raw, "wb") as handle:
            handle.write(GOOD.encode())
        cases["name-not-utf8"] = (Path(os.fsdecode(raw)), "report")
    if hasattr(os, "mkfifo"):
        fifo = folder / "fifo.txt"
        os.mkfifo(fifo)
        cases["fifo"] = (fifo, "error")
    zero = folder / "zero.txt"
    zero.symlink_to("/dev/zero")
    cases["dev-zero"] = (zero, "error")
    loop = folder / "loop.txt"
    loop.symlink_to("loop.txt")  # itself
    cases["symlink-loop"] = (loop, "error")
    if big:
        add("50mb-text", "huge.txt", GOOD.encode() * (50 * 1024 * 1024 // len(GOOD.encode()) + 1))
        sparse = folder / "sparse.txt"
        with open(sparse, "wb") as handle:
            handle.truncate(2 * 1024 ** 3)
        cases["sparse-2gb"] = (sparse, "error")
    if os.geteuid() != 0:
        locked = _write(folder, "locked.txt", GOOD.encode())
        locked.chmod(0)
        cases["unreadable-file"] = (locked, "error")
        closed = folder / "closed"
        closed.mkdir()
        _write(closed, "inside.txt", GOOD.encode())
        closed.chmod(0)
        cases["unreadable-folder"] = (closed, "error")
    KIND.update({case: kind for case, (_, kind) in cases.items()})
    return {case: path for case, (path, _) in cases.items()}


def fifo_folder(folder: Path) -> Path:
    """A folder holding a fifo named .txt and one good report."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def unlock(folder: Path) -> None:
    """Give back the permissions the corpus took, so that the folder can be removed."""
    for name in ("locked.txt", "closed"):
        path = folder / name
        if path.exists() and not path.is_symlink():
            path.chmod(stat.S_IRWXU)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    for case, path in make_corpus(target).items():
        print(f"{case}\t{path!r}")
