"""Run the page on a local address with uvicorn, and open it in the browser."""
from __future__ import annotations

import sys
import threading
import webbrowser

from lintgk.web.app import Settings, create_app


def serve(host: str = "127.0.0.1", port: int = 8765, open_browser: bool = True, max_mb: int = 20,
          max_files: int = 1, timeout: float = 60.0) -> None:
    import uvicorn

    app = create_app(Settings(max_bytes=max_mb * 1024 * 1024, max_files=max_files, timeout=timeout))
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"lintgk serve: 注意：页面在 {host} 上对其他电脑开放，且没有登录 / note: the page is open to other "
              f"computers on {host}, with no login", file=sys.stderr, flush=True)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/"
    print(f"lintgk serve: {url}  (Ctrl+C 停止 / to stop)", file=sys.stderr, flush=True)
    if open_browser:
        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    # access_log off: the only thing logged is the counts (lintgk.web.app.Counter)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning", server_header=False)
