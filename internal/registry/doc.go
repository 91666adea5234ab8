// Package registry holds accord's bundled registry records: the records
// of the cooperation registry that ship with accord rather than being
// typed in by a secretariat. Today that is the meetings of the governing
// bodies of the instruments accord knows (meetings.csv, read by
// Meetings); organizations, countries and regional centres follow.
//
// Every bundled row names the public address it was read from. A date
// that no source gives is left empty rather than guessed; where sources
// disagree (scheduled against actual closing days, most often), the row
// keeps its source's dates and its note names the other source.
//
// The governing bodies of Minamata, Basel, Rotterdam, Stockholm, the CBD
// and its Cartagena and Nagoya Protocols and the UNFCCC (COP, CMP, CMA)
// are bundled from their first meeting to their latest held one, which
// the tests check against each body's count. The Montreal Protocol,
// Vienna Convention, CITES, CMS and Ramsar meetings are so far only those
// whose dates were found; their lists are not complete.
//
// The package is data: it must not import the root package accord, a
// store, a driver or net/http, only the standard library, so that any
// part of accord (the stores that load the records, the pages and the
// API that show them, the extractor that resolves "its next meeting")
// can import it without a cycle.
package registry
