"""Training: the fine-tuning loop, MLM pre-training, optimisation helpers, retraining from Label Studio."""
