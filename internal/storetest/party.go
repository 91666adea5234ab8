package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/accordmea/accord"
)

// kenya is a focal point as a secretariat's list gives it.
func kenya(inst string, role accord.FocalRole, name string) accord.FocalPoint {
	return accord.FocalPoint{Country: "KE", Instrument: inst, Role: role, Title: "Ms.", Name: name,
		Position: "Director", Organization: "Ministry of Environment", Address: "P.O. Box 30126\nNairobi",
		Phone: "+254 20 2730808", Email: "focal@environment.go.ke", Designated: "2024-03-01"}
}

var ignoreMeta = cmpopts.IgnoreFields(accord.FocalPoint{}, "ID", "Created", "Updated", "UpdatedBy")

func testParties(t *testing.T, s accord.Store) {
	ctx := context.Background()
	ms := []accord.Membership{
		{Country: "ke", Instrument: "Basel Convention", Consent: "Accession", ConsentOn: "2000-06-01", InForce: "2000-08-30"},
		{Country: "KE", Instrument: "minamata", Signed: "2013-10-10", Consent: accord.Ratification, ConsentOn: "2021-03-01"},
		{Country: "KE", Instrument: "cartagena", Signed: "2000-05-15"},
		{Country: "CA", Instrument: "kyoto", Consent: accord.Ratification, ConsentOn: "2002-12-17", Withdrawn: "2012-12-15"},
	}
	saved, err := s.SaveMemberships(ctx, ms, "jane")
	if err != nil {
		t.Fatal(err)
	}
	if saved != (accord.ImportCounts{Added: 4}) {
		t.Errorf("SaveMemberships = %+v, want 4 added", saved)
	}
	got, err := s.Memberships(ctx, "KE")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Instrument != "basel" || got[0].Consent != accord.Accession || got[0].ID == 0 || got[0].UpdatedBy != "jane" || got[0].Created.IsZero() {
		t.Fatalf("Memberships(KE) = %+v, want basel (accession), cartagena, minamata with ids and times", got)
	}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	sum, err := s.CountrySummaries(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	if sum["KE"].Parties != 2 || sum["CA"].Parties != 0 {
		t.Errorf("CountrySummaries = %+v, want KE Party to 2 (signed only the Cartagena Protocol), CA to none (withdrew)", sum)
	}

	fps := []accord.FocalPoint{
		kenya("basel", accord.CompetentAuthority, "Jane Wanjiru"),
		kenya("Minamata", "NFP", "John Otieno"),
		kenya("minamata", accord.GlobalFrameworkFocal, "John Otieno"),
	}
	if saved, err = s.SaveFocalPoints(ctx, fps, "jane"); err != nil || saved.Added != 3 {
		t.Fatalf("SaveFocalPoints = %+v, %v, want 3 added", saved, err)
	}
	audit, err := s.AuditLog(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	// The same batch again changes nothing and writes nothing to the log.
	fps = []accord.FocalPoint{
		kenya("basel", accord.CompetentAuthority, "Jane Wanjiru"),
		kenya("minamata", accord.NationalFocalPoint, "John Otieno"),
		kenya("minamata", accord.GlobalFrameworkFocal, "John Otieno"),
	}
	if saved, err = s.SaveFocalPoints(ctx, fps, "jane"); err != nil || saved != (accord.ImportCounts{Unchanged: 3}) {
		t.Errorf("SaveFocalPoints again = %+v, %v, want 3 unchanged", saved, err)
	}
	if again, _ := s.AuditLog(ctx, 100); len(again) != len(audit) {
		t.Errorf("saving the same focal points again wrote %d audit entries", len(again)-len(audit))
	}
	list, err := s.FocalPoints(ctx, accord.FocalPointFilter{Country: "KE", Instrument: "minamata"})
	if err != nil {
		t.Fatal(err)
	}
	want := []accord.FocalPoint{fps[2], fps[1]}
	if diff := cmp.Diff(want, list, ignoreMeta); diff != "" {
		t.Errorf("FocalPoints(KE, minamata) (-want +got):\n%s", diff)
	}

	// A changed phone is an update, in the log with before and after.
	fps[0].Phone = "+254 20 0000000"
	if saved, err = s.SaveFocalPoints(ctx, fps[:1], "amina"); err != nil || saved != (accord.ImportCounts{Updated: 1}) {
		t.Errorf("SaveFocalPoints changed = %+v, %v, want 1 updated", saved, err)
	}
	log, _ := s.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "update focal point" || log[0].Who != "amina" {
		t.Errorf("audit after the update = %+v, want update focal point by amina", log)
	}
	fp, err := s.FocalPoint(ctx, list[0].ID)
	if err != nil || fp.Role != accord.GlobalFrameworkFocal {
		t.Errorf("FocalPoint(%d) = %+v, %v", list[0].ID, fp, err)
	}
	fp.Email = "nfp@environment.go.ke"
	fp2, err := s.UpdateFocalPoint(ctx, fp.ID, fp, "amina")
	if err != nil || fp2.Email != "nfp@environment.go.ke" || fp2.UpdatedBy != "amina" {
		t.Errorf("UpdateFocalPoint = %+v, %v", fp2, err)
	}
	if err := s.DeleteFocalPoint(ctx, fp.ID, "amina"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FocalPoint(ctx, fp.ID); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("FocalPoint after delete: %v, want ErrNotFound", err)
	}
	log, _ = s.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "delete focal point" || log[0].Before == "" {
		t.Errorf("audit after the deletion = %+v, want delete focal point with its content", log)
	}
	if err := s.DeleteFocalPoint(ctx, fp.ID, "amina"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("deleting again: %v, want ErrNotFound", err)
	}

	// Coordination.
	cs := []accord.Coordination{{Country: "KE", Institution: "National Chemicals Coordination Committee",
		Instruments: []string{"stockholm", "Basel", "rotterdam", "basel"}, Mechanism: "inter-ministerial committee"}}
	if saved, err = s.SaveCoordinations(ctx, cs, "jane"); err != nil || saved.Added != 1 {
		t.Fatalf("SaveCoordinations = %+v, %v", saved, err)
	}
	gotC, err := s.Coordinations(ctx, "KE")
	if err != nil || len(gotC) != 1 || !cmp.Equal(gotC[0].Instruments, []string{"basel", "rotterdam", "stockholm"}) {
		t.Errorf("Coordinations(KE) = %+v, %v, want one over basel, rotterdam, stockholm", gotC, err)
	}
	if c, err := s.Coordination(ctx, gotC[0].ID); err != nil || c.Institution != cs[0].Institution || c.UpdatedBy != "jane" {
		t.Errorf("Coordination(%d) = %+v, %v", gotC[0].ID, c, err)
	}
	// Renamed, the institution is the same record, and the log says so.
	renamed := gotC[0]
	renamed.Institution, renamed.Instruments = "Chemicals and Waste Coordination Unit", []string{"minamata", "basel"}
	upd, err := s.UpdateCoordination(ctx, renamed.ID, renamed, "amina")
	if err != nil || upd.ID != renamed.ID || upd.Institution != renamed.Institution || !cmp.Equal(upd.Instruments, []string{"basel", "minamata"}) || upd.UpdatedBy != "amina" {
		t.Errorf("UpdateCoordination = %+v, %v", upd, err)
	}
	log, _ = s.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "update coordination" || log[0].Target != fmt.Sprintf("coordination %d", renamed.ID) ||
		!strings.Contains(log[0].Before, "National Chemicals") || !strings.Contains(log[0].After, "Waste Coordination Unit") {
		t.Errorf("audit after renaming = %+v, want update coordination with before and after", log)
	}
	if _, err := s.UpdateCoordination(ctx, renamed.ID, accord.Coordination{Country: "KE", Institution: "X"}, "amina"); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("UpdateCoordination of no instrument: %v, want ErrInvalid", err)
	}
	if _, err := s.SaveCoordinations(ctx, []accord.Coordination{{Country: "KE", Institution: "Other unit", Instruments: []string{"basel"}}}, "jane"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateCoordination(ctx, renamed.ID, accord.Coordination{Country: "KE", Institution: "Other unit", Instruments: []string{"basel"}}, "amina"); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("UpdateCoordination onto another's institution: %v, want ErrConflict", err)
	}
	if _, err := s.UpdateCoordination(ctx, 1<<40, renamed, "amina"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("UpdateCoordination of no record: %v, want ErrNotFound", err)
	}
	if err := s.DeleteCoordination(ctx, gotC[0].ID, "jane"); err != nil {
		t.Error(err)
	}
	if _, err := s.Coordination(ctx, gotC[0].ID); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Coordination after delete: %v, want ErrNotFound", err)
	}
	if m, err := s.Membership(ctx, got[0].ID); err != nil || m.Instrument != "basel" || m.Country != "KE" {
		t.Errorf("Membership(%d) = %+v, %v", got[0].ID, m, err)
	}
	if err := s.DeleteMembership(ctx, got[0].ID, "jane"); err != nil {
		t.Error(err)
	}
	if _, err := s.Membership(ctx, got[0].ID); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Membership after delete: %v, want ErrNotFound", err)
	}
}

func testPartiesRefuse(t *testing.T, s accord.Store) {
	ctx := context.Background()
	good := kenya("basel", accord.CompetentAuthority, "Jane Wanjiru")
	for _, tt := range []struct {
		name  string
		edit  func(*accord.FocalPoint)
		field string
	}{
		{"unknown country", func(f *accord.FocalPoint) { f.Country = "XX" }, "country"},
		{"alpha-3 country", func(f *accord.FocalPoint) { f.Country = "KEN" }, "country"},
		{"unknown instrument", func(f *accord.FocalPoint) { f.Instrument = "atlantis" }, "instrument"},
		{"bad email", func(f *accord.FocalPoint) { f.Email = "jane at environment.go.ke" }, "email"},
		{"email with a name", func(f *accord.FocalPoint) { f.Email = "Jane <jane@environment.go.ke>" }, "email"},
		{"missing name", func(f *accord.FocalPoint) { f.Name = "  " }, "name"},
		{"unknown role", func(f *accord.FocalPoint) { f.Role = "ambassador" }, "role"},
		{"bad date", func(f *accord.FocalPoint) { f.Designated = "1 March 2024" }, "designated"},
		{"control character", func(f *accord.FocalPoint) { f.Position = "Director\x00" }, "position"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := good
			tt.edit(&bad)
			other := kenya("minamata", accord.NationalFocalPoint, "John Otieno")
			_, err := s.SaveFocalPoints(ctx, []accord.FocalPoint{other, bad}, "jane")
			var fe *accord.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, accord.ErrInvalid) {
				t.Fatalf("SaveFocalPoints(%s) err = %v, want a FieldError of %s", tt.name, err, tt.field)
			}
			if list, _ := s.FocalPoints(ctx, accord.FocalPointFilter{}); len(list) != 0 {
				t.Errorf("a batch with a bad record stored %d focal points, want none", len(list))
			}
		})
	}
	for _, m := range []accord.Membership{
		{Country: "ZZ", Instrument: "basel", Consent: accord.Ratification},
		{Country: "KE", Instrument: "basel", Consent: "signature"},
		{Country: "KE", Instrument: "basel"},
		{Country: "KE", Instrument: "basel", Consent: accord.Ratification, ConsentOn: "2000-13-01"},
	} {
		if _, err := s.SaveMemberships(ctx, []accord.Membership{m}, "jane"); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("SaveMemberships(%+v) err = %v, want ErrInvalid", m, err)
		}
	}
	twice := []accord.FocalPoint{good, good}
	if _, err := s.SaveFocalPoints(ctx, twice, "jane"); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("a batch holding one focal point twice: %v, want ErrInvalid", err)
	}
	if _, err := s.SaveCoordinations(ctx, []accord.Coordination{{Country: "KE", Institution: "X"}}, "jane"); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("a coordination of no instrument: %v, want ErrInvalid", err)
	}
	if list, _ := s.Memberships(ctx, ""); len(list) != 0 {
		t.Errorf("refused memberships stored %d", len(list))
	}
}

func testPublishContacts(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if err := s.PublishContacts(ctx, "minamata", true, "admin"); err != nil {
		t.Fatal(err)
	}
	if err := s.PublishContacts(ctx, "minamata", true, "admin"); err != nil {
		t.Fatal(err)
	}
	pub, err := s.PublishedContacts(ctx)
	if err != nil || !pub["minamata"] || len(pub) != 1 {
		t.Errorf("PublishedContacts = %v, %v, want minamata", pub, err)
	}
	log, _ := s.AuditLog(ctx, 10)
	if len(log) != 1 || log[0].Action != "publish contacts" {
		t.Errorf("audit = %+v, want one publish contacts", log)
	}
	if err := s.PublishContacts(ctx, "minamata", false, "admin"); err != nil {
		t.Fatal(err)
	}
	if pub, _ := s.PublishedContacts(ctx); len(pub) != 0 {
		t.Errorf("PublishedContacts after withdrawal = %v", pub)
	}
	if err := s.PublishContacts(ctx, "atlantis", true, "admin"); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("publishing an unknown instrument: %v, want ErrInvalid", err)
	}
}

func testPartyMandates(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if _, err := s.Ingest(ctx, src, []accord.Decision{withMandates(sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat"), "COP-7")}); err != nil {
		t.Fatal(err)
	}
	got, err := s.PartyMandates(ctx, []string{"minamata", "basel"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[accord.Status]int{"minamata": {accord.StatusOpen: 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PartyMandates (-want +got):\n%s", diff)
	}
}

func testCentres(t *testing.T, s accord.Store) {
	ctx := context.Background()
	cs, err := s.Centres(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 20 {
		t.Fatalf("%d centres stored when opened, want the bundled ones", len(cs))
	}
	c, err := s.Centre(ctx, "bcrc-caribbean")
	if err != nil {
		t.Fatal(err)
	}
	if c.HostCountry != "TT" || len(c.CountriesServed) != 13 || c.UpdatedBy != accord.Bundled || c.Created.IsZero() {
		t.Errorf("Centre(bcrc-caribbean) = %+v", c)
	}
	if log, _ := s.AuditLog(ctx, 10); len(log) != 0 {
		t.Errorf("loading the bundle wrote %d audit entries", len(log))
	}
	c.FocalCentre = true
	c.Documents = []accord.CentreDocument{{Kind: "work programme", Ref: "UNEP/CHW.16/INF/12"}}
	if saved, err := s.SaveCentres(ctx, []accord.Centre{c}, "amina"); err != nil || saved.Updated != 1 {
		t.Fatalf("SaveCentres = %+v, %v", saved, err)
	}
	c2, err := s.Centre(ctx, "bcrc-caribbean")
	if err != nil || !c2.FocalCentre || len(c2.Documents) != 1 || c2.UpdatedBy != "amina" {
		t.Errorf("Centre after the change = %+v, %v", c2, err)
	}
	bad := c2
	bad.CountriesServed = []string{"TT", "QQ"}
	_, err = s.SaveCentres(ctx, []accord.Centre{bad}, "amina")
	var fe *accord.FieldError
	if !errors.As(err, &fe) || fe.Field != "countries_served" {
		t.Errorf("a centre serving QQ: %v, want a FieldError of countries_served", err)
	}
	if err := s.DeleteCentre(ctx, "bcrc-caribbean", "amina"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Centre(ctx, "bcrc-caribbean"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Centre after delete: %v", err)
	}
}
