import HallModel
