""" Contains all the data models used in inputs/outputs """

from .asset import Asset
from .asset_kind import AssetKind
from .asset_page import AssetPage
from .asset_patch import AssetPatch
from .asset_source import AssetSource
from .asset_upload import AssetUpload
from .check_result import CheckResult
from .check_result_status import CheckResultStatus
from .checks import Checks
from .color_layer import ColorLayer
from .composition import Composition
from .composition_audio_type_0 import CompositionAudioType0
from .job import Job
from .job_create import JobCreate
from .job_create_params import JobCreateParams
from .job_error_type_0 import JobErrorType0
from .job_options import JobOptions
from .job_page import JobPage
from .job_params import JobParams
from .job_status import JobStatus
from .labels import Labels
from .layer_placement import LayerPlacement
from .layer_placement_offset import LayerPlacementOffset
from .layer_placement_position import LayerPlacementPosition
from .layer_timing import LayerTiming
from .liveness import Liveness
from .media_info_type_0 import MediaInfoType0
from .model import Model
from .model_create import ModelCreate
from .model_create_kind import ModelCreateKind
from .model_page import ModelPage
from .model_patch import ModelPatch
from .model_voice import ModelVoice
from .output import Output
from .param_ref import ParamRef
from .parameters_schema import ParametersSchema
from .problem import Problem
from .problem_error import ProblemError
from .problem_error_in import ProblemErrorIn
from .readiness import Readiness
from .readiness_problem import ReadinessProblem
from .storage_provider import StorageProvider
from .template import Template
from .template_composition import TemplateComposition
from .template_create import TemplateCreate
from .template_page import TemplatePage
from .template_parameters import TemplateParameters
from .template_patch import TemplatePatch
from .text_layer import TextLayer
from .text_layer_align import TextLayerAlign
from .voice import Voice

__all__ = (
    "Asset",
    "AssetKind",
    "AssetPage",
    "AssetPatch",
    "AssetSource",
    "AssetUpload",
    "CheckResult",
    "CheckResultStatus",
    "Checks",
    "ColorLayer",
    "Composition",
    "CompositionAudioType0",
    "Job",
    "JobCreate",
    "JobCreateParams",
    "JobErrorType0",
    "JobOptions",
    "JobPage",
    "JobParams",
    "JobStatus",
    "Labels",
    "LayerPlacement",
    "LayerPlacementOffset",
    "LayerPlacementPosition",
    "LayerTiming",
    "Liveness",
    "MediaInfoType0",
    "Model",
    "ModelCreate",
    "ModelCreateKind",
    "ModelPage",
    "ModelPatch",
    "ModelVoice",
    "Output",
    "ParametersSchema",
    "ParamRef",
    "Problem",
    "ProblemError",
    "ProblemErrorIn",
    "Readiness",
    "ReadinessProblem",
    "StorageProvider",
    "Template",
    "TemplateComposition",
    "TemplateCreate",
    "TemplatePage",
    "TemplateParameters",
    "TemplatePatch",
    "TextLayer",
    "TextLayerAlign",
    "Voice",
)
