//! Analyses of the relationship graph ([`crate::graph::MeetingGraph`]):
//! partner centrality ([`centrality`]), partner engagement ([`partners`],
//! with the offices of [`offices`]), the partner graph without the hub
//! ([`links`]), invitation patterns ([`invitations`], with reference lists
//! of member states from [`members`]) and timelines ([`timeline`]). Every
//! analysis takes a [`crate::graph::Filter`] of the meetings it looks at.

pub mod centrality;
pub mod invitations;
pub mod links;
pub mod members;
pub mod offices;
pub mod partners;
pub mod timeline;

pub use centrality::{
    Adjacency, Centrality, CentralityOptions, PartnerGraph, betweenness, centralities, closeness,
    pagerank, partner_centrality,
};
pub use invitations::{
    AlreadyMember, Conversion, InvitationRecord, Occurrence, conversion_by_target, invitations,
    pending, repeated,
};
pub use links::{
    LinkEvidence, LinkOptions, PartnerLink, Relation, hub_seat, hubless_centrality, hubless_graph,
    hubless_graph_of, partner_links,
};
pub use members::{ListedMember, MemberStates};
pub use offices::{Office, Offices};
pub use partners::{
    DEFAULT_HALF_LIFE_MONTHS, INVITATION_POINTS, MEMBERSHIP_POINTS, MeetingScore, Outcome, Partner,
    PartnerInvitation, PartnerMembership, PartnerOptions, Partners, TopicCount, partners,
};
pub use timeline::{Bucket, Granularity, Timeline, timeline};
