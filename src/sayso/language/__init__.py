"""Language: which language an article is in, and the spaCy pipeline that reads it."""

from sayso.language.backbone import backbone_name, load_backbone
from sayso.language.detect import detect_language

__all__ = ["backbone_name", "detect_language", "load_backbone"]
