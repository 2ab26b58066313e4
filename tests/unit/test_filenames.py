"""Names for saved videos: whatever a server or a title says, the file lands inside the folder."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import filenames
from app.engine.filenames import (
    MAX_NAME_BYTES,
    OWN_SUFFIXES,
    PathTooLong,
    filename_from_content_disposition,
    filename_from_url,
    fit_to_folder,
    is_dangerous,
    safe_filename,
    unique_path,
)
from app.engine.parts import PartFiles, PartIdentity


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('attachment; filename="My Video.mp4"', "My Video.mp4"),
        ("attachment; filename=clip.mp4", "clip.mp4"),
        ("attachment; filename*=UTF-8''%E2%82%AC.mp4", "€.mp4"),
        ("attachment; filename*=utf-8'en'%E2%82%AC%20rate.mp4", "€ rate.mp4"),
        ("attachment; filename*=ISO-8859-1''%A3.mp4", "£.mp4"),
        # Both present: the encoded one wins, in either order.
        ("attachment; filename=\"EUR.mp4\"; filename*=UTF-8''%E2%82%AC.mp4", "€.mp4"),
        ("attachment; filename*=UTF-8''%E2%82%AC.mp4; filename=\"EUR.mp4\"", "€.mp4"),
        ('attachment; filename="a \\"quoted\\" ; name.mp4"', 'a "quoted" ; name.mp4'),
        ("ATTACHMENT; FILENAME = shout.MP4", "shout.MP4"),
        ('inline; size=10; filename="later.webm"', "later.webm"),
        ("attachment", None),
        ('attachment; filename=""', None),
        ("", None),
        (None, None),
    ],
)
def test_content_disposition(header, expected):
    assert filename_from_content_disposition(header) == expected


def test_content_disposition_with_an_unknown_charset_still_decodes():
    assert filename_from_content_disposition("attachment; filename*=x-nope''a%20b.mp4") == "a b.mp4"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://cdn.example/files/tok/My%20Video.mp4?sig=abc", "My Video.mp4"),
        ("https://cdn.example/files/tok/clip.webm/", "clip.webm"),
        ("https://cdn.example/", None),
        ("https://cdn.example", None),
        ("https://cdn.example/%E2%82%AC.mp4#frag", "€.mp4"),
    ],
)
def test_filename_from_url(url, expected):
    assert filename_from_url(url) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../x", "x"),
        ("../../x.mp4", "x.mp4"),
        ("/etc/passwd", "passwd"),
        ("C:\\Windows\\x", "x"),
        ("C:evil.mp4", "C_evil.mp4"),
        ("CON.mp4", "_CON.mp4"),
        ("con", "_con"),
        ("lpt1.tar.gz", "_lpt1.tar.gz"),
        ("Console.mp4", "Console.mp4"),
        (".hidden", "hidden"),
        ("...mp4", "mp4"),
        ("What? <Really> a|b*c:d.mp4", "What_ _Really_ a_b_c_d.mp4"),
        ("trailing dots... ", "trailing dots"),
        ("tab\there\r\nnewline.mp4", "tab here newline.mp4"),
        ("zero\x00byte.mp4", "zerobyte.mp4"),
        ("evil\u202egpj.exe", "evilgpj.exe"),
        ("  spaced   out  .mp4", "spaced out.mp4"),
        ("Part 1. The beginning", "Part 1. The beginning"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


@pytest.mark.parametrize("name", [None, "", "   ", "..", "/", "\\\\", "\u202e", "././."])
def test_nothing_usable_falls_back(name):
    assert safe_filename(name) == "video"
    assert safe_filename(name, fallback="clip.mp4") == "clip.mp4"
    assert safe_filename(name, fallback="../..") == "video"


@pytest.mark.parametrize("stem_char", ["a", "€", "😀"])
def test_very_long_names_are_cut_to_200_bytes_keeping_the_extension(stem_char):
    result = safe_filename(stem_char * 500 + ".webm")
    assert result.endswith(".webm")
    assert len(result.encode("utf-8")) <= MAX_NAME_BYTES
    assert len(result.encode("utf-8")) > MAX_NAME_BYTES - 4  # cut on a character, not short
    assert set(result.removesuffix(".webm")) == {stem_char}


def test_unique_path_counts_up_past_taken_names(tmp_path: Path):
    assert unique_path(tmp_path, "a.mp4") == tmp_path / "a.mp4"
    (tmp_path / "a.mp4").write_bytes(b"1")
    assert unique_path(tmp_path, "a.mp4") == tmp_path / "a (1).mp4"
    (tmp_path / "a (1).mp4").write_bytes(b"2")
    (tmp_path / "a (2).mp4").symlink_to(tmp_path / "missing")  # a dangling link is taken too
    assert unique_path(tmp_path, "a.mp4") == tmp_path / "a (3).mp4"
    (tmp_path / "noext").write_bytes(b"")
    assert unique_path(tmp_path, "noext") == tmp_path / "noext (1)"


def test_unique_path_of_a_longest_name_stays_within_the_limit(tmp_path: Path):
    name = safe_filename("x" * 300 + ".mp4")
    (tmp_path / name).write_bytes(b"")
    second = unique_path(tmp_path, name)
    assert second.name.endswith(" (1).mp4")
    assert len(second.name.encode()) <= MAX_NAME_BYTES
    second.write_bytes(b"")  # the file system accepts it


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="./\\:C \x00.mp4con", max_size=30)))
def test_any_name_becomes_one_safe_file_inside_the_folder(tmp_path_factory, name):
    folder = tmp_path_factory.getbasetemp().resolve()
    result = safe_filename(name)
    assert result
    assert "/" not in result and "\\" not in result and "\x00" not in result
    assert not result.startswith(".")
    assert result == result.strip()
    assert len(result.encode("utf-8")) <= MAX_NAME_BYTES
    assert (folder / result).resolve().parent == folder


# ---- the app's own suffixes, dangerous types, platform rules ---------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("clip.mp4.part", "clip.mp4_part"),
        ("clip.PART", "clip_PART"),
        ("clip.Part. ", "clip_Part"),  # Windows drops the trailing dot and space: still ".Part"
        ("clip.part.mp4", "clip.part.mp4"),
        (".part", "part"),
        ("partial.mp4", "partial.mp4"),
    ],
)
def test_a_name_never_ends_in_the_apps_own_suffix(name, expected):
    assert safe_filename(name) == expected
    assert not safe_filename(name).casefold().endswith(OWN_SUFFIXES)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ap.rtPART ", max_size=12))
def test_no_name_ends_in_part_in_any_case(name):
    assert not safe_filename(name).casefold().endswith(".part")


@pytest.mark.parametrize("name", ["setup.exe", "SETUP.EXE", "run.sh", "x.AppImage", "a.desktop",
                                  "clip.mp4.exe", "Installer.pkg", "b.command", "c.lnk",
                                  "d.ps1", "e.jar", "f.dmg", "g.app", "h.scr"])
def test_dangerous_types(name):
    assert is_dangerous(name) and is_dangerous(Path("/x") / name)


@pytest.mark.parametrize("name", ["clip.mp4", "song.mp3", "a.webm", "exe", "setup.exe.mp4",
                                  "noext", "a.txt"])
def test_media_is_not_dangerous(name):
    assert not is_dangerous(name)


@pytest.mark.parametrize("charset", ["idna", "punycode", "rot13", "x-nope", "utf-16", "base64"])
def test_any_charset_in_filename_star_decodes_without_error(charset):
    header = f"attachment; filename*={charset}''..%2F..%2F.bashrc%E2%82%AC%FF"
    name = filename_from_content_disposition(header)
    assert name and safe_filename(name)


def test_windows_paths_are_kept_under_the_legacy_limit(monkeypatch):
    monkeypatch.setattr(filenames, "PLATFORM", "win32")
    monkeypatch.setattr(filenames, "_long_paths_enabled", lambda: False)
    folder = Path("/Users/someone/" + "f" * 180)
    name = fit_to_folder("A" * 150 + ".webm", folder)
    assert name.endswith(".webm") and name.startswith("AAAA")
    longest = f"{folder}/{name} (999){filenames.PART_SUFFIX}"
    assert len(longest) == filenames.WINDOWS_MAX_PATH
    assert fit_to_folder("short.mp4", folder) == "short.mp4"
    with pytest.raises(PathTooLong):
        fit_to_folder("clip.mp4", Path("/" + "f" * 240))
    # UTF-16 counts: an emoji is two of Windows' characters.
    emoji = fit_to_folder("😀" * 100 + ".mp4", folder)
    assert len(f"{folder}/{emoji} (999).part".encode("utf-16-le")) // 2 <= 259


def test_long_paths_enabled_or_another_platform_leaves_names_alone(monkeypatch):
    name = "A" * 190 + ".mp4"
    folder = Path("/" + "f" * 240)
    monkeypatch.setattr(filenames, "PLATFORM", "linux")
    assert fit_to_folder(name, folder) == name
    monkeypatch.setattr(filenames, "PLATFORM", "win32")
    monkeypatch.setattr(filenames, "_long_paths_enabled", lambda: True)
    assert fit_to_folder(name, folder) == name


@pytest.mark.parametrize(("platform", "folded"), [("win32", True), ("darwin", True),
                                                  ("linux", False)])
def test_part_names_are_compared_as_the_file_system_does(tmp_path, monkeypatch, platform, folded):
    monkeypatch.setattr(filenames, "PLATFORM", platform)
    parts = PartFiles()
    first, _ = parts.claim(1, tmp_path, "Clip.mp4")
    second, _ = parts.claim(2, tmp_path, "clip.MP4")
    assert first.name == "Clip.mp4.part"
    assert second.name == ("clip (1).MP4.part" if folded else "clip.MP4.part")


def test_a_part_name_is_never_a_link_even_a_dangling_one(tmp_path):
    (tmp_path / "clip.mp4.part").symlink_to(tmp_path / "nowhere")
    part, chosen = PartFiles().claim(1, tmp_path, "clip.mp4")
    assert chosen and part.name == "clip (1).mp4.part"


def test_a_part_identity_survives_the_store_and_rejects_garbage():
    identity = PartIdentity("job-1", '"etag"', 1000)
    assert PartIdentity.from_dict(identity.to_dict()) == identity
    assert identity.belongs_to("job-1", 1000)
    assert not identity.belongs_to("job-2", 1000) and not identity.belongs_to("job-1", 999)
    for garbage in (None, [], {"job_id": 5}, {"job_id": "j", "size": "10"},
                    {"job_id": "j", "validator": 3}, {"job_id": "j", "size": True},
                    {"job_id": "j", "folder": 3}, {"job_id": "j", "file_id": [1]},
                    {"job_id": "j", "file_id": [1, "2"]}, {"job_id": "j", "file_id": "1,2"},
                    {"job_id": "j", "final_name": 3}, {"job_id": "j", "final_mtime": "5"},
                    {"job_id": "j", "final_mtime": 1.5}):
        assert PartIdentity.from_dict(garbage) is None
    placed = PartIdentity("job-1", None, 1000, "/downloads", (64769, 1234))
    assert PartIdentity.from_dict(placed.to_dict()) == placed
    moving = placed.moving_to("clip.mp4", 1_764_000_000_123_456_789)
    assert PartIdentity.from_dict(moving.to_dict()) == moving
    assert placed.lives_in("/downloads") and not placed.lives_in("/elsewhere")
