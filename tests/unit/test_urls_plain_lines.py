"""The short way for the usual line of a pasted list (one link alone, already canonical) finds
exactly what the careful way finds: the same links, in the same order, with the same skip reasons,
for any line — and it is taken for the lines of a long pasted list."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import urls


def careful(lines: list[str]) -> tuple[list[str], dict[str, int]]:
    collector = urls._Collector()
    for line in lines:
        collector.scan_line(line)
    return collector.urls, dict(collector.skipped)


def as_pasted(lines: list[str]) -> tuple[list[str], dict[str, int]]:
    collector = urls._Collector()
    collector.scan_lines(lines)
    return collector.urls, dict(collector.skipped)


PLAIN = ["https://example.com/bench/v1?size=1073741824", "http://a.example/", "https://a.example/x?a=1&b",
         "https://example.com./v", "https://xn--kln-sna.de/a(b)c", "https://1.2.3.4/p@q/r:s",
         "https://www.youtube.com/watch?v=dQw4w9WgXcQ"]


def test_the_usual_lines_of_a_pasted_list_take_the_short_way():
    assert [urls._plain_link(line) for line in PLAIN] == PLAIN


NOT_PLAIN = [
    "HTTPS://a.example/x",  # upper case scheme
    "https://A.example/x",  # upper case host
    "https://a.example",  # no path: canonical form adds "/"
    "https://a.example:443/x",  # a port
    "https://a.example/x#t",  # a fragment
    "https://a.example/x?",  # an empty query
    "https://a.example/x?a=1&",  # an empty parameter
    "https://a.example/x?utm_source=m",  # a tracking parameter
    "https://a.example/x.",  # prose punctuation at the end
    "https://a.example/x)",  # a closing bracket the link did not open
    "http://www.youtube.com/watch?v=abc",  # YouTube: only its own canonical form is plain
    "https://www.youtube.com/watch?v=abc&t=3",
    "https://www.youtube.com/watch?v=",
    "https://youtube.com/watch?v=abc",
    "https://youtu.be/abc",
    "https://a..b/x",  # not a host
    "https://a.example/x,https://b.example/y",  # two links glued by a comma
    " https://a.example/x",  # whitespace around it
    "https://a.example/x y",
    "https://a_b.example/x",  # a valid host, but not in the pattern: the careful way decides
    "https://u@a.example/x",  # credentials
    "ftp://a.example/x",
]


def test_every_other_line_takes_the_careful_way():
    assert [urls._plain_link(line) for line in NOT_PLAIN] == [None] * len(NOT_PLAIN)


PATH_CHARS = "ab/:.,;!?)(]}*'\"…“»@%=&#<>`\t \u00a0\u2028\x1fé_-"
USUAL = [""] * 6  # most parts of a generated line are as in a pasted list: plain


def mostly_plain(*unusual: str) -> st.SearchStrategy[str]:
    return st.sampled_from([*USUAL, *unusual])


line_like = st.builds(
    "{}{}://{}{}{}{}{}{}".format,
    mostly_plain(" ", "(", "x"),
    st.sampled_from(["https", "http", "https", "http", "HTTP", "hTtps", "ftp", "javascript"]),
    st.one_of(
        st.sampled_from(["a.example", "example.com.", "A.example", "youtu.be", "www.youtube.com",
                         "youtube.com", "m.youtube.com", "a..b", "-a.example", ".a", "a_b.example",
                         "köln.de", "xn--kln-sna.de", "1.2.3.4", "a", "[::1]", "u@a.example"]),
        st.text(alphabet="ab.-_0", min_size=1, max_size=6),
    ),
    mostly_plain(":443", ":80", ":8080", ":x"),
    st.one_of(st.text(alphabet=PATH_CHARS, max_size=10).map(lambda p: "/" + p),
              st.sampled_from(["", "/", "/v1", "/watch", "/shorts/abc", "/embed/abc", "/abc"])),
    st.one_of(st.just(""), st.lists(st.sampled_from(
        ["v=abc", "v=abc", "v=videoseries", "v=a.b", "a=1", "", "utm_source=x", "si=2", "UTM_a",
         "b", "list=PL", "x?y", "fbclid"]),
        min_size=1, max_size=4).map(lambda q: "?" + "&".join(q))),
    mostly_plain("#", "#t=3"),
    mostly_plain(".", ")", "]", "?", ",https://b.example/y", ";http://c.example/", " trailing",
                 "\u00a0x", "“", "/"),
)


# YouTube's canonical form and its near misses (a second parameter, a playlist "id", no id).
youtube_like = st.builds(
    "{}://{}/watch?v={}".format,
    st.sampled_from(["https", "https", "http"]),
    st.sampled_from(["www.youtube.com", "www.youtube.com", "youtube.com", "m.youtube.com"]),
    st.one_of(st.text(alphabet="aZ09_-", max_size=12), st.text(alphabet="aZ0_-.&=?#/ ", max_size=12),
              st.sampled_from(["videoseries", "live_stream", "dQw4w9WgXcQ&list=PL"])),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(line_like, youtube_like, st.text(max_size=30)), max_size=6))
def test_the_short_way_finds_what_the_careful_way_finds(lines):
    assert as_pasted(lines) == careful(lines)


@settings(max_examples=500, deadline=None)
@given(st.one_of(line_like, youtube_like))
def test_a_line_taken_the_short_way_is_the_careful_way_s_one_link(line):
    if urls._plain_link(line) is not None:
        assert careful([line]) == ([line], {})
