//! Rendering results for people: the meetings table, the run report that
//! follows every command reading articles, the evaluation report and the
//! analysis views (the pictures size and link their nodes by the analyses
//! of [`crate::analysis`]: partner engagement, the partner graph without
//! the hubs). Machines get the JSON of [`crate::model`], [`crate::eval`]
//! and [`crate::analysis`] directly.

pub mod analysis;
pub mod graph;
pub mod report;
pub mod table;
