/*
Accord takes the text of decisions adopted by the governing bodies of
multilateral environmental agreements, finds each decision in it, breaks it
down to the paragraph and keeps it in a store.

Usage:

	accord <command> [flags] [arguments]

Every command that uses the store takes --db: a SQLite file path (the
default is ./accord.db, created on first use) or a postgres:// URL. The
environment variable ACCORD_DB sets the default.

# accord parse

	accord parse [--format text|json] [--instrument ID] [--meeting M] FILE

Parse reads FILE (.txt in UTF-8, UTF-16 or Windows-1252; .html; .docx; .pdf
through pdftotext from the Debian package poppler-utils), finds the
decisions in it and prints them without storing anything: symbol, title,
kind, instrument and meeting, enacting formula, preamble, operative
paragraphs with their opening verb and class, their items, section
headings, footnotes (re-attached to the paragraph that cites them),
annexes, and the decisions and documents cited. --format json prints the
JSON contract that other tools read (see the corpus README). --instrument
and --meeting say what a text does not say about itself.

# accord ingest

	accord ingest [--db DB] [--instrument ID] [--meeting M] FILE|DIR...

Ingest parses files and stores their decisions. Directories are walked for
.txt, .md, .html, .htm, .docx and .pdf files. Each file is stored in one
transaction: whole or not at all. Re-ingesting a file, or ingesting another
file holding a decision already stored under the same instrument and
symbol, updates the decision in place (ingest at the command line may
change any decision and any source). A file that cannot be read, is
empty, binary, over 32 MB, a PDF without text, or holds no decision is
reported on one line naming it and the reason; the other files still go in
and the exit status is 1. A summary ends the run; on a terminal a progress
bar shows the way.

# accord decisions

	accord decisions list [--db DB] [--instrument ID] [--meeting M] [--year Y] [--kind K] [--format table|csv|json]
	accord decisions show [--db DB] [--instrument ID] [--format text|json] SYMBOL

List prints the stored decisions; show prints one whole. Symbols are matched
without regard to case, spaces or hyphens ("bs iv/6" finds BS-IV/6). A
symbol that two instruments share ("IX/10" of Basel and of the CBD) needs
--instrument.

# accord mandates

	accord mandates list [--db DB] [--instrument ID] [--meeting M] [--symbol S] [--due M] [--status S]
	                     [--actor A] [--mentions WORDS] [--overdue [--as-of DATE]] [--format table|csv|json]
	accord mandates show [--db DB] [--format text|json] ID
	accord mandates set [--db DB] ID [--status S] [--owner NAME] [--note TEXT] [--evidence URL|SYMBOL]... [--why TEXT] [--who NAME]

Ingest turns every directive clause of a decision into a mandate: whom it
asks (the words as written and a canonical actor: secretariat,
executive-secretary, parties, gef, …), what (the action and a deliverable
type: report, study, meeting, cooperation, guidance, capacity-building,
information-exchange, financing, proposal, submission, ratification,
implementation), by when (a meeting resolved against the adopting one:
"at its seventh meeting" of COP-6 is COP-7; or a date), how often, on what
conditions ("subject to the availability of resources") and with whom.

List filters mandates; --actor matches a canonical actor or words of the
addressee; --mentions finds an organization named anywhere in a mandate,
side by side across instruments; --overdue keeps those not completed whose
due meeting has met (its decisions are stored) or whose due date has
passed. Show prints one mandate with its notes, evidence and history, and
the later mandates that may supersede it. Set changes status (open,
in-progress, ongoing, completed, deferred, superseded), owner, notes and
evidence (http(s) URLs or UN document symbols), and records each change
with who, when, from, to and why, in one transaction. Re-ingesting a
decision keeps all of that: a mandate the text no longer holds is kept,
marked, when somebody tracks it.

# accord report

	accord report implementation --instrument ID --meeting M [--format html|markdown|csv|json] [--out FILE]
	accord report asked --instrument ID --meeting M [--format html|markdown|csv|json] [--out FILE]

Implementation drafts the report on implementation a secretariat submits
to the next meeting: per decision of meeting M, per mandate, what was
asked, of whom, by when, its status, what was done and what remains. The
HTML prints on A4, each decision on a page of its own. Asked lists on one
page what the meeting asked of the secretariat.

Stored text is never taken for code by what opens the output: in every
CSV (reports, decisions list, mandates list) a cell that starts like a
spreadsheet formula (= + - @, a tab or a carriage return) is written after
a single quote, and Markdown shows HTML and brackets as text.

# accord actors

	accord actors list [--db DB]
	accord actors add [--db DB] ID NAME...

The actor registry gives each body decisions ask to act one canonical id
with its names, acronyms and aliases. A built-in registry names the common
ones (secretariat, executive-secretary, parties, gef, sbi, unep, fao, …);
add names the others. Ingest resolves addressees against both.

# accord serve

	accord serve [--addr HOST:PORT] [--db DB] [--demo] [--trusted-proxy CIDR,...]
	             [--retain-sessions D] [--retain-uploads D] [--retain-audit D]

Serve runs the JSON API under /api/v1 (decisions with their paragraph
trees, mandates with their evidence and history; filters; cursor
pagination; ETags; gzip; problem+json errors), described by OpenAPI 3.1 at
/api/v1/openapi.json, and /healthz. The address defaults to
127.0.0.1:8080 (ACCORD_ADDR). --demo loads the bundled sample into an
empty store. SIGINT or SIGTERM stops it after the requests under way.

Signed-in editors upload files through the pages: accord shows what it
found, and says at once when the file holds decisions of an instrument the
editor may not change; the decisions are stored on confirmation. Each
account's uploads are sources of its own (named uploads/ID/FILE), so an
upload never replaces another account's file or one ingested at the
command line by its name, and it may add, replace or remove only
decisions of the editor's instruments. An upload left unconfirmed for 24
hours can no longer be confirmed and is deleted (at the next upload, and
hourly).

Every response, pages, API, static files and errors alike, forbids
framing (Content-Security-Policy frame-ancestors 'none', X-Frame-Options
DENY) and type sniffing (X-Content-Type-Options nosniff) and sends other
sites no more than accord's origin (Referrer-Policy
strict-origin-when-cross-origin). Over HTTPS it adds HSTS and the session
cookie is Secure. To serve HTTPS, put accord behind a reverse proxy that
ends TLS and name the proxy's addresses with --trusted-proxy (CIDR
prefixes or addresses, comma-separated; ACCORD_TRUSTED_PROXIES): from
those addresses only, X-Forwarded-Proto: https is believed. Forms posted
from another site are refused with 403, the sign-in form included (it
carries a token that must match a cookie of its own), so no site can sign
a reader in to an account of its choosing; after sign-in, only a path of
accord itself is followed. The access log shows a request whose client
hung up as status 499, "client gone".

Readers who are not signed in (on the API: who send no bearer token) see
"secretariat staff" wherever a mandate's history, evidence or notes name
the person who changed it; signed-in readers see the names. An API
request with a token accord does not know is refused with 401. At start
and every hour, serve purges what the --retain-* flags keep no longer, as
accord purge does.

# accord purge

	accord purge [--db DB] [--retain-sessions D] [--retain-uploads D] [--retain-audit D]

Purge deletes sign-in sessions ended longer than --retain-sessions ago
(ACCORD_RETAIN_SESSIONS; default 0, as soon as they end), uploads left
unconfirmed longer than --retain-uploads (ACCORD_RETAIN_UPLOADS; default
and longest 24h) and, when --retain-audit is set (ACCORD_RETAIN_AUDIT;
default 0, kept whole), audit entries older than it, in one transaction
recorded in the audit log with the counts. Durations are a number and a
unit, s, m, h, d, w or y (365 days): 30d, 24h, 2y.

# accord backup

	accord backup [--db DB] FILE

Backup copies the SQLite store to FILE, which must not exist: a snapshot
of one moment, consistent while accord serve or an ingest writes (SQLite's
VACUUM INTO in one read transaction); FILE appears only once whole. A
PostgreSQL store is backed up with pg_dump (see the README).

# accord restore

	accord restore [--db DB] [--force] FILE

Restore replaces the SQLite store with a backup, after checking that FILE
is an undamaged accord store of a schema version this accord knows (an
older one is migrated after the restore). A store that holds anything is
replaced only with --force. The copy lands whole or not at all and is
recorded in the audit log. Stop accord serve on the store first. A
PostgreSQL store is restored with pg_restore.

# accord users

	accord users add [--db DB] --role admin|editor [--instrument ID]... NAME
	accord users list [--db DB]

Reading needs no account; every write does. Add prints the new account's
token once (only its hash is kept). Admins may change everything and read
the audit log (GET /api/v1/audit); editors may change the mandates of
their instruments. The API takes the token as "Authorization: Bearer
TOKEN"; a write without one is refused with 401, outside the editor's
instruments with 403, and neither changes anything.

# accord demo

	accord demo [--db DB]

Demo ingests the bundled sample, the three documents accord was made from,
and shows what was stored.

Exit status: 0 on success, 1 when the work failed, 2 when the command line
was wrong.
*/
package main
