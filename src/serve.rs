//! `diplograph serve`: the interactive graph page and its `graph.json` over
//! HTTP on the loopback interface.
//!
//! The page (`examples/d3`, built into `examples/d3/dist` by `npm run build`,
//! which is committed) is embedded in the binary with `include_bytes!`, so a
//! fresh clone builds and serves it without Node, and an installed binary
//! serves it from anywhere. The only other resource is `/graph.json`: the
//! graph as node-link JSON ([`MeetingGraph::to_node_link`]) with each node's
//! partner centralities under `centrality` when it has them.
//!
//! The server is deliberately tiny: HTTP/1.1 `GET` and `HEAD`, one request
//! per connection (`Connection: close`), one thread per connection, bound to
//! `127.0.0.1` only. Paths are looked up in a fixed table ([`Site::respond`]),
//! never on the file system, so no path can reach a file outside it.

use crate::analysis::{self, CentralityOptions};
use crate::graph::MeetingGraph;
use serde_json::json;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

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

/// Longest request head read (request line and headers).
const MAX_HEAD: u64 = 16 * 1024;
/// How long a connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

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
}

/// The graph as the page reads it: node-link JSON, plus a `centrality`
/// object (`degree`, `weighted_degree`, `betweenness`, `closeness`,
/// `eigenvector`, `pagerank`, as `diplograph centrality --people` computes
/// them) on every node of the partner graph.
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
            431 => "Request Header Fields Too Large",
            _ => "Internal Server Error",
        }
    }
}

/// What the server serves: the embedded page and one graph.
#[derive(Debug, Clone)]
pub struct Site {
    graph_json: Vec<u8>,
}

impl Site {
    /// A site serving `graph` (see [`page_graph`]).
    pub fn new(graph: &MeetingGraph) -> Result<Self, ServeError> {
        let graph_json =
            serde_json::to_vec(&page_graph(graph)?).expect("a serde_json::Value always serializes");
        Ok(Site { graph_json })
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
        if path == GRAPH_PATH {
            return Response {
                status: 200,
                content_type: "application/json",
                body: &self.graph_json,
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

    /// Reads one request from `stream` and writes the response.
    fn handle(&self, stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(READ_TIMEOUT))?;
        let mut reader = BufReader::new((&stream).take(MAX_HEAD));
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let mut head_complete = false;
        let mut header = String::new();
        loop {
            header.clear();
            if reader.read_line(&mut header)? == 0 {
                break;
            }
            if header == "\r\n" || header == "\n" {
                head_complete = true;
                break;
            }
        }
        let too_large = !head_complete && reader.get_ref().limit() == 0;
        let mut words = line.split_whitespace();
        let response = match (words.next(), words.next(), words.next(), words.next()) {
            _ if too_large => Response::text(431, "request too large\n"),
            (Some(method), Some(target), Some(version), None)
                if version.starts_with("HTTP/1.") && head_complete =>
            {
                self.respond(method, target)
            }
            _ => Response::text(400, "malformed request\n"),
        };
        let head_only = line.starts_with("HEAD ");
        write_response(&stream, &response, head_only)
    }
}

fn write_response(mut out: &TcpStream, r: &Response<'_>, head_only: bool) -> std::io::Result<()> {
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
    if r.status == 405 {
        head.push_str("Allow: GET, HEAD\r\n");
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(r.body)?;
    }
    out.flush()
}

/// A bound server, not yet answering.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    site: Arc<Site>,
}

impl Server {
    /// Binds `127.0.0.1:port`; port 0 picks a free port ([`Server::url`]
    /// tells which).
    pub fn bind(site: Site, port: u16) -> Result<Self, ServeError> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let listener =
            TcpListener::bind(addr).map_err(|source| ServeError::Bind { addr, source })?;
        Ok(Server {
            listener,
            site: Arc::new(site),
        })
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

    /// Answers connections until the process ends, each on its own thread.
    /// A connection that fails (the client hung up, timed out) only ends
    /// itself.
    pub fn run(self) -> ! {
        loop {
            let Ok((stream, _)) = self.listener.accept() else {
                // Out of file descriptors, say: let connections close.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            };
            let site = Arc::clone(&self.site);
            std::thread::spawn(move || {
                let _ = site.handle(stream);
            });
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
        Site::new(&graph()).unwrap()
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
        s.write_all(request).unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn the_server_listens_on_loopback_and_answers_http() {
        let server = Server::bind(site(), 0).unwrap();
        let addr = server.local_addr();
        assert!(addr.ip().is_loopback());
        assert_ne!(addr.port(), 0);
        assert_eq!(server.url(), format!("http://127.0.0.1:{}/", addr.port()));
        std::thread::spawn(move || server.run());

        let get = exchange(addr, b"GET /graph.json HTTP/1.1\r\nHost: x\r\n\r\n");
        let (head, body) = get.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains("\r\nContent-Type: application/json\r\n"));
        assert!(head.contains(&format!("\r\nContent-Length: {}\r\n", body.len())));
        assert!(head.contains("\r\nX-Content-Type-Options: nosniff\r\n"));
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["links"].as_array().unwrap().len(), graph().edge_count());

        let head_only = exchange(addr, b"HEAD /app.js HTTP/1.1\r\n\r\n");
        assert!(head_only.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(head_only.contains("Content-Type: text/javascript"));
        assert!(head_only.ends_with("\r\n\r\n"), "HEAD has no body");

        let missing = exchange(addr, b"GET /../../etc/passwd HTTP/1.1\r\n\r\n");
        assert!(missing.starts_with("HTTP/1.1 404 Not Found\r\n"));
        let post = exchange(addr, b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"));
        assert!(post.contains("\r\nAllow: GET, HEAD\r\n"));
        let garbage = exchange(addr, b"hello\r\n\r\n");
        assert!(garbage.starts_with("HTTP/1.1 400 Bad Request\r\n"));
        let huge = exchange(addr, &[b'a'; MAX_HEAD as usize]);
        assert!(huge.starts_with("HTTP/1.1 431 "), "{huge:.40}");
        let mut many_headers = b"GET / HTTP/1.1\r\n".to_vec();
        while many_headers.len() < MAX_HEAD as usize {
            many_headers.extend_from_slice(b"X-Padding: 0123456789\r\n");
        }
        many_headers.truncate(MAX_HEAD as usize);
        let huge = exchange(addr, &many_headers);
        assert!(huge.starts_with("HTTP/1.1 431 "), "{huge:.40}");
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
