from enum import StrEnum

class Position(StrEnum):
    BOTTOM = "bottom"
    BOTTOM_LEFT = "bottom_left"
    BOTTOM_RIGHT = "bottom_right"
    CENTER = "center"
    LEFT = "left"
    RIGHT = "right"
    TOP = "top"
    TOP_LEFT = "top_left"
    TOP_RIGHT = "top_right"

    def __str__(self) -> str:
        return str(self.value)
