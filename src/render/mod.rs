//! Rendering results for people: the meetings table, the run report that
//! follows every command reading articles, the evaluation report and the
//! analysis views, and what the pictures size and link nodes by
//! ([`pictures`]). Machines get the JSON of [`crate::model`],
//! [`crate::eval`] and [`crate::analysis`] directly.

pub mod analysis;
pub mod graph;
pub mod pictures;
pub mod report;
pub mod table;
