package accord

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Document is a document of the United Nations system a meeting issued
// or a decision cites, registered under its symbol ("UNEP/MC/COP.6/INF/28").
// A cited symbol that no record holds is still a document: its page says
// it is not registered yet and lists what cites it.
type Document struct {
	ID     int64  `json:"id,omitempty"`
	Symbol string `json:"symbol"` // as the secretariat prints it
	// Key is the symbol normalized for matching (SymbolKey): the same
	// document cited as "UNEP/MC/COP 6/INF/28" has the same key.
	Key        string `json:"key"`
	Title      string `json:"title,omitempty"`
	Instrument string `json:"instrument,omitempty"` // whose editors may change it
	// Meeting is the id of the meeting record it was issued for
	// ("minamata-COP-6"), kept as written when no such record exists yet.
	Meeting    string    `json:"meeting,omitempty"`
	AgendaItem string    `json:"agenda_item,omitempty"` // "4 (b)", as the agenda numbers it
	Date       string    `json:"date,omitempty"`        // of issue, YYYY-MM-DD
	Languages  []string  `json:"languages,omitempty"`   // BCP 47 tags: "en", "fr", "zh"
	URL        string    `json:"url,omitempty"`         // where the official text is
	Created    time.Time `json:"created,omitzero"`
	Updated    time.Time `json:"updated,omitzero"`
	UpdatedBy  string    `json:"updated_by,omitempty"`
}

// DocumentFilter selects documents in DocumentStore.Documents. Zero
// fields match all.
type DocumentFilter struct {
	Instrument string
	Meeting    string
	// Text keeps documents whose symbol or title holds these words, in
	// any case.
	Text   string
	Limit  int
	Offset int
	// ByID orders by id instead of by symbol, and After keeps ids above
	// it: the order and cursor of the API.
	ByID  bool
	After int64
}

// DocumentEdit says who adds, changes or deletes a document record.
type DocumentEdit struct {
	Who string
	// By is the account that edits, when it is one: it must be able to
	// edit the document's instrument (before and after the change).
	// The command line leaves it nil and may change every record.
	By *User
}

// CitationKind is what a citation points at.
type CitationKind string

// The kinds of citation.
const (
	CitesDocument CitationKind = "document"
	CitesDecision CitationKind = "decision"
)

// Citation is one decision citing a document or another decision, as its
// text cites it.
type Citation struct {
	Kind  CitationKind `json:"kind"`
	Cited string       `json:"cited"` // as cited: "UNEP/MC/COP.6/INF/28", "BS-II/6"
	// Instrument is the cited decision's, when the citing text tells.
	Instrument string `json:"instrument,omitempty"`
	// By is the citing decision: id, symbol, title, instrument, meeting
	// and year only.
	By Decision `json:"by"`
}

// DocumentStore keeps document records and the citations ingest records
// of every decision, so that what cites a document or a decision is one
// indexed read.
type DocumentStore interface {
	// PutDocuments adds the documents whose symbol key no record holds
	// and changes the others, in one transaction: all or none. A record
	// whose fields are all as given is left as it is, so that storing
	// the same list twice changes nothing. It returns the records as
	// stored, in order, and how many it added, changed and left.
	PutDocuments(ctx context.Context, docs []Document, e DocumentEdit) ([]Document, ImportCounts, error)
	// DeleteDocument deletes a document record; the audit log keeps its
	// content. Citations of its symbol stay, and its page becomes a stub.
	DeleteDocument(ctx context.Context, id int64, e DocumentEdit) error
	// Document returns the record of the document whose symbol has the
	// key of symbol.
	Document(ctx context.Context, symbol string) (Document, error)
	// DocumentByID returns the document record with the given id.
	DocumentByID(ctx context.Context, id int64) (Document, error)
	// Documents lists document records by symbol key.
	Documents(ctx context.Context, f DocumentFilter) ([]Document, error)
	// CitedBy lists the decisions that cite a document (by the key of
	// its symbol) or a decision (by its id), by instrument, meeting and
	// symbol of the citing decision. A decision citation whose instrument
	// the citing text did not tell counts for every decision of its
	// symbol.
	CitedBy(ctx context.Context, kind CitationKind, target string, limit int) ([]Citation, error)
}

// MaxDocumentText bounds the length of a document record's text fields.
const MaxDocumentText = 2000

// Check returns an error wrapping ErrInvalid that names the field of d at
// fault, and sets d.Key from d.Symbol, with spaces tidied.
func (d *Document) Check() error {
	d.Symbol = strings.Join(strings.Fields(d.Symbol), " ")
	sym, err := ParseSymbol(d.Symbol)
	if err != nil {
		return fmt.Errorf("symbol: %w", err)
	}
	d.Key = sym.Key()
	for _, f := range []struct{ name, v string }{{"title", d.Title}, {"meeting", d.Meeting}, {"agenda_item", d.AgendaItem}, {"url", d.URL}} {
		if len(f.v) > MaxDocumentText {
			return fmt.Errorf("%s: %w: longer than %d bytes", f.name, ErrInvalid, MaxDocumentText)
		}
	}
	d.Title, d.Meeting, d.AgendaItem, d.URL = strings.TrimSpace(d.Title), strings.TrimSpace(d.Meeting), strings.TrimSpace(d.AgendaItem), strings.TrimSpace(d.URL)
	if d.Instrument != "" {
		in, ok := LookupInstrument(d.Instrument)
		if !ok {
			return fmt.Errorf("instrument: %w: %q is no instrument accord knows", ErrInvalid, d.Instrument)
		}
		d.Instrument = in.ID
	}
	if d.Date != "" {
		if _, err := time.Parse(time.DateOnly, d.Date); err != nil {
			return fmt.Errorf("date: %w: %q is not a date written YYYY-MM-DD", ErrInvalid, d.Date)
		}
	}
	for i, l := range d.Languages {
		if !languageRE.MatchString(l) {
			return fmt.Errorf("languages: %w: %q is not a language tag such as en, fr or zh-Hans", ErrInvalid, l)
		}
		d.Languages[i] = strings.ToLower(l[:2]) + l[2:]
	}
	if d.URL != "" && !strings.HasPrefix(d.URL, "https://") && !strings.HasPrefix(d.URL, "http://") {
		return fmt.Errorf("url: %w: %q is not an http or https address", ErrInvalid, d.URL)
	}
	return nil
}

// languageRE matches the BCP 47 tags documents are issued in: a language
// of two or three letters, with a script or region ("zh-Hans", "es-419").
var languageRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// Symbol is a UN document symbol read into its parts:
// "UNEP/MC/COP.6/INF/3/Add.1" is series UNEP, body MC/COP, meeting 6,
// kind INF, number 3, and Add.1.
type Symbol struct {
	Series  string // "UNEP", "FCCC", "CBD", "ICCD", "A", "CITES"
	Body    string // "MC/COP", "FAO/RC/COP", "OzL.Pro", "PA/CMA", "CoP"; "" when none
	Meeting string // the session: "6", "2023" (UNFCCC years), "75" (General Assembly); roman numerals as arabic
	Kind    string // "INF", "CRP", "L", "DEC", "RES", "MISC", "WP", "TP", "Doc", "Inf"; "" for a main document
	Number  string // "3", "271", "12.1"
	// Parts are the revisions, addenda and corrigenda, in order:
	// "Add.1", "Rev.2", "Corr.1".
	Parts []string
}

// symbolKinds are the parts of a symbol that say what kind of document it
// is rather than which body issued it: information documents, conference
// room papers, limited distribution (drafts), decisions and resolutions,
// miscellaneous submissions, working papers and technical papers.
var symbolKinds = map[string]string{
	"INF": "INF", "CRP": "CRP", "L": "L", "DEC": "DEC", "RES": "RES",
	"MISC": "MISC", "WP": "WP", "TP": "TP",
}

var (
	// symbolPartRE is what a part of a symbol holds: letters, digits,
	// dots, hyphens and a session in brackets ("COP(16)").
	symbolPartRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.\-() ]*$`)
	// amendRE is an addendum, revision, corrigendum or amendment.
	amendRE = regexp.MustCompile(`^(?i)(add|rev|corr|amend)\.?\s?(\d{1,3})$`)
	// kindNumberRE is a kind and its number in one part: "L.5", "INF.3".
	// CMS numbers its documents by agenda item: "Doc.31.4".
	kindNumberRE = regexp.MustCompile(`^(?i)(INF|CRP|L|MISC|WP|TP|RES|DOC)[.\s]?(\d{1,4}(?:\.\d{1,3})*)$`)
	// bodySessionRE is a body and its session in one part: "COP.6",
	// "CHW.16", "OzL.Pro.35", "EA.6", "COP(16)", "COP 6", "CONF.216".
	bodySessionRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9.\-]*?[A-Za-z)]?)[.\s-]?\((\d{1,4})\)$|^([A-Za-z][A-Za-z0-9.\-]*?[A-Za-z])[.\s-]?(\d{1,4})$`)
	// decSessionRE is a decision's symbol printed in a document's, the
	// Minamata way: "Dec.7" opens decision 7/3 of "UNEP/MC/COP.7/Dec.7/3".
	decSessionRE = regexp.MustCompile(`^(?i)(dec)\.\s?(\d{1,3})$`)
	romanRE      = regexp.MustCompile(`^[IVXLC]{1,7}$`)
	numberRE     = regexp.MustCompile(`^\d{1,5}$`)
	// citesRE is a CITES document as the Convention prints it:
	// "CoP19 Doc. 12", "CITES CoP19 Doc. 12.1 (Rev. 1)", "SC77 Inf. 5",
	// "AC32 Doc. 4", "CoP19 Com. I Rec. 3".
	citesRE = regexp.MustCompile(`^(?i)(?:CITES\s+)?(CoP|SC|AC|PC)\s?(\d{1,3})\s+(Doc|Inf|Com\.\s?I{1,2}\s+Rec|Plen\.\s?Rec)\.?\s?(\d{1,3}(?:\.\d{1,3})*)((?:\s*\(Rev\.\s?\d{1,2}\))?)$`)
)

// ParseSymbol reads a UN document symbol into its parts. Spacing and case
// vary between citations of one document ("UNEP/MC/COP 6/INF/3",
// "unep/mc/cop.6/inf/3"): Key gives them one form. A string that is no
// document symbol is an error wrapping ErrInvalid that says why.
func ParseSymbol(s string) (Symbol, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return Symbol{}, fmt.Errorf("%w: empty document symbol", ErrInvalid)
	}
	if m := citesRE.FindStringSubmatch(s); m != nil {
		sym := Symbol{Series: "CITES", Body: citesBody(m[1]), Meeting: m[2], Kind: citesKind(m[3]), Number: m[4]}
		if m[5] != "" {
			sym.Parts = []string{"Rev." + strings.Trim(strings.TrimSpace(m[5])[len("(Rev."):], " )")}
		}
		return sym, nil
	}
	parts := strings.Split(s, "/")
	if len(parts) < 3 {
		return Symbol{}, fmt.Errorf("%w: %q is no document symbol: a UN symbol has three parts or more, such as UNEP/MC/COP.6/INF/3", ErrInvalid, s)
	}
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
		if !symbolPartRE.MatchString(parts[i]) {
			return Symbol{}, fmt.Errorf("%w: %q is no document symbol: part %d (%q) holds more than letters, digits, dots and hyphens", ErrInvalid, s, i+1, p)
		}
	}
	sym := Symbol{Series: strings.ToUpper(parts[0])}
	var body, nums []string
	session := "" // a session glued to a body: "COP.6"
	sessionAt := -1
	kindAt := -1 // how many numbers came before a kind printed alone
	for _, p := range parts[1:] {
		switch {
		case amendRE.MatchString(p):
			m := amendRE.FindStringSubmatch(p)
			sym.Parts = append(sym.Parts, strings.ToUpper(m[1][:1])+strings.ToLower(m[1][1:])+"."+m[2])
		case sym.Kind == "" && symbolKinds[strings.ToUpper(p)] != "":
			sym.Kind, kindAt = symbolKinds[strings.ToUpper(p)], len(nums)
		case sym.Kind == "" && session != "" && decSessionRE.MatchString(p):
			// "UNEP/MC/COP.7/Dec.7/3": decision 7/3, the session again
			m := decSessionRE.FindStringSubmatch(p)
			sym.Kind, kindAt = "DEC", len(nums)
			if m[2] != session {
				nums = append(nums, m[2])
			}
		case sym.Kind == "" && kindNumberRE.MatchString(p):
			m := kindNumberRE.FindStringSubmatch(p)
			sym.Kind, sym.Number = strings.ToUpper(m[1]), m[2]
		case numberRE.MatchString(p):
			nums = append(nums, p)
		case romanRE.MatchString(p) && len(body) > 0:
			nums = append(nums, strconv.Itoa(romanValue(p)))
		case len(nums) == 0 && sym.Kind == "" && bodySessionRE.MatchString(p):
			m := bodySessionRE.FindStringSubmatch(p)
			name, n := m[1], m[2]
			if name == "" {
				name, n = m[3], m[4]
			}
			if sessionAt >= 0 {
				// an earlier body with a number is part of the name
				// ("OzL.Pro.WG.1/45/3" has one later)
				body[sessionAt] += "." + session
			}
			body = append(body, name)
			session, sessionAt = n, len(body)-1
		case len(nums) == 0 && sym.Kind == "":
			body = append(body, p)
		default:
			return Symbol{}, fmt.Errorf("%w: %q is no document symbol: %q follows the document's number", ErrInvalid, s, p)
		}
	}
	if kindAt >= 0 && len(nums) == kindAt {
		return Symbol{}, fmt.Errorf("%w: %q is no document symbol: no number follows %s", ErrInvalid, s, sym.Kind)
	}
	// A body with a number followed by two numbers is named with it:
	// "OzL.Pro.WG.1/45/3" is session 45 of the Open-ended Working Group.
	if sessionAt >= 0 && len(nums) >= 2 && sym.Number == "" {
		body[sessionAt] += "." + session
		session = ""
	}
	if session != "" {
		sym.Meeting = session
	} else if len(nums) >= 2 || len(nums) == 1 && sym.Number != "" {
		sym.Meeting, nums = nums[0], nums[1:]
	}
	switch {
	case sym.Number == "" && len(nums) > 0:
		sym.Number = strings.Join(nums, "/")
	case len(nums) > 0:
		return Symbol{}, fmt.Errorf("%w: %q is no document symbol: it has more numbers than a session and a document", ErrInvalid, s)
	}
	sym.Body = strings.Join(body, "/")
	return sym, nil
}

func citesBody(b string) string {
	switch strings.ToLower(b) {
	case "cop":
		return "CoP"
	}
	return strings.ToUpper(b)
}

func citesKind(k string) string {
	k = strings.Join(strings.Fields(k), " ")
	switch strings.ToLower(k) {
	case "doc":
		return "Doc"
	case "inf":
		return "Inf"
	}
	return k
}

// romanValue is the value of a roman numeral of romanRE.
func romanValue(s string) int {
	v := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	n := 0
	for i := 0; i < len(s); i++ {
		if i+1 < len(s) && v[s[i]] < v[s[i+1]] {
			n -= v[s[i]]
		} else {
			n += v[s[i]]
		}
	}
	return n
}

// Key is the form symbols are matched in: upper case, the session apart
// from its body whether printed "COP.6", "COP 6", "COP6" or "COP(16)",
// the parts in a fixed order. Two citations of one document have one key.
func (s Symbol) Key() string {
	var b strings.Builder
	b.WriteString(s.Series)
	for _, p := range []string{s.Body, s.Meeting, s.Kind, s.Number} {
		if p != "" {
			b.WriteByte('/')
			b.WriteString(p)
		}
	}
	for _, p := range s.Parts {
		b.WriteByte('/')
		b.WriteString(p)
	}
	return strings.ToUpper(b.String())
}

// SymbolKey is the key of a document symbol (Symbol.Key), or the symbol
// in upper case without spaces when it does not read as one, so that any
// cited string has a key.
func SymbolKey(s string) string {
	sym, err := ParseSymbol(s)
	if err != nil {
		return strings.ToUpper(strings.Join(strings.Fields(s), ""))
	}
	return sym.Key()
}

// symbolSeries maps the series and body a symbol opens with to the
// instrument and governing body that issue it, the longest prefix first
// wins. A new family of documents is a row.
var symbolSeries = []struct{ prefix, instrument, body string }{
	{"UNEP/MC/COP", "minamata", "COP"},
	{"UNEP/MC/ICNP", "minamata", "INC"},
	{"UNEP/CHW/OEWG", "basel", "OEWG"},
	{"UNEP/CHW", "basel", "COP"},
	{"UNEP/FAO/RC/CRC", "rotterdam", "CRC"},
	{"UNEP/FAO/RC/COP", "rotterdam", "COP"},
	{"UNEP/POPS/POPRC", "stockholm", "POPRC"},
	{"UNEP/POPS/COP", "stockholm", "COP"},
	{"UNEP/CBD/BS/COP-MOP", "cartagena", "COP-MOP"},
	{"UNEP/CBD/NP/COP-MOP", "nagoya", "COP-MOP"},
	{"UNEP/CBD/COP", "cbd", "COP"},
	{"UNEP/CBD/SBSTTA", "cbd", "SBSTTA"},
	{"CBD/CP/MOP", "cartagena", "COP-MOP"},
	{"CBD/NP/MOP", "nagoya", "COP-MOP"},
	{"CBD/COP", "cbd", "COP"},
	{"CBD/SBSTTA", "cbd", "SBSTTA"},
	{"CBD/SBI", "cbd", "SBI"},
	{"UNEP/OZL.PRO.WG", "montreal", "OEWG"},
	{"UNEP/OZL.PRO.EXCOM", "mlf", "ExCom"},
	{"UNEP/OZL.PRO", "montreal", "MOP"},
	{"UNEP/OZL.CONV", "vienna", "COP"},
	{"UNEP/EA", "unea", "UNEA"},
	{"FCCC/PA/CMA", "paris", "CMA"},
	{"FCCC/KP/CMP", "kyoto", "CMP"},
	{"FCCC/CP", "unfccc", "COP"},
	{"FCCC/SBI", "unfccc", "SBI"},
	{"FCCC/SBSTA", "unfccc", "SBSTA"},
	{"FCCC/SB", "unfccc", "SB"},
	{"ICCD/COP", "unccd", "COP"},
	{"ICCD/CRIC", "unccd", "CRIC"},
	{"UNEP/CMS/COP", "cms", "COP"},
	{"UNEP/CMS/RESOLUTION", "cms", "COP"},
	{"CITES/COP", "cites", "CoP"},
	{"CITES/SC", "cites", "SC"},
	{"CITES/AC", "cites", "AC"},
	{"CITES/PC", "cites", "PC"},
	{"A", "unga", "GA"},
}

// Issuer returns the instrument and governing body that issue documents
// of the symbol's series ("UNEP/MC/COP.6/INF/3" is Minamata's COP), or
// "" when accord does not know the series.
func (s Symbol) Issuer() (instrument, body string) {
	k := strings.ToUpper(s.Series + "/" + s.Body)
	for _, r := range symbolSeries {
		if k == r.prefix || strings.HasPrefix(k, r.prefix+"/") || strings.HasPrefix(k, r.prefix+".") {
			return r.instrument, r.body
		}
	}
	return "", ""
}

// MeetingID is the id of the meeting record the symbol names, in the form
// of the bundled meetings ("minamata-COP-6"), when its issuer is known and
// its session is a number of the body's; "" otherwise (the UNFCCC numbers
// documents by year, not by session).
func (s Symbol) MeetingID() string {
	inst, body := s.Issuer()
	if inst == "" || s.Meeting == "" || len(s.Meeting) == 4 || inst == "unga" {
		return ""
	}
	return inst + "-" + body + "-" + s.Meeting
}

// DocumentCited is what accord knows of a document: its record when one
// is registered (a stub otherwise), its symbol's parts when the symbol
// reads as one, and the decisions that cite it.
type DocumentCited struct {
	Document   Document // the record; only Symbol and Key for a stub
	Registered bool
	Symbol     *Symbol // nil when the symbol does not read as one
	CitedBy    []Citation
	// More says more decisions cite it than CitedBy lists.
	More bool
}

// FindDocument returns what st knows of the document ref names: an id of
// a record, or a symbol in any of its spellings, listing up to limit of
// the decisions that cite it. A symbol that no record holds and no
// decision cites, and that does not read as one, is not found.
func FindDocument(ctx context.Context, st DocumentStore, ref string, limit int) (DocumentCited, error) {
	ref = strings.Join(strings.Fields(ref), " ")
	var (
		out DocumentCited
		err error
	)
	if id, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
		out.Document, err = st.DocumentByID(ctx, id)
	} else {
		out.Document, err = st.Document(ctx, ref)
	}
	switch {
	case err == nil:
		out.Registered = true
	case errors.Is(err, ErrNotFound) && ref != "" && strings.ContainsAny(ref, "/ "):
		out.Document = Document{Symbol: ref, Key: SymbolKey(ref)}
	default:
		return DocumentCited{}, err
	}
	sym, serr := ParseSymbol(out.Document.Symbol)
	if serr == nil {
		out.Symbol = &sym
	}
	if out.CitedBy, err = st.CitedBy(ctx, CitesDocument, out.Document.Key, limit+1); err != nil {
		return DocumentCited{}, err
	}
	if len(out.CitedBy) > limit {
		out.CitedBy, out.More = out.CitedBy[:limit], true
	}
	if !out.Registered && serr != nil && len(out.CitedBy) == 0 {
		return DocumentCited{}, fmt.Errorf("document %s: %w: it is not registered, no decision cites it, and %v", ref, ErrNotFound, serr)
	}
	return out, nil
}
