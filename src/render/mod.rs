//! Rendering results for people and machines (STUB: the CLI helper fills it).
