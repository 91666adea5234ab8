// Package registry holds accord's bundled registry records: the records
// of the cooperation registry that ship with accord rather than being
// typed in by a secretariat: the meetings of the governing bodies of the
// instruments accord knows (meetings.csv, read by Meetings) and the
// governing and subsidiary bodies that hold them (bodies.csv, read by
// Bodies), the organizations decisions name (organizations.csv), the Basel and
// Stockholm regional centres (centres.csv) and the ISO 3166-1 countries
// with the UN regional groups (countries.csv). The instruments themselves
// are bundled by the root package (accord.BundledInstruments), since the
// parser names them before any store is open.
//
// Every bundled row names the public address it was read from. A date
// that no source gives is left empty rather than guessed; where sources
// disagree (scheduled against actual closing days, most often), the row
// keeps its source's dates and its note names the other source.
//
// The governing bodies of Minamata, Basel, Rotterdam, Stockholm, the CBD
// and its Cartagena and Nagoya Protocols, the UNFCCC (COP, CMP, CMA), the
// Montreal Protocol, the Vienna Convention, CITES, CMS and Ramsar are
// bundled from their first meeting to their latest held one, which the
// tests check against each body's count, extraordinary meetings
// included. A row whose
// dates no searched source gave has no dates and a note saying so, as the
// Minamata COP-7 has until its dates are announced.
//
// Every accessor (Meetings, Organizations, Centres, Countries) returns the
// error of a file that does not parse, naming its row and column, rather
// than panicking; the tests check that each embedded file parses.
//
// Meetings and bodies are checked by their own Check, which names the
// column at fault. The package is data: it returns the root package's
// record types (accord.Meeting, accord.Body, accord.Organization,
// accord.Country, accord.RegionalGroup, accord.Centre) and must import
// nothing else of accord's, no store, driver or net/http, only the
// standard library, so that any part of accord but the root package (the
// stores that load the records, the pages and the API that show them)
// can import it without a cycle.
package registry
