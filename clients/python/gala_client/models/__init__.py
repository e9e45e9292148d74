""" Contains all the data models used in inputs/outputs """

from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_page import ApiKeyPage
from .api_key_scope import ApiKeyScope
from .aspect_ratio import AspectRatio
from .asset import Asset
from .asset_in_use_problem import AssetInUseProblem
from .asset_kind import AssetKind
from .asset_page import AssetPage
from .asset_patch import AssetPatch
from .asset_source import AssetSource
from .asset_upload import AssetUpload
from .asset_user import AssetUser
from .asset_user_type import AssetUserType
from .avatar_clip import AvatarClip
from .avatar_framing import AvatarFraming
from .avatar_movement import AvatarMovement
from .batch import Batch
from .batch_counts import BatchCounts
from .batch_create import BatchCreate
from .batch_create_rows_item import BatchCreateRowsItem
from .batch_create_rows_item_params import BatchCreateRowsItemParams
from .batch_options import BatchOptions
from .batch_status import BatchStatus
from .batch_upload import BatchUpload
from .batch_upload_format import BatchUploadFormat
from .caption_line import CaptionLine
from .captions_clip import CaptionsClip
from .check_result import CheckResult
from .check_result_status import CheckResultStatus
from .checks import Checks
from .clip_length_type_1 import ClipLengthType1
from .clip_timing import ClipTiming
from .clip_visual import ClipVisual
from .color_clip import ColorClip
from .composition import Composition
from .custom_size import CustomSize
from .duck import Duck
from .easing import Easing
from .face_box import FaceBox
from .fit import Fit
from .font_ref import FontRef
from .gradient_clip import GradientClip
from .gradient_clip_kind_type_0 import GradientClipKindType0
from .image_clip import ImageClip
from .job import Job
from .job_create import JobCreate
from .job_create_params import JobCreateParams
from .job_error_type_0 import JobErrorType0
from .job_options import JobOptions
from .job_page import JobPage
from .job_params import JobParams
from .job_status import JobStatus
from .ken_burns import KenBurns
from .ken_burns_pan import KenBurnsPan
from .labels import Labels
from .liveness import Liveness
from .media_info_type_0 import MediaInfoType0
from .media_trim import MediaTrim
from .model import Model
from .model_anchors import ModelAnchors
from .model_create import ModelCreate
from .model_create_kind import ModelCreateKind
from .model_page import ModelPage
from .model_patch import ModelPatch
from .model_preview import ModelPreview
from .model_preview_voice import ModelPreviewVoice
from .model_voice import ModelVoice
from .offset import Offset
from .offset_keyframes_item import OffsetKeyframesItem
from .opacity_keyframes_item import OpacityKeyframesItem
from .output_format import OutputFormat
from .output_quality import OutputQuality
from .output_v2 import OutputV2
from .param_ref import ParamRef
from .parameters_schema import ParametersSchema
from .position import Position
from .poster import Poster
from .problem import Problem
from .problem_error import ProblemError
from .problem_error_in import ProblemErrorIn
from .readiness import Readiness
from .readiness_problem import ReadinessProblem
from .reference_asset import ReferenceAsset
from .reference_role import ReferenceRole
from .resolved_rig import ResolvedRig
from .resolved_rig_anchors import ResolvedRigAnchors
from .resolved_rig_assets import ResolvedRigAssets
from .resolved_rig_kind import ResolvedRigKind
from .resolved_speech import ResolvedSpeech
from .resolved_speech_timing import ResolvedSpeechTiming
from .rotation_keyframes_item import RotationKeyframesItem
from .scale_keyframes_item import ScaleKeyframesItem
from .shape_clip import ShapeClip
from .shape_clip_shape_type_0 import ShapeClipShapeType0
from .shape_stroke import ShapeStroke
from .size_preset import SizePreset
from .skipped_row import SkippedRow
from .sound_keyframes import SoundKeyframes
from .sound_role import SoundRole
from .sound_transition import SoundTransition
from .sound_transition_step import SoundTransitionStep
from .soundtrack import Soundtrack
from .soundtrack_trim import SoundtrackTrim
from .speech_clip import SpeechClip
from .spoken_words import SpokenWords
from .storage_provider import StorageProvider
from .template import Template
from .template_composition import TemplateComposition
from .template_create import TemplateCreate
from .template_page import TemplatePage
from .template_parameters import TemplateParameters
from .template_patch import TemplatePatch
from .template_preview import TemplatePreview
from .template_preview_params import TemplatePreviewParams
from .text_box import TextBox
from .text_clip import TextClip
from .text_stroke import TextStroke
from .text_style import TextStyle
from .text_style_align_type_0 import TextStyleAlignType0
from .time_range import TimeRange
from .track import Track
from .transition import Transition
from .transition_step import TransitionStep
from .transition_type import TransitionType
from .unsupported_media_problem import UnsupportedMediaProblem
from .video_clip import VideoClip
from .video_keyframes import VideoKeyframes
from .visual_keyframes import VisualKeyframes
from .voice import Voice
from .voice_settings import VoiceSettings
from .volume_keyframes_item import VolumeKeyframesItem
from .webhook import Webhook
from .webhook_attempt import WebhookAttempt
from .webhook_create import WebhookCreate
from .webhook_created import WebhookCreated
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_page import WebhookDeliveryPage
from .webhook_delivery_status import WebhookDeliveryStatus
from .webhook_event_type import WebhookEventType
from .webhook_page import WebhookPage
from .webhook_patch import WebhookPatch

__all__ = (
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyPage",
    "ApiKeyScope",
    "AspectRatio",
    "Asset",
    "AssetInUseProblem",
    "AssetKind",
    "AssetPage",
    "AssetPatch",
    "AssetSource",
    "AssetUpload",
    "AssetUser",
    "AssetUserType",
    "AvatarClip",
    "AvatarFraming",
    "AvatarMovement",
    "Batch",
    "BatchCounts",
    "BatchCreate",
    "BatchCreateRowsItem",
    "BatchCreateRowsItemParams",
    "BatchOptions",
    "BatchStatus",
    "BatchUpload",
    "BatchUploadFormat",
    "CaptionLine",
    "CaptionsClip",
    "CheckResult",
    "CheckResultStatus",
    "Checks",
    "ClipLengthType1",
    "ClipTiming",
    "ClipVisual",
    "ColorClip",
    "Composition",
    "CustomSize",
    "Duck",
    "Easing",
    "FaceBox",
    "Fit",
    "FontRef",
    "GradientClip",
    "GradientClipKindType0",
    "ImageClip",
    "Job",
    "JobCreate",
    "JobCreateParams",
    "JobErrorType0",
    "JobOptions",
    "JobPage",
    "JobParams",
    "JobStatus",
    "KenBurns",
    "KenBurnsPan",
    "Labels",
    "Liveness",
    "MediaInfoType0",
    "MediaTrim",
    "Model",
    "ModelAnchors",
    "ModelCreate",
    "ModelCreateKind",
    "ModelPage",
    "ModelPatch",
    "ModelPreview",
    "ModelPreviewVoice",
    "ModelVoice",
    "Offset",
    "OffsetKeyframesItem",
    "OpacityKeyframesItem",
    "OutputFormat",
    "OutputQuality",
    "OutputV2",
    "ParametersSchema",
    "ParamRef",
    "Position",
    "Poster",
    "Problem",
    "ProblemError",
    "ProblemErrorIn",
    "Readiness",
    "ReadinessProblem",
    "ReferenceAsset",
    "ReferenceRole",
    "ResolvedRig",
    "ResolvedRigAnchors",
    "ResolvedRigAssets",
    "ResolvedRigKind",
    "ResolvedSpeech",
    "ResolvedSpeechTiming",
    "RotationKeyframesItem",
    "ScaleKeyframesItem",
    "ShapeClip",
    "ShapeClipShapeType0",
    "ShapeStroke",
    "SizePreset",
    "SkippedRow",
    "SoundKeyframes",
    "SoundRole",
    "Soundtrack",
    "SoundtrackTrim",
    "SoundTransition",
    "SoundTransitionStep",
    "SpeechClip",
    "SpokenWords",
    "StorageProvider",
    "Template",
    "TemplateComposition",
    "TemplateCreate",
    "TemplatePage",
    "TemplateParameters",
    "TemplatePatch",
    "TemplatePreview",
    "TemplatePreviewParams",
    "TextBox",
    "TextClip",
    "TextStroke",
    "TextStyle",
    "TextStyleAlignType0",
    "TimeRange",
    "Track",
    "Transition",
    "TransitionStep",
    "TransitionType",
    "UnsupportedMediaProblem",
    "VideoClip",
    "VideoKeyframes",
    "VisualKeyframes",
    "Voice",
    "VoiceSettings",
    "VolumeKeyframesItem",
    "Webhook",
    "WebhookAttempt",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookDelivery",
    "WebhookDeliveryPage",
    "WebhookDeliveryStatus",
    "WebhookEventType",
    "WebhookPage",
    "WebhookPatch",
)
