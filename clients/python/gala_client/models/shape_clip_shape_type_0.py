from enum import StrEnum

class ShapeClipShapeType0(StrEnum):
    ELLIPSE = "ellipse"
    LINE = "line"
    RECTANGLE = "rectangle"
    ROUNDED_RECTANGLE = "rounded_rectangle"

    def __str__(self) -> str:
        return str(self.value)
