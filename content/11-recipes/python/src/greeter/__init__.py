"""A tiny HTTP service: / says where it runs, /healthz says ok."""

import os
import sys

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route


def greeting(uid: int) -> str:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"hello from Python {version} in {sys.prefix}: uid={uid}\n"


async def index(request: Request) -> PlainTextResponse:
    return PlainTextResponse(greeting(os.getuid()))


async def healthz(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok\n")


app = Starlette(routes=[Route("/", index), Route("/healthz", healthz)])


def main() -> None:
    port = int(os.environ.get("PORT", "8080"))
    uvicorn.run(app, host="0.0.0.0", port=port)
