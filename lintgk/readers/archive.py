"""Safety checks for zip-based formats (.docx) before any library opens them."""
from __future__ import annotations

import io
import zipfile

from lintgk.errors import InputError

MAX_UNPACKED = 200 * 1024 * 1024  # a real report's parts unpack to a few MB
MAX_RATIO = 200  # text compresses ~5-20x; hundreds means a bomb


def check_zip(data: bytes, name: str, required: str, kind: str) -> None:
    """Refuse damaged archives, archives of something else, and zip bombs, with a one-line reason."""
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
        bad = archive.testzip() if len(data) < 5 * 1024 * 1024 else None
        if bad is not None:
            raise InputError(name, f"damaged {kind} file (corrupt part {bad})")
