"""Shared basics at the bottom of the data flow: the estimator base, words and stems, shipped data.

Every stage may import from here; nothing here imports a stage.
"""
