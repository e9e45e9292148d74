from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.asset_kind import AssetKind
from ..models.asset_source import AssetSource
from ..models.storage_provider import StorageProvider
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.labels import Labels
  from ..models.media_info_type_0 import MediaInfoType0





T = TypeVar("T", bound="Asset")



@_attrs_define
class Asset:
    """ 
        Attributes:
            id (UUID):
            kind (AssetKind): What the bytes are, sniffed and probed on upload: `image` (PNG, JPEG, WebP), `audio` (WAV,
                MP3, AAC, M4A, Ogg Vorbis/Opus/FLAC, FLAC, audio-only MP4/WebM/MKV), `video` (MP4, MOV,
                WebM, MKV), `font` (TrueType, OpenType). `other` is only found on assets uploaded before
                GALA checked media types; new uploads of any other type are refused (415).
            name (str):
            mime (str): The stored MIME type, sniffed from the bytes.
            size_bytes (int):
            sha256 (str):
            provider (StorageProvider): Where the bytes live. Each asset keeps its own, so switching providers orphans
                nothing.
            object_key (str): The provider's key: a path relative to `STORAGE_LOCAL_ROOT` for `localfs`, the Drive
                fileId for `gdrive`, the object key for `s3`.
            source (AssetSource):
            job_id (None | UUID): The job that rendered this asset, for outputs.
            labels (Labels): Free key/value labels for the client's own bookkeeping.
            media (MediaInfoType0 | None): What probing the media found; `null` when not probed.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            role (None | str | Unset): For outputs, what the asset is to its job (`video`, `thumbnail`, ...).
            content_url (str | Unset): Where to stream the bytes.
     """

    id: UUID
    kind: AssetKind
    name: str
    mime: str
    size_bytes: int
    sha256: str
    provider: StorageProvider
    object_key: str
    source: AssetSource
    job_id: None | UUID
    labels: Labels
    media: MediaInfoType0 | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    role: None | str | Unset = UNSET
    content_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.media_info_type_0 import MediaInfoType0 # noqa: PLC0415
        id = str(self.id)

        kind = self.kind.value

        name = self.name

        mime = self.mime

        size_bytes = self.size_bytes

        sha256 = self.sha256

        provider = self.provider.value

        object_key = self.object_key

        source = self.source.value

        job_id: None | str
        if isinstance(self.job_id, UUID):
            job_id = str(self.job_id)
        else:
            job_id = self.job_id

        labels = self.labels.to_dict()

        media: dict[str, Any] | None
        if isinstance(self.media, MediaInfoType0):
            media = self.media.to_dict()
        else:
            media = self.media

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        content_url = self.content_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "name": name,
            "mime": mime,
            "size_bytes": size_bytes,
            "sha256": sha256,
            "provider": provider,
            "object_key": object_key,
            "source": source,
            "job_id": job_id,
            "labels": labels,
            "media": media,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if role is not UNSET:
            field_dict["role"] = role
        if content_url is not UNSET:
            field_dict["content_url"] = content_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labels import Labels # noqa: PLC0415
        from ..models.media_info_type_0 import MediaInfoType0 # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        kind = AssetKind(d.pop("kind"))




        name = d.pop("name")

        mime = d.pop("mime")

        size_bytes = d.pop("size_bytes")

        sha256 = d.pop("sha256")

        provider = StorageProvider(d.pop("provider"))




        object_key = d.pop("object_key")

        source = AssetSource(d.pop("source"))




        def _parse_job_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                job_id_type_0 = UUID(data)



                return job_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        job_id = _parse_job_id(d.pop("job_id"))


        labels = Labels.from_dict(d.pop("labels"))




        def _parse_media(data: object) -> MediaInfoType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_media_info_type_0 = MediaInfoType0.from_dict(data)



                return componentsschemas_media_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MediaInfoType0 | None, data)

        media = _parse_media(d.pop("media"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))


        content_url = d.pop("content_url", UNSET)

        asset = cls(
            id=id,
            kind=kind,
            name=name,
            mime=mime,
            size_bytes=size_bytes,
            sha256=sha256,
            provider=provider,
            object_key=object_key,
            source=source,
            job_id=job_id,
            labels=labels,
            media=media,
            created_at=created_at,
            updated_at=updated_at,
            role=role,
            content_url=content_url,
        )


        asset.additional_properties = d
        return asset

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
