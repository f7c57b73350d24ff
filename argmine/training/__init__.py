"""Training: configs, the loop, checkpoints and export of the model directory."""
