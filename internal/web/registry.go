package web

import "net/http"

// registryPage is the index of the registry's records: what decisions and
// mandates link to besides each other.
type registryPage struct {
	page
	Kinds []registryKind
}

// registryKind is one kind of record the registry keeps.
type registryKind struct {
	Name, Href, About string
	// Type is what accord import and export call it; "" for a kind
	// that is not imported.
	Type string
}

// registryKinds are the registry's records, in the order the page lists
// them.
var registryKinds = []registryKind{
	{"Instruments", "/instruments", "the conventions, their Protocols and joint instruments, their bodies, meetings, decisions and mandates", "instruments"},
	{"Meetings", "/meetings", "the sessions of each instrument's bodies, their dates and venues, what was due and adopted at each; a calendar with overlaps", "meetings"},
	{"Bodies", "/bodies", "the governing and subsidiary bodies of each instrument", "bodies"},
	{"Documents", "/documents", "meeting documents by symbol, and the decisions citing each", "documents"},
	{"Organizations", "/organizations", "partner organizations, the mandates naming them, and their arrangements with the instruments", "organizations"},
	{"Arrangements", "/arrangements", "what ties each instrument to an organization: membership, observer status, memorandum of understanding, partnership, and the mandates that asked for it", "arrangements"},
	{"Countries", "/countries", "Parties across the instruments: memberships, focal points by role, gaps, national coordination", "memberships"},
	{"Focal points", "/focal-points", "the focal points and authorities countries designated, by instrument and role", "focal-points"},
	{"Regional centres", "/centres", "the Basel and Stockholm regional and coordinating centres and the countries they serve", "centres"},
}

func (s *Server) registryIndex(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, http.StatusOK, "registry", registryPage{page: s.page(r, "Registry"), Kinds: registryKinds})
}
