"""``truepix serve``: the local web page that turns a heatmap figure into numbers."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only loopback addresses unless --allow-remote.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option("--allow-remote", is_flag=True,
              help="Allow a --host other machines can reach (they could upload files).")
@click.option("--max-upload-mb", default=64, show_default=True, type=click.IntRange(1, 4096),
              help="Largest upload accepted, in MiB.")
def command(host: str, port: int, open_browser: bool, allow_remote: bool, max_upload_mb: int) -> None:  # fmt: skip
    """Serve the web page: drop a figure, check what was read, download its data.

    Uploads are kept in a temporary folder that is removed when the server stops
    (Ctrl+C). Needs the web extra: pip install "truepix[web]".
    """
    from truepix.web import serve

    def ready(url: str, workdir: Path) -> None:
        click.echo(f"truepix serve: {url}  (uploads in {workdir}, removed at exit; Ctrl+C stops)")

    try:
        serve(
            host=host,
            port=port,
            open_browser=open_browser,
            allow_remote=allow_remote,
            max_upload_bytes=max_upload_mb * 2**20,
            ready=ready,
        )
    except KeyboardInterrupt:
        pass
