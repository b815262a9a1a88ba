//! The stand-in France Travail server speaks the documented API where the
//! plugin's import does not go: a search without token, a bad range, an
//! empty search, one offer by id (200, or 204 once gone), the headers of
//! a partial page. Plain HTTP/1.1 over a socket, so that each header is
//! seen as sent.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;

use anyhow::{Context as _, Result, ensure};
use estive_francetravail_standin::{self as standin, API_PATH, StandIn, TOKEN_PATH};
use serde_json::Value;

/// An answer: status, headers (names in lower case), body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Result<Value> {
        Ok(serde_json::from_slice(&self.body)?)
    }
}

/// One request, the connection closed after it.
fn send(
    standin: &StandIn,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<Answer> {
    let mut stream = TcpStream::connect(standin.addr())?;
    let mut request = format!(
        "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
        standin.host(),
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .context("no end of headers")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .context("no status")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
    {
        body = unchunk(&body)?;
    }
    Ok(Answer {
        status,
        headers,
        body,
    })
}

fn unchunk(mut data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .context("chunk size")?;
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..line_end]).trim(), 16)?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        out.extend_from_slice(data.get(..size).context("short chunk")?);
        data = data.get(size + 2..).context("chunk end")?;
    }
}

fn token(standin: &StandIn, secret: &str) -> Result<Answer> {
    let body = format!(
        "grant_type=client_credentials&client_id={}&client_secret={secret}&scope=api_offresdemploiv2%20o2dsoffre",
        standin::CLIENT_ID
    );
    send(
        standin,
        "POST",
        TOKEN_PATH,
        &[("Content-Type", "application/x-www-form-urlencoded")],
        &body,
    )
}

fn bearer(standin: &StandIn) -> Result<String> {
    let answer = token(standin, standin::CLIENT_SECRET)?;
    ensure!(answer.status == 200, "token: {}", answer.status);
    let json = answer.json()?;
    ensure!(
        json["token_type"] == "Bearer" && json["expires_in"] == 1499,
        "{json}"
    );
    Ok(format!(
        "Bearer {}",
        json["access_token"].as_str().context("access_token")?
    ))
}

#[test]
fn the_token_needs_the_right_secret_and_the_search_a_token() -> Result<()> {
    let standin = StandIn::start(standin::generate(10, standin::VALLEY))?;
    let refused = token(&standin, "faux")?;
    ensure!(refused.status == 401 && refused.json()?["error"] == "invalid_client");
    let search = format!("{API_PATH}/offres/search?commune=65388");
    ensure!(send(&standin, "GET", &search, &[], "")?.status == 401);
    let auth = bearer(&standin)?;
    ensure!(
        send(
            &standin,
            "GET",
            &search,
            &[("Authorization", "Bearer inconnu")],
            ""
        )?
        .status
            == 401
    );
    let answer = send(&standin, "GET", &search, &[("Authorization", &auth)], "")?;
    ensure!(
        answer.status == 200 || answer.status == 204,
        "{}",
        answer.status
    );
    ensure!(standin.requests().token == 2 && standin.requests().search == 3);
    Ok(())
}

#[test]
fn a_long_search_comes_in_partial_pages_and_a_bad_range_is_refused() -> Result<()> {
    let standin = StandIn::start(standin::generate(320, &[("65388", "Saint-Lary-Soulan")]))?;
    let auth = bearer(&standin)?;
    let get = |query: &str| {
        send(
            &standin,
            "GET",
            &format!("{API_PATH}/offres/search?{query}"),
            &[("Authorization", auth.as_str())],
            "",
        )
    };
    let first = get("commune=65388&distance=10&range=0-149")?;
    ensure!(first.status == 206);
    ensure!(first.header("content-range") == Some("offres 0-149/320"));
    ensure!(first.header("accept-range") == Some("offres 150"));
    ensure!(first.json()?["resultats"].as_array().map(Vec::len) == Some(150));
    let last = get("commune=65388&range=300-449")?;
    ensure!(last.status == 206 && last.header("content-range") == Some("offres 300-319/320"));
    ensure!(last.json()?["resultats"].as_array().map(Vec::len) == Some(20));
    for bad in ["range=0-150", "range=3001-3010", "range=9-2", "range=a-b"] {
        ensure!(get(bad)?.status == 400, "{bad}");
    }
    ensure!(get("commune=1,2,3,4,5,6")?.status == 400);
    ensure!(get("commune=99999")?.status == 204);
    ensure!(get("commune=65388&typeContrat=XYZ")?.status == 204);
    Ok(())
}

#[test]
fn one_offer_answers_until_it_is_gone() -> Result<()> {
    let offers = standin::generate(3, standin::VALLEY);
    let id = offers[1]["id"].as_str().context("id")?.to_string();
    let standin = StandIn::start(offers)?;
    let auth = bearer(&standin)?;
    let path = format!("{API_PATH}/offres/{id}");
    let found = send(&standin, "GET", &path, &[("Authorization", &auth)], "")?;
    ensure!(found.status == 200 && found.json()?["id"] == id.as_str());
    ensure!(standin.remove_offers(&[&id]) == 1);
    let gone = send(&standin, "GET", &path, &[("Authorization", &auth)], "")?;
    ensure!(gone.status == 204 && gone.body.is_empty());
    Ok(())
}

#[test]
fn latin1_answers_are_latin1_bytes() -> Result<()> {
    let standin = StandIn::start(standin::generate(5, standin::VALLEY))?;
    standin.set(standin::Behaviour::Latin1(true));
    let auth = bearer(&standin)?;
    let answer = send(
        &standin,
        "GET",
        &format!("{API_PATH}/offres/search"),
        &[("Authorization", &auth)],
        "",
    )?;
    ensure!(answer.header("content-type") == Some("application/json;charset=ISO-8859-1"));
    ensure!(std::str::from_utf8(&answer.body).is_err(), "still UTF-8");
    ensure!(answer.body.contains(&0xE9), "no é in Latin-1");
    Ok(())
}

#[test]
fn a_delay_holds_the_answers_back() -> Result<()> {
    let standin = StandIn::start(standin::generate(2, standin::VALLEY))?;
    let auth = bearer(&standin)?;
    standin.set(standin::Behaviour::Delay(std::time::Duration::from_millis(
        300,
    )));
    let started = std::time::Instant::now();
    let answer = send(
        &standin,
        "GET",
        &format!("{API_PATH}/offres/search"),
        &[("Authorization", &auth)],
        "",
    )?;
    ensure!(answer.status == 200);
    ensure!(started.elapsed() >= std::time::Duration::from_millis(300));
    standin.reset();
    let started = std::time::Instant::now();
    send(
        &standin,
        "GET",
        &format!("{API_PATH}/offres/search"),
        &[("Authorization", &auth)],
        "",
    )?;
    ensure!(started.elapsed() < std::time::Duration::from_millis(300));
    Ok(())
}
