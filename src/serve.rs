//! `diplograph serve`: the interactive graph page and its `graph.json` over
//! HTTP on the loopback interface.
//!
//! The page (`examples/d3`, built into `examples/d3/dist` by `npm run build`,
//! which is committed) is embedded in the binary with `include_bytes!`, so a
//! fresh clone builds and serves it without Node, and an installed binary
//! serves it from anywhere. The only other resources are `/graph.json`, the
//! graph as node-link JSON ([`MeetingGraph::to_node_link`]: each node's
//! `engagement` is that of [`analysis::partners`], and `hub` says which
//! nodes are hubs) with each node's partner centralities under `centrality`
//! when it has them, and `/partners.json`, the partners among themselves
//! without the hubs ([`partner_view`]), the page's second view.
//!
//! The server is deliberately small: HTTP/1.1 `GET` and `HEAD`, one request
//! per connection (`Connection: close`), bound to `127.0.0.1` only, and
//! answering only requests whose `Host` is a loopback name with its port
//! (so that a page of another site, through DNS rebinding, cannot read the
//! graph). Paths are looked up in a fixed table ([`Site::respond`]), never
//! on the file system, so no path can reach a file outside it.
//!
//! Its work is bounded ([`Limits`]): a fixed pool of worker threads,
//! started with the server, answers the connections; a bounded queue holds
//! those waiting for a worker and any connection beyond it is answered
//! `503` at once. A connection has an overall deadline to send its request
//! head (counted from its acceptance, so a client trickling a byte every
//! few seconds is cut) and another to take its response (so a client that
//! never reads holds a worker only that long). Request heads are parsed by
//! `httparse` (the parser of hyper), which refuses malformed request lines.
//!
//! No async runtime (hyper, axum) and no `tiny_http`: the first would more
//! than double the build for five static paths, and the second starts a
//! thread per busy connection without bound and has no overall deadlines,
//! which are the two things this server must have.

use crate::analysis::{self, CentralityOptions, LinkOptions, Offices, PartnerOptions};
use crate::graph::MeetingGraph;
use serde_json::json;
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A file of the page, embedded at build time.
struct Asset {
    path: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const HTML: &str = "text/html; charset=utf-8";
const ASSETS: &[Asset] = &[
    Asset {
        path: "/",
        content_type: HTML,
        body: include_bytes!("../examples/d3/dist/index.html"),
    },
    Asset {
        path: "/index.html",
        content_type: HTML,
        body: include_bytes!("../examples/d3/dist/index.html"),
    },
    Asset {
        path: "/app.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../examples/d3/dist/app.js"),
    },
    Asset {
        path: "/style.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../examples/d3/dist/style.css"),
    },
];

/// The path of the graph.
pub const GRAPH_PATH: &str = "/graph.json";
/// The path of the partner graph.
pub const PARTNERS_PATH: &str = "/partners.json";

/// Longest request head read (request line and headers); longer is 431.
const MAX_HEAD: usize = 16 * 1024;
/// Most header fields in a request head; more is 431.
const MAX_HEADERS: usize = 64;
/// After a response to a client that sent, or may still send, more than
/// its request head (a pipelined request, a body, a malformed head), how
/// long and how much of it is read and dropped before closing, so that
/// closing with unread bytes does not reset the connection and lose the
/// response on the client's side.
const LINGER: Duration = Duration::from_secs(1);
const LINGER_BYTES: usize = 64 * 1024;

/// How much the server takes on at once, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Worker threads, started with the server: connections answered at once.
    pub workers: usize,
    /// Accepted connections waiting for a worker; a connection beyond them
    /// is answered `503` at once.
    pub queue: usize,
    /// Time from a connection's acceptance to the end of its request head,
    /// however the bytes trickle in; then `408` and the connection closes.
    pub read: Duration,
    /// Time to send a response, however slowly the client reads; then the
    /// connection closes.
    pub write: Duration,
}

impl Default for Limits {
    /// 16 workers, 64 waiting, 10 s to send a request, 10 s to take its
    /// response (a 10 MB graph takes milliseconds on loopback).
    fn default() -> Self {
        Limits {
            workers: 16,
            queue: 64,
            read: Duration::from_secs(10),
            write: Duration::from_secs(10),
        }
    }
}

/// Errors of the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The graph could not be prepared (its centralities failed).
    #[error("cannot prepare the graph: {0}")]
    Graph(#[from] crate::Error),
    /// The port could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    /// A worker thread could not be started (a process or memory limit).
    #[error("cannot start the server's worker threads: {0}")]
    Spawn(#[source] std::io::Error),
}

/// The graph as the page reads it: node-link JSON (with the `engagement`
/// of [`analysis::partners`], `null` for what is no partner, and `hub`),
/// plus a `centrality` object (`degree`, `weighted_degree`, `betweenness`,
/// `closeness`, `eigenvector`, `pagerank`, as `diplograph centrality
/// --people` computes them) on every node of the partner graph.
pub fn page_graph(graph: &MeetingGraph) -> Result<serde_json::Value, ServeError> {
    let mut doc = graph.to_node_link();
    let options = CentralityOptions {
        include_people: true,
        ..CentralityOptions::default()
    };
    let centralities: std::collections::HashMap<String, analysis::Centrality> =
        analysis::partner_centrality(graph, &options)?
            .into_iter()
            .map(|c| (c.id.clone(), c))
            .collect();
    if let Some(nodes) = doc["nodes"].as_array_mut() {
        for node in nodes {
            let Some(c) = node["id"].as_str().and_then(|id| centralities.get(id)) else {
                continue;
            };
            node["centrality"] = json!({
                "degree": c.degree,
                "weighted_degree": c.weighted_degree,
                "betweenness": c.betweenness,
                "closeness": c.closeness,
                "eigenvector": c.eigenvector,
                "pagerank": c.pagerank,
            });
        }
    }
    Ok(doc)
}

/// The partners among themselves, as the page's second view reads it:
/// `hub` and `hubs` (left out), `nodes` (every node of
/// [`analysis::hubless_graph`]: `id`, `kind`, `label`, `meetings` with the
/// hubs, and `engagement` of [`analysis::partners`], `null` for a partner
/// known from an initiative alone) and `links` ([`analysis::partner_links`],
/// each with its evidence).
///
/// ```
/// use diplograph::analysis::LinkOptions;
/// use diplograph::graph::MeetingGraph;
/// use diplograph::model::{Extraction, Meeting};
/// let m = |id: &str, parties: &[&str]| Meeting {
///     parties: parties.iter().map(|p| p.to_string()).collect(), ..Meeting::new(id, "a.txt") };
/// let g = MeetingGraph::new(Extraction { meetings: vec![
///     m("m-1", &["org:icesco", "country:JP", "org:unesco"]), m("m-2", &["org:icesco", "country:JP"]),
/// ], ..Default::default() }).unwrap();
/// let v = diplograph::serve::partner_view(&g, &LinkOptions::default()).unwrap();
/// assert_eq!(v["hubs"], serde_json::json!(["org:icesco"]));
/// assert_eq!((v["nodes"][0]["id"].as_str(), v["nodes"][0]["meetings"].as_u64()), (Some("country:JP"), Some(2)));
/// assert_eq!(v["links"][0]["evidence"][0]["kind"], "joint_meeting");
/// ```
pub fn partner_view(
    graph: &MeetingGraph,
    options: &LinkOptions,
) -> Result<serde_json::Value, ServeError> {
    let links = analysis::partner_links(graph, options);
    let hubless = analysis::hubless_graph_of(graph, options, &links);
    let mut partner_options = PartnerOptions::new(Offices::builtin()?);
    partner_options.filter = options.filter.clone();
    let partners = analysis::partners(graph, &partner_options).partners;
    let nodes: Vec<serde_json::Value> = hubless
        .graph
        .node_indices()
        .map(|n| {
            let id = hubless.graph[n].as_str();
            let entity = graph.entity(id);
            json!({
                "id": id,
                "kind": entity.map(|e| e.kind),
                "label": entity.map_or(id, |e| e.name.as_str()),
                "meetings": hubless.meetings.as_ref().and_then(|m| m.get(n.index())),
                "engagement": partners.iter().find(|p| p.id == id).map(|p| p.engagement),
            })
        })
        .collect();
    Ok(json!({
        "hub": graph.hub(),
        "hubs": graph.hubs(),
        "nodes": nodes,
        "links": links,
    }))
}

/// An HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response<'a> {
    pub status: u16,
    pub content_type: &'static str,
    pub body: &'a [u8],
}

impl Response<'_> {
    fn text(status: u16, body: &'static str) -> Response<'static> {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes(),
        }
    }

    fn reason(&self) -> &'static str {
        match self.status {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            408 => "Request Timeout",
            421 => "Misdirected Request",
            431 => "Request Header Fields Too Large",
            503 => "Service Unavailable",
            _ => "Internal Server Error",
        }
    }
}

/// What the server serves: the embedded page and one graph.
#[derive(Debug, Clone)]
pub struct Site {
    graph_json: Vec<u8>,
    partners_json: Vec<u8>,
}

impl Site {
    /// A site serving `graph` (see [`page_graph`]) and its partner graph
    /// ([`partner_view`], built with `links`).
    pub fn new(graph: &MeetingGraph, links: &LinkOptions) -> Result<Self, ServeError> {
        let graph_json =
            serde_json::to_vec(&page_graph(graph)?).expect("a serde_json::Value always serializes");
        let partners_json = serde_json::to_vec(&partner_view(graph, links)?)
            .expect("a serde_json::Value always serializes");
        Ok(Site {
            graph_json,
            partners_json,
        })
    }

    /// The response to `method target`. The target's query string is
    /// ignored; the path must match an entry of the table exactly (no
    /// decoding, no normalization), anything else is 404.
    pub fn respond(&self, method: &str, target: &str) -> Response<'_> {
        if method != "GET" && method != "HEAD" {
            return Response::text(405, "only GET and HEAD\n");
        }
        if !target.starts_with('/') {
            return Response::text(400, "the request target must be a path\n");
        }
        let path = target.split(['?', '#']).next().unwrap_or_default();
        let json = match path {
            GRAPH_PATH => Some(&self.graph_json),
            PARTNERS_PATH => Some(&self.partners_json),
            _ => None,
        };
        if let Some(body) = json {
            return Response {
                status: 200,
                content_type: "application/json",
                body,
            };
        }
        match ASSETS.iter().find(|a| a.path == path) {
            Some(a) => Response {
                status: 200,
                content_type: a.content_type,
                body: a.body,
            },
            None => Response::text(404, "not found\n"),
        }
    }

    /// Reads one request head from `stream` by `deadline` and gives the
    /// answer; `None` when the client left without sending anything (or
    /// the connection failed).
    fn read_and_route(
        &self,
        stream: &TcpStream,
        deadline: Instant,
        port: u16,
    ) -> Option<Answer<'_>> {
        let mut head = Vec::with_capacity(1024);
        let mut chunk = [0; 4096];
        loop {
            let room = (MAX_HEAD - head.len()).min(chunk.len());
            let n = match read_by(stream, &mut chunk[..room], deadline) {
                Ok(0) if head.is_empty() => return None,
                Ok(0) => return Some(Answer::error(400, "incomplete request\n", false)),
                Ok(n) => n,
                // All the client sent was read: nothing to linger for.
                Err(e) if is_timeout(&e) => {
                    return Some(Answer::error(408, "request not sent in time\n", false));
                }
                Err(_) => return None,
            };
            head.extend_from_slice(&chunk[..n]);
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut request = httparse::Request::new(&mut headers);
            match request.parse(&head) {
                Ok(httparse::Status::Complete(len)) => {
                    let (response, head_only) = self.route(&request, port);
                    // Bytes past the head (a body, a pipelined request) are
                    // read before closing; so is a body still to come.
                    let more = head.len() > len
                        || request.headers.iter().any(|h| {
                            h.name.eq_ignore_ascii_case("content-length")
                                || h.name.eq_ignore_ascii_case("transfer-encoding")
                        });
                    return Some(Answer {
                        response,
                        head_only,
                        linger: more,
                    });
                }
                Ok(httparse::Status::Partial) if head.len() < MAX_HEAD => {}
                Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => {
                    return Some(Answer::error(431, "request too large\n", true));
                }
                Err(_) => return Some(Answer::error(400, "malformed request\n", true)),
            }
        }
    }

    /// The response to a complete request head, and whether it is to
    /// `HEAD`: its `Host` must be one loopback name with `port`
    /// ([`is_loopback_host`]).
    fn route(&self, request: &httparse::Request<'_, '_>, port: u16) -> (Response<'_>, bool) {
        let method = request.method.unwrap_or_default();
        let mut hosts = request
            .headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case("host"));
        let response = match (hosts.next(), hosts.next()) {
            (Some(host), None) if is_loopback_host(host.value, port) => {
                self.respond(method, request.path.unwrap_or_default())
            }
            (Some(_), None) => Response::text(
                421,
                "this server answers only to localhost, 127.0.0.1 and [::1] with its port\n",
            ),
            _ => Response::text(400, "a request needs exactly one Host header\n"),
        };
        (response, method == "HEAD")
    }

    /// Answers one connection within `limits`, then closes it.
    fn answer(&self, job: Job, port: u16, limits: &Limits) -> io::Result<()> {
        let Job { stream, accepted } = job;
        stream.set_nodelay(true)?;
        let Some(answer) = self.read_and_route(&stream, accepted + limits.read, port) else {
            return Ok(());
        };
        let deadline = Instant::now() + limits.write;
        write_by(
            &stream,
            response_head(&answer.response).as_bytes(),
            deadline,
        )?;
        if !answer.head_only {
            write_by(&stream, answer.response.body, deadline)?;
        }
        stream.shutdown(Shutdown::Write)?;
        if answer.linger {
            linger(&stream);
        }
        Ok(())
    }
}

/// What a connection gets.
struct Answer<'a> {
    response: Response<'a>,
    /// The request was `HEAD`: no body.
    head_only: bool,
    /// The client may have sent, or still send, more than was read.
    linger: bool,
}

impl Answer<'static> {
    fn error(status: u16, body: &'static str, linger: bool) -> Self {
        Answer {
            response: Response::text(status, body),
            head_only: false,
            linger,
        }
    }
}

/// Whether a `Host` header names this server: `localhost` (any case),
/// `127.0.0.1` or `[::1]`, followed by `:port` (or by nothing when the port
/// is 80, as browsers send it). Any other name is what DNS rebinding sends.
pub fn is_loopback_host(value: &[u8], port: u16) -> bool {
    let Ok(value) = std::str::from_utf8(value) else {
        return false;
    };
    let (name, port_ok) = match value.rsplit_once(':') {
        Some((name, given)) if !given.contains(']') => (name, given == port.to_string()),
        _ => (value, port == 80),
    };
    port_ok && (name.eq_ignore_ascii_case("localhost") || name == "127.0.0.1" || name == "[::1]")
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// Time left before `deadline`, or a timeout error when none is.
fn time_left(deadline: Instant) -> io::Result<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|left| !left.is_zero())
        .ok_or_else(|| io::Error::from(io::ErrorKind::TimedOut))
}

/// One read that gives up at `deadline`, however many reads came before.
fn read_by(stream: &TcpStream, buf: &mut [u8], deadline: Instant) -> io::Result<usize> {
    loop {
        stream.set_read_timeout(Some(time_left(deadline)?))?;
        match (&*stream).read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            done => return done,
        }
    }
}

/// Writes all of `bytes` by `deadline`, however slowly the client reads.
fn write_by(stream: &TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        stream.set_write_timeout(Some(time_left(deadline)?))?;
        match (&*stream).write(bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads and drops what the client still sends, within [`LINGER`] and
/// [`LINGER_BYTES`], until it closes its side.
fn linger(stream: &TcpStream) {
    let deadline = Instant::now() + LINGER;
    let mut buf = [0; 4096];
    let mut drained = 0;
    while drained < LINGER_BYTES {
        match read_by(stream, &mut buf, deadline) {
            Ok(0) | Err(_) => return,
            Ok(n) => drained += n,
        }
    }
}

/// The status line and headers of `r`.
fn response_head(r: &Response<'_>) -> String {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n\
         Content-Security-Policy: default-src 'self'; style-src 'self'; img-src 'self' data:\r\n\
         Connection: close\r\n",
        r.status,
        r.reason(),
        r.content_type,
        r.body.len()
    );
    match r.status {
        405 => head.push_str("Allow: GET, HEAD\r\n"),
        503 => head.push_str("Retry-After: 1\r\n"),
        _ => {}
    }
    head.push_str("\r\n");
    head
}

/// The answer to a connection no worker can take: `503`, written without
/// waiting (a fresh connection's send buffer holds it), then closed. What
/// the client has already sent (up to [`MAX_HEAD`]) is read first, so
/// that the close does not reset the connection before the client reads.
fn refuse(stream: TcpStream) {
    if stream.set_nonblocking(true).is_err() {
        return;
    }
    let mut buf = [0; 4096];
    let mut drained = 0;
    while drained < MAX_HEAD {
        match (&stream).read(&mut buf) {
            Ok(n) if n > 0 => drained += n,
            _ => break,
        }
    }
    let r = Response::text(503, "busy: too many connections\n");
    let mut out = response_head(&r).into_bytes();
    out.extend_from_slice(r.body);
    let _ = (&stream).write_all(&out);
    let _ = stream.shutdown(Shutdown::Write);
}

/// An accepted connection waiting for a worker.
struct Job {
    stream: TcpStream,
    accepted: Instant,
}

/// A worker: answers the connections of the queue, one at a time, until
/// the server is dropped. A connection that fails (the client hung up,
/// timed out) only ends itself.
fn work(jobs: &Mutex<Receiver<Job>>, site: &Site, port: u16, limits: &Limits) {
    loop {
        let next = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(job) = next else { return };
        let _ = site.answer(job, port, limits);
    }
}

/// A bound server with its workers started, not yet accepting.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    jobs: SyncSender<Job>,
}

impl Server {
    /// Binds `127.0.0.1:port` with the default [`Limits`]; port 0 picks a
    /// free port ([`Server::url`] tells which).
    pub fn bind(site: Site, port: u16) -> Result<Self, ServeError> {
        Self::bind_with(site, port, Limits::default())
    }

    /// Binds `127.0.0.1:port` and starts `limits.workers` worker threads
    /// (at least one).
    pub fn bind_with(site: Site, port: u16, limits: Limits) -> Result<Self, ServeError> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let listener =
            TcpListener::bind(addr).map_err(|source| ServeError::Bind { addr, source })?;
        let port = listener
            .local_addr()
            .map_err(|source| ServeError::Bind { addr, source })?
            .port();
        let (jobs, queue) = std::sync::mpsc::sync_channel(limits.queue);
        let queue = Arc::new(Mutex::new(queue));
        let site = Arc::new(site);
        for i in 0..limits.workers.max(1) {
            let (queue, site) = (Arc::clone(&queue), Arc::clone(&site));
            std::thread::Builder::new()
                .name(format!("serve-{i}"))
                .spawn(move || work(&queue, &site, port, &limits))
                .map_err(ServeError::Spawn)?;
        }
        Ok(Server { listener, jobs })
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound TCP listener has an address")
    }

    /// The URL of the page.
    pub fn url(&self) -> String {
        format!("http://{}/", self.local_addr())
    }

    /// Accepts connections until the process ends and hands them to the
    /// workers; when all are busy and the queue is full, answers `503`.
    /// A failed accept (out of file descriptors, say) waits a little and
    /// goes on: it never ends the server.
    pub fn run(self) -> ! {
        loop {
            let Ok((stream, _)) = self.listener.accept() else {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            };
            let job = Job {
                stream,
                accepted: Instant::now(),
            };
            if let Err(TrySendError::Full(job) | TrySendError::Disconnected(job)) =
                self.jobs.try_send(job)
            {
                refuse(job.stream);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The routing table, and the server over real loopback connections.

    use super::*;
    use crate::model::{Entity, EntityKind, Evidence, Extraction, Meeting};

    fn graph() -> MeetingGraph {
        let hostile = "<img src=x onerror=alert(1)>";
        let entity = |id: &str, kind, name: &str| Entity::new(id, kind, name);
        MeetingGraph::new(Extraction {
            meetings: vec![Meeting {
                id: "m-1".into(),
                doc: "a.txt".into(),
                headline: None,
                lang: "en".into(),
                date: Some("2020-07".parse().unwrap()),
                place: None,
                mode: None,
                parties: vec!["org:icesco".into(), "country:JP".into()],
                participants: vec![],
                attendees: vec![],
                topics: vec!["culture".into()],
                invitations: vec![],
                memberships: vec![],
                agreements: vec![],
                occasion: None,
                publisher: None,
                evidence: vec![Evidence {
                    doc: "a.txt".into(),
                    start: 0,
                    end: 10,
                    text: hostile.into(),
                }],
            }],
            entities: vec![
                entity("org:icesco", EntityKind::Organization, "ICESCO"),
                entity("country:JP", EntityKind::Country, hostile),
            ],
            ..Default::default()
        })
        .unwrap()
    }

    fn site() -> Site {
        Site::new(&graph(), &LinkOptions::default()).unwrap()
    }

    #[test]
    fn the_page_and_its_files_have_their_content_types() {
        let site = site();
        for (path, content_type, start) in [
            ("/", HTML, "<!doctype html>"),
            ("/index.html", HTML, "<!doctype html>"),
            ("/app.js", "text/javascript; charset=utf-8", "/* diplograph"),
            ("/style.css", "text/css; charset=utf-8", ":root"),
        ] {
            let r = site.respond("GET", path);
            assert_eq!((r.status, r.content_type), (200, content_type), "{path}");
            assert!(r.body.starts_with(start.as_bytes()), "{path}");
        }
        assert!(
            site.respond("GET", "/")
                .body
                .windows(6)
                .any(|w| w == b"app.js")
        );
    }

    #[test]
    fn graph_json_is_the_node_link_graph_with_centralities() {
        let site = site();
        let r = site.respond("GET", "/graph.json?t=1");
        assert_eq!((r.status, r.content_type), (200, "application/json"));
        let v: serde_json::Value = serde_json::from_slice(r.body).unwrap();
        let g = graph();
        assert_eq!(v["links"], g.to_node_link()["links"]);
        assert_eq!(
            (v["directed"].clone(), v["multigraph"].clone()),
            (json!(false), json!(true))
        );
        assert_eq!(v["nodes"].as_array().unwrap().len(), 2);
        let jp = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == "country:JP")
            .unwrap();
        // Text is served as data, untouched: escaping is the page's job (it uses textContent).
        assert_eq!(jp["label"], "<img src=x onerror=alert(1)>");
        assert_eq!(jp["centrality"]["degree"], 1.0);
        assert!((jp["centrality"]["pagerank"].as_f64().unwrap() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn nodes_carry_their_engagement_and_the_partner_graph_is_served() {
        let mut g = graph().extraction().clone();
        let mut m = g.meetings[0].clone();
        m.id = "m-2".into();
        m.parties.push("org:unesco".into());
        g.meetings.push(m);
        let g = MeetingGraph::new(g).unwrap();
        let site = Site::new(&g, &LinkOptions::default()).unwrap();
        let v: serde_json::Value =
            serde_json::from_slice(site.respond("GET", "/graph.json").body).unwrap();
        let node = |id: &str| crate::graph::tests::node(&v, id);
        let engagement = |id: &str| node(id).map(|n| n["engagement"].clone());
        // The partners' engagement of `diplograph partners`: Japan met twice
        // "now" (2020-07, weight 1 each: no role), UNESCO once; the hub none.
        assert_eq!(engagement("org:icesco"), Some(json!(null)));
        assert_eq!(engagement("country:JP"), Some(json!(2.0)));
        assert_eq!(engagement("org:unesco"), Some(json!(1.0)));
        let hub = |id: &str| node(id).map(|n| n["hub"].clone());
        assert_eq!(
            (hub("org:icesco"), hub("org:unesco")),
            (Some(json!(true)), Some(json!(false)))
        );
        let r = site.respond("GET", "/partners.json");
        assert_eq!((r.status, r.content_type), (200, "application/json"));
        let p: serde_json::Value = serde_json::from_slice(r.body).unwrap();
        assert_eq!(
            (p["hub"].clone(), p["hubs"].clone()),
            (json!("org:icesco"), json!(["org:icesco"]))
        );
        assert_eq!(
            p["nodes"],
            json!([
                {"id": "country:JP", "kind": "country", "label": "<img src=x onerror=alert(1)>", "meetings": 2, "engagement": 2.0},
                {"id": "org:unesco", "kind": "organization", "label": "unesco", "meetings": 1, "engagement": 1.0},
            ])
        );
        assert_eq!(
            p["links"],
            json!([{
                "source": "country:JP", "target": "org:unesco", "weight": 1.0,
                "evidence": [{"kind": "joint_meeting", "meeting": "m-2", "date": "2020-07",
                              "parties": ["org:icesco", "country:JP", "org:unesco"]}],
            }])
        );
    }

    #[test]
    fn unknown_paths_and_traversal_are_not_found() {
        let site = site();
        for path in [
            "/nope",
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/..%2fsrc%2fmain.rs",
            "//etc/passwd",
            "/dist/app.js",
            "/app.js/",
            "/INDEX.HTML",
            "/src/main.js",
        ] {
            assert_eq!(site.respond("GET", path).status, 404, "{path}");
        }
        assert_eq!(site.respond("GET", "../Cargo.toml").status, 400);
        assert_eq!(site.respond("GET", "http://example.org/").status, 400);
        assert_eq!(site.respond("POST", "/graph.json").status, 405);
        assert_eq!(site.respond("DELETE", "/").status, 405);
    }

    /// Sends `request` raw to a running server, returns the whole answer.
    fn exchange(addr: SocketAddr, request: &[u8]) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(request).unwrap();
        let mut answer = Vec::new();
        s.read_to_end(&mut answer).unwrap();
        String::from_utf8_lossy(&answer).into_owned()
    }

    /// A running server over `site`, within `limits`.
    fn serving(site: Site, limits: Limits) -> SocketAddr {
        let server = Server::bind_with(site, 0, limits).unwrap();
        let addr = server.local_addr();
        std::thread::spawn(move || server.run());
        addr
    }

    /// A GET of `path` with the right `Host`.
    fn get(addr: SocketAddr, path: &str) -> String {
        exchange(
            addr,
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes(),
        )
    }

    #[test]
    fn the_server_listens_on_loopback_and_answers_http() {
        let server = Server::bind(site(), 0).unwrap();
        let addr = server.local_addr();
        assert!(addr.ip().is_loopback());
        assert_ne!(addr.port(), 0);
        assert_eq!(server.url(), format!("http://127.0.0.1:{}/", addr.port()));
        std::thread::spawn(move || server.run());

        let get = get(addr, "/graph.json");
        let (head, body) = get.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains("\r\nContent-Type: application/json\r\n"));
        assert!(head.contains(&format!("\r\nContent-Length: {}\r\n", body.len())));
        assert!(head.contains("\r\nX-Content-Type-Options: nosniff\r\n"));
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["links"].as_array().unwrap().len(), graph().edge_count());

        let host = format!("Host: {addr}\r\n");
        let send = |request: &str| exchange(addr, request.replace("{host}", &host).as_bytes());
        let head_only = send("HEAD /app.js HTTP/1.1\r\n{host}\r\n");
        assert!(head_only.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(head_only.contains("Content-Type: text/javascript"));
        assert!(head_only.ends_with("\r\n\r\n"), "HEAD has no body");

        let missing = send("GET /../../etc/passwd HTTP/1.1\r\n{host}\r\n");
        assert!(missing.starts_with("HTTP/1.1 404 Not Found\r\n"));
        let post = send("POST / HTTP/1.1\r\n{host}Content-Length: 0\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"));
        assert!(post.contains("\r\nAllow: GET, HEAD\r\n"));
        let garbage = send("hello\r\n\r\n");
        assert!(garbage.starts_with("HTTP/1.1 400 Bad Request\r\n"));
        let huge = exchange(addr, &[b'a'; MAX_HEAD]);
        assert!(huge.starts_with("HTTP/1.1 431 "), "{huge:.40}");
        let mut many_headers = b"GET / HTTP/1.1\r\n".to_vec();
        while many_headers.len() < MAX_HEAD {
            many_headers.extend_from_slice(b"X-Padding: 0123456789\r\n");
        }
        many_headers.truncate(MAX_HEAD);
        let huge = exchange(addr, &many_headers);
        assert!(huge.starts_with("HTTP/1.1 431 "), "{huge:.40}");
    }

    #[test]
    fn only_loopback_names_with_the_port_are_this_server() {
        for host in [
            "localhost:8000",
            "LocalHost:8000",
            "127.0.0.1:8000",
            "[::1]:8000",
        ] {
            assert!(is_loopback_host(host.as_bytes(), 8000), "{host}");
        }
        for host in [
            "evil.example:8000",
            "localhost.evil.example:8000",
            "127.0.0.1.nip.io:8000",
            "localhost:8001",
            "localhost:+8000",
            "localhost:08000",
            "localhost",
            "127.0.0.1",
            "[::1]",
            "0.0.0.0:8000",
            "127.0.0.2:8000",
            "::1:8000",
            "",
        ] {
            assert!(!is_loopback_host(host.as_bytes(), 8000), "{host}");
        }
        assert!(!is_loopback_host(b"localhost\xff:8000", 8000));
        // Browsers leave out the default port.
        for host in ["localhost", "127.0.0.1", "[::1]"] {
            assert!(is_loopback_host(host.as_bytes(), 80), "{host}");
        }
    }

    #[test]
    fn a_trickling_client_is_cut_at_the_read_deadline() {
        let limits = Limits {
            read: Duration::from_millis(500),
            ..Limits::default()
        };
        let addr = serving(site(), limits);
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut writer = s.try_clone().unwrap();
        // One byte every 100 ms: each read is quick, the whole head would take 4 s.
        let request = format!(
            "GET / HTTP/1.1\r\nHost: {addr}\r\nX-Slow: {}\r\n\r\n",
            "z".repeat(10)
        );
        let trickle = std::thread::spawn(move || {
            for b in request.bytes() {
                if writer.write_all(&[b]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        let start = Instant::now();
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        let took = start.elapsed();
        assert!(
            answer.starts_with(b"HTTP/1.1 408 Request Timeout\r\n"),
            "{}",
            String::from_utf8_lossy(&answer)
        );
        assert!(took < Duration::from_secs(3), "cut after {took:?}");
        trickle.join().unwrap();
    }

    #[test]
    fn a_client_that_never_reads_holds_its_worker_only_until_the_write_deadline() {
        // Far more than loopback's socket buffers hold.
        let big = Site {
            graph_json: vec![b' '; 64 << 20],
            partners_json: vec![],
        };
        let limits = Limits {
            workers: 1,
            write: Duration::from_millis(500),
            ..Limits::default()
        };
        let addr = serving(big, limits);
        let mut stuck = TcpStream::connect(addr).unwrap();
        write!(stuck, "GET /graph.json HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        // The only worker is writing to `stuck`, which never reads; the
        // next client is answered once the write deadline has passed.
        std::thread::sleep(Duration::from_millis(100));
        let page = get(addr, "/style.css");
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page:.40}");
        // The stuck client got a part of the graph, then the connection ended.
        let mut received = Vec::new();
        stuck
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let _ = stuck.read_to_end(&mut received);
        assert!(received.len() < 64 << 20, "{} bytes", received.len());
    }

    #[test]
    fn connections_beyond_the_workers_and_the_queue_are_answered_503() {
        let limits = Limits {
            workers: 1,
            queue: 1,
            ..Limits::default()
        };
        let addr = serving(site(), limits);
        // The first idle connection takes the worker, the second the queue.
        let idle: Vec<TcpStream> = (0..2)
            .map(|_| {
                let s = TcpStream::connect(addr).unwrap();
                std::thread::sleep(Duration::from_millis(200));
                s
            })
            .collect();
        let busy = exchange(addr, b"");
        assert!(
            busy.starts_with("HTTP/1.1 503 Service Unavailable\r\n"),
            "{busy:.60}"
        );
        assert!(busy.contains("\r\nRetry-After: 1\r\n"));
        // Once they leave, the server answers again.
        drop(idle);
        std::thread::sleep(Duration::from_millis(200));
        assert!(get(addr, "/").starts_with("HTTP/1.1 200 OK\r\n"));
    }

    #[test]
    fn a_taken_port_is_a_bind_error() {
        let first = Server::bind(site(), 0).unwrap();
        let port = first.local_addr().port();
        let err = Server::bind(site(), port).unwrap_err();
        assert!(matches!(err, ServeError::Bind { .. }));
        assert!(
            err.to_string()
                .starts_with(&format!("cannot listen on 127.0.0.1:{port}"))
        );
    }
}
