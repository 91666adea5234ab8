package accord

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// An Organization is a body that decisions name as a partner, a member, a
// host or an addressee: a UN programme or agency, another convention's
// secretariat, a science-policy panel, a fund. Its id is the actor id
// extraction gives the mandates that name it, so that a mandate asking
// "the Inter-Organization Programme for the Sound Management of
// Chemicals" is a mandate of the organization "iomc".
type Organization struct {
	ID      string           `json:"id"`      // stable slug, "iomc"
	Name    string           `json:"name"`    // "Inter-Organization Programme for the Sound Management of Chemicals"
	Acronym string           `json:"acronym"` // "IOMC"; empty where none is in use
	Aliases []string         `json:"aliases"` // other names and spellings that identify it alone
	Kind    OrganizationKind `json:"kind"`
	Website string           `json:"website"` // https URL; empty where none was checked
	Source  string           `json:"source"`  // where the name and acronym were checked
	// Bundled is true for an organization accord ships (internal/registry);
	// ChangedBy names the person who last changed it, "" while it is as
	// bundled: the bundle does not overwrite a person's change.
	Bundled   bool      `json:"bundled"`
	ChangedBy string    `json:"changed_by,omitempty"`
	Created   time.Time `json:"created,omitzero"`
	Updated   time.Time `json:"updated,omitzero"`
}

// Names returns every name the organization goes by: its name, acronym
// and aliases.
func (o Organization) Names() []string {
	names := []string{o.Name}
	if o.Acronym != "" {
		names = append(names, o.Acronym)
	}
	return append(names, o.Aliases...)
}

// Label is the organization as a list names it: its acronym and name, or
// its name alone.
func (o Organization) Label() string {
	if o.Acronym != "" {
		return o.Acronym + " — " + o.Name
	}
	return o.Name
}

// An OrganizationKind says what sort of body an organization is.
type OrganizationKind string

// The kinds of organization. UNProgramme covers the UN's own funds,
// programmes, institutes and regional commissions (UNEP, UNDP, UNICEF,
// UNITAR, UNECE); UNAgency the specialized and related agencies with
// members of their own (FAO, WHO, ILO, UNIDO, IAEA, the World Bank).
const (
	UNProgramme           OrganizationKind = "un-programme"
	UNAgency              OrganizationKind = "un-agency"
	Intergovernmental     OrganizationKind = "intergovernmental"
	ConventionSecretariat OrganizationKind = "convention-secretariat"
	SciencePolicyPanel    OrganizationKind = "science-policy-panel"
	FinancialMechanism    OrganizationKind = "financial-mechanism"
	NGO                   OrganizationKind = "ngo"
	RegionalCentre        OrganizationKind = "regional-centre"
	OtherKind             OrganizationKind = "other"
)

// OrganizationKinds are the kinds in the order pages list them.
var OrganizationKinds = []OrganizationKind{
	UNProgramme, UNAgency, Intergovernmental, ConventionSecretariat,
	SciencePolicyPanel, FinancialMechanism, NGO, RegionalCentre, OtherKind,
}

// Valid reports whether k is one of OrganizationKinds.
func (k OrganizationKind) Valid() bool { return slices.Contains(OrganizationKinds, k) }

// String is the kind as people read it: "UN programme", "NGO".
func (k OrganizationKind) String() string {
	switch k {
	case UNProgramme:
		return "UN programme"
	case UNAgency:
		return "UN agency"
	case NGO:
		return "NGO"
	}
	return strings.ReplaceAll(string(k), "-", " ")
}

// organizationIDRE is what an organization's id may be: the shape of an
// actor id, so that the two are one.
var organizationIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// maxNameLen bounds a name, acronym or alias: the longest official names
// ("Global Framework on Chemicals – For a Planet Free of Harm from
// Chemicals and Waste") are under a hundred characters.
const maxNameLen = 300

// Check returns what is wrong with o as a record, naming the field, or
// nil. Spaces around values are not its concern: callers trim them.
func (o Organization) Check() error {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%w: organization %s: %s: %s", ErrInvalid, o.ID, field, fmt.Sprintf(format, args...))
	}
	if !organizationIDRE.MatchString(o.ID) {
		return fmt.Errorf("%w: organization id %q: want lower-case letters, digits and hyphens, such as iomc or world-bank", ErrInvalid, o.ID)
	}
	text := func(field, s string, required bool) error {
		switch {
		case s == "" && required:
			return bad(field, "empty")
		case !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxNameLen || strings.ContainsAny(s, "|\n\r\t"):
			return bad(field, "%q must be up to %d characters of text on one line, without |", s, maxNameLen)
		}
		return nil
	}
	if err := text("name", o.Name, true); err != nil {
		return err
	}
	if err := text("acronym", o.Acronym, false); err != nil {
		return err
	}
	if strings.Contains(o.Acronym, " ") {
		return bad("acronym", "%q is not one acronym", o.Acronym)
	}
	for _, a := range o.Aliases {
		if err := text("aliases", a, true); err != nil {
			return err
		}
	}
	if !o.Kind.Valid() {
		return bad("kind", "%q is not a kind (%s)", o.Kind, CommaList(OrganizationKinds))
	}
	if o.Website != "" {
		if u, err := url.Parse(o.Website); err != nil || u.Scheme != "https" || u.Host == "" {
			return bad("website", "%q is not an https URL", o.Website)
		}
	}
	if o.Source != "" {
		if u, err := url.Parse(o.Source); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return bad("source", "%q is not an http or https URL", o.Source)
		}
	}
	return nil
}

// NameKey is a name as lookups compare it: lower case, spaces collapsed.
func NameKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// OrganizationFilter selects organizations. Zero fields match all.
type OrganizationFilter struct {
	Kind OrganizationKind
	// Text keeps organizations whose id, name, acronym or an alias holds
	// it, in any case.
	Text string
}

// An Arrangement ties an instrument (or its secretariat) to an
// organization: a membership, an observer status, a memorandum of
// understanding, a partnership, a joint activity or a joint publication,
// where it stands, and the mandates that asked for it.
type Arrangement struct {
	ID           int64             `json:"id"`
	Instrument   string            `json:"instrument"`   // "minamata"
	Organization string            `json:"organization"` // the organization's id
	Kind         ArrangementKind   `json:"kind"`
	Status       ArrangementStatus `json:"status"`
	Start        string            `json:"start,omitempty"` // YYYY-MM-DD, or YYYY-MM or YYYY when only that is known
	End          string            `json:"end,omitempty"`
	// Evidence is a document symbol or an address showing the
	// arrangement: "UNEP/MC/COP.6/INF/12", "https://…".
	Evidence string  `json:"evidence,omitempty"`
	Note     string  `json:"note,omitempty"`
	Mandates []int64 `json:"mandates"` // ids of the mandates that asked for it
	// ChangedBy names who last changed it.
	ChangedBy string    `json:"changed_by,omitempty"`
	Created   time.Time `json:"created,omitzero"`
	Updated   time.Time `json:"updated,omitzero"`
}

// An ArrangementKind is what an arrangement is.
type ArrangementKind string

// The kinds of arrangement.
const (
	ArrangementMembership       ArrangementKind = "membership"
	ArrangementObserver         ArrangementKind = "observer-status"
	ArrangementMoU              ArrangementKind = "memorandum-of-understanding"
	ArrangementPartnership      ArrangementKind = "partnership"
	ArrangementJointActivity    ArrangementKind = "joint-activity"
	ArrangementJointPublication ArrangementKind = "joint-publication"
)

// ArrangementKinds are the kinds in the order pages list them.
var ArrangementKinds = []ArrangementKind{ArrangementMembership, ArrangementObserver, ArrangementMoU, ArrangementPartnership, ArrangementJointActivity, ArrangementJointPublication}

// String is the kind as people read it.
func (k ArrangementKind) String() string {
	if k == ArrangementJointActivity {
		return "joint activity or work programme"
	}
	return strings.ReplaceAll(string(k), "-", " ")
}

// An ArrangementStatus is where an arrangement stands.
type ArrangementStatus string

// The statuses of an arrangement, in the order it goes through them.
const (
	ArrangementProposed  ArrangementStatus = "proposed"
	ArrangementRequested ArrangementStatus = "requested"
	ArrangementInForce   ArrangementStatus = "in-force"
	ArrangementEnded     ArrangementStatus = "ended"
)

// ArrangementStatuses are the statuses in order.
var ArrangementStatuses = []ArrangementStatus{ArrangementProposed, ArrangementRequested, ArrangementInForce, ArrangementEnded}

// String is the status as people read it.
func (s ArrangementStatus) String() string {
	if s == ArrangementInForce {
		return "granted or in force"
	}
	return string(s)
}

// ParseArrangementStatus reads a status as people write it: "in-force",
// "granted", "in force".
func ParseArrangementStatus(s string) (ArrangementStatus, bool) {
	k := strings.ReplaceAll(NameKey(s), " ", "-")
	switch k {
	case "granted", "in-force", "granted-or-in-force", "active":
		return ArrangementInForce, true
	}
	st := ArrangementStatus(k)
	return st, slices.Contains(ArrangementStatuses, st)
}

// ParseArrangementKind reads a kind as people write it: "observer
// status", "MoU", "memorandum of understanding".
func ParseArrangementKind(s string) (ArrangementKind, bool) {
	k := strings.ReplaceAll(NameKey(s), " ", "-")
	switch k {
	case "mou", "memorandum":
		return ArrangementMoU, true
	case "observer", "observership":
		return ArrangementObserver, true
	case "member":
		return ArrangementMembership, true
	case "joint-work-programme", "work-programme", "joint-activity-or-work-programme":
		return ArrangementJointActivity, true
	}
	kind := ArrangementKind(k)
	return kind, slices.Contains(ArrangementKinds, kind)
}

var partialDateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// ValidPartialDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD, a
// real date: what is known of when an arrangement started or ended.
func ValidPartialDate(s string) bool {
	if !partialDateRE.MatchString(s) {
		return false
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	_, err := time.Parse(layout, s)
	return err == nil
}

// Check returns what is wrong with a as a record, naming the field, or
// nil.
func (a Arrangement) Check() error {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%w: arrangement: %s: %s", ErrInvalid, field, fmt.Sprintf(format, args...))
	}
	if _, ok := LookupInstrument(a.Instrument); !ok || a.Instrument != InstrumentID(a.Instrument) {
		return bad("instrument", "%q is not an instrument accord knows", a.Instrument)
	}
	if !organizationIDRE.MatchString(a.Organization) {
		return bad("organization", "%q is not an organization id", a.Organization)
	}
	if !slices.Contains(ArrangementKinds, a.Kind) {
		return bad("kind", "%q is not a kind of arrangement (%s)", a.Kind, CommaList(ArrangementKinds))
	}
	if !slices.Contains(ArrangementStatuses, a.Status) {
		return bad("status", "%q is not a status (%s)", a.Status, CommaList(ArrangementStatuses))
	}
	for _, d := range []struct{ field, v string }{{"start", a.Start}, {"end", a.End}} {
		if d.v != "" && !ValidPartialDate(d.v) {
			return bad(d.field, "%q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", d.v)
		}
	}
	if a.Start != "" && a.End != "" && a.End < a.Start {
		return bad("end", "%s is before the start, %s", a.End, a.Start)
	}
	for _, f := range []struct{ field, v string }{{"evidence", a.Evidence}, {"note", a.Note}} {
		if !utf8.ValidString(f.v) || utf8.RuneCountInString(f.v) > 2000 {
			return bad(f.field, "must be up to 2000 characters of text")
		}
	}
	for _, id := range a.Mandates {
		if id <= 0 {
			return bad("mandates", "%d is not a mandate id", id)
		}
	}
	return nil
}

// CommaList is a list of kinds or statuses as messages name them: "a, b, c".
func CommaList[S ~string](xs []S) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// ArrangementFilter selects arrangements. Zero fields match all.
type ArrangementFilter struct {
	Organization string
	Instrument   string
	Status       ArrangementStatus
}

// OrganizationStore keeps the organizations and the arrangements that tie
// instruments to them. Every change is in the audit log, with what was
// removed; the organizations accord bundles are loaded when the store is
// opened, without overwriting what people changed.
type OrganizationStore interface {
	// Organizations lists the organizations f selects, by name.
	Organizations(ctx context.Context, f OrganizationFilter) ([]Organization, error)
	// Organization returns the organization of id.
	Organization(ctx context.Context, id string) (Organization, error)
	// PutOrganizations adds or changes organizations, all or none, in one
	// transaction; who names the person. A name, acronym or alias of one
	// that another organization goes by is refused (it would identify
	// neither). One already as given is left alone, so that putting the
	// same organizations twice changes nothing.
	PutOrganizations(ctx context.Context, who string, os []Organization) (ImportCounts, error)
	// DeleteOrganization removes an organization and its arrangements;
	// the audit log keeps what they were.
	DeleteOrganization(ctx context.Context, who, id string) error
	// OrganizationMandates lists the mandates that name an organization,
	// across instruments: those asking it, and those naming it in what
	// they ask (extraction's Mandate.Organizations).
	OrganizationMandates(ctx context.Context, id string) ([]Mandate, error)
	// RegistryVersion changes whenever an organization or an actor users
	// added changes: the actor registry extraction reads is built again
	// when it does.
	RegistryVersion(ctx context.Context) (int64, error)

	// Arrangements lists the arrangements f selects, by organization,
	// instrument and start.
	Arrangements(ctx context.Context, f ArrangementFilter) ([]Arrangement, error)
	// Arrangement returns the arrangement of id.
	Arrangement(ctx context.Context, id int64) (Arrangement, error)
	// PutArrangements adds or changes arrangements, all or none, and
	// returns them as stored. One without an ID changes the stored one of
	// the same instrument, organization, kind and start when there is
	// one, so that putting the same arrangements twice changes nothing.
	PutArrangements(ctx context.Context, who string, as []Arrangement) ([]Arrangement, ImportCounts, error)
	// DeleteArrangement removes an arrangement; the audit log keeps what
	// it was.
	DeleteArrangement(ctx context.Context, who string, id int64) error
	// UnlinkedMandates lists the mandates stored before accord linked the
	// organizations mandates name, not linked since, by id.
	UnlinkedMandates(ctx context.Context) ([]int64, error)
	// LinkOrganizations sets the organizations each mandate of links
	// names and marks it linked, in one transaction audited once as who;
	// a mandate deleted meanwhile is left out.
	LinkOrganizations(ctx context.Context, who string, links map[int64][]string) (int, error)
}
