package api

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/accordmea/accord"
)

// citedListed is how many citing decisions a document's or a decision's
// cited-by lists at most.
const citedListed = 1000

// documentOut is a document record as the API gives it.
type documentOut struct {
	ID         int64     `json:"id"`
	Symbol     string    `json:"symbol"`
	Key        string    `json:"key"`
	Title      string    `json:"title"`
	Instrument string    `json:"instrument"`
	Meeting    string    `json:"meeting"`
	AgendaItem string    `json:"agenda_item"`
	Date       string    `json:"date"`
	Languages  []string  `json:"languages"`
	URL        string    `json:"url"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
	UpdatedBy  string    `json:"updated_by"`
}

func document(d accord.Document) documentOut {
	langs := d.Languages
	if langs == nil {
		langs = []string{}
	}
	return documentOut{ID: d.ID, Symbol: d.Symbol, Key: d.Key, Title: d.Title, Instrument: d.Instrument, Meeting: d.Meeting,
		AgendaItem: d.AgendaItem, Date: d.Date, Languages: langs, URL: d.URL, Created: d.Created, Updated: d.Updated, UpdatedBy: d.UpdatedBy}
}

// symbolOut is a document symbol read into its parts.
type symbolOut struct {
	Series     string   `json:"series"`
	Body       string   `json:"body"`
	Session    string   `json:"session"`
	Kind       string   `json:"kind"`
	Number     string   `json:"number"`
	Parts      []string `json:"parts"`
	Instrument string   `json:"instrument"` // of its series, "" when unknown
	MeetingID  string   `json:"meeting_id"` // the meeting record it names, "" when none
}

// citationOut is a decision citing a document or a decision.
type citationOut struct {
	Cited    string          `json:"cited"`
	Decision decisionSummary `json:"decision"`
}

func citations(cs []accord.Citation) []citationOut {
	out := make([]citationOut, 0, len(cs))
	for _, c := range cs {
		out = append(out, citationOut{Cited: c.Cited, Decision: summary(c.By)})
	}
	return out
}

// documentDetail is what accord knows of a document: its record, or a
// stub when it is cited but not registered.
type documentDetail struct {
	Registered bool          `json:"registered"`
	Document   *documentOut  `json:"document"` // null for a stub
	Symbol     string        `json:"symbol"`
	Key        string        `json:"key"`
	Parts      *symbolOut    `json:"parts"` // null when the symbol does not read as one
	CitedBy    []citationOut `json:"cited_by"`
	// CitedByMore says more decisions cite it than cited_by lists.
	CitedByMore bool `json:"cited_by_more"`
	// MeetingURL is the meeting record the document's record names, ""
	// when it names none that is stored.
	MeetingURL string `json:"meeting_url"`
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "instrument", "meeting", "q", "limit", "cursor")
	if err != nil {
		return err
	}
	limit, after, err := page(q, "doc")
	if err != nil {
		return err
	}
	f := accord.DocumentFilter{Instrument: q.Get("instrument"), Meeting: q.Get("meeting"), Text: q.Get("q"), After: after, Limit: limit + 1}
	if f.Instrument != "" {
		in, ok := accord.LookupInstrument(f.Instrument)
		if !ok {
			return badRequest("instrument %q: not one accord knows", f.Instrument)
		}
		f.Instrument = in.ID
	}
	f.ByID = true // the order of the cursor
	ds, err := s.store.Documents(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, r, pageOf(ds, limit, "doc", func(d accord.Document) int64 { return d.ID }, document))
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	found, err := accord.FindDocument(r.Context(), s.store, r.PathValue("ref"), citedListed)
	if err != nil {
		return err
	}
	out := documentDetail{Registered: found.Registered, Symbol: found.Document.Symbol, Key: found.Document.Key,
		CitedBy: citations(found.CitedBy), CitedByMore: found.More}
	if found.Registered {
		d := document(found.Document)
		out.Document = &d
		if d.Meeting != "" {
			m, err := accord.FindMeeting(r.Context(), s.store, d.Meeting)
			if err == nil {
				out.MeetingURL = "/api/v1/meetings/" + url.PathEscape(m.ID)
			} else if !errors.Is(err, accord.ErrNotFound) {
				return err
			}
		}
	}
	if sym := found.Symbol; sym != nil {
		parts := sym.Parts
		if parts == nil {
			parts = []string{}
		}
		inst, _ := sym.Issuer()
		out.Parts = &symbolOut{Series: sym.Series, Body: sym.Body, Session: sym.Meeting, Kind: sym.Kind, Number: sym.Number, Parts: parts,
			Instrument: inst, MeetingID: sym.MeetingID()}
	}
	return writeJSON(w, r, out)
}

// documentIn is the body of POST /documents: a document to register, or
// the new fields of the record of its symbol.
type documentIn struct {
	Symbol     string   `json:"symbol"`
	Title      string   `json:"title"`
	Instrument string   `json:"instrument"`
	Meeting    string   `json:"meeting"`
	AgendaItem string   `json:"agenda_item"`
	Date       string   `json:"date"`
	Languages  []string `json:"languages"`
	URL        string   `json:"url"`
}

// putDocument registers a document, or changes the record of its symbol,
// for an account that may edit its instrument, and returns the record
// as stored (a record sent as stored changes nothing).
func (s *Server) putDocument(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	u, err := s.user(w, r)
	if err != nil {
		return err
	}
	var in documentIn
	if err := readJSON(r, "a document", &in); err != nil {
		return err
	}
	stored, _, err := s.store.PutDocuments(r.Context(), []accord.Document{{Symbol: in.Symbol, Title: in.Title,
		Instrument: in.Instrument, Meeting: in.Meeting, AgendaItem: in.AgendaItem, Date: in.Date, Languages: in.Languages, URL: in.URL}}, accord.DocumentEdit{Who: u.Name, By: &u})
	if err != nil {
		return err
	}
	return writeJSON(w, r, document(stored[0]))
}

// deleteDocument deletes a document record; the audit log keeps it.
func (s *Server) deleteDocument(w http.ResponseWriter, r *http.Request) error {
	id, err := idOnly(r)
	if err != nil {
		return err
	}
	u, err := s.user(w, r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteDocument(r.Context(), id, accord.DocumentEdit{Who: u.Name, By: &u}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// citedBy lists the decisions that cite a decision.
func (s *Server) citedBy(w http.ResponseWriter, r *http.Request) error {
	id, err := idOnly(r)
	if err != nil {
		return err
	}
	cs, err := s.store.CitedBy(r.Context(), accord.CitesDecision, strconv.FormatInt(id, 10), citedListed+1)
	if err != nil {
		return err
	}
	out := struct {
		Items []citationOut `json:"items"`
		More  bool          `json:"more"`
	}{More: len(cs) > citedListed}
	if out.More {
		cs = cs[:citedListed]
	}
	out.Items = citations(cs)
	return writeJSON(w, r, out)
}
