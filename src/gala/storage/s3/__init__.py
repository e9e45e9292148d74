"""``s3``: S3-compatible object storage. Its settings and how they are checked.

The client itself (:mod:`gala.storage.s3.client`) imports boto3, so it is imported only when an
S3 storage is built; reading and checking the settings does not need it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from gala.storage.base import Storage
from gala.storage.provider import ConfigError, Context, Provider, env_int, given, http_url

ADDRESSING_STYLES = ("auto", "path", "virtual")
MIN_PART_BYTES = 5 * 1024 * 1024  # S3's smallest multipart part
ENV_NAMES = (
    "S3_BUCKET",
    "S3_ENDPOINT_URL",  # empty = AWS
    "S3_REGION",
    "S3_ACCESS_KEY_ID",  # empty = boto3's own credential chain (AWS_* variables, roles)
    "S3_SECRET_ACCESS_KEY",
    "S3_PREFIX",
    "S3_ADDRESSING_STYLE",
    "S3_MULTIPART_THRESHOLD_BYTES",
)


@dataclasses.dataclass(frozen=True)
class S3Options:
    bucket: str
    endpoint_url: str = ""
    region: str = ""
    access_key_id: str = ""
    secret_access_key: str = dataclasses.field(default="", repr=False)
    prefix: str = ""
    addressing_style: str = "auto"
    multipart_threshold: int = 16 * 1024 * 1024


def read(env: Mapping[str, str], is_default: bool) -> S3Options | None:
    values = given(env, ENV_NAMES)
    if is_default and not values.get("S3_BUCKET"):
        raise ConfigError("STORAGE_PROVIDER=s3 needs S3_BUCKET (and S3_ENDPOINT_URL for MinIO, R2 or GCS)")
    if bool(values.get("S3_ACCESS_KEY_ID")) != bool(values.get("S3_SECRET_ACCESS_KEY")):
        raise ConfigError("set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (boto3's own chain)")
    style = values.get("S3_ADDRESSING_STYLE", S3Options.addressing_style).lower()
    if style not in ADDRESSING_STYLES:
        raise ConfigError(f"S3_ADDRESSING_STYLE must be auto, path or virtual; got {style!r}")
    http_url("S3_ENDPOINT_URL", values.get("S3_ENDPOINT_URL", ""))
    threshold = S3Options.multipart_threshold
    if "S3_MULTIPART_THRESHOLD_BYTES" in values:
        threshold = env_int("S3_MULTIPART_THRESHOLD_BYTES", values["S3_MULTIPART_THRESHOLD_BYTES"])
    if threshold < MIN_PART_BYTES:
        raise ConfigError(f"S3_MULTIPART_THRESHOLD_BYTES must be at least {MIN_PART_BYTES} (S3's smallest part)")
    if not values.get("S3_BUCKET"):
        return None
    return S3Options(
        bucket=values["S3_BUCKET"],
        endpoint_url=values.get("S3_ENDPOINT_URL", ""),
        region=values.get("S3_REGION", ""),
        access_key_id=values.get("S3_ACCESS_KEY_ID", ""),
        secret_access_key=values.get("S3_SECRET_ACCESS_KEY", ""),
        prefix=values.get("S3_PREFIX", ""),
        addressing_style=style,
        multipart_threshold=threshold,
    )


def build(options: S3Options, context: Context) -> Storage:
    from gala.storage.s3.client import S3Storage  # boto3: only when used

    return S3Storage(
        **dataclasses.asdict(options),
        max_retries=context.retries.max_retries,
        on_upload_retry=context.retries.on_upload_retry,
    )


PROVIDER = Provider(
    name="s3",
    env_names=ENV_NAMES,
    needs="S3_BUCKET (and S3_ENDPOINT_URL, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY as needed)",
    read=read,
    build=build,
)
