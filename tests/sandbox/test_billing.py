"""The "buy credits" page and its top-up form."""

from __future__ import annotations

import re


def balance_on(page: str) -> int:
    match = re.search(r'id="balance">(\d+)<', page)
    assert match, page
    return int(match.group(1))


def test_the_page_shows_balance_plan_and_top_up_buttons(make_sandbox, http):
    sandbox = make_sandbox(plan="free", credits=25)
    page = http.get(f"{sandbox.api_base}/billing")
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert balance_on(page.text) == 25
    assert "Free plan" in page.text
    for amount in (10, 50, 200):
        assert f'name="amount" value="{amount}"' in page.text
    assert 'action="/billing/topup"' in page.text
    assert sandbox.api_key not in page.text


def test_a_top_up_adds_credits_and_shows_the_new_balance(make_sandbox, http):
    sandbox = make_sandbox(credits=25)
    response = http.post(f"{sandbox.api_base}/billing/topup", data={"amount": "50"})
    assert response.status_code == 200
    assert balance_on(response.text) == 75
    assert "Added 50 credits" in response.text
    assert sandbox.admin.state()["credits"] == 75
    assert balance_on(http.get(f"{sandbox.api_base}/billing").text) == 75


def test_a_bad_amount_changes_nothing(make_sandbox, http):
    sandbox = make_sandbox(credits=25)
    for amount in ("", "-5", "abc", "1000000"):
        response = http.post(f"{sandbox.api_base}/billing/topup", data={"amount": amount})
        assert response.status_code == 400
        assert balance_on(response.text) == 25
    assert sandbox.admin.state()["credits"] == 25
