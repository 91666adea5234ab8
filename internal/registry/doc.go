// Package registry holds accord's bundled registry records: the records
// of the cooperation registry that ship with accord rather than being
// typed in by a secretariat. Today that is the meetings of the governing
// bodies of the instruments accord knows (meetings.csv, read by
// Meetings); organizations, countries and regional centres follow.
//
// Every bundled row names the public address it was read from. A date
// that no source gives is left empty rather than guessed.
//
// The package is data: it must not import the root package accord, a
// store, a driver or net/http, only the standard library, so that any
// part of accord (the stores that load the records, the pages and the
// API that show them, the extractor that resolves "its next meeting")
// can import it without a cycle.
package registry
