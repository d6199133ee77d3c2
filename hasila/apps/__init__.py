"""Applications over the pipeline: predict (local, worker processes, Ray), the Label Studio ML backend, the demo pipeline, the toll."""
