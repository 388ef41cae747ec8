//! Analyses of the relationship graph: partner centrality, invitation
//! patterns and timelines.
