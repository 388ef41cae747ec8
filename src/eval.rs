//! Scoring an extraction against a gold file (STUB: the eval helper fills it).
