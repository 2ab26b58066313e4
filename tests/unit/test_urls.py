"""Finding links in pasted text and in browser drops, as browsers really send them."""

import time

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine.urls import extract_from_mime, extract_urls, normalize_url

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
TITLE = "Rick Astley - Never Gonna Give You Up (Official Music Video)"


def utf16le(text: str) -> bytes:
    return text.encode("utf-16-le")


# ---- browser drops --------------------------------------------------------------------------


def test_firefox_link_drop_counts_the_link_once_across_all_its_formats():
    # What Firefox puts on a drag of one link (Linux): moz-url in UTF-16LE without BOM,
    # the same link as uri-list, HTML with a BOM, plain text, and the Netscape pair.
    payload = {
        "text/x-moz-url": utf16le(f"{VIDEO}\n{TITLE}"),
        "text/x-moz-url-data": utf16le(VIDEO),
        "text/x-moz-url-desc": utf16le(TITLE),
        "text/uri-list": VIDEO.encode(),
        "_NETSCAPE_URL": f"{VIDEO}\n{TITLE}".encode(),
        "text/html": b"\xff\xfe" + utf16le(f'<a href="{VIDEO}">{TITLE}</a>'),
        "text/plain": VIDEO.encode(),
    }
    found = extract_from_mime(payload)
    assert found.urls == [VIDEO]
    assert found.skipped == {}  # neither "repeated" nor the title as "junk"


def test_firefox_moz_url_with_several_links_and_a_bom():
    second = "https://vimeo.com/76979871"
    data = b"\xff\xfe" + utf16le(f"{VIDEO}\n{TITLE}\n{second}\nThe New Vimeo Player")
    assert extract_from_mime({"text/x-moz-url": data}).urls == [VIDEO, second]


def test_chrome_link_drop_decodes_html_entities_and_counts_once():
    link = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1"
    payload = {
        "text/uri-list": f"{link}\r\n".encode(),
        "text/html": f"<meta charset='utf-8'><a href=\"{link.replace('&', '&amp;')}\">{TITLE}</a>"
        .encode(),
        "text/plain": link.encode(),
    }
    found = extract_from_mime(payload)
    assert found.urls == [link]
    assert found.skipped == {}


def test_chrome_selection_drop_takes_absolute_links_and_ignores_relative_ones():
    html = (
        "<meta charset='utf-8'><p>Watch <a href=\"https://vimeo.com/1\">this</a> and "
        '<a href="/feed/trending">trending</a>, <a href="#comments">comments</a>, '
        '<a href="javascript:void(0)">share</a>, '
        '<a href="https://www.dailymotion.com/video/x7&#120;yz">that</a>.</p>'
    )
    payload = {"text/html": html.encode(), "text/plain": b"Watch this and trending, comments."}
    found = extract_from_mime(payload)
    assert found.urls == ["https://vimeo.com/1", "https://www.dailymotion.com/video/x7xyz"]
    assert found.skipped == {"not_http": 1}


def test_uri_list_with_comments_and_crlf():
    data = (
        b"# dragged from the file manager\r\n"
        b"https://a.example/v/1\r\n"
        b"https://b.example/v/2\r\n"
        b"# trailing comment\r\n"
    )
    found = extract_from_mime({"text/uri-list": data})
    assert found.urls == ["https://a.example/v/1", "https://b.example/v/2"]
    assert found.skipped == {}


def test_plain_text_in_utf16_with_bom_and_declared_charset():
    text = f"see {VIDEO} now"
    assert extract_from_mime({"text/plain": b"\xff\xfe" + utf16le(text)}).urls == [VIDEO]
    assert extract_from_mime({"text/plain;charset=utf-16": text.encode("utf-16")}).urls == [VIDEO]


def test_a_drop_without_any_link_reports_why():
    found = extract_from_mime({"text/plain": b"ftp://files.example.org/a.mp4\nhello"})
    assert found.urls == []
    assert found.skipped == {"not_http": 1, "junk": 1}


# ---- pasted text ----------------------------------------------------------------------------


def test_plain_text_with_links_junk_and_other_schemes():
    text = "\n".join(
        [
            "My favourite videos:",
            "https://www.youtube.com/watch?v=aaa",
            "   ",
            "https://vimeo.com/123456",
            "not a link at all",
            "ftp://files.example.org/video.mp4",
            "javascript:alert('x')",
            "https://www.dailymotion.com/video/x7xyz",
            "https://vimeo.com/123456",
        ]
    )
    found = extract_urls(text)
    assert found.urls == [
        "https://www.youtube.com/watch?v=aaa",
        "https://vimeo.com/123456",
        "https://www.dailymotion.com/video/x7xyz",
    ]
    assert found.skipped == {"junk": 2, "not_http": 2, "repeated": 1}


def test_links_inside_prose_lose_trailing_punctuation_but_keep_their_own_parentheses():
    wiki = "https://en.wikipedia.org/wiki/Python_(programming_language)"
    text = (
        f"Read ({wiki}) first, then https://example.com/a, and https://example.com/b. "
        "Also “https://example.com/c”! See <https://example.com/d>; "
        "or [this](https://example.com/e) and 'https://example.com/f?x=1&y=(2)'.\n"
        f"Wikipedia again: {wiki}."
    )
    found = extract_urls(text)
    assert found.urls == [
        wiki,
        "https://example.com/a",
        "https://example.com/b",
        "https://example.com/c",
        "https://example.com/d",
        "https://example.com/e",
        "https://example.com/f?x=1&y=(2)",
    ]
    assert found.skipped == {"repeated": 1}


def test_links_glued_by_commas_are_separate():
    found = extract_urls("https://a.example/1,https://b.example/2;http://c.example/3")
    assert found.urls == ["https://a.example/1", "https://b.example/2", "http://c.example/3"]


def test_same_video_written_differently_is_repeated():
    found = extract_urls(
        "HTTPS://WWW.Example.com:443/watch?v=1#t=30\nhttps://www.example.com/watch?v=1"
    )
    assert found.urls == ["https://WWW.Example.com:443/watch?v=1#t=30"]
    assert found.skipped == {"repeated": 1}


def test_normalize_url():
    assert normalize_url("HTTP://Example.COM:80") == "http://example.com/"
    assert normalize_url("https://example.com:8443/a?b=1#frag") == "https://example.com:8443/a?b=1"
    assert normalize_url("https://example.com/Path") != normalize_url("https://example.com/path")


def test_host_and_port_must_be_plausible():
    found = extract_urls("http:// http://a..b/x http://h.example:99999/ http://١٢.com https://köln.de/")
    assert found.urls == ["https://köln.de/"]
    assert found.skipped == {"junk": 4}


def test_ten_thousand_lines():
    lines = [f"https://example.com/watch?v={i % 9000}" for i in range(10_000)]
    started = time.perf_counter()
    found = extract_urls("\n".join(lines))
    elapsed = time.perf_counter() - started
    assert found.urls == lines[:9000]
    assert found.skipped == {"repeated": 1000}
    # A generous bound that still catches quadratic behaviour (measured: ~0.05 s).
    assert elapsed < 1.0


def test_a_huge_run_of_brackets_is_not_quadratic():
    started = time.perf_counter()
    found = extract_urls("http://a.example/" + ")" * 200_000)
    assert found.urls == ["http://a.example/"]
    assert time.perf_counter() - started < 1.0


# ---- fuzzing --------------------------------------------------------------------------------


def assert_usable(urls: list[str]) -> None:
    for url in urls:
        assert url.startswith(("http://", "https://"))
        assert httpx.URL(url).host  # parses, and has a host the HTTP client can reach


LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_ÄöéŁ", min_size=1, max_size=8)
url_like = st.builds(
    "{}://{}{}{}".format,
    st.sampled_from(["http", "https", "HTTP", "ftp", "javascript", "h"]),
    st.one_of(
        st.builds("{}.{}".format, LABEL, LABEL),
        LABEL,
        st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    ),
    st.sampled_from(["", ":80", ":0", ":99999", ":x", "@", ".", "]"]),
    st.one_of(st.just(""), st.text(max_size=20).map(lambda path: "/" + path), st.text()),
)

def join_with_separators(parts: list[str]) -> str:
    separators = [" ", "\n", "\r\n", "(", ")", ", ", "<", ">", '"']
    return "".join(part + separators[i % len(separators)] for i, part in enumerate(parts))


pasted = st.lists(st.one_of(st.text(), url_like), max_size=8).map(join_with_separators)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), pasted))
def test_extract_urls_never_raises_and_returns_only_usable_links(text):
    found = extract_urls(text)
    assert_usable(found.urls)
    assert len({normalize_url(u) for u in found.urls}) == len(found.urls)
    assert all(count > 0 for count in found.skipped.values())


MIME_TYPES = [
    "text/x-moz-url",
    "text/uri-list",
    "text/html",
    "text/plain",
    "text/plain;charset=utf-8",
    "text/plain;charset=utf-16",
    "text/plain;charset=no-such-codec",
    "text/plain;charset=idna",
    "_NETSCAPE_URL",
    "application/octet-stream",
]


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(MIME_TYPES),
        st.one_of(
            st.binary(),
            pasted.map(lambda t: t.encode("utf-8", "surrogatepass")),
            pasted.map(lambda t: t.encode("utf-16-le", "surrogatepass")),
        ),
    )
)
def test_extract_from_mime_never_raises_on_any_bytes(payload):
    found = extract_from_mime(payload)
    assert_usable(found.urls)


@given(
    st.lists(
        st.builds(
            "{}://{}.example/{}".format,
            st.sampled_from(["http", "https"]),
            st.text(alphabet="abcxyz", min_size=1, max_size=3),
            st.text(alphabet="ab1/", max_size=4),
        )
    )
)
def test_every_well_formed_link_on_its_own_line_is_found_once(links):
    found = extract_urls("\n".join(links))
    expected_keys = list(dict.fromkeys(normalize_url(u) for u in links))
    assert [normalize_url(u) for u in found.urls] == expected_keys
    assert found.skipped.get("repeated", 0) == len(links) - len(expected_keys)
