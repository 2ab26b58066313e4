"""Tolerant parsing of what the service sends: the real service may differ from our sandbox."""

from datetime import UTC, datetime

import pytest

from app.api.errors import MalformedReplyError
from app.api.models import (
    DownloadOptions,
    FieldError,
    Job,
    JobError,
    JobPage,
    JobStatus,
    Plan,
    RateLimitInfo,
)

COMPLETED_JOB = {
    "job_id": "0b9c3a5e-7d0f-4a55-9b0e-6f1f5d6f2a11",
    "job_type": "download",
    "url": "https://example.com/watch?v=1",
    "status": "completed",
    "progress": 100,
    "created_at": "2026-05-01T10:00:00Z",
    "completed_at": "2026-05-01T10:00:07.250000+00:00",
    "credits_used": 2,
    "download_url": "https://cdn.example.net/files/abc/video.mp4",
    "filename": "video.mp4",
    "file_size": 1048576,
    "expires_at": "2026-05-01T11:00:00Z",
}


def test_completed_job_reads_every_field():
    job = Job.from_json(COMPLETED_JOB)
    assert job.status is JobStatus.COMPLETED and job.is_completed and job.is_terminal
    assert job.download_url == "https://cdn.example.net/files/abc/video.mp4"
    assert (job.filename, job.file_size, job.credits_used) == ("video.mp4", 1048576, 2)
    assert job.created_at == datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    assert job.completed_at == datetime(2026, 5, 1, 10, 0, 7, 250000, tzinfo=UTC)
    assert job.progress == 100.0


def test_unknown_status_means_still_running():
    job = Job.from_json({"job_id": "j1", "status": "transcoding"})
    assert job.status is JobStatus.UNKNOWN
    assert job.raw_status == "transcoding"
    assert not job.is_terminal and not job.is_failed and not job.is_completed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("failed", JobStatus.FAILED), ("error", JobStatus.FAILED), ("cancelled", JobStatus.FAILED),
     ("canceled", JobStatus.FAILED), ("expired", JobStatus.FAILED),
     ("complete", JobStatus.COMPLETED), ("done", JobStatus.COMPLETED),
     ("succeeded", JobStatus.COMPLETED), (" Completed ", JobStatus.COMPLETED),
     ("queued", JobStatus.QUEUED), ("processing", JobStatus.PROCESSING),
     (None, JobStatus.UNKNOWN), (3, JobStatus.UNKNOWN)],
)
def test_status_aliases(raw, expected):
    assert JobStatus.parse(raw) is expected


def test_only_the_job_id_is_required():
    job = Job.from_json({"job_id": "j1"})
    assert job.job_id == "j1" and job.status is JobStatus.UNKNOWN
    assert (job.url, job.download_url, job.created_at, job.error) == (None, None, None, None)


def test_wrong_types_become_none_and_extra_keys_are_ignored():
    job = Job.from_json({
        "job_id": "j1", "status": "processing", "progress": "lots", "file_size": -5,
        "credits_used": True, "created_at": "yesterday", "download_url": 42,
        "filename": ["x"], "error": 7, "sha256": "abc", "brand_new_field": {"a": 1},
    })
    assert job.status is JobStatus.PROCESSING
    assert (job.progress, job.file_size, job.credits_used, job.created_at) == (
        None, None, None, None)
    assert (job.download_url, job.filename, job.error) == (None, None, None)


def test_failed_job_error_object_and_plain_string():
    job = Job.from_json({"job_id": "j1", "status": "failed",
                         "error": {"detail": "The video platform returned an error",
                                   "code": "upstream_error"}})
    assert job.is_failed and job.is_terminal
    assert job.error == JobError("The video platform returned an error", "upstream_error")
    assert Job.from_json({"job_id": "j", "error": "boom"}).error == JobError("boom", None)


def test_naive_timestamp_is_read_as_utc():
    job = Job.from_json({"job_id": "j", "created_at": "2026-05-01T10:00:00"})
    assert job.created_at == datetime(2026, 5, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize("data", [None, [], "job", {"status": "queued"}, {"job_id": ""},
                                  {"job_id": None}])
def test_not_a_job_is_a_malformed_reply(data):
    with pytest.raises(MalformedReplyError):
        Job.from_json(data)


def test_job_page_skips_entries_without_id():
    page = JobPage.from_json({"jobs": [COMPLETED_JOB, {"status": "queued"}, "junk"],
                              "next_cursor": "c2"})
    assert [job.job_id for job in page.jobs] == [COMPLETED_JOB["job_id"]]
    assert page.next_cursor == "c2"
    assert JobPage.from_json({"jobs": []}).next_cursor is None
    with pytest.raises(MalformedReplyError):
        JobPage.from_json({"items": []})


def test_field_error_description_drops_body_prefix():
    assert FieldError(("body", "url"), "field required", "x").describe() == "url: field required"
    assert FieldError(("query", "limit"), "too big", "x").describe() == "query.limit: too big"
    assert FieldError((), "bad", "x").describe() == "bad"


@pytest.mark.parametrize(
    ("limit", "plan", "label", "credits"),
    [(10, Plan.FREE, "Free", 25), (60, Plan.STARTER, "Starter", 1000),
     (200, Plan.PRO, "Pro", 2000), (500, Plan.GROWTH, "Growth", 10000),
     (1000, Plan.BUSINESS, "Business", 35000), (77, Plan.UNKNOWN, "Unknown plan", None),
     (None, Plan.UNKNOWN, "Unknown plan", None)],
)
def test_plan_from_limit(limit, plan, label, credits):
    assert Plan.from_limit(limit) is plan
    assert (plan.label, plan.monthly_credits) == (label, credits)


def test_rate_limit_info_from_headers():
    info = RateLimitInfo.from_headers(
        {"x-ratelimit-limit": "60", "X-RateLimit-Remaining": "59",
         "X-RateLimit-Reset": "1800000060"}, now=1_800_000_000.5)
    assert info == RateLimitInfo(limit=60, remaining=59, reset_at=1_800_000_060.0,
                                 observed_at=1_800_000_000.5)
    assert info.plan is Plan.STARTER


def test_rate_limit_info_absent_or_junk():
    assert RateLimitInfo.from_headers({"Content-Type": "application/json"}, now=1.0) is None
    info = RateLimitInfo.from_headers({"X-RateLimit-Limit": "lots",
                                       "X-RateLimit-Remaining": "-3",
                                       "X-RateLimit-Reset": "soon"}, now=1.0)
    assert (info.limit, info.remaining, info.reset_at) == (None, 0, None)
    assert info.plan is Plan.UNKNOWN


def test_download_options_send_only_what_is_set():
    assert DownloadOptions().to_json() == {}
    assert DownloadOptions(format="mp3", audio_only=True).to_json() == {
        "format": "mp3", "audio_only": True}
    assert DownloadOptions(quality="720p").to_json() == {"quality": "720p"}


def test_download_options_cost_and_round_trip():
    audio = DownloadOptions(format="m4a", audio_only=True)
    video = DownloadOptions(format="mp4", quality="1080p")
    assert (audio.credit_cost, video.credit_cost) == (1, 2)
    assert DownloadOptions.from_dict(audio.to_dict()) == audio
    assert DownloadOptions.from_dict(video.to_dict()) == video
    assert DownloadOptions.from_dict(None) == DownloadOptions()
