//! Analyses of the relationship graph ([`crate::graph::MeetingGraph`]):
//! partner centrality ([`centrality`]), invitation patterns
//! ([`invitations`], with reference lists of member states from
//! [`members`]) and timelines ([`timeline`]). Every analysis takes a
//! [`crate::graph::Filter`] of the meetings it looks at.

pub mod centrality;
pub mod invitations;
pub mod members;
pub mod timeline;

pub use centrality::{
    Adjacency, Centrality, CentralityOptions, PartnerGraph, betweenness, centralities, closeness,
    pagerank, partner_centrality,
};
pub use invitations::{
    AlreadyMember, Conversion, InvitationRecord, Occurrence, conversion_by_target, invitations,
    pending, repeated,
};
pub use members::{ListedMember, MemberStates};
pub use timeline::{Bucket, Granularity, Timeline, timeline};
