"""Finding links in pasted text and in browser drops, as browsers really send them."""

import time

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import urls
from app.engine.urls import (
    TRACKING_PARAMS,
    canonical_url,
    extract_from_mime,
    extract_urls,
    normalize_url,
)

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
    link = "https://vimeo.com/76979871?share=copy&h=a1b2"
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
    assert found.urls == ["https://www.example.com/watch?v=1"]  # the canonical form, not the first
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


# ---- one link, one canonical form -----------------------------------------------------------

# Each table is one rule; each rule's table fails if that rule's line in urls.py is broken.

FRAGMENT = [
    ("https://a.example/v#frag", "https://a.example/v"),
    ("https://a.example/v?x=1#t=30", "https://a.example/v?x=1"),
    ("https://a.example/v#", "https://a.example/v"),
    ("https://a.example/v#a?b=1", "https://a.example/v"),  # a "?" after the "#" is no query
]

TRACKING = [
    ("https://a.example/v?utm_source=x", "https://a.example/v"),
    ("https://a.example/v?utm_medium=e&utm_campaign=c&utm_whatever_next=1", "https://a.example/v"),
    ("https://a.example/v?UTM_Source=x", "https://a.example/v"),  # names compared case-insensitively
    ("https://a.example/v?fbclid=IwAR0", "https://a.example/v"),
    ("https://a.example/v?gclid=Cj0", "https://a.example/v"),
    ("https://a.example/v?si=abc", "https://a.example/v"),
    ("https://a.example/v?feature=share", "https://a.example/v"),
    ("https://a.example/v?pp=ygU", "https://a.example/v"),
    ("https://a.example/v?igshid=MzRl", "https://a.example/v"),
    ("https://a.example/v?utm_source", "https://a.example/v"),  # even without a value
    # the others keep their order around the removed ones
    ("https://a.example/v?b=2&utm_source=x&a=1&fbclid=y&c=3", "https://a.example/v?b=2&a=1&c=3"),
    ("https://a.example/v?z=1&y=2&x=3", "https://a.example/v?z=1&y=2&x=3"),
    # look-alikes that may select content stay
    ("https://a.example/v?utm=1&sid=2&ref=3&t=4&list=5&page=6&xutm_source=7&feature_id=8",
     "https://a.example/v?utm=1&sid=2&ref=3&t=4&list=5&page=6&xutm_source=7&feature_id=8"),
    ("https://a.example/v?x=utm_source&y=fbclid", "https://a.example/v?x=utm_source&y=fbclid"),
]

YOUTUBE = [
    ("https://youtu.be/dQw4w9WgXcQ", VIDEO),
    ("https://youtu.be/dQw4w9WgXcQ?si=abcDEF&t=42", VIDEO),
    ("http://youtu.be/dQw4w9WgXcQ/", VIDEO),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", VIDEO),
    ("https://youtube.com/shorts/dQw4w9WgXcQ?feature=share", VIDEO),
    ("https://www.youtube.com/live/dQw4w9WgXcQ?si=x", VIDEO),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ?start=30&autoplay=1", VIDEO),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", VIDEO),
    ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&app=desktop", VIDEO),
    ("https://music.youtube.com/watch?v=dQw4w9WgXcQ&feature=share", VIDEO),
    ("https://youtube.com/watch?v=dQw4w9WgXcQ", VIDEO),
    ("HTTPS://WWW.YOUTUBE.COM:443/watch?v=dQw4w9WgXcQ#t=1m", VIDEO),
    # start time, playlist context and anything else: the same one video, so dropped
    ("https://www.youtube.com/watch?t=42&v=dQw4w9WgXcQ&list=PL1&index=3&pp=ygU", VIDEO),
    ("https://youtu.be/abc123?si=x", "https://www.youtube.com/watch?v=abc123"),  # short test ids too
    # not a single video's address: only the generic rules apply
    ("https://www.youtube.com/playlist?list=PL1&si=x", "https://www.youtube.com/playlist?list=PL1"),
    ("https://www.youtube.com/watch?list=PL1&utm_source=x", "https://www.youtube.com/watch?list=PL1"),
    ("https://www.youtube.com/embed/videoseries?list=PL1", "https://www.youtube.com/embed/videoseries?list=PL1"),
    ("https://www.youtube.com/@channel/live", "https://www.youtube.com/@channel/live"),
    ("https://youtu.be/", "https://youtu.be/"),
    ("https://youtu.be/dQw4w9WgXcQ/extra", "https://youtu.be/dQw4w9WgXcQ/extra"),
    ("https://youtu.be/dQw4w9WgXcQ%20", "https://youtu.be/dQw4w9WgXcQ%20"),  # not an id
    ("https://www.youtube.com/watch?v=a%2Fb&si=1", "https://www.youtube.com/watch?v=a%2Fb"),
    ("https://www.youtube.com/embed/live_stream?channel=UC1", "https://www.youtube.com/embed/live_stream?channel=UC1"),
    ("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ", "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ"),
    ("https://notyoutube.com/watch?v=dQw4w9WgXcQ", "https://notyoutube.com/watch?v=dQw4w9WgXcQ"),
]

CASE = [
    ("HTTPS://VIMEO.COM/Path/To?Q=A", "https://vimeo.com/Path/To?Q=A"),  # path and query keep case
    ("Http://Example.Org/x", "http://example.org/x"),
    ("https://KÖLN.de/Video", "https://köln.de/Video"),
    ("https://[2001:DB8::1]/v", "https://[2001:db8::1]/v"),
]

PORTS = [
    ("http://a.example:80/v", "http://a.example/v"),
    ("https://a.example:443/v", "https://a.example/v"),
    ("https://a.example:0443/v", "https://a.example/v"),
    ("http://a.example:443/v", "http://a.example:443/v"),
    ("https://a.example:80/v", "https://a.example:80/v"),
    ("https://a.example:8443/v", "https://a.example:8443/v"),
    ("https://[::1]:443/v", "https://[::1]/v"),
]

EMPTY_QUERY = [
    ("https://a.example/v?", "https://a.example/v"),
    ("https://a.example/v?x=1&", "https://a.example/v?x=1"),
    ("https://a.example/v?&x=1&&y=2&", "https://a.example/v?x=1&y=2"),
    ("https://a.example/v?&", "https://a.example/v"),
    ("https://a.example/v?utm_source=x&", "https://a.example/v"),
    ("https://a.example/v?q=a?b&", "https://a.example/v?q=a?b"),  # a "?" in the query is data
]

EMPTY_PATH = [
    ("https://a.example", "https://a.example/"),
    ("https://a.example?x=1", "https://a.example/?x=1"),
    ("https://a.example#top", "https://a.example/"),
    ("https://a.example/", "https://a.example/"),
]

NOT_CANONICALIZABLE = [  # no usable http(s) link: returned as given, only stripped
    ("  ftp://A.example/x#y \n", "ftp://A.example/x#y"),
    ("javascript:alert(1)", "javascript:alert(1)"),
    ("HTTPS://a..b/x?utm_source=1", "HTTPS://a..b/x?utm_source=1"),
    ("http://h.example:99999/", "http://h.example:99999/"),
    ("https://user:pw@A.example/v#f", "https://user:pw@A.example/v#f"),
    ("", ""),
    ("not a url", "not a url"),
]


@pytest.mark.parametrize(
    ("raw", "canonical"), FRAGMENT + TRACKING + YOUTUBE + CASE + PORTS + EMPTY_QUERY + EMPTY_PATH
)
def test_canonical_url(raw, canonical):
    assert canonical_url(raw) == canonical
    assert canonical_url(canonical) == canonical
    assert extract_urls(raw).urls == [canonical]  # extraction yields exactly that form …
    assert normalize_url(raw) == canonical  # … and it is the de-duplication key


@pytest.mark.parametrize(("raw", "unchanged"), NOT_CANONICALIZABLE)
def test_canonical_url_returns_what_it_cannot_parse(raw, unchanged):
    assert canonical_url(raw) == unchanged
    assert extract_urls(raw).urls == []


DOCUMENTED_TRACKING = [
    "fbclid", "gclid", "si", "feature", "pp", "igshid",
    "dclid", "gclsrc", "gbraid", "wbraid", "gad_source", "srsltid", "msclkid", "yclid", "ysclid",
    "twclid", "ttclid", "li_fat_id", "igsh", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok",
    "ref_src", "ref_url", "_ga", "_gl",
]


def test_the_tracking_list_is_the_documented_one():
    assert sorted(TRACKING_PARAMS) == sorted(DOCUMENTED_TRACKING)


@pytest.mark.parametrize("name", DOCUMENTED_TRACKING)
def test_every_documented_tracking_parameter_is_removed(name):
    assert canonical_url(f"https://a.example/v?id=7&{name}=x&{name.upper()}=y") == "https://a.example/v?id=7"


def test_links_with_credentials_are_refused():
    # They would hand the credentials to the paid service and keep them in the queue; and the
    # text before "@" is a classic disguise of where a link really goes.
    found = extract_urls("https://user:pw@a.example/v\nhttps://www.youtube.com@evil.example/x")
    assert found.urls == []
    assert found.skipped == {"junk": 2}
    html = '<a href="https://u@a.example/v">x</a>'
    assert extract_from_mime({"text/html": html.encode()}).urls == []


FIVE_COPIES = [
    "https://vimeo.com/76979871",
    "HTTPS://VIMEO.COM:443/76979871#t=10s",
    "https://vimeo.com/76979871?utm_source=newsletter&fbclid=IwAR0",
    "https://vimeo.com/76979871?",
    "https://vimeo.com/76979871?&gclid=Cj0&",
]
FIVE_YOUTUBE_COPIES = [
    "https://youtu.be/dQw4w9WgXcQ?si=abc",
    VIDEO,
    "HTTPS://M.YouTube.com/watch?v=dQw4w9WgXcQ&feature=share#t=1",
    "https://www.youtube.com/shorts/dQw4w9WgXcQ?utm_source=x",
    "https://music.youtube.com/watch?v=dQw4w9WgXcQ&t=42&list=PL1&index=2",
]


@pytest.mark.parametrize("copies", [FIVE_COPIES, FIVE_YOUTUBE_COPIES])
def test_five_copies_of_one_link_are_one_link_and_four_repeats(copies):
    found = extract_urls("\n".join(copies))
    assert found.urls == [canonical_url(copies[0])]
    assert found.skipped == {"repeated": 4}
    assert found.keyed() == [(found.urls[0], found.urls[0])]  # the key is the canonical form


def test_a_drop_of_five_copies_in_several_formats_is_one_link():
    html = "".join(f'<a href="{u}">x</a>' for u in FIVE_YOUTUBE_COPIES)
    found = extract_from_mime({
        "text/html": html.encode(),
        "text/plain": "\n".join(reversed(FIVE_YOUTUBE_COPIES)).encode(),
    })
    assert found.urls == [VIDEO]
    assert found.skipped == {"repeated": 4}


def test_a_later_paste_of_a_variant_has_the_key_of_the_queued_link():
    # What the engine compares for "already queued": the keys of two separate extractions.
    queued = dict(extract_urls(VIDEO + "\nhttps://vimeo.com/1").keyed())
    later = extract_urls("https://youtu.be/dQw4w9WgXcQ?si=x\nhttps://vimeo.com/1?utm_source=a#t")
    assert [key in queued.values() for _, key in later.keyed()] == [True, True]


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("https://a.example/x #frag", "https://a.example/x"),
        ("http://youtu.be? &utm_source=x", "http://youtu.be/"),
        ("https://a.example/x?a=1&\t&fbclid=2", "https://a.example/x?a=1"),
    ],
)
def test_whitespace_inside_a_given_string_still_gives_a_fixed_point(raw, canonical):
    # Never in an extracted link (whitespace ends a link), but the engine may compare anything.
    assert canonical_url(raw) == canonical
    assert canonical_url(canonical) == canonical


def test_canonical_url_never_raises_even_on_non_strings():
    assert canonical_url(None) is None  # type: ignore[arg-type]
    assert canonical_url(b"https://a.example")  # type: ignore[arg-type]


def test_fifty_thousand_variants_stay_linear():
    lines = [
        f"https://youtu.be/{i:011d}?si=x" if i % 2 else f"HTTPS://A.example:443/v/{i}?utm_source=m&b=2#t"
        for i in range(25_000)
    ]
    lines += [canonical_url(line) for line in lines]  # each a second time, already canonical
    started = time.perf_counter()
    found = extract_urls("\n".join(lines))
    elapsed = time.perf_counter() - started
    assert found.urls == lines[25_000:]
    assert found.skipped == {"repeated": 25_000}
    assert elapsed < 2.0  # measured: ~0.2 s


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
    assert all(canonical_url(u) == u for u in found.urls)  # what is stored is already canonical
    assert all(count > 0 for count in found.skipped.values())


QUERY = st.lists(
    st.one_of(
        st.sampled_from(["utm_source=x", "UTM_x", "fbclid=1", "si=2", "v=dQw4w9WgXcQ", "list=PL",
                         "t=4", "", "a=1", "=", "v=", "b"]),
        st.text(max_size=6),
    ),
    max_size=6,
).map("&".join)
any_link = st.builds(
    "{}://{}{}{}{}{}".format,
    st.sampled_from(["http", "https", "HTTP", "hTtPs", "ftp", ""]),
    st.sampled_from(["youtu.be", "www.YouTube.com", "m.youtube.com", "a.example", "KÖLN.de", "[::1]",
                     "u@a.example", "a..b", ""]),
    st.sampled_from(["", ":80", ":443", ":0", ":8080", ":x"]),
    st.sampled_from(["", "/", "/watch", "/shorts/dQw4w9WgXcQ", "/embed/", "/dQw4w9WgXcQ", "/a b"]),
    st.one_of(st.just(""), QUERY.map(lambda q: "?" + q)),
    st.one_of(st.just(""), st.text(max_size=5).map(lambda f: "#" + f)),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(QUERY, st.text()).map(lambda q: "?" + q))
def test_the_query_pre_filter_never_keeps_what_would_be_dropped(query):
    # _clean_query skips the parameter-by-parameter check when its pre-filter finds nothing.
    params = query[1:].split("&")
    kept = [p for p in params if p and not urls._is_tracking(p)]
    assert urls._clean_query(query) == ("?" + "&".join(kept) if kept else "")


@settings(max_examples=500, deadline=None)
@given(st.one_of(any_link, url_like, st.text()))
def test_canonical_url_is_total_idempotent_and_keeps_http(raw):
    once = canonical_url(raw)
    assert canonical_url(once) == once
    given_form = raw.strip()
    scheme = given_form.partition("://")[0].lower()
    if scheme not in ("http", "https"):
        assert once == given_form  # never turns anything else into a web link
    elif once != given_form:  # rewritten, so it parsed: it is in canonical form
        assert once.startswith(("http://", "https://"))
        assert "#" not in once and "@" not in once.split("/")[2]
        if "?" in once:  # no empty query, no empty parameter (a trailing "&"), no tracking one
            params = once.partition("?")[2].split("&")
            assert all(params) and not any(p.lower().startswith("utm_") for p in params)
        if once.partition("://")[0] != scheme:  # only a YouTube video may move to https
            assert once.startswith("https://www.youtube.com/watch?v=")


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
