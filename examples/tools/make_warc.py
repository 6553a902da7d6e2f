#!/usr/bin/env python3
"""Write examples/corpus/warc/crawl-2022-10.warc.gz, a tiny deterministic crawl.

The crawl is of one (fictional) site, www.ndledger.com, on 19 October 2022:

  1. warcinfo
  2. response + request  https://www.ndledger.com/robots.txt        (text/plain: a reader must skip it)
  3. response + request  .../2022/10/03/malang-police-chief-removed...  (text/html: the SAME bytes as
                         examples/corpus/html/ndledger-malang-police-chief-removed.html -> exact duplicate)
  4. response + request  .../2022/10/18/infantino-widodo-fifa-office   (text/html: an article found only here)

Record ids are uuid5 values derived from fixed names and every WARC-Date is fixed, and warcio's gzip
members carry mtime 0, so rerunning the script rewrites byte-identical output.

Usage (from the repository root):
    .venv/bin/python examples/tools/make_warc.py
"""

from __future__ import annotations

import hashlib
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EXAMPLES = Path(__file__).resolve().parent.parent
CORPUS = EXAMPLES / "corpus"
OUT = CORPUS / "warc" / "crawl-2022-10.warc.gz"

SITE = "https://www.ndledger.com"
IP = "203.0.113.42"  # TEST-NET-3 documentation address
NS = uuid.UUID("6f1c7a52-3d2e-4b8e-9a55-6b726f6e6f6c")  # fixed namespace for record ids

ROBOTS = b"""User-agent: *
Disallow: /search
Disallow: /account/
Crawl-delay: 5

Sitemap: https://www.ndledger.com/sitemap-news.xml
"""

INFANTINO_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>FIFA to open Indonesia office as Infantino meets Widodo after stadium disaster | Nusantara Daily Ledger</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="author" content="Ledger Jakarta Bureau">
<meta property="og:site_name" content="Nusantara Daily Ledger">
<meta property="og:type" content="article">
<meta property="og:title" content="FIFA to open Indonesia office as Infantino meets Widodo after stadium disaster">
<meta property="article:published_time" content="2022-10-18T19:25:00+07:00">
<link rel="canonical" href="https://www.ndledger.com/asia/2022/10/18/infantino-widodo-fifa-office">
<link rel="stylesheet" href="https://static.ndledger.com/css/ledger.4f2a.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead">
  <div class="masthead__brand"><a href="/">Nusantara Daily Ledger</a></div>
  <nav class="masthead__nav" aria-label="Sections">
    <ul>
      <li><a href="/indonesia">Indonesia</a></li>
      <li><a href="/asia">Asia</a></li>
      <li><a href="/world">World</a></li>
      <li><a href="/business">Business</a></li>
      <li><a href="/sport">Sport</a></li>
      <li><a href="/opinion">Opinion</a></li>
    </ul>
  </nav>
  <a class="masthead__cta" href="/subscribe">Subscribe</a>
</header>

<main id="main">
  <nav class="crumbs" aria-label="Breadcrumb"><a href="/">Home</a> / <a href="/asia">Asia</a> / <a href="/asia/indonesia">Indonesia</a></nav>

  <article class="story">
    <h1 class="story__headline">FIFA to open Indonesia office as Infantino meets Widodo after stadium disaster</h1>
    <p class="story__standfirst">Football&rsquo;s governing body promises to help make Indonesian stadiums safer</p>
    <div class="story__byline">By Ledger Jakarta Bureau &mdash; <span class="story__date">October 18, 2022</span></div>

    <div class="story__body">
      <p>JAKARTA &mdash; FIFA will open an office in Indonesia and work with the government on stadium safety, President Joko Widodo said on Tuesday after meeting Gianni Infantino, the president of football&rsquo;s world governing body, at the Merdeka Palace.</p>
      <p>The two men first met one-on-one and were later joined by Youth and Sports Minister Zainudin Amali and State-Owned Enterprises Minister Erick Thohir. Widodo said the talks covered stadium management, security, match scheduling and supporters.</p>
      <p>&ldquo;The transformation of Indonesian football will start together with FIFA, and FIFA will have an office here until the process runs well,&rdquo; Widodo said.</p>
      <aside class="story__inline-related">
        <h2>Read more</h2>
        <ul>
          <li><a href="/asia/2022/10/14/fact-finding-team-tear-gas">Fact-finding team blames tear gas for Kanjuruhan deaths</a></li>
        </ul>
      </aside>
      <p>Hospital officials told AFP that another fan injured in the crush had died on Tuesday, bringing the death toll to 133.</p>
      <p>Last week the government&rsquo;s fact-finding team said tear gas fired by police into the stands was the main cause of the deaths. Police had said on October 10 that the victims died from a lack of oxygen, not from the gas.</p>
      <p>Six people were named suspects on October 6, among them Akhmad Hadian Lukita, the president director of league operator PT Liga Indonesia Baru, and three police officers.</p>
      <p>Indonesia is scheduled to host the FIFA U-20 World Cup next year.</p>
    </div>

    <footer class="story__footer">
      <ul class="share" aria-label="Share this article">
        <li><a href="https://twitter.com/share?url=https://www.ndledger.com/asia/2022/10/18/infantino-widodo-fifa-office">Share on Twitter</a></li>
        <li><a href="https://www.facebook.com/sharer.php?u=https://www.ndledger.com/asia/2022/10/18/infantino-widodo-fifa-office">Share on Facebook</a></li>
        <li><a href="mailto:?subject=FIFA%20to%20open%20Indonesia%20office">Email</a></li>
      </ul>
      <p class="story__topics">Topics: <a href="/topic/kanjuruhan">Kanjuruhan</a> &middot; <a href="/topic/fifa">FIFA</a></p>
    </footer>
  </article>

  <section class="more-stories" aria-label="More stories">
    <h2>More from Asia</h2>
    <ol>
      <li><a href="/asia/2022/10/17/liga-1-restart-uncertain">Liga 1 restart date still uncertain</a></li>
      <li><a href="/asia/2022/10/03/malang-police-chief-removed-nine-officers-suspended">Indonesia removes Malang police chief, suspends nine officers</a></li>
    </ol>
  </section>
</main>

<footer class="site-footer">
  <p><a href="/about">About us</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p>
  <p>&copy; 2022 Nusantara Daily Ledger. All rights reserved.</p>
</footer>
</body>
</html>
""".encode("utf-8")


def rid(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NS, name)}>"


def http_date(warc_date: str) -> str:
    # warc_date is fixed in the table below; map it to the RFC 7231 form by hand (no clock, no locale)
    return {
        "2022-10-19T03:12:40Z": "Wed, 19 Oct 2022 03:12:40 GMT",
        "2022-10-19T03:12:45Z": "Wed, 19 Oct 2022 03:12:45 GMT",
        "2022-10-19T03:12:51Z": "Wed, 19 Oct 2022 03:12:51 GMT",
    }[warc_date]


def fetches() -> list[dict]:
    return [
        {
            "name": "robots",
            "uri": f"{SITE}/robots.txt",
            "date": "2022-10-19T03:12:40Z",
            "ctype": "text/plain; charset=utf-8",
            "body": ROBOTS,
            "last_modified": "Mon, 05 Sep 2022 08:00:00 GMT",
        },
        {
            "name": "police-chief-removed",
            "uri": f"{SITE}/asia/2022/10/03/malang-police-chief-removed-nine-officers-suspended",
            "date": "2022-10-19T03:12:45Z",
            "ctype": "text/html; charset=utf-8",
            "body": (CORPUS / "html" / "ndledger-malang-police-chief-removed.html").read_bytes(),
            "last_modified": "Mon, 03 Oct 2022 15:10:00 GMT",
        },
        {
            "name": "infantino-widodo",
            "uri": f"{SITE}/asia/2022/10/18/infantino-widodo-fifa-office",
            "date": "2022-10-19T03:12:51Z",
            "ctype": "text/html; charset=utf-8",
            "body": INFANTINO_HTML,
            "last_modified": "Tue, 18 Oct 2022 12:25:00 GMT",
        },
    ]


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.0")

        info = BytesIO()
        for key, value in (
            ("software", "Kronologi examples/tools/make_warc.py (warcio)"),
            ("format", "WARC File Format 1.0"),
            ("operator", "Kronologi example corpus (all articles written for Kronologi; outlets are fictional)"),
            ("isPartOf", "kronologi-examples-crawl-2022-10"),
            ("robots", "obey"),
            ("http-header-user-agent", "KronologiExampleBot/0.1 (+https://example.org/kronologi)"),
        ):
            info.write(f"{key}: {value}\r\n".encode("utf-8"))
        info_len = info.tell()
        info.seek(0)
        info_headers = StatusAndHeaders(
            "",
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Record-ID", rid("warcinfo")),
                ("WARC-Filename", OUT.name),
                ("WARC-Date", "2022-10-19T03:12:38Z"),
            ],
            protocol="WARC/1.0",
        )
        writer.write_record(
            writer.create_warc_record("", "warcinfo", payload=info, length=info_len, warc_headers=info_headers)
        )

        for f in fetches():
            body = f["body"]
            path = f["uri"][len(SITE):]
            resp_id = rid(f["name"] + "/response")
            req_id = rid(f["name"] + "/request")

            http_resp = StatusAndHeaders(
                "200 OK",
                [
                    ("Date", http_date(f["date"])),
                    ("Server", "nginx"),
                    ("Content-Type", f["ctype"]),
                    ("Content-Length", str(len(body))),
                    ("Last-Modified", f["last_modified"]),
                    ("Cache-Control", "max-age=300"),
                    ("Connection", "close"),
                ],
                protocol="HTTP/1.1",
            )
            response = writer.create_warc_record(
                f["uri"],
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_resp,
                warc_headers_dict={
                    "WARC-Record-ID": resp_id,
                    "WARC-Date": f["date"],
                    "WARC-IP-Address": IP,
                    "WARC-Warcinfo-ID": rid("warcinfo"),
                },
            )

            http_req = StatusAndHeaders(
                f"GET {path} HTTP/1.1",
                [
                    ("Host", "www.ndledger.com"),
                    ("User-Agent", "KronologiExampleBot/0.1 (+https://example.org/kronologi)"),
                    ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                    ("Accept-Language", "id,en;q=0.8"),
                    ("Connection", "close"),
                ],
                is_http_request=True,
            )
            request = writer.create_warc_record(
                f["uri"],
                "request",
                http_headers=http_req,
                warc_headers_dict={
                    "WARC-Record-ID": req_id,
                    "WARC-Date": f["date"],
                    "WARC-Concurrent-To": resp_id,
                    "WARC-Warcinfo-ID": rid("warcinfo"),
                },
            )
            writer.write_record(response)
            writer.write_record(request)

    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    print(f"wrote {OUT.relative_to(EXAMPLES.parent)} ({OUT.stat().st_size} bytes, sha256 {digest[:16]}...)")


if __name__ == "__main__":
    main()
