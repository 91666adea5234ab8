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
annexes, and the decisions and documents cited, and warnings where the
reading is in doubt (paragraphs numbered on after what looked like an
annex heading are kept as operative paragraphs, and said so). --format
json prints the JSON contract that other tools read (see the corpus
README), warnings in "warnings". --instrument and --meeting say what a
text does not say about itself.

# accord ingest

	accord ingest [--db DB] [--instrument ID] [--meeting M] FILE|DIR...

Ingest parses files and stores their decisions. Directories are walked for
.txt, .md, .html, .htm, .docx and .pdf files. Each file is stored in one
transaction: whole or not at all. Re-ingesting a file, or ingesting another
file holding a decision already stored under the same instrument and
symbol, updates the decision in place. A file that cannot be read, is
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

# accord actors

	accord actors list [--db DB]
	accord actors add [--db DB] ID NAME...

The actor registry gives each body decisions ask to act one canonical id
with its names, acronyms and aliases. A built-in registry names the common
ones (secretariat, executive-secretary, parties, gef, sbi, unep, fao, …);
add names the others. Ingest resolves addressees against both.

# accord serve

	accord serve [--addr HOST:PORT] [--db DB] [--demo]

Serve runs the JSON API under /api/v1 (decisions with their paragraph
trees, mandates with their evidence and history; filters; cursor
pagination; ETags; gzip; problem+json errors), described by OpenAPI 3.1 at
/api/v1/openapi.json, and /healthz. The address defaults to
127.0.0.1:8080 (ACCORD_ADDR). --demo loads the bundled sample into an
empty store. SIGINT or SIGTERM stops it after the requests under way.

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
