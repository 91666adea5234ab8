package accord

import (
	"context"
	"errors"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A Country is an entry of ISO 3166-1: every Party to an instrument is
// one, and so are the territories ISO lists.
type Country struct {
	Alpha2       string // "KE": how accord stores a country
	Alpha3       string // "KEN"
	Numeric      string // "404", three digits
	Name         string // "Kenya"
	OfficialName string // "Republic of Kenya"; empty where ISO gives none
}

// A RegionalGroup is one of the five regional groups of United Nations
// Member States, through which seats, bureaus and candidatures are shared
// out in the United Nations and in the governing bodies of most MEAs.
type RegionalGroup struct {
	ID      string   // "african", "asia-pacific", "eastern-european", "grulac", "weog"
	Name    string   // "African States"
	Members []string // alpha-2 codes, sorted
}

// String is the group's name.
func (g RegionalGroup) String() string { return g.Name }

// Consent is how a State expressed its consent to be bound by an
// instrument, the act that makes it a Party.
type Consent string

// The ways of consenting to be bound, as treaty depositaries list them.
const (
	Ratification Consent = "ratification"
	Accession    Consent = "accession"
	Acceptance   Consent = "acceptance"
	Approval     Consent = "approval"
	Succession   Consent = "succession"
)

// Consents are the ways of consenting to be bound, in the order the
// depositary's lists name them.
var Consents = []Consent{Ratification, Accession, Acceptance, Approval, Succession}

// A Membership is a country's standing in one instrument: its signature,
// the act by which it became a Party, and its withdrawal. Dates are
// YYYY-MM-DD, empty where none was recorded.
type Membership struct {
	ID         int64  `json:",omitempty"`
	Country    string // alpha-2
	Instrument string // instrument id
	Signed     string // date of signature
	Consent    Consent
	ConsentOn  string    // date of the instrument of ratification, accession, …
	InForce    string    // date the instrument entered into force for the country
	Withdrawn  string    // date the withdrawal took effect
	Source     string    // where the row was read
	Created    time.Time `json:"-"`
	Updated    time.Time `json:"-"`
	UpdatedBy  string    `json:",omitempty"`
}

// Party reports whether the membership makes its country a Party on
// day: it consented to be bound, and its withdrawal, if any, has not
// taken effect by then.
func (m Membership) Party(day time.Time) bool {
	if m.Consent == "" {
		return false
	}
	return m.Withdrawn == "" || m.Withdrawn > day.Format(time.DateOnly)
}

// FocalRole is what a focal point is designated for under an instrument.
type FocalRole string

// The roles a country designates people or offices for.
const (
	NationalFocalPoint   FocalRole = "national-focal-point"
	DesignatedAuthority  FocalRole = "designated-national-authority"
	CompetentAuthority   FocalRole = "competent-authority"
	OfficialContactPoint FocalRole = "official-contact-point"
	BCHFocalPoint        FocalRole = "bch-focal-point"
	ABSFocalPoint        FocalRole = "abs-focal-point"
	GlobalFrameworkFocal FocalRole = "global-framework-focal-point"
)

// Roles are the roles accord knows, with what pages call them, in the
// order a country page lists them.
var Roles = []struct {
	Role FocalRole
	Name string
}{
	{NationalFocalPoint, "National focal point"},
	{DesignatedAuthority, "Designated national authority"},
	{CompetentAuthority, "Competent authority"},
	{OfficialContactPoint, "Official contact point"},
	{BCHFocalPoint, "BCH focal point"},
	{ABSFocalPoint, "ABS focal point"},
	{GlobalFrameworkFocal, "Global Framework focal point"},
}

// RoleName is what pages call role: "Designated national authority".
func RoleName(role FocalRole) string {
	for _, r := range Roles {
		if r.Role == role {
			return r.Name
		}
	}
	return string(role)
}

// ParseRole reads a role by its id or its name, in any case, spacing and
// with hyphens or spaces ("DNA" and "designated national authority" are
// DesignatedAuthority).
func ParseRole(s string) (FocalRole, bool) {
	k := strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), " "))
	for _, r := range Roles {
		if k == strings.ReplaceAll(string(r.Role), "-", " ") || k == strings.ToLower(r.Name) {
			return r.Role, true
		}
	}
	if r, ok := roleAbbreviations[k]; ok {
		return r, true
	}
	return "", false
}

// roleAbbreviations are the short names secretariats' lists use.
var roleAbbreviations = map[string]FocalRole{
	"nfp": NationalFocalPoint, "focal point": NationalFocalPoint, "dna": DesignatedAuthority,
	"ca": CompetentAuthority, "cna": CompetentAuthority, "competent national authority": CompetentAuthority,
	"ocp": OfficialContactPoint,
}

// A RequiredRole is a role an instrument's text obliges each Party to
// designate someone for: a Party without one has a gap.
type RequiredRole struct {
	Instrument string
	Role       FocalRole
	Source     string // the article that requires it
}

// RequiredRoles are the designations instruments require of every Party,
// each with the article that requires it. Roles the conferences of the
// Parties only invite (the Rotterdam Convention's official contact
// points, the BCH focal points) are not gaps and are not listed; adding
// a requirement is a row.
var RequiredRoles = []RequiredRole{
	{"basel", CompetentAuthority, "Basel Convention, article 5(1): each Party designates one or more competent authorities"},
	{"basel", NationalFocalPoint, "Basel Convention, article 5(1): each Party designates one focal point"},
	{"rotterdam", DesignatedAuthority, "Rotterdam Convention, article 4(1): each Party designates one or more designated national authorities"},
	{"stockholm", NationalFocalPoint, "Stockholm Convention, article 9(3): each Party designates a national focal point for the exchange of information"},
	{"minamata", NationalFocalPoint, "Minamata Convention, article 17(4): each Party designates a national focal point for the exchange of information"},
	{"cartagena", NationalFocalPoint, "Cartagena Protocol, article 19(1): each Party designates one national focal point"},
	{"cartagena", CompetentAuthority, "Cartagena Protocol, article 19(1): each Party designates one or more competent national authorities"},
	{"nagoya", NationalFocalPoint, "Nagoya Protocol, article 13(1): each Party designates a national focal point on access and benefit-sharing"},
	{"nagoya", CompetentAuthority, "Nagoya Protocol, article 13(2): each Party designates one or more competent national authorities on access and benefit-sharing"},
}

// A FocalPoint is a person or office a country designated for a role
// under an instrument. Name, Email and Phone are personal contact details:
// pages and the API show them to signed-in readers only, unless an admin
// published the instrument's contacts (Public).
type FocalPoint struct {
	ID           int64  `json:",omitempty"`
	Country      string // alpha-2
	Instrument   string // instrument id
	Role         FocalRole
	Title        string // "Ms.", "Dr."
	Name         string
	Position     string
	Organization string
	Address      string
	Phone        string
	Email        string
	Designated   string    // date designated, YYYY-MM-DD; empty when not recorded
	Created      time.Time `json:"-"`
	Updated      time.Time `json:"-"`
	UpdatedBy    string    `json:",omitempty"`
	// Hidden says the personal contact details were withheld from this
	// reader (Anonymous).
	Hidden bool `json:",omitempty"`
}

// Anonymous is the focal point as a reader without an account sees it:
// no title, name, phone or email, the office remaining.
func (f FocalPoint) Anonymous() FocalPoint {
	f.Title, f.Name, f.Phone, f.Email, f.Hidden = "", "", "", "", true
	return f
}

// MaxField is the longest text a registry record's field takes, in
// characters: an address of several lines, never a document.
const MaxField = 1000

// checkText refuses text that is not UTF-8, holds control characters
// other than line breaks, or passes MaxField.
func checkText(field, v string) error {
	if !utf8.ValidString(v) {
		return fieldErrorf(field, "not valid UTF-8")
	}
	if utf8.RuneCountInString(v) > MaxField {
		return fieldErrorf(field, "longer than %d characters", MaxField)
	}
	for _, r := range v {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return fieldErrorf(field, "holds a control character")
		}
	}
	return nil
}

// checkDate refuses a value that is neither empty nor a YYYY-MM-DD date.
func checkDate(field, v string) error {
	if v == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return fieldErrorf(field, "%q is not a date (YYYY-MM-DD)", v)
	}
	return nil
}

// checkInstrument refuses an instrument accord does not know.
func checkInstrument(field, v string) error {
	if v == "" {
		return fieldErrorf(field, "empty")
	}
	if in, ok := LookupInstrument(v); !ok || in.ID != v {
		return fieldErrorf(field, "%q is not an instrument accord knows (such as basel, minamata, cartagena)", v)
	}
	return nil
}

// checkCountry refuses a country code not written as an alpha-2 code;
// whether ISO 3166-1 assigns it is the store's to check (the list is
// bundled data, not domain).
func checkCountry(field, v string) error {
	if len(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z' {
		return fieldErrorf(field, "%q is not an ISO 3166-1 alpha-2 code (two capital letters, such as KE)", v)
	}
	return nil
}

// CheckEmail refuses a value that is not one plain e-mail address
// ("name@example.org", no display name).
func CheckEmail(v string) error {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" || !strings.Contains(v[strings.LastIndexByte(v, '@')+1:], ".") {
		return fieldErrorf("email", "%q is not an e-mail address", v)
	}
	return nil
}

// Normalize trims the focal point's fields and reads its instrument,
// country and role as typed ("Minamata Convention", "ke", "DNA").
func (f *FocalPoint) Normalize() {
	for _, p := range []*string{&f.Instrument, &f.Title, &f.Name, &f.Position, &f.Organization, &f.Address, &f.Phone, &f.Email, &f.Designated} {
		*p = strings.TrimSpace(*p)
	}
	f.Country = strings.ToUpper(strings.TrimSpace(f.Country))
	f.Instrument = InstrumentID(f.Instrument)
	if r, ok := ParseRole(string(f.Role)); ok {
		f.Role = r
	}
}

// Validate checks a focal point as given (after Normalize): its error
// joins a *FieldError for each field at fault.
func (f FocalPoint) Validate() error {
	var p problems
	p.add(checkCountry("country", f.Country))
	p.add(checkInstrument("instrument", f.Instrument))
	switch {
	case f.Role == "":
		p.add(fieldErrorf("role", "empty"))
	case RoleName(f.Role) == string(f.Role):
		p.add(fieldErrorf("role", "%q is not a role accord knows (%s)", f.Role, roleList()))
	}
	if f.Name == "" {
		p.add(fieldErrorf("name", "empty: give the person's name or the office's"))
	}
	for _, c := range []struct{ field, v string }{
		{"title", f.Title}, {"name", f.Name}, {"position", f.Position}, {"organization", f.Organization},
		{"address", f.Address}, {"phone", f.Phone}, {"email", f.Email},
	} {
		p.add(checkText(c.field, c.v))
	}
	if f.Email != "" {
		p.add(CheckEmail(f.Email))
	}
	p.add(checkDate("designated", f.Designated))
	return p.err()
}

// problems gathers the field errors of a record, so that one reading
// names every field at fault.
type problems []error

func (p *problems) add(err error) {
	if err != nil {
		*p = append(*p, err)
	}
}

// err joins the problems; nil when there are none.
func (p problems) err() error { return errors.Join(p...) }

func roleList() string {
	var out []string
	for _, r := range Roles {
		out = append(out, string(r.Role))
	}
	return strings.Join(out, ", ")
}

// Normalize trims the membership's fields and reads its instrument,
// country and consent as typed.
func (m *Membership) Normalize() {
	for _, p := range []*string{&m.Instrument, &m.Signed, &m.ConsentOn, &m.InForce, &m.Withdrawn, &m.Source} {
		*p = strings.TrimSpace(*p)
	}
	m.Country = strings.ToUpper(strings.TrimSpace(m.Country))
	m.Instrument = InstrumentID(m.Instrument)
	m.Consent = Consent(strings.ToLower(strings.TrimSpace(string(m.Consent))))
}

// Validate checks a membership as given (after Normalize): its error
// joins a *FieldError for each field at fault.
func (m Membership) Validate() error {
	var p problems
	p.add(checkCountry("country", m.Country))
	p.add(checkInstrument("instrument", m.Instrument))
	switch {
	case m.Consent != "" && !slices.Contains(Consents, m.Consent):
		p.add(fieldErrorf("consent", "%q is not ratification, accession, acceptance, approval or succession", m.Consent))
	case m.Consent == "" && m.ConsentOn != "":
		p.add(fieldErrorf("consent", "empty, but consent_date is %s: say how the country consented", m.ConsentOn))
	case m.Consent == "" && m.Signed == "":
		p.add(fieldErrorf("signature", "empty, and so is consent: a membership records a signature or a consent"))
	}
	for _, c := range []struct{ field, v string }{
		{"signature", m.Signed}, {"consent_date", m.ConsentOn}, {"entry_into_force", m.InForce}, {"withdrawal", m.Withdrawn},
	} {
		p.add(checkDate(c.field, c.v))
	}
	p.add(checkText("source", m.Source))
	return p.err()
}

// A Coordination is an institution of a country that coordinates its
// work under several instruments: the national coordination mechanism
// among focal points that seed decisions invite Parties to set up (the
// BRS conventions' "national processes or mechanisms for coordinating").
type Coordination struct {
	ID          int64    `json:",omitempty"`
	Country     string   // alpha-2
	Institution string   // "Ministry of Environment, Chemicals Coordination Unit"
	Instruments []string // the instruments it coordinates, at least two
	Mechanism   string   // how: "inter-ministerial committee on chemicals and waste"
	Source      string
	Created     time.Time `json:"-"`
	Updated     time.Time `json:"-"`
	UpdatedBy   string    `json:",omitempty"`
}

// Normalize trims the coordination's fields and reads its instruments as
// typed, sorted and without repeats.
func (c *Coordination) Normalize() {
	c.Country = strings.ToUpper(strings.TrimSpace(c.Country))
	c.Institution = strings.TrimSpace(c.Institution)
	c.Mechanism = strings.TrimSpace(c.Mechanism)
	c.Source = strings.TrimSpace(c.Source)
	var ins []string
	for _, s := range c.Instruments {
		if s = strings.TrimSpace(s); s != "" {
			ins = append(ins, InstrumentID(s))
		}
	}
	slices.Sort(ins)
	c.Instruments = slices.Compact(ins)
}

// Validate checks a coordination as given (after Normalize): its error
// joins a *FieldError for each field at fault.
func (c Coordination) Validate() error {
	var p problems
	p.add(checkCountry("country", c.Country))
	if c.Institution == "" {
		p.add(fieldErrorf("institution", "empty"))
	}
	if len(c.Instruments) == 0 {
		p.add(fieldErrorf("instruments", "empty: name the instruments it coordinates, separated by |"))
	}
	for _, in := range c.Instruments {
		p.add(checkInstrument("instruments", in))
	}
	for _, f := range []struct{ field, v string }{{"institution", c.Institution}, {"mechanism", c.Mechanism}, {"source", c.Source}} {
		p.add(checkText(f.field, f.v))
	}
	return p.err()
}

// FocalPointFilter selects focal points; zero fields select all.
type FocalPointFilter struct {
	Country    string
	Instrument string
	Role       FocalRole
	Limit      int
	Offset     int
	// ByID lists by id, those after After: the API's cursors.
	ByID  bool
	After int64
}

// CountrySummary counts what the store holds of one country, for the
// list of countries.
type CountrySummary struct {
	Country     string // alpha-2
	Parties     int    // instruments it is Party to today
	FocalPoints int
}

// PartyStore keeps the Parties' memberships of instruments, their focal
// points and their national coordination. Every batch write is one
// transaction: the whole batch lands or none of it. A record is matched by
// its natural key (a membership by country and instrument; a focal point
// by country, instrument, role and name; a coordination by country and
// institution), so that writing the same batch twice changes nothing.
// Every change and deletion is in the audit log with the record's
// content.
type PartyStore interface {
	// Memberships lists the memberships of country, or of every country
	// when country is "", by country and instrument.
	Memberships(ctx context.Context, country string) ([]Membership, error)
	// SaveMemberships adds or updates memberships, by who.
	SaveMemberships(ctx context.Context, ms []Membership, who string) (ImportCounts, error)
	// Membership returns membership id.
	Membership(ctx context.Context, id int64) (Membership, error)
	// DeleteMembership deletes membership id, by who.
	DeleteMembership(ctx context.Context, id int64, who string) error

	// FocalPoints lists focal points by country, instrument, role and
	// name.
	FocalPoints(ctx context.Context, f FocalPointFilter) ([]FocalPoint, error)
	// FocalPoint returns focal point id.
	FocalPoint(ctx context.Context, id int64) (FocalPoint, error)
	// SaveFocalPoints adds or updates focal points, by who.
	SaveFocalPoints(ctx context.Context, fps []FocalPoint, who string) (ImportCounts, error)
	// UpdateFocalPoint replaces focal point id's fields with f's, by
	// who.
	UpdateFocalPoint(ctx context.Context, id int64, f FocalPoint, who string) (FocalPoint, error)
	// DeleteFocalPoint deletes focal point id, by who.
	DeleteFocalPoint(ctx context.Context, id int64, who string) error

	// Coordinations lists the national coordination of country, or of
	// every country when country is "".
	Coordinations(ctx context.Context, country string) ([]Coordination, error)
	// SaveCoordinations adds or updates coordinations, by who.
	SaveCoordinations(ctx context.Context, cs []Coordination, who string) (ImportCounts, error)
	// Coordination returns coordination id.
	Coordination(ctx context.Context, id int64) (Coordination, error)
	// UpdateCoordination replaces coordination id's fields with c's, its
	// institution among them, by who.
	UpdateCoordination(ctx context.Context, id int64, c Coordination, who string) (Coordination, error)
	// DeleteCoordination deletes coordination id, by who.
	DeleteCoordination(ctx context.Context, id int64, who string) error

	// PublishedContacts lists the instruments whose focal points'
	// personal contact details an admin published for anyone to read.
	PublishedContacts(ctx context.Context) (map[string]bool, error)
	// PublishContacts publishes (or withdraws) the personal contact
	// details of instrument's focal points, by who.
	PublishContacts(ctx context.Context, instrument string, published bool, who string) error

	// CountrySummaries counts, for each country of which anything is
	// stored, the instruments it is Party to on day and its focal points.
	CountrySummaries(ctx context.Context, day time.Time) (map[string]CountrySummary, error)
	// PartyMandates counts the mandates asking Parties of each of
	// instruments, by status.
	PartyMandates(ctx context.Context, instruments []string) (map[string]map[Status]int, error)
}
