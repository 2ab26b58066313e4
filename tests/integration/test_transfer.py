"""File transfer over real sockets: a small aiohttp origin on 127.0.0.1 for the odd server
behaviours (ignored Range, lies, dropped connections, TLS downgrade), and the embedded sandbox's
file origin for the documented one."""

import asyncio
import datetime
import errno
import hashlib
import ipaddress
import os
import random
import re
import shutil
import ssl
import stat
import subprocess
import time
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from aiohttp import web

from app.engine import part_direct, part_disk, part_writer
from app.engine.part_disk import finalize_part
from app.engine.transfer import (
    SpeedMeter,
    TransferError,
    download_to_part,
    is_insecure_redirect,
    make_file_client,
)

MiB = 1 << 20
BODY = random.Random(7).randbytes(3 * MiB + 12345)
HALF = len(BODY) // 2
PAGE = "<html><body>Please sign in to continue</body></html>"


def range_start(request: web.Request) -> int | None:
    match = re.fullmatch(r"bytes=(\d+)-", request.headers.get("Range", ""))
    return int(match.group(1)) if match else None


class Origin:
    """The test's file host. Every request's headers are kept in `seen`."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.dropped_once = False
        self.base = ""
        self.app = web.Application(middlewares=[self.record])
        get = self.app.router.add_get
        get("/video.mp4", self.honest)
        get("/ignores-range.mp4", self.ignores_range)
        get("/wrong-range.mp4", self.wrong_range)
        get("/drops-once.mp4", self.drops_once)
        get("/promises-more.mp4", self.promises_more)
        get("/total-lie.mp4", self.total_lie)
        get("/unframed.mp4", self.unframed)
        get("/slow.mp4", self.slow)
        get("/page", self.page)
        get("/status/{code}", self.status)
        get("/redirect/{n}", self.redirect)

    @web.middleware
    async def record(self, request: web.Request, handler):
        self.seen.append((request.path, dict(request.headers)))
        return await handler(request)

    def ranges_asked(self, path: str) -> list[int | None]:
        return [range_start_of(headers) for seen_path, headers in self.seen if seen_path == path]

    async def honest(self, request: web.Request) -> web.Response:
        headers = {"Content-Type": "video/mp4", "Accept-Ranges": "bytes",
                   "Content-Disposition": "attachment; filename*=UTF-8''Clip%3A%20%E2%82%AC.mp4"}
        start = range_start(request)
        if start is None:
            return web.Response(body=BODY, headers=headers)
        if start >= len(BODY):
            return web.Response(status=416, headers={"Content-Range": f"bytes */{len(BODY)}"})
        headers["Content-Range"] = f"bytes {start}-{len(BODY) - 1}/{len(BODY)}"
        return web.Response(status=206, body=BODY[start:], headers=headers)

    async def page(self, request: web.Request) -> web.Response:
        return web.Response(text=PAGE, content_type="text/html")

    async def status(self, request: web.Request) -> web.Response:
        return web.Response(status=int(request.match_info["code"]), text="no")

    async def ignores_range(self, request: web.Request) -> web.Response:
        return web.Response(body=BODY, content_type="video/mp4")

    async def wrong_range(self, request: web.Request) -> web.Response:
        if range_start(request) is None:
            return web.Response(body=BODY, content_type="video/mp4")
        headers = {"Content-Range": f"bytes 0-{len(BODY) - 1}/{len(BODY)}"}  # not what was asked
        return web.Response(status=206, body=BODY, headers=headers, content_type="video/mp4")

    async def cut_off(self, request: web.Request, announced: int, sent: bytes):
        response = web.StreamResponse(headers={"Content-Type": "video/mp4"})
        response.content_length = announced
        await response.prepare(request)
        await response.write(sent)
        assert request.transport is not None
        request.transport.close()  # the peer goes away mid-body
        return response

    async def drops_once(self, request: web.Request):
        if self.dropped_once:
            return await self.honest(request)
        self.dropped_once = True
        return await self.cut_off(request, len(BODY), BODY[:HALF])

    async def promises_more(self, request: web.Request):
        return await self.cut_off(request, len(BODY) + 1000, BODY)

    async def total_lie(self, request: web.Request) -> web.Response:
        start = range_start(request) or 0
        headers = {"Content-Range": f"bytes {start}-{len(BODY) - 1}/{len(BODY) + 5000}"}
        return web.Response(status=206, body=BODY[start:], headers=headers, content_type="video/mp4")

    async def unframed(self, request: web.Request):
        response = web.StreamResponse(headers={"Content-Type": "video/mp4"})  # chunked, no length
        await response.prepare(request)
        await response.write(BODY[:HALF])
        await response.write_eof()
        return response

    async def slow(self, request: web.Request):
        response = web.StreamResponse(headers={"Content-Type": "video/mp4"})
        response.content_length = 24 * 64 * 1024
        await response.prepare(request)
        for i in range(24):
            await response.write(BODY[i * 65536 : (i + 1) * 65536])
            await asyncio.sleep(0.03)
        return response

    async def redirect(self, request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        raise web.HTTPFound("/video.mp4" if n <= 1 else f"/redirect/{n - 1}")


def range_start_of(headers: dict[str, str]) -> int | None:
    match = re.fullmatch(r"bytes=(\d+)-", headers.get("Range", ""))
    return int(match.group(1)) if match else None


async def serve(app: web.Application, ssl_context: ssl.SSLContext | None = None):
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ssl_context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, port


@pytest_asyncio.fixture
async def origin():
    server = Origin()
    runner, port = await serve(server.app)
    server.base = f"http://127.0.0.1:{port}"
    yield server
    await runner.cleanup()


@pytest_asyncio.fixture
async def client():
    async with make_file_client() as file_client:
        yield file_client


def ours(part: Path) -> tuple[int, int]:
    """The part's file, as download_to_part's on_created would have told it: the test vouches
    that this part is its own."""
    info = part.lstat()
    return info.st_dev, info.st_ino


async def expect_error(kind: str, *args, **kwargs) -> TransferError:
    with pytest.raises(TransferError) as caught:
        await download_to_part(*args, **kwargs)
    assert caught.value.kind == kind, caught.value
    return caught.value


# ---- the ordinary path and resuming ---------------------------------------------------------


@pytest.mark.asyncio
async def test_full_download_is_byte_identical(origin, client, tmp_path):
    part = tmp_path / "clip.mp4.part"
    calls: list[tuple[int, int | None]] = []
    result = await download_to_part(client, origin.base + "/video.mp4", part,
                                    on_progress=lambda d, t: calls.append((d, t)))
    assert part.read_bytes() == BODY
    assert (result.path, result.size, result.content_type) == (part, len(BODY), "video/mp4")
    assert result.suggested_name == "Clip_ €.mp4"  # from Content-Disposition, made safe
    assert calls[-1] == (len(BODY), len(BODY))
    assert origin.seen[0][1].get("Accept-Encoding") == "identity"


@pytest.mark.asyncio
async def test_resume_asks_for_the_rest_and_appends(origin, client, tmp_path):
    part = tmp_path / "clip.part"
    part.write_bytes(BODY[:MiB])
    calls: list[tuple[int, int | None]] = []
    await download_to_part(client, origin.base + "/video.mp4", part, part_id=ours(part),
                           on_progress=lambda d, t: calls.append((d, t)))
    assert part.read_bytes() == BODY
    assert origin.ranges_asked("/video.mp4") == [MiB]
    assert calls[0][0] > MiB and calls[-1] == (len(BODY), len(BODY))


@pytest.mark.asyncio
async def test_a_server_ignoring_range_restarts_cleanly(origin, client, tmp_path):
    part = tmp_path / "clip.part"
    part.write_bytes(b"X" * 1000)  # would corrupt the file if appended to
    await download_to_part(client, origin.base + "/ignores-range.mp4", part, part_id=ours(part))
    assert part.read_bytes() == BODY


@pytest.mark.asyncio
async def test_a_wrong_content_range_restarts_with_a_plain_request(origin, client, tmp_path):
    part = tmp_path / "clip.part"
    part.write_bytes(BODY[:MiB])
    await download_to_part(client, origin.base + "/wrong-range.mp4", part, part_id=ours(part))
    assert part.read_bytes() == BODY
    assert origin.ranges_asked("/wrong-range.mp4") == [MiB, None]


@pytest.mark.asyncio
async def test_a_complete_part_answered_416_is_done(origin, client, tmp_path):
    part = tmp_path / "clip.part"
    part.write_bytes(BODY)
    result = await download_to_part(client, origin.base + "/video.mp4", part, part_id=ours(part))
    assert result.size == len(BODY) and part.read_bytes() == BODY


@pytest.mark.asyncio
async def test_a_part_longer_than_the_file_starts_over(origin, client, tmp_path):
    part = tmp_path / "clip.part"
    part.write_bytes(BODY + b"leftover")
    await download_to_part(client, origin.base + "/video.mp4", part, part_id=ours(part))
    assert part.read_bytes() == BODY
    assert origin.ranges_asked("/video.mp4") == [len(BODY) + 8, None]


@pytest.mark.asyncio
async def test_dropped_connection_keeps_the_part_and_the_next_call_resumes(origin, client,
                                                                           tmp_path):
    part = tmp_path / "clip.part"
    url = origin.base + "/drops-once.mp4"
    error = await expect_error("network", client, url, part)
    assert error.retryable
    kept = part.read_bytes()
    assert kept == BODY[:HALF]  # every byte that arrived is kept
    await download_to_part(client, url, part, part_id=ours(part))
    assert part.read_bytes() == BODY
    assert origin.ranges_asked("/drops-once.mp4") == [None, len(kept)]


@pytest.mark.asyncio
async def test_a_pause_while_the_disk_is_behind_writes_no_byte_twice(origin, client, tmp_path,
                                                                    monkeypatch):
    """The user pauses (the task is cancelled) while the download waits for the disk to catch
    up. The piece handed over just before is written once: the part stays the file's first
    bytes, and the resumed file is the job's file, byte for byte."""
    monkeypatch.setattr(part_writer, "WRITE_AHEAD", 0)  # a disk behind the network: every wait
    real_write = part_writer.PartWriter.write
    paused: list[asyncio.Task] = []

    async def pause_during_write(self, chunks):
        if not paused:
            paused.append(download)
            download.cancel()  # delivered at the wait for the disk inside write()
        await real_write(self, chunks)

    monkeypatch.setattr(part_writer.PartWriter, "write", pause_during_write)
    part = tmp_path / "clip.part"
    url = origin.base + "/video.mp4"
    download = asyncio.create_task(download_to_part(client, url, part, chunk_size=MiB))
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(download, 30)
    kept = part.read_bytes()
    assert paused and 0 < len(kept) < len(BODY)
    assert kept == BODY[:len(kept)]  # no piece twice
    monkeypatch.setattr(part_writer.PartWriter, "write", real_write)
    await download_to_part(client, url, part, part_id=ours(part))
    assert hashlib.sha256(part.read_bytes()).digest() == hashlib.sha256(BODY).digest()


@pytest.mark.asyncio
async def test_a_part_replaced_while_downloading_is_never_handed_on_as_the_file(origin, client,
                                                                               tmp_path):
    part = tmp_path / "clip.part"

    def replace_it(_made) -> None:  # another program puts its own file at the part's name
        (tmp_path / "theirs").write_bytes(b"another program's file")
        os.replace(tmp_path / "theirs", part)

    await expect_error("part_taken", client, origin.base + "/video.mp4", part,
                       on_created=replace_it)
    assert part.read_bytes() == b"another program's file"  # left alone, never the video


@pytest.mark.asyncio
async def test_progress_is_reported_at_most_about_ten_times_a_second(origin, client, tmp_path):
    times: list[float] = []
    calls: list[int] = []
    part = tmp_path / "slow.part"

    def progress(done: int, total: int | None) -> None:
        times.append(time.monotonic())
        calls.append(done)

    await download_to_part(client, origin.base + "/slow.mp4", part, on_progress=progress,
                           chunk_size=64 * 1024)
    gaps = [later - earlier for earlier, later in zip(times[:-2], times[1:-1], strict=True)]
    assert len(calls) >= 3 and all(gap >= 0.09 for gap in gaps)
    assert calls == sorted(calls) and calls[-1] == 24 * 64 * 1024


# ---- what the server says instead of the file -----------------------------------------------


@pytest.mark.asyncio
async def test_an_html_page_with_200_is_not_media_and_leaves_the_part_alone(origin, client,
                                                                           tmp_path):
    part = tmp_path / "clip.part"
    part.write_bytes(BODY[:1000])
    await expect_error("not_media", client, origin.base + "/page", part, part_id=ours(part))
    assert part.read_bytes() == BODY[:1000]


@pytest.mark.parametrize(("status", "kind", "retryable"),
                         [(403, "link_expired", False), (404, "link_expired", False),
                          (410, "link_expired", False), (503, "http", True),
                          (429, "http", True), (400, "http", False)])
@pytest.mark.asyncio
async def test_error_statuses(origin, client, tmp_path, status, kind, retryable):
    error = await expect_error(kind, client, f"{origin.base}/status/{status}",
                               tmp_path / "x.part")
    assert (error.status, error.retryable) == (status, retryable)
    assert not (tmp_path / "x.part").exists()


@pytest.mark.asyncio
async def test_content_length_promising_more_than_sent_is_a_network_error(origin, client,
                                                                          tmp_path):
    part = tmp_path / "x.part"
    error = await expect_error("network", client, origin.base + "/promises-more.mp4", part)
    assert error.retryable and part.read_bytes() == BODY


@pytest.mark.asyncio
async def test_a_lying_total_is_a_size_mismatch(origin, client, tmp_path):
    part = tmp_path / "x.part"
    part.write_bytes(BODY[:MiB])
    await expect_error("size_mismatch", client, origin.base + "/total-lie.mp4", part,
                       part_id=ours(part))
    assert not part.exists()  # untrustworthy bytes are not resumed


@pytest.mark.asyncio
async def test_an_unframed_body_shorter_than_announced_is_short_and_kept(origin, client,
                                                                        tmp_path):
    url = origin.base + "/unframed.mp4"
    error = await expect_error("short", client, url, tmp_path / "a.part", expected_size=len(BODY))
    assert error.retryable and (tmp_path / "a.part").read_bytes() == BODY[:HALF]  # to resume
    result = await download_to_part(client, url, tmp_path / "b.part")  # nothing to compare to
    assert result.size == HALF


# ---- redirects and credentials --------------------------------------------------------------


@pytest.mark.asyncio
async def test_redirects_are_followed_but_not_forever(origin, client, tmp_path):
    await download_to_part(client, origin.base + "/redirect/3", tmp_path / "a.part")
    assert (tmp_path / "a.part").read_bytes() == BODY
    await expect_error("http", client, origin.base + "/redirect/50", tmp_path / "b.part")


def test_downgrade_check():
    assert is_insecure_redirect("https://cdn.example/a", "http://cdn.example/a")
    assert not is_insecure_redirect("https://cdn.example/a", "https://other.example/a")
    assert not is_insecure_redirect("http://127.0.0.1:1/a", "http://127.0.0.1:2/a")
    assert not is_insecure_redirect("http://cdn.example/a", "https://cdn.example/a")


@pytest.mark.asyncio
async def test_no_authorization_header_ever_reaches_the_file_host(origin, tmp_path):
    async with make_file_client() as file_client:
        file_client.headers["Authorization"] = "Bearer vc_should_never_leave"  # a misuse
        await download_to_part(file_client, origin.base + "/redirect/2", tmp_path / "a.part")
        await file_client.get(origin.base + "/video.mp4")  # the client alone strips it too
    user_url = origin.base.replace("http://", "http://user:pw@") + "/video.mp4"
    async with httpx.AsyncClient(headers={"Authorization": "Bearer vc_x"}, auth=("u", "p")) as c:
        await download_to_part(c, user_url, tmp_path / "b.part")
    assert len(origin.seen) == 5
    assert not [h for _, h in origin.seen if "Authorization" in h or "authorization" in h]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    crypto = pytest.importorskip("cryptography")  # noqa: F841 — shipped with keyring on Linux
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.mark.asyncio
async def test_https_to_http_redirect_is_refused(origin, tmp_path, monkeypatch):
    cert_path, key_path = make_certificate(tmp_path)
    server_ssl = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ssl.load_cert_chain(cert_path, key_path)

    async def to_http(request: web.Request) -> web.Response:
        raise web.HTTPFound(origin.base + "/video.mp4")

    async def to_https(request: web.Request) -> web.Response:
        raise web.HTTPFound("/video.mp4")

    app = web.Application()
    app.router.add_get("/to-http", to_http)
    app.router.add_get("/to-https", to_https)
    app.router.add_get("/video.mp4", origin.honest)
    runner, port = await serve(app, server_ssl)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_path))  # make_file_client keeps verify=True
    try:
        async with make_file_client() as file_client:
            base = f"https://127.0.0.1:{port}"
            await download_to_part(file_client, base + "/to-https", tmp_path / "ok.part")
            assert (tmp_path / "ok.part").read_bytes() == BODY
            await expect_error("insecure_redirect", file_client, base + "/to-http",
                               tmp_path / "a.part")
            with pytest.raises(TransferError, match="insecure"):
                await file_client.get(base + "/to-http")
        async with httpx.AsyncClient(verify=ssl.create_default_context(cafile=cert_path),
                                     follow_redirects=True) as plain:
            await expect_error("insecure_redirect", plain, base + "/to-http", tmp_path / "b.part")
    finally:
        await runner.cleanup()
    assert origin.seen == []  # the plain-http origin was never contacted
    assert not (tmp_path / "a.part").exists()


# ---- the local disk -------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_not_enough_free_space_is_known_before_writing(origin, client, tmp_path,
                                                             monkeypatch):
    real = shutil.disk_usage
    monkeypatch.setattr(part_disk.shutil, "disk_usage",
                        lambda p: real(p)._replace(free=len(BODY) - 1))
    error = await expect_error("disk_full", client, origin.base + "/video.mp4",
                               tmp_path / "x.part")
    assert "free" in error.message
    assert not (tmp_path / "x.part").exists()


@pytest.mark.asyncio
async def test_a_folder_that_cannot_hold_files_is_not_writable(origin, client, tmp_path):
    (tmp_path / "a-file").write_bytes(b"")
    for part in (tmp_path / "a-file" / "x.part", tmp_path / "missing" / "x.part"):
        await expect_error("not_writable", client, origin.base + "/video.mp4", part)


@pytest.fixture
def small_tmpfs(tmp_path):
    """A real 1 MiB file system, or a skip where mounting is not allowed (not root)."""
    mounted: list[Path] = []

    def mount(options: str) -> Path:
        point = tmp_path / f"mnt{len(mounted)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", str(point)], check=False)


@pytest.mark.asyncio
async def test_real_disk_full_and_read_only_file_systems(origin, client, small_tmpfs):
    full = small_tmpfs("size=1m")
    await expect_error("disk_full", client, origin.base + "/video.mp4", full / "a.part")
    assert not (full / "a.part").exists()  # the size was known: nothing written
    await expect_error("disk_full", client, origin.base + "/unframed.mp4", full / "b.part")
    assert 0 < (full / "b.part").stat().st_size <= MiB  # size unknown: ENOSPC while writing
    read_only = small_tmpfs("size=1m,ro")
    error = await expect_error("not_writable", client, origin.base + "/video.mp4",
                               read_only / "c.part")
    assert "Read-only" in error.message


@pytest.fixture
def small_ext4(tmp_path):
    """A real ext4 of 1 MiB on a loop device (a disk's file system: written with direct I/O), or
    a skip where it cannot be made or mounted (not root, no mkfs.ext4)."""
    image, point = tmp_path / "ext4.img", tmp_path / "ext4"
    point.mkdir()
    try:
        made = subprocess.run(["mkfs.ext4", "-q", "-F", "-O", "^has_journal", "-m", "0",
                               str(image), "1M"], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        pytest.skip("no mkfs.ext4")
    if made.returncode != 0:
        pytest.skip(f"cannot make an ext4 here: {made.stderr.strip()}")
    mounted = subprocess.run(["mount", "-o", "loop", str(image), str(point)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a loop device here: {mounted.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=False)


@pytest.mark.asyncio
async def test_a_disk_that_fills_up_under_direct_writes_is_disk_full(origin, client, small_ext4):
    with open(small_ext4 / "probe", "wb") as probe:
        assert part_direct.can_write_directly(probe.fileno())
    (small_ext4 / "probe").unlink()
    part = small_ext4 / "b.part"
    await asyncio.wait_for(  # ends: the writer closes the part after the disk's error (no hang)
        expect_error("disk_full", client, origin.base + "/unframed.mp4", part), 30)  # 1.5 MiB
    kept = part.read_bytes()
    assert len(kept) < HALF and kept == BODY[:len(kept)]  # what fit is the file's start, exactly


def test_finalize_makes_the_new_name_durable_too(tmp_path, monkeypatch):
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(part_disk.os, "fsync", fsync)
    part = tmp_path / "job.part"
    part.write_bytes(b"video")
    final = finalize_part(part, tmp_path, "My Video.mp4")
    assert final.read_bytes() == b"video" and synced == [str(tmp_path)]


def test_finalize_never_overwrites(tmp_path):
    (tmp_path / "My Video.mp4").write_bytes(b"older")
    part = tmp_path / "job.part"
    part.write_bytes(b"new")
    final = finalize_part(part, tmp_path, "My Video.mp4")
    assert final == tmp_path / "My Video (1).mp4" and final.read_bytes() == b"new"
    assert (tmp_path / "My Video.mp4").read_bytes() == b"older" and not part.exists()
    part.write_bytes(b"escape")
    assert finalize_part(part, tmp_path, "../../etc/evil.mp4") == tmp_path / "evil.mp4"


def test_finalize_loses_a_race_for_a_name_gracefully(tmp_path, monkeypatch):
    part = tmp_path / "job.part"
    part.write_bytes(b"mine")
    real_unique = part_disk.unique_path

    def racing_unique(directory: Path, name: str) -> Path:
        chosen = real_unique(directory, name)
        if not chosen.exists() and chosen.name == "clip.mp4":
            chosen.write_bytes(b"theirs")  # another download takes the name just now
        return chosen

    monkeypatch.setattr(part_disk, "unique_path", racing_unique)
    final = finalize_part(part, tmp_path, "clip.mp4")
    assert final.name == "clip (1).mp4" and final.read_bytes() == b"mine"
    assert (tmp_path / "clip.mp4").read_bytes() == b"theirs"


def test_finalize_without_hard_links_and_into_an_unusable_folder(tmp_path, monkeypatch):
    def no_links(src, dst, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")  # as on FAT/exFAT

    monkeypatch.setattr(part_disk.os, "link", no_links)
    part = tmp_path / "job.part"
    part.write_bytes(b"data")
    (tmp_path / "a.mp4").write_bytes(b"old")
    assert finalize_part(part, tmp_path, "a.mp4").read_bytes() == b"data"
    assert (tmp_path / "a.mp4").read_bytes() == b"old"
    part.write_bytes(b"data")
    with pytest.raises(TransferError) as caught:
        finalize_part(part, tmp_path / "a.mp4", "b.mp4")  # a file, not a folder
    assert caught.value.kind == "not_writable"


def test_speed_meter():
    meter = SpeedMeter()
    assert meter.speed == 0 and meter.eta(100) is None
    for tick in range(51):  # 100 kB every 0.1 s for 5 s
        meter.add(100_000, tick / 10)
    assert meter.speed == pytest.approx(1_000_000, rel=0.01)
    assert meter.eta(2_000_000) == pytest.approx(2.0, rel=0.01)
    assert meter.eta(None) is None
    for tick in range(51, 90):  # stalled for ~4 s
        meter.add(0, tick / 10)
    assert meter.speed == 0 and meter.eta(1) is None


# ---- against the embedded sandbox's file origin ---------------------------------------------


@pytest.fixture
def sandbox():
    sandbox_module = pytest.importorskip("app.sandbox")
    with sandbox_module.run_in_thread(job_seconds=0.05, credits=100) as server:
        yield server


async def completed_job(sandbox, size: int) -> dict:
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    async with httpx.AsyncClient(base_url=sandbox.api_base, headers=headers) as api:
        job = (await api.post("/v1/download",
                              json={"url": f"https://video.example/watch?v=1&size={size}"})).json()
        for _ in range(200):
            job = (await api.get(f"/v1/jobs/{job['job_id']}")).json()
            if job["status"] == "completed":
                return job
            await asyncio.sleep(0.02)
    raise AssertionError(f"job never completed: {job}")


@pytest.mark.asyncio
async def test_sandbox_file_resumes_after_a_drop_and_never_sees_the_key(sandbox, client,
                                                                        tmp_path):
    job = await completed_job(sandbox, 2 * MiB + 7)
    sandbox.admin.file_faults(drop_after_bytes=MiB // 2, count=1)
    part = tmp_path / "job.part"
    versions: list[str | None] = []
    made: list[tuple[int, int]] = []
    await expect_error("network", client, job["download_url"], part, on_validator=versions.append,
                       on_created=made.append)
    assert 0 < part.stat().st_size < job["file_size"]
    result = await download_to_part(client, job["download_url"], part, part_id=made[0],
                                    expected_size=job["file_size"], validator=versions[0])
    assert result.size == job["file_size"]
    assert hashlib.sha256(part.read_bytes()).hexdigest() == job["sha256"]
    log = sandbox.admin.log(origin="files")
    assert "range" in log[-1]["headers"] and log[-1]["status"] == 206
    assert all("authorization" not in entry["headers"] for entry in log)


@pytest.mark.asyncio
async def test_sandbox_expired_link_is_link_expired(sandbox, client, tmp_path):
    job = await completed_job(sandbox, 1000)
    sandbox.admin.expire_links()
    await expect_error("link_expired", client, job["download_url"], tmp_path / "x.part")


@pytest.mark.asyncio
async def test_a_header_deadline_passing_among_redirects_is_stalled_and_frees_the_connection(
        origin, tmp_path, monkeypatch):
    # The header deadline is asyncio.timeout around _open, whose redirects are closed through
    # uncancelled.close (which finishes a close under a cancel, then raises it): wherever among a
    # chain of redirects the deadline lands — a request, a close — it is "stalled", never a bare
    # CancelledError or a hang, and the one pooled connection is free again afterwards.
    from app.engine import transfer

    seen: set[str] = set()
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=1),
                                 timeout=httpx.Timeout(5.0, pool=2.0)) as one:
        for step in range(1, 120):
            deadline = step * 0.0005
            monkeypatch.setattr(transfer, "HEADER_DEADLINE", deadline)
            began = time.monotonic()
            with pytest.raises(TransferError) as caught:
                await asyncio.wait_for(download_to_part(
                    one, origin.base + "/redirect/50", tmp_path / f"{step}.part"), timeout=10)
            took = time.monotonic() - began
            seen.add(caught.value.kind)
            # "Too many redirects" only when the chain beat the deadline: one that ran on well
            # past it had its deadline's cancel swallowed (in a close).
            assert caught.value.kind == "stalled" or (
                caught.value.kind == "http" and took < deadline + 0.010), (deadline, took, caught.value)
        assert "stalled" in seen
        again = await one.get(origin.base + "/redirect/2")  # PoolTimeout if a connection is taken
        assert again.status_code == 302
