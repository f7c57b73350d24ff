"""The neural model: a fine-tuned encoder with a unit tagger and a relation scorer, and its directory format."""
