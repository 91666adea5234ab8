package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Actors is a registry of the bodies decisions ask to act: canonical ids
// with their names, acronyms and aliases. The zero value is empty;
// DefaultActors holds the bodies of the MEAs accord knows, and users add
// their own.
type Actors struct {
	names []actorName // longest first
}

type actorName struct {
	id, name string // name in lower case
	key      string // name as Resolve compares it: words only
}

// DefaultActors returns a registry of the common actors of MEA decisions,
// a copy of the one built when the program starts: callers may add to it.
func DefaultActors() *Actors {
	return &Actors{names: slices.Clone(builtin.names)}
}

// With returns a copy of a with the names users added (by canonical id),
// as the store keeps them: the registry ingest, the API and the pages
// resolve addressees against.
func (a *Actors) With(added map[string][]string) *Actors {
	b := &Actors{names: slices.Clone(a.names)}
	for id, names := range added {
		b.add(id, names)
	}
	b.sort()
	return b
}

// builtin is the registry of the common actors, built once.
var builtin = newBuiltin()

func newBuiltin() *Actors {
	a := &Actors{}
	for id, names := range map[string][]string{
		"executive-secretaries":   {"executive secretaries"},
		"executive-secretary":     {"executive secretary"},
		"unep-executive-director": {"executive director of the united nations environment programme", "executive director of unep", "executive director"},
		"fao-director-general":    {"director-general of the food and agriculture organization", "director general of the food and agriculture organization", "director-general of fao", "director general of fao"},
		"secretariats":            {"secretariats"},
		"secretariat":             {"secretariat", "multilateral fund secretariat"},
		"gef":                     {"global environment facility", "gef"},
		"sbi":                     {"subsidiary body for implementation", "subsidiary body on implementation", "sbi"},
		"sbstta":                  {"subsidiary body on scientific, technical and technological advice", "sbstta"},
		"sbsta":                   {"subsidiary body for scientific and technological advice", "sbsta"},
		"bureau":                  {"bureau"},
		"presidency":              {"presidency", "president"},
		"governing-body":          {"conference of the parties", "meeting of the parties", "conferences of the parties", "meetings of the parties"},
		"standing-committee":      {"standing committee"},
		"regional-centres":        {"regional centres", "regional centers"},
		"parties":                 {"parties", "party", "states", "contracting parties", "member states"},
		"unep":                    {"united nations environment programme", "unep"},
		"fao":                     {"food and agriculture organization of the united nations", "food and agriculture organization", "fao"},
		"undp":                    {"united nations development programme", "undp"},
		"unido":                   {"united nations industrial development organization", "unido"},
		"who":                     {"world health organization", "who"},
		"wto":                     {"world trade organization", "wto"},
		"teap":                    {"technology and economic assessment panel", "teap"},
		"assessment-panels":       {"assessment panels"},
		"adaptation-committee":    {"adaptation committee"},
		"ipbes":                   {"intergovernmental science-policy platform on biodiversity and ecosystem services", "ipbes"},
		"iomc":                    {"inter-organization programme for the sound management of chemicals", "iomc"},
		"global-framework":        {"global framework on chemicals"},
		"observers":               {"observers"},
		"stakeholders":            {"stakeholders", "other stakeholders"},
		"donors":                  {"donors", "donor community"},
		"governments":             {"governments"},
	} {
		a.add(id, names)
	}
	a.sort()
	return a
}

// Add registers names (matched without regard to case) for actor id.
func (a *Actors) Add(id string, names ...string) {
	a.add(id, names)
	a.sort()
}

func (a *Actors) add(id string, names []string) {
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		a.names = append(a.names, actorName{id, n, strings.TrimSpace(nonWord.ReplaceAllString(n, " "))})
	}
}

// sort puts the longest names first, ties by name and id, so that the
// order names are added in (a map's) changes nothing.
func (a *Actors) sort() {
	sort.Slice(a.names, func(i, j int) bool {
		x, y := a.names[i], a.names[j]
		if len(x.name) != len(y.name) {
			return len(x.name) > len(y.name)
		}
		if x.name != y.name {
			return x.name < y.name
		}
		return x.id < y.id
	})
}

// Resolve returns the canonical actor an addressee names: the registered
// actor its head names, else the one whose name the text holds (the
// longest first), else a slug of the text. The head is what stands before
// the first "of", "to" or "under": "the Governments of the Contracting
// Parties" are governments, "the Executive Secretary of the Convention" is
// the executive secretary.
func (a *Actors) Resolve(text string) string {
	l := " " + strings.ToLower(text) + " "
	l = nonWord.ReplaceAllString(l, " ")
	if m := headEndRE.FindStringIndex(l); m != nil {
		head := l[:m[0]+1]
		for _, n := range a.names {
			if strings.Contains(head, " "+n.key+" ") {
				return n.id
			}
		}
	}
	for _, n := range a.names {
		if strings.Contains(l, " "+n.key+" ") {
			return n.id
		}
	}
	return slug(text)
}

// headEndRE finds where the head of a name ends: at a preposition that
// opens what the name belongs to.
var headEndRE = regexp.MustCompile(` (?:of|to|under) `)

// find returns the first registered actor name standing in text, as
// written there, or "".
func (a *Actors) find(text string) string {
	l := strings.ToLower(text)
	best, at := "", len(l)+1
	for _, n := range a.names {
		i := wordIndex(l, n.name)
		if i >= 0 && (i < at || i == at && len(n.name) > len(best)) {
			best, at = n.name, i
		}
	}
	if best == "" {
		return ""
	}
	return text[at : at+len(best)]
}

// last returns the registered actor name that stands last in text, as
// written there, or "": what "them" and "both entities" stand for.
func (a *Actors) last(text string) string {
	l := strings.ToLower(text)
	best, at := "", -1
	for _, n := range a.names {
		for off := 0; ; {
			i := wordIndex(l[off:], n.name)
			if i < 0 {
				break
			}
			i += off
			if i > at || i == at && len(n.name) > len(best) {
				best, at = n.name, i
			}
			off = i + 1
		}
	}
	if best == "" {
		return ""
	}
	return text[at : at+len(best)]
}

// wordIndex finds word (or words) w in s at word boundaries.
func wordIndex(s, w string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		j := i + len(w)
		if (i == 0 || !isLetter(s[i-1])) && (j == len(s) || !isLetter(s[j])) {
			return i
		}
		off = i + 1
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

var nonWord = regexp.MustCompile(`[^\p{L}\p{N}-]+`)

func slug(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = nonWord.ReplaceAllString(s, "-")
	return strings.Trim(s, "-")
}

// actorNouns are the lower-case head nouns of phrases that name actors:
// "relevant bodies under the Convention", "the lead country".
var actorNouns = map[string]bool{
	"secretariat": true, "secretariats": true, "parties": true, "party": true, "states": true, "governments": true,
	"government": true, "observers": true, "stakeholders": true, "organizations": true, "organisations": true,
	"organization": true, "institutions": true, "institution": true, "agencies": true, "agency": true,
	"countries": true, "country": true, "donors": true, "members": true, "experts": true, "representatives": true,
	"others": true, "bodies": true, "body": true, "centres": true, "centers": true, "centre": true, "committee": true,
	"committees": true, "panel": true, "panels": true, "group": true, "groups": true, "sector": true,
	"community": true, "communities": true, "banks": true, "bank": true, "partners": true, "facility": true,
	"fund": true, "funds": true, "secretary": true, "director": true, "networks": true,
	"programmes": true, "programs": true, "initiatives": true, "peoples": true, "entities": true, "authorities": true,
	"points": true, "coordinators": true, "chairs": true, "co-chairs": true, "bureau": true, "president": true,
	"presidency": true, "platform": true, "partnership": true, "convention": true, "conventions": true,
	"secretaries": true, "directors": true, "users": true, "companies": true, "industry": true, "academia": true,
	"universities": true, "laboratories": true, "mechanism": true, "council": true, "assembly": true,
	"commission": true, "board": true, "team": true, "teams": true, "network": true, "them": true,
	// roles held in an entity: "the trustee of the fund", "the chair of
	// the working group"
	"trustee": true, "chair": true, "chairperson": true, "chairman": true, "co-chair": true,
	"actors": true, "providers": true, "forum": true, "host": true, "hosts": true, "funders": true, "investors": true,
	"those": true, "force": true, "forces": true, "expert": true, "consortium": true, "alliance": true, "coalition": true,
	"co-leads": true, "non-parties": true, "non-party": true, "women": true, "youth": true, "scientists": true,
	"vice-chair": true, "rapporteur": true, "coordinator": true, "head": true, "heads": true, "administrator": true,
	"treasurer": true, "depositary": true, "facilitator": true, "facilitators": true, "officer": true, "officers": true,
}

// Names returns the registry's names (in lower case) by canonical id.
func (a *Actors) Names() map[string][]string {
	out := map[string][]string{}
	for _, n := range a.names {
		out[n.id] = append(out[n.id], n.name)
	}
	for id := range out {
		sort.Strings(out[id])
	}
	return out
}
