//! Analyses of the relationship graph ([`crate::graph::MeetingGraph`]):
//! partner centrality ([`centrality`]), invitation patterns
//! ([`invitations`]) and timelines ([`timeline`]). Every analysis takes a
//! [`crate::graph::Filter`] of the meetings it looks at.

pub mod centrality;
pub mod invitations;
pub mod timeline;

pub use centrality::{
    Centrality, CentralityOptions, PartnerGraph, centralities, pagerank, partner_centrality,
};
pub use invitations::{
    Conversion, InvitationRecord, Occurrence, conversion_by_target, invitations, pending, repeated,
};
pub use timeline::{Bucket, Granularity, Timeline, timeline};
