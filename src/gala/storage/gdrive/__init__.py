"""``gdrive``: Google Drive (v3). Its settings (design document names) and how they are checked.

The client itself (:mod:`gala.storage.gdrive.drive`) imports google-api-python-client, so it is
imported only when a Drive storage is built; reading and checking the settings does not need it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from gala.storage.base import Storage
from gala.storage.provider import ConfigError, Context, Provider, env_int, given, http_url

GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"  # noqa: S105 - a URL, not a secret
# Only files this app created are visible to it: the narrowest scope that can do the job.
SCOPES = ("https://www.googleapis.com/auth/drive.file",)
# Resumable uploads send chunks in multiples of 256 KiB (the API rejects others).
CHUNK_UNIT = 256 * 1024
CREDENTIALS = ("GDRIVE_CLIENT_ID", "GDRIVE_CLIENT_SECRET", "GDRIVE_REFRESH_TOKEN")
ENV_NAMES = (
    *CREDENTIALS,
    "GDRIVE_FOLDER_ID",
    # Test/advanced: where the Drive API and Google's token endpoint are (tests run a local Drive
    # v3 server). Empty = Google's.
    "GDRIVE_API_BASE_URL",
    "GDRIVE_TOKEN_URI",
    "GDRIVE_UPLOAD_CHUNK_BYTES",
)


@dataclasses.dataclass(frozen=True)
class DriveOptions:
    """An OAuth client plus the refresh token `gala gdrive auth` prints; the folder is optional
    (default: the Drive root). Secrets stay out of repr()."""

    client_id: str
    client_secret: str = dataclasses.field(repr=False)
    refresh_token: str = dataclasses.field(repr=False)
    folder_id: str = ""
    api_base_url: str = ""
    token_uri: str = ""
    upload_chunk_bytes: int = 8 * 1024 * 1024


def read(env: Mapping[str, str], is_default: bool) -> DriveOptions | None:
    values = given(env, ENV_NAMES)
    missing = [name for name in CREDENTIALS if not values.get(name)]
    # Client id and secret alone are the state before `gala gdrive auth`; a token without its
    # client cannot be refreshed.
    if missing and (is_default or values.get("GDRIVE_REFRESH_TOKEN")):
        hint = " (run `gala gdrive auth` to get the refresh token)" if "GDRIVE_REFRESH_TOKEN" in missing else ""
        raise ConfigError(f"Google Drive storage needs {', '.join(missing)}: set it in .env{hint}")
    for name in ("GDRIVE_API_BASE_URL", "GDRIVE_TOKEN_URI"):
        http_url(name, values.get(name, ""))
    chunk = DriveOptions.upload_chunk_bytes
    if "GDRIVE_UPLOAD_CHUNK_BYTES" in values:
        chunk = env_int("GDRIVE_UPLOAD_CHUNK_BYTES", values["GDRIVE_UPLOAD_CHUNK_BYTES"])
    if chunk <= 0 or chunk % CHUNK_UNIT:
        raise ConfigError(
            f"GDRIVE_UPLOAD_CHUNK_BYTES must be a positive multiple of {CHUNK_UNIT} (256 KiB), got {chunk}"
        )
    if missing:
        return None
    return DriveOptions(
        client_id=values["GDRIVE_CLIENT_ID"],
        client_secret=values["GDRIVE_CLIENT_SECRET"],
        refresh_token=values["GDRIVE_REFRESH_TOKEN"],
        folder_id=values.get("GDRIVE_FOLDER_ID", ""),
        api_base_url=values.get("GDRIVE_API_BASE_URL", ""),
        token_uri=values.get("GDRIVE_TOKEN_URI", ""),
        upload_chunk_bytes=chunk,
    )


def build(options: DriveOptions, context: Context) -> Storage:
    from gala.storage.gdrive.drive import DriveStorage  # google-api-python-client: only when used
    from gala.storage.retry import Backoff

    retries = context.retries
    return DriveStorage(
        **dataclasses.asdict(options),
        backoff=Backoff(max_retries=retries.max_retries, cap_seconds=retries.cap_seconds),
        on_upload_retry=retries.on_upload_retry,
    )


PROVIDER = Provider(
    name="gdrive",
    env_names=ENV_NAMES,
    needs="GDRIVE_CLIENT_ID, GDRIVE_CLIENT_SECRET and GDRIVE_REFRESH_TOKEN",
    read=read,
    build=build,
)
