//! Rendering results for people: the meetings table, the run report that
//! follows every command reading articles, and the evaluation report.
//! Machines get the JSON of [`crate::model`] and [`crate::eval`] directly.

pub mod report;
pub mod table;
