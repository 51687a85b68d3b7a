"""The Starlette app behind `lintgk serve`: an upload form, and the findings page it posts to.

Uploads are read into memory (never spooled to disk), limited in size and in number of files, and
dropped when the response is sent; the page carries the downloads as data: URLs, so nothing of a
report stays on the server. Nothing is logged but counts. Any bad upload gets a message on the
page, and the server goes on serving.
"""
from __future__ import annotations

import asyncio
import sys
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from lintgk import __version__
from lintgk.web.analysis import UploadError, check_upload

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_MB = 20
_SLACK = 64 * 1024  # multipart headers and the other fields around the file
_DRAIN_AT_MOST = 1024 * 1024 * 1024  # a refused upload is read (and dropped) up to this much, then cut off

TEXT = {
    "zh": {
        "title": "政府信息公开工作年度报告检查", "lead": "把年度报告文件拖到这里，或点“选择文件”。支持 .docx、.doc、.wps、.pdf、.txt、.md、.html、.mhtml。",
        "choose": "选择文件", "check": "开始检查", "switch": "English", "other": "en", "privacy":
        "文件只在本机检查，检查完即删除，不会上传到任何网站。", "limit": "单个文件不超过 {mb} MB。",
        "findings": "检查结果", "none": "未发现问题。", "text": "lintgk 读到的报告全文", "rules": "规则说明",
        "error": "错误", "warning": "警告", "info": "提示", "why": "为什么", "bad": "错误示例", "good": "正确示例",
        "source": "依据", "again": "检查另一个文件", "problem": "无法检查", "profile": "适用模板",
        "too_big": "文件太大：上限为 {mb} MB。", "too_many": "一次只能上传 {n} 个文件。", "no_file": "请先选择一个文件。",
        "bad_form": "上传的数据不完整，请重新选择文件再试一次。", "jump": "定位", "counts": "{e} 个错误，{w} 个警告，{i} 个提示",
    },
    "en": {
        "title": "Annual disclosure report check", "lead": "Drop an annual report here, or choose a file. .docx, .doc, .wps, .pdf, .txt, .md, .html and .mhtml are read.",
        "choose": "Choose a file", "check": "Check", "switch": "中文", "other": "zh", "privacy":
        "The file is checked on this computer only and deleted afterwards; it is not sent to any website.",
        "limit": "Files up to {mb} MB.", "findings": "Findings", "none": "No problems found.",
        "text": "The report as lintgk read it", "rules": "The rules", "error": "error", "warning": "warning",
        "info": "info", "why": "Why", "bad": "Bad", "good": "Good", "source": "Source", "again": "Check another file",
        "problem": "Could not check the file", "profile": "Profile", "too_big": "The file is too large: the limit is {mb} MB.",
        "too_many": "Upload at most {n} file(s) at a time.", "no_file": "Choose a file first.",
        "bad_form": "The upload was incomplete; choose the file and try again.", "jump": "show",
        "counts": "{e} error(s), {w} warning(s), {i} info",
    },
}


@dataclass
class Settings:
    max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024
    max_files: int = 1
    busy: int = 2  # reports checked at the same time (worker processes); more wait their turn
    timeout: float = 60.0  # seconds one report may take; its worker is killed after that


class _TooLarge(Exception):
    pass


def _in_memory_parser(limit: int) -> type[MultiPartParser]:
    class InMemoryParser(MultiPartParser):
        spool_max_size = limit + 1  # an upload within the limit never rolls over to a temporary file

    return InMemoryParser


class Counter:
    """The only thing the server logs: how many reports were checked and rejected."""

    def __init__(self) -> None:
        self.checked = 0
        self.rejected = 0

    def log(self) -> None:
        print(f"lintgk serve: {self.checked} checked, {self.rejected} rejected", file=sys.stderr, flush=True)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    counter = Counter()
    workers: dict = {}

    @asynccontextmanager
    async def lifespan(app):
        # each report is checked in a worker process with a deadline: a pathological or crashing
        # file costs its worker, never the server
        from pebble import ProcessPool

        workers["pool"] = ProcessPool(max_workers=settings.busy, max_tasks=100)
        try:
            yield
        finally:
            workers.pop("pool").stop()
    mb = settings.max_bytes // (1024 * 1024) or 1

    def lang_of(value: str | None) -> str:
        return value if value in TEXT else "zh"

    def page(template: str, lang: str, status: int = 200, **context) -> HTMLResponse:
        words = {k: v.format(mb=mb, n=settings.max_files) if "{" in v and k in ("limit", "too_big", "too_many") else v
                 for k, v in TEXT[lang].items()}
        html = templates.get_template(template).render(lang=lang, t=words, version=__version__, **context)
        return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})

    async def home(request: Request) -> Response:
        return page("upload.html", lang_of(request.query_params.get("lang")))

    async def drain(request: Request) -> None:
        """Read what is left of a refused upload, keeping none of it: a browser shows the answer only
        once it has sent its request (a reset connection would show an error page instead)."""
        drained = 0
        try:
            async for chunk in request.stream():
                drained += len(chunk)
                if drained > _DRAIN_AT_MOST:
                    break
        except Exception:  # the client went away, or the stream was already read
            pass

    async def read_form(request: Request):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_bytes + _SLACK:
            await drain(request)
            raise _TooLarge
        received = 0

        async def limited():
            nonlocal received
            over = False
            async for chunk in request.stream():
                received += len(chunk)
                if received > settings.max_bytes + _SLACK:
                    over = True  # read on and drop the rest, so the browser gets to see the answer
                    if received > _DRAIN_AT_MOST:
                        break
                    continue
                yield chunk
            if over:
                raise _TooLarge

        parser = _in_memory_parser(settings.max_bytes)(request.headers, limited(), max_files=settings.max_files + 1,
                                                       max_fields=10)
        return await parser.parse()

    async def check(request: Request) -> Response:
        lang = lang_of(request.query_params.get("lang"))
        words = TEXT[lang]

        def problem(message: str, status: int) -> HTMLResponse:
            counter.rejected += 1
            counter.log()
            return page("upload.html", lang, status=status, problem=message)

        if "multipart/form-data" not in request.headers.get("content-type", ""):
            return problem(words["bad_form"], 400)
        try:
            form = await read_form(request)
        except _TooLarge:
            return problem(words["too_big"].format(mb=mb), 413)
        except (MultiPartException, ValueError, KeyError):
            return problem(words["bad_form"], 400)
        try:
            lang = lang_of(form.get("lang") if isinstance(form.get("lang"), str) else lang)
            words = TEXT[lang]
            files = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
            if len(files) > settings.max_files:
                return problem(words["too_many"].format(n=settings.max_files), 400)
            files = [f for f in files if f.filename]
            if not files:
                return problem(words["no_file"], 400)
            upload = files[0]
            data = await upload.read(settings.max_bytes + 1)
            if len(data) > settings.max_bytes:
                return problem(words["too_big"].format(mb=mb), 413)
            future = workers["pool"].schedule(check_upload, args=(data, upload.filename, lang), timeout=settings.timeout)
            try:
                analysis = await asyncio.wrap_future(future)
            except UploadError as exc:
                return problem(exc.text[lang], 422)
            except FutureTimeout:
                return problem(UploadError(f"检查超过 {settings.timeout:g} 秒仍未完成，已放弃；文件可能异常。",
                                           f"Checking took more than {settings.timeout:g} s and was given up; "
                                           "the file may be pathological.").text[lang], 422)
            except Exception:  # never a stack trace on the page, and the server goes on
                return problem(UploadError("检查时出现意外错误，文件可能已损坏。",
                                           "An unexpected error occurred; the file may be damaged.").text[lang], 500)
            counter.checked += 1
            counter.log()
            return page("report.html", lang, a=analysis)
        finally:
            await form.close()  # the upload's memory is released with the response

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/check", check, methods=["POST"]),
        Route("/check", home, methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.counter = counter
    return app
