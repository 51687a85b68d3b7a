"""Safety checks for zip-based formats (.docx) before any library opens them."""
from __future__ import annotations

import io
import zipfile
import zlib

from lintgk.errors import InputError

MAX_UNPACKED = 200 * 1024 * 1024  # a real report's parts unpack to a few MB
MAX_RATIO = 200  # text compresses ~5-20x; hundreds means a bomb


def check_zip(data: bytes, name: str, required: str, kind: str) -> None:
    """Refuse damaged archives, archives of something else, and zip bombs, with a one-line reason.

    This reads only the zip's directory. Its sizes bound what a part may unpack to: ``read_member``
    decompresses no more than that, so a part lying about its size cannot unpack more, and zipfile checks
    each part's CRC as it is read. ``check_zip_parts`` decompresses every part, for python-docx, which reads
    them all without a bound."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(name, f"not a valid {kind} file (damaged or truncated zip)") from None
    with archive:
        infos = archive.infolist()
        names = {i.filename for i in infos}
        if required not in names:
            raise InputError(name, f"not a {kind} file (the zip has no {required})")
        unpacked = sum(i.file_size for i in infos)
        packed = max(1, sum(i.compress_size for i in infos))
        if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO:
            raise InputError(name, f"refused: unpacks to {unpacked // (1024 * 1024)} MB from {packed // 1024} KB (a zip bomb?)")


def check_zip_parts(data: bytes, name: str, kind: str) -> None:
    """Refuse an archive with a corrupt part (CRC test of every part), before a library reads them all."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            bad = archive.testzip() if len(data) < 5 * 1024 * 1024 else None
        except zlib.error:  # testzip catches a wrong CRC, not a deflate stream that cannot be read at all
            bad = next((i.filename for i in archive.infolist() if not _inflates(archive, i)), "?")
    if bad is not None:
        raise InputError(name, f"damaged {kind} file (corrupt part {bad})")


def _inflates(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(info) as part:
            while part.read(1 << 20):
                pass
    except (zlib.error, zipfile.BadZipFile):
        return False
    return True


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The part's bytes, decompressing at most the size the zip's directory gives (which ``check_zip``
    bounded); raises zipfile.BadZipFile if they are not those bytes (a wrong CRC, a short stream)."""
    with archive.open(info) as part:
        data = part.read(info.file_size)
        if len(data) != info.file_size:
            raise zipfile.BadZipFile(f"{info.filename} is shorter than its directory says")
    return data
