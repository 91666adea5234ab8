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

	accord parse [--format text|json] [--instrument ID] [--meeting M]
	             [--max-pages N] [--max-paragraphs N] [--max-text MB] [--pdf-time D] FILE

Parse reads FILE (.txt in UTF-8, UTF-16 or Windows-1252; .html; .docx; .pdf
through pdftotext from the Debian package poppler-utils), finds the
decisions in it and prints them without storing anything: symbol, title,
kind, instrument and meeting, enacting formula, preamble, operative
paragraphs with their opening verb and class, their items, section
headings, footnotes (re-attached to the paragraph that cites them),
annexes, and the decisions and documents cited, and warnings where the
reading is in doubt (paragraphs numbered on after what looked like an
annex heading are kept as operative paragraphs, and said so). --format
json prints the JSON contract that other tools read (see the corpus
README), warnings in "warnings". In it, as in every JSON accord prints
and in the API, "verb" is the verb phrase as written ("Also requests") and
"lemma" its normalized verb ("request"). --instrument and --meeting say what a
text does not say about itself. Formats accord does not read are named with what to do: a .doc, .odt or .rtf is to be
saved as .docx or PDF; a spreadsheet or presentation (.xls, .xlsx, .ods,
.ppt, .pptx, .odp) is no decision text; a .zip is to be unzipped. The
contents tell as well as the name (a .doc renamed .txt is still a .doc).

A DOCX is a zip and a PDF may draw many pages from one stream, so a small
file can expand to gigabytes. Reading a file is bounded, and a file past a
bound is refused with an error naming it: a DOCX part may unzip to 16 MB
and a DOCX hold 50,000 paragraphs (--max-paragraphs); a PDF may have 1,000
pages (--max-pages, counted by pdfinfo before any text is extracted); a
DOCX or PDF may yield 8 MB of text (--max-text); pdftotext and pdfinfo
run for at most a minute each (--pdf-time, wall clock and CPU) with 1 GB
of address space, in a process group of their own that is killed whole
when the time is up or the command is interrupted. The upload page keeps
the defaults and answers 413 to a file past them.

# accord ingest

	accord ingest [--db DB] [--instrument ID] [--meeting M]
	              [--max-pages N] [--max-paragraphs N] [--max-text MB] [--pdf-time D] FILE|DIR...

Ingest parses files and stores their decisions. Directories are walked for
.txt, .md, .html, .htm, .docx and .pdf files (and .doc, .odt and .rtf,
which are reported as to be saved as .docx or PDF); names starting with a
dot are left out. Each file is stored in one
transaction: whole or not at all. Re-ingesting a file, or ingesting another
file holding a decision already stored with the same content (its
normalized text, whatever the file's name or format) or under the same
instrument and symbol, updates the decision in place (ingest at the command
line may change any decision and any source). What people corrected of a
decision or a mandate (see accord serve) is kept: the correction wins over
what is parsed. The other files of a directory
(README, SOURCES, LICENSE, data and scripts), and those of it that are
empty or hold no decision, are skipped: each with a warning on one line,
all named in the summary, and the exit status stays 0. A file that looks
like a decision but cannot be read (binary, broken, over 32 MB, past the
limits of reading, see accord parse; a PDF without text; a .doc, .odt,
.rtf), or a file named on the command line that is empty or holds no
decision, is reported on one line naming it and the reason; the other
files still go in and the exit status is 1. A summary ends the run; on a
terminal a progress bar shows the way.
Several ingests, and the pages and API, may write to one store at once; a
file whose writing collides with others' as often as it is tried is
reported as busy, stores nothing, and can be ingested again.

# accord decisions

	accord decisions list [--db DB] [--instrument ID] [--meeting M] [--year Y] [--kind K] [--format table|csv|xlsx|json]
	accord decisions show [--db DB] [--instrument ID] [--format text|json] SYMBOL

List prints the stored decisions; show prints one whole. Symbols are matched
without regard to case, spaces, hyphens, brackets or parentheses ("bs
iv/6" finds BS-IV/6, "MC-6/--" the draft MC-6/[--]). A symbol that two
instruments share ("IX/10" of Basel and of the CBD) needs --instrument. A
symbol stored nowhere is answered with the nearest stored ones, those of
the same meeting first ("no decision MC-6/3; did you mean MC-6/[--]?").
As a filter, --instrument (here, of mandates list and of the
API and pages) takes an instrument's id or its name in any case: minamata,
Minamata, "Minamata Convention on Mercury".

# accord mandates

	accord mandates list [--db DB] [--instrument ID] [--meeting M] [--symbol S] [--due M] [--status S]
	                     [--actor A] [--body B] [--owner NAME] [--checked yes|no] [--mentions WORDS]
	                     [--overdue [--as-of DATE]] [--sort decision|due|status|actor] [--format table|csv|xlsx|json]
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
addressee, and an actor of a group gathers its members: the secretariat
is also its Executive Secretary and "the secretariats", and for Basel,
Rotterdam and Stockholm the joint secretariat of the three, whose
decisions it then lists together (--actor secretariat --instrument basel,
or --actor brs-secretariat); --body keeps what a body adopted (COP,
COP-MOP, …); --owner what a person owns; --checked yes what a person
checked or corrected, no what nobody has; --sort orders by due (dates,
then meetings, then none), decision (the default), status or actor, a
leading - reversing it; --mentions finds an organization named anywhere in a mandate,
side by side across instruments; --overdue keeps those not completed whose
due meeting has met (its meeting record has opened, or its decisions are
stored) or whose due date has passed. Show prints one mandate with its notes, evidence and history, and
the later mandates that may supersede it. Set changes status (open,
in-progress, ongoing, completed, deferred, superseded), owner, notes and
evidence (http(s) URLs or UN document symbols), and records each change
with who, when, from, to and why, in one transaction. Re-ingesting a
decision keeps all of that: a mandate the text no longer holds is kept,
marked, when somebody tracks it.

# accord report

	accord report implementation --instrument ID --meeting M [--format html|markdown|csv|xlsx|json] [--out FILE]
	accord report asked --instrument ID --meeting M [--format html|markdown|csv|xlsx|json] [--out FILE]

Implementation drafts the report on implementation a secretariat submits
to the next meeting: per decision of meeting M, per mandate, what was
asked, of whom, by when, its status, what was done and what remains. The
HTML prints on A4, each decision on a page of its own; the CSV's last
column, due_date, is the day or year a deadline resolves to. Asked lists
on one page what the meeting asked of the secretariat. The same report is
a page of accord serve (/report).

Stored text is never taken for code by what opens the output: in every
CSV (reports, decisions list, mandates list) a cell that starts like a
spreadsheet formula (= + - @, a tab or a carriage return) is written after
a single quote, and Markdown shows HTML and brackets as text. --format xlsx
writes the same rows as an Excel workbook to standard output (redirect it
to a file, or give report --out): a frozen header row, dates as dates, and
every text as text, never a formula.

# accord actors

	accord actors list [--db DB]
	accord actors add [--db DB] ID NAME...

The actor registry gives each body decisions ask to act one canonical id
with its names, acronyms and aliases. A built-in registry names the common
ones (secretariat, executive-secretary, parties, sbi, …); the organizations
(unep, fao, gef, iomc, …: accord export organizations lists them, accord
import organizations adds and changes them) are actors by their ids, names,
acronyms and aliases; add names the others. Ingest resolves addressees
against all three, and keeps with each mandate the organizations it names,
"the Programme" read as the organization of that noun named before it.

# accord import and accord export

	accord import [--db DB] [--format csv|json] [--skip-invalid] TYPE FILE
	accord export [--db DB] [--format csv|json|ics] [-o FILE] TYPE

The registry's records (meetings, documents, organizations, countries,
focal points, regional centres, …) come in and go out as CSV or JSON, in
the columns a secretariat's published lists use; accord import TYPE
--help lists each type's columns. Records are matched by their natural
key, so importing a file twice changes nothing. A file with any invalid
cell stores nothing and every problem is named by row and column;
--skip-invalid stores the valid rows and lists the skipped ones. Meetings
export as iCalendar too.

The Parties are four types: memberships (a country's signature, consent to
be bound and withdrawal, by country and instrument), focal-points (by
country, instrument, role and name: national focal point, designated
national authority, competent authority, official contact point, BCH, ABS
or Global Framework focal point), coordination (the institutions that
coordinate a country's work under several instruments) and centres (the
regional centres; the 22 bundled ones are loaded when a store is opened,
and a centre a person changed or deleted stays so). Countries are given by
ISO 3166-1 code or name, instruments by id or name, roles by id, name or
abbreviation (NFP, DNA, CNA).

The type arrangements ties an instrument to an organization; its mandates
column names the mandates that asked for it, separated by "|", each by
number or by decision and paragraph ("MC-6/[--] ¶ 5|12"). A paragraph
with no stored mandate is named by row and column; export writes a
paragraph whose every mandate the arrangement names that way, and the
number of any other mandate.

The type instruments (id, short, name, bodies, parent, website, groups,
source) starts with the instruments accord bundles: the conventions,
their Protocols (parent: cbd for cartagena, vienna for montreal), the
codes of their governing bodies (COP, COP-MOP, MOP, CMA, CMP, UNEA) and
the joint instrument brs, which groups basel, rotterdam and stockholm. An
instrument imported is named on every page and filter at once; a file
may add a Protocol and its Convention together.

	accord export instruments > instruments.csv
	accord import instruments instruments.csv

The types bodies (the governing and subsidiary bodies of each instrument:
id, instrument, code, name, kind, source, note) and meetings (id,
instrument, body, number, kind, joint_with, start, end, city, country,
source, note) start with the bodies and meetings accord bundles, each row
with the address it was read from, loaded when the store opens; a record
a person imported, changed or deleted keeps that change when a newer
accord bundles others. A decision whose text prints no year takes its
meeting's, and a deadline at a meeting ("at its seventh meeting", COP-7)
falls on the day the meeting's record says it opens.

	accord export meetings --format ics > meetings.ics

# accord serve

	accord serve [--addr HOST:PORT] [--db DB] [--demo] [--trusted-proxy CIDR,...] [limits]
	             [--session-max-age 12h] [--session-idle 2h]
	             [--oidc-issuer URL --oidc-client-id ID --oidc-redirect-url URL --oidc-roles MAPPING]
	             [--oidc-scopes openid,profile,email] [--oidc-role-claim groups] [--oidc-name-claim preferred_username]
	             [--retain-sessions D] [--retain-uploads D] [--retain-audit D]

Serve runs the JSON API under /api/v1 (decisions with their paragraph
trees, mandates with their evidence and history, documents by symbol
with the decisions citing them, meetings and bodies; filters; cursor
pagination; ETags; gzip; problem+json errors), described by OpenAPI 3.1 at
/api/v1/openapi.json, the HTML pages, and /healthz. Every list is shown a
page at a time (a hundred decisions, mandates or audit entries, twenty
search hits) with links to the pages beside it; a decision of thousands of
paragraphs is shown over several pages, each paragraph with up to ten of
its mandates. A page has ten seconds to be made (else 503) and stops when
its client hangs up. The decisions list filters by instrument, meeting,
year, kind and words of symbol or title (a word or its beginning:
"MC-6" finds MC-6/3, "coop" cooperation); the mandate board's filters are
lists of what is stored (instrument and body by name, actor by name with
its count, status, due meeting, overdue, owner, checked by a person or
not) and its columns sort (?sort=due, -due, status, actor, decision; on
a phone, by the filter form's "Sort by"), the sort kept by its pages and
downloads. A signed-in person's
/mandates/mine lists what is asked of the secretariat of their
instruments and not done, overdue first, then by due date and meeting,
and the mandates they own. Each list downloads, with the filters of its page, as
CSV and as Excel (/decisions.csv, /mandates.xlsx?status=open,
/search.csv?q=…, /audit.xlsx for admins): every row that matches, up to
100,000 (20,000 search hits), after which a last row says the list was
cut; a download has two minutes. /report drafts the report on
implementation of a meeting, its instrument, meeting and addressee chosen
from what is stored, and downloads it as HTML for A4, Markdown, CSV and
Excel (/report.xlsx?instrument=minamata&meeting=COP-6). /meetings lists
the meetings by instrument, body and year, /meetings/calendar shows them by
month or as a list with the same filters, warning of meetings whose dates
overlap or that sit in one city within a week, and a meeting's page lists
the mandates due at it, the decisions it adopted and the documents
registered for it; editors of its
instrument add a meeting from the list and correct or delete it on its
page. The registry's other records change on their pages too, each by
whoever may: on a country's page the editors of an instrument its
memberships and focal points, and an editor of every instrument a
national coordination names that coordination; on an organization's page
its arrangements (their mandates named "MC-6/[--] ¶ 5" or by number);
centres on /centres and their pages; organizations by admins and editors
of every instrument. Each change is in the audit log (/audit), read as a
sentence with what changed before and after. /meetings.ics?instrument=minamata&body=COP
and /mandates.ics?instrument=minamata&actor=secretariat are iCalendar
feeds of the meetings and of the dated deadlines of mandates not done, one
event each with a UID that stays the same from one download to the next. Excel files have a
frozen header row, set column widths, dates as dates and every text as
text, never a formula. Every page prints without its navigation, forms,
buttons and downloads, each link written out after its text. The address defaults to
127.0.0.1:8080 (ACCORD_ADDR). --demo loads the bundled sample into an
empty store. SIGINT or SIGTERM stops it after the requests under way.

A web session, made by signing in, ends --session-max-age (12h) after the
sign-in or when no request came for --session-idle (2h); a removed
account's sessions end at once.

With --oidc-issuer, people also sign in with the organization's identity
provider by OpenID Connect: accord is a confidential client of the
provider (--oidc-client-id, and its secret in ACCORD_OIDC_CLIENT_SECRET
or --oidc-client-secret) whose redirect URL is the site's
/signin/oidc/callback (--oidc-redirect-url). The flow is the
authorization code flow with state, nonce and PKCE. The values of the
claim --oidc-role-claim (groups by default, read from the ID token or
else from the user info; add the scope that brings it with
--oidc-scopes when the provider wants one) give the role:
--oidc-roles accord-admin=admin,accord-minamata=editor:minamata,accord-chem=editor:basel+rotterdam
maps each value to admin, or to editor of some instruments (of all when
none is named); several values give the widest. A sign-in whose values
map to nothing is refused. The first sign-in makes the account, named by
the claim --oidc-name-claim (preferred_username, else email); later ones
bring its role and instruments up to what the provider says. An account
of that name that signs in with a token is not taken over. Every flag
has an ACCORD_* variable (ACCORD_OIDC_ISSUER, ACCORD_OIDC_ROLES, …).

Signed-in editors upload files through the pages: accord shows what it
found, and says at once when the file holds decisions of an instrument the
editor may not change; the decisions are stored on confirmation. Each
account's uploads are sources of its own (named uploads/ID/FILE), so an
upload never replaces another account's file or one ingested at the
command line by its name, and it may add, replace or remove only
decisions of the editor's instruments. An upload left unconfirmed for 24
hours can no longer be confirmed and is deleted (at the next upload, and
hourly). The preview says of each decision already stored that it is
("already stored as …") and what would change: counts of paragraphs and
mandates and the paragraphs added, changed or removed.

Editors correct what the parser got wrong, within their instruments: a
decision's symbol, title, kind, instrument, meeting, year of adoption and
the address of its official document, from its page or with PATCH
/api/v1/decisions/{id}; a mandate's addressees, action, deadline and
deliverable, from its page or with PATCH /api/v1/mandates/{id}. Each
correction is audited with the values before and after, is kept when the
file is ingested again, and is shown on the page with who made it and what
was read. A corrected mandate is checked by a person: its page, the
decision's page, the mandate board, the API (checked_by) and the reports
say so.

Every response, pages, API, static files and errors alike, forbids
framing (Content-Security-Policy frame-ancestors 'none', X-Frame-Options
DENY) and type sniffing (X-Content-Type-Options nosniff) and sends other
sites no more than accord's origin (Referrer-Policy
strict-origin-when-cross-origin). Over HTTPS it adds HSTS and the session
cookie is Secure. To serve HTTPS, put accord behind a reverse proxy that
ends TLS and name the proxy's addresses with --trusted-proxy (CIDR
prefixes or addresses, comma-separated; ACCORD_TRUSTED_PROXIES): from
those addresses only, X-Forwarded-Proto: https is believed, and
X-Forwarded-For names the client that the limits below count. Forms posted
from another site are refused with 403, the sign-in form included (it
carries a token that must match a cookie of its own), so no site can sign
a reader in to an account of its choosing; after sign-in, only a path of
accord itself is followed. The access log shows a request whose client
hung up as status 499, "client gone".

Serve keeps each client within limits, counted in memory per process and
per client address (the connection's), and per account where a request
carries a token or a session:

	--rate-signin 10/m     sign-in attempts per address (ACCORD_RATE_SIGNIN)
	--rate-token 120/m     API requests with a token, per address and per account (ACCORD_RATE_TOKEN)
	--rate-search 120/m    searches (pages and API) per address (ACCORD_RATE_SEARCH)
	--rate-upload 20/m     uploads and confirmations per address and per account (ACCORD_RATE_UPLOAD)
	--lockout 10/15m       failed sign-ins or unknown tokens that lock an address out (ACCORD_LOCKOUT)
	--max-searches N       searches at once, one a core (at least 2) by default (ACCORD_MAX_SEARCHES)
	--max-uploads 2        uploads parsed at once (ACCORD_MAX_UPLOADS)
	--shed-wait 100ms      how long a search or upload waits for a place (ACCORD_SHED_WAIT)
	--search-timeout 800ms how long a search may take, its wait included (ACCORD_SEARCH_TIMEOUT)
	--upload-timeout 50s   how long an upload may take (ACCORD_UPLOAD_TIMEOUT)
	--page-timeout 30s     how long any other request may take (ACCORD_PAGE_TIMEOUT)

A rate N/m lets N requests come at once, then one every minute/N; 0 turns
a limit off. A client past its rate is answered 429 Too Many Requests with
Retry-After (the seconds until it may ask again). After 10 failed sign-ins
or requests with an unknown token within 15 minutes, an address may
neither sign in nor use a token, even a good one, for 15 minutes (429 with
Retry-After), and the lockout is in the audit log. A search or upload that
finds no place within --shed-wait, or does not finish within its timeout,
is answered 503 Service Unavailable with Retry-After, as is any request
still at work after --page-timeout: the server sheds what it cannot serve
in time rather than queuing it. Behind a reverse proxy, name it with
--trusted-proxy: every request then comes from the proxy's address, and
the client is read from X-Forwarded-For (from its end, past the trusted
proxies), so each client is limited apart; X-Forwarded-For from any other
sender is ignored. The server also bounds each connection: 10 s to send the request's
headers, 30 s to send it whole, 60 s to write the answer, 120 s idle
between requests.
Readers who are not signed in (on the API: who send no bearer token) see
"secretariat staff" wherever a mandate's history, evidence or notes name
the person who changed it; signed-in readers see the names. An API
request with a token accord does not know is refused with 401. At start
and every hour, serve purges what the --retain-* flags keep no longer, as
accord purge does.

# accord purge

	accord purge [--db DB] [--retain-sessions D] [--retain-uploads D] [--retain-audit D]

Purge deletes sign-in sessions ended (past their expiry or left idle)
longer than --retain-sessions ago (ACCORD_RETAIN_SESSIONS; default 0, as
soon as they end; a sign-in also deletes those past their expiry), uploads left
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

	accord users add [--db DB] --role admin|editor [--instrument ID]... [--expires 90d] NAME
	accord users list [--db DB]
	accord users remove [--db DB] NAME

Reading needs no account; every write does. Add prints the new account's
token once (only its hash and its first characters, such as acc_AbCdEfGh,
are kept); it expires after --expires (30d, 36h, 90m; 90 days by
default). Admins may change everything and read the audit log (GET
/api/v1/audit); editors may change the mandates of their instruments, and
those of a joint instrument that groups one of them (an editor of basel
edits brs's, whose joint secretariat serves Basel, Rotterdam and
Stockholm). Only admins add and change instruments. The
API takes the token as "Authorization: Bearer TOKEN"; a write without one
is refused with 401, with one expired or revoked with 401 saying so,
outside the editor's instruments with 403, and none changes anything.

List shows each account's role and instruments, whether it signs in with
a token or the identity provider or was removed, and its live tokens
with their expiry. Remove revokes all of an account's tokens and ends its
sessions at once; the account stays listed as removed, its name is not
given again, and what it did stays in the audit log and the mandates'
history.

# accord tokens

	accord tokens add [--db DB] [--expires 90d] NAME
	accord tokens list [--db DB] [--user NAME]
	accord tokens revoke [--db DB] ID|PREFIX
	accord tokens revoke [--db DB] --user NAME

Add gives an account another token (to replace one about to expire, or
one per device). Revoke stops a token at once, named by its id, by its
first characters (acc_ and 8 or more; the whole token will do), or all of
an account's with --user; web sessions signed in with a revoked token end
with it. New tokens, revocations, removals, sign-ins and sign-outs are in
the audit log.

# accord demo

	accord demo [--db DB]

Demo ingests the bundled sample, the three documents accord was made from,
and shows what was stored.

# accord version

	accord version
	accord --version

Version prints what the Go toolchain recorded in the binary: the module
version, the commit and its time with whether the checkout held
uncommitted changes (when built from a version-control checkout), and the
Go version, system and architecture that built it.

A mistyped command, subcommand or flag is refused with the nearest ones
named ("unknown flag --overdu; did you mean --overdue?").

Exit status: 0 on success, 1 when the work failed, 2 when the command line
was wrong.
*/
package main
