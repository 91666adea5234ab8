package extract

import (
	"regexp"
	"sort"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

// Actors is a registry of the bodies decisions ask to act: canonical ids
// with their names, acronyms and aliases. The zero value is empty;
// NewActors holds the bodies of the MEAs accord knows with the
// organizations it is given, DefaultActors those accord bundles, and
// users add their own.
type Actors struct {
	names []actorName // longest first
	// orgNames are the names of organizations (AddOrganization), longest
	// first: what Organizations finds in a mandate.
	orgNames []actorName
}

type actorName struct {
	id, name string // name in lower case
	key      string // name as Resolve compares it: words only
	// whole is set for an organization's names: an addressee is the
	// organization when it is that name, not when it holds it ("the
	// Adaptation Fund Board" is the Board, not the Fund).
	whole bool
}

// DefaultActors returns a registry of the common actors of MEA decisions
// with the organizations accord bundles (internal/registry).
func DefaultActors() *Actors {
	// The bundled file's parse is checked by registry's tests: an error
	// here leaves the registry without organizations, not broken.
	orgs, _ := registry.Organizations()
	return NewActors(orgs)
}

// NewActors returns a registry of the common actors of MEA decisions that
// are not organizations (Parties, the secretariat, subsidiary bodies),
// with orgs: an organization's id is its actor id.
func NewActors(orgs []accord.Organization) *Actors {
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
		"assessment-panels":       {"assessment panels"},
		"adaptation-committee":    {"adaptation committee"},
		"observers":               {"observers"},
		"stakeholders":            {"stakeholders", "other stakeholders"},
		"donors":                  {"donors", "donor community"},
		"governments":             {"governments"},
	} {
		a.Add(id, names...)
	}
	for _, o := range orgs {
		a.AddOrganization(o)
	}
	return a
}

// AddOrganization registers an organization's names, acronym and aliases
// for its id. A convention's secretariat is found by Organizations but
// asked as "secretariat", the id its own decisions give it (ActorScope
// gathers the secretariats), so its names do not resolve addressees.
func (a *Actors) AddOrganization(o accord.Organization) {
	names := o.Names()
	if o.Kind != accord.ConventionSecretariat {
		a.names = addNames(a.names, o.ID, names, true)
	}
	a.orgNames = addNames(a.orgNames, o.ID, names, true)
}

// Add registers names (matched without regard to case) for actor id.
func (a *Actors) Add(id string, names ...string) {
	a.names = addNames(a.names, id, names, false)
}

// addNames adds names of id to list, keeping it longest first, ties by
// name and id, so that the order names are added in (a map's) changes
// nothing.
func addNames(list []actorName, id string, names []string, whole bool) []actorName {
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		list = append(list, actorName{id, n, strings.TrimSpace(nonWord.ReplaceAllString(n, " ")), whole})
	}
	sort.Slice(list, func(i, j int) bool {
		x, y := list[i], list[j]
		if len(x.name) != len(y.name) {
			return len(x.name) > len(y.name)
		}
		if x.name != y.name {
			return x.name < y.name
		}
		return x.id < y.id
	})
	return list
}

// Resolve returns the canonical actor an addressee names: the
// organization it is, else the registered actor its head names, else the
// one whose name the text holds (the longest first), else a slug of the
// text. The head is what stands before the first "of", "to" or "under":
// "the Governments of the Contracting Parties" are governments, "the
// Executive Secretary of the Convention" is the executive secretary.
func (a *Actors) Resolve(text string) string {
	l := " " + strings.ToLower(text) + " "
	l = nonWord.ReplaceAllString(l, " ")
	bare := strings.TrimPrefix(strings.TrimSpace(nonWord.ReplaceAllString(bracketed.ReplaceAllString(strings.ToLower(text), " "), " ")), "the ")
	for _, n := range a.names {
		if n.whole && bare == strings.TrimPrefix(n.key, "the ") {
			return n.id
		}
	}
	if m := headEndRE.FindStringIndex(l); m != nil {
		head := l[:m[0]+1]
		for _, n := range a.names {
			if !n.whole && strings.Contains(head, " "+n.key+" ") {
				return n.id
			}
		}
	}
	for _, n := range a.names {
		if !n.whole && strings.Contains(l, " "+n.key+" ") {
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

// bracketed is a bracketed aside, an acronym most often: "(GEF)".
var bracketed = regexp.MustCompile(`\([^()]*\)`)

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

// anaphorHeads are the nouns that, capitalized after "the", stand for an
// organization named before in the decision: "the Programme" for the
// Inter-Organization Programme for the Sound Management of Chemicals
// named a clause earlier, "the Panel" for the science-policy panel. Nouns
// that most often name the decision's own bodies ("the Conference", "the
// Committee", "the Secretariat") are not among them.
var anaphorHeads = []string{
	"programme", "program", "panel", "platform", "partnership", "facility", "fund", "framework",
	"organization", "organisation", "initiative", "network", "agency", "institute", "bank",
}

// anaphorRE finds "the Programme" and its like, capitalized, not followed
// by what makes it the start of another name ("the Programme of Work").
var anaphorRE = regexp.MustCompile(`\b[Tt]he ([A-Z][a-z]+)\b(?:\s+(of|for|on)\b)?`)

// Organizations returns the ids of the organizations mandate m of d names
// in its addressees, action and helpers, in order of first mention: by
// their names, acronyms and aliases, and by an anaphor ("the Programme")
// read as the organization with that noun in its name named last before
// it in the decision. A nil registry is DefaultActors, as for Decision.
func (a *Actors) Organizations(d *accord.Decision, m accord.Mandate) []string {
	if a == nil {
		a = defaultActors
	}
	var parts []string
	for _, ad := range m.Addressees {
		parts = append(parts, ad.Text)
	}
	parts = append(parts, m.Action)
	for _, h := range m.Helpers {
		if !strings.HasPrefix(strings.ToLower(h), "the ") && isHead(h) {
			h = "the " + h // a helper cut to its noun: "Programme"
		}
		parts = append(parts, h)
	}
	text := strings.Join(parts, " | ")
	var out []string
	add := func(id string) {
		for _, o := range out {
			if o == id {
				return
			}
		}
		out = append(out, id)
	}
	for _, f := range a.orgMentions(text) {
		add(f.id)
	}
	var before string
	for _, mt := range anaphorRE.FindAllStringSubmatchIndex(text, -1) {
		if mt[4] >= 0 || !isHead(text[mt[2]:mt[3]]) || a.covered(text, mt[0], mt[1]) {
			continue
		}
		if before == "" {
			before = decisionBefore(d, m.Path, text[mt[0]:mt[1]])
		}
		head := strings.ToLower(text[mt[2]:mt[3]])
		if id := a.lastWithHead(before+" "+text[:mt[0]], head); id != "" {
			add(id)
		}
	}
	return out
}

func isHead(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, h := range anaphorHeads {
		if s == h {
			return true
		}
	}
	return false
}

// orgMention is an organization's name found in a text: the id and where.
type orgMention struct {
	id      string
	at, end int
}

// orgMentions finds the organizations' names in text, longest first, a
// name inside a longer one found ("UNEP" in "UNEP Global Mercury
// Partnership") not counted; in order of where they stand.
func (a *Actors) orgMentions(text string) []orgMention {
	l := strings.ToLower(text)
	var found []orgMention
	taken := func(i, j int) bool {
		for _, f := range found {
			if i < f.end && j > f.at {
				return true
			}
		}
		return false
	}
	for _, n := range a.orgNames {
		for off := 0; off < len(l); {
			i := wordIndex(l[off:], n.name)
			if i < 0 {
				break
			}
			i += off
			if j := i + len(n.name); !taken(i, j) {
				found = append(found, orgMention{n.id, i, j})
			}
			off = i + 1
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].at < found[j].at })
	return found
}

// covered reports whether text[i:j] lies within an organization's name.
func (a *Actors) covered(text string, i, j int) bool {
	for _, f := range a.orgMentions(text) {
		if i >= f.at && j <= f.end {
			return true
		}
	}
	return false
}

// lastWithHead returns the organization named last in text whose name
// holds the word head, or "". Only the names holding head are looked
// for: text is the decision up to the anaphor, and most names hold none.
func (a *Actors) lastWithHead(text, head string) string {
	l := strings.ToLower(text)
	best, at := "", -1
	for _, n := range a.orgNames { // longest first: of two at one place, the longer wins
		if wordIndex(n.name, head) < 0 {
			continue
		}
		for off := 0; off < len(l); {
			i := wordIndex(l[off:], n.name)
			if i < 0 {
				break
			}
			if i += off; i > at {
				best, at = n.id, i
			}
			off = i + 1
		}
	}
	return best
}

// decisionBefore is the text of d before the mandate of paragraph path:
// its recitals and the paragraphs before it, and the paragraph's own text
// up to phrase when the paragraph holds it, so that "the Programme" reads
// the organizations named before it.
func decisionBefore(d *accord.Decision, path, phrase string) string {
	var b strings.Builder
	for _, r := range d.Preamble {
		b.WriteString(r.Text + "\n")
	}
	var walk func(ps []accord.Paragraph) bool
	walk = func(ps []accord.Paragraph) bool {
		for _, p := range ps {
			if p.Path == path {
				t := p.Text
				if i := strings.Index(t, phrase); i >= 0 {
					t = t[:i]
				}
				b.WriteString(t)
				return true
			}
			b.WriteString(p.Text + "\n")
			if walk(p.Items) {
				return true
			}
		}
		return false
	}
	walk(d.Paragraphs)
	return b.String()
}
