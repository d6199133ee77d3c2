"""The token classifier: span decoding, token/window alignment, building, inference, ONNX export, active-learning selection."""
