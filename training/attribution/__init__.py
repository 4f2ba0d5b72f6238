"""Training the PolNeAR attribution tagger (issue 6): ``python -m training.attribution.build``."""
