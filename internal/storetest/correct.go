package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/search"
)

// noSymbol is a decision as read from a web page or a copied excerpt: no
// symbol, title or meeting.
func noSymbol(text string) accord.Decision {
	d := withMandates(sample("", "minamata", "", text), "COP-7")
	d.Title = ""
	return d
}

func count(t *testing.T, s accord.Store) (decisions, mandates int) {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Decisions, st.Mandates
}

// testDuplicateContent: the same content stored under two file names is
// one decision, found by its content, not by its file's name.
func testDuplicateContent(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := noSymbol("Requests the secretariat to report.")
	b := sample("MC-6/3", "minamata", "COP-6", "Invites Parties to submit views.")
	if _, err := s.Ingest(ctx, accord.Source{Name: "decisions.txt", SHA256: "1", Format: "txt"}, []accord.Decision{a, b}); err != nil {
		t.Fatal(err)
	}
	first, err := s.Decisions(ctx, accord.DecisionFilter{ByID: true})
	if err != nil {
		t.Fatal(err)
	}
	// The same text under another name, another format, and the
	// decisions in another order.
	res, err := s.Ingest(ctx, accord.Source{Name: "copy of decisions.html", SHA256: "2", Format: "html"}, []accord.Decision{noSymbol("Requests the secretariat to report."), b})
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 0 || res.Updated != 2 {
		t.Errorf("Ingest of the same content under another name = %+v, want 0 inserted, 2 updated", res)
	}
	if nd, nm := count(t, s); nd != 2 || nm != 2 {
		t.Errorf("after the same content twice: %d decisions, %d mandates; want 2 and 2", nd, nm)
	}
	again, err := s.Decisions(ctx, accord.DecisionFilter{ByID: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 2 || again[0].ID != first[0].ID || again[1].ID != first[1].ID {
		t.Errorf("decisions after the same content twice = %v, want the ids %d, %d kept", again, first[0].ID, first[1].ID)
	}
	found, err := s.DecisionsByContent(ctx, "minamata", accord.ContentHash(&a))
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].ID != first[0].ID {
		t.Errorf("DecisionsByContent = %v, want decision %d", found, first[0].ID)
	}
	// Other text is another decision.
	if _, err := s.Ingest(ctx, accord.Source{Name: "other.txt"}, []accord.Decision{noSymbol("Requests the secretariat to report again.")}); err != nil {
		t.Fatal(err)
	}
	if nd, _ := count(t, s); nd != 3 {
		t.Errorf("after other text: %d decisions, want 3", nd)
	}
	// The same words adopted by another instrument (the Basel,
	// Rotterdam and Stockholm COPs adopt joint decisions word for word)
	// are another decision: it is added, and replaces nothing.
	rc := noSymbol("Requests the secretariat to report.")
	rc.Instrument = "rotterdam"
	res, err = s.Ingest(ctx, accord.Source{Name: "rotterdam.txt"}, []accord.Decision{rc})
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 1 || res.Updated != 0 {
		t.Errorf("Ingest of the same words for another instrument = %+v, want 1 inserted, 0 updated", res)
	}
	if nd, _ := count(t, s); nd != 4 {
		t.Errorf("after the same words for another instrument: %d decisions, want 4", nd)
	}
	if d, err := s.DecisionByID(ctx, first[0].ID); err != nil || d.Instrument != "minamata" {
		t.Errorf("the Minamata decision after Rotterdam's of the same words: %+v, %v", d.Instrument, err)
	}
	// The upload's preview finds, by content, only the decision of the
	// instrument an ingest would update.
	for _, tt := range []struct {
		instrument string
		want       string
	}{{"minamata", "minamata"}, {"rotterdam", "rotterdam"}, {"basel", ""}} {
		found, err := s.DecisionsByContent(ctx, tt.instrument, accord.ContentHash(&rc))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range found {
			got = append(got, d.Instrument)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("DecisionsByContent(%s) found decisions of %q, want %q", tt.instrument, got, tt.want)
		}
	}
}

// testCorrectDecision: a corrected field is kept when the file is
// ingested again, whether its text changed or not, under its name or
// another.
func testCorrectDecision(t *testing.T, s accord.Store) {
	ctx := context.Background()
	src := accord.Source{Name: "mc6.html", Format: "html"}
	d := noSymbol("Requests the secretariat to report.")
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Decisions(ctx, accord.DecisionFilter{})
	if err != nil || len(ds) != 1 {
		t.Fatalf("Decisions = %v, %v", ds, err)
	}
	id := ds[0].ID
	u, err := s.AddUser(ctx, accord.User{Name: "mia", Role: accord.RoleEditor, Instruments: []string{"minamata"}}, accord.Token{Hash: strings.Repeat("a", 64), Expires: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	sym, title, meeting, url := "MC-6/3", "Cooperation", "COP-6", "https://minamataconvention.org/mc-6-3.pdf"
	year, kind := 2025, accord.KindResolution
	got, err := s.CorrectDecision(ctx, id, accord.DecisionCorrection{Symbol: &sym, Title: &title, Meeting: &meeting, Year: &year, Kind: &kind, URL: &url, By: &u})
	if err != nil {
		t.Fatalf("CorrectDecision: %v", err)
	}
	check := func(what string, got accord.Decision) {
		t.Helper()
		if got.ID != id || got.Symbol != sym || got.Title != title || got.Meeting != meeting || got.Year != year || got.Kind != kind || got.URL != url {
			t.Errorf("%s: decision %d %q %q %q %d %q %q, want %d %q %q %q %d %q %q", what, got.ID, got.Symbol, got.Title, got.Meeting, got.Year, got.Kind, got.URL,
				id, sym, title, meeting, year, kind, url)
		}
		c, ok := accord.Corrected(got.Corrections, "title")
		if len(got.Corrections) != 6 || !ok || c.Who != "mia" || c.Value != title || c.Parsed != "" || c.At.IsZero() {
			t.Errorf("%s: corrections = %+v, want 6, title by mia", what, got.Corrections)
		}
		byName, err := s.Decision(ctx, "minamata", sym)
		if err != nil || byName.ID != id {
			t.Errorf("%s: Decision(%s) = %d, %v; want %d", what, sym, byName.ID, err, id)
		}
		list, err := s.Decisions(ctx, accord.DecisionFilter{Meeting: meeting, Year: year})
		if err != nil || len(list) != 1 || list[0].Title != title {
			t.Errorf("%s: Decisions(%s, %d) = %v, %v", what, meeting, year, list, err)
		}
		if nd, _ := count(t, s); nd != 1 {
			t.Errorf("%s: %d decisions, want 1", what, nd)
		}
	}
	check("corrected", got)
	for _, step := range []struct {
		name string
		src  accord.Source
		d    accord.Decision
	}{
		{"re-ingest", src, d},
		{"re-ingest of changed text", src, noSymbol("Requests the secretariat to report by 2027.")},
		{"ingest under another name", accord.Source{Name: "mc6 (1).html"}, noSymbol("Requests the secretariat to report by 2027.")},
	} {
		res, err := s.Ingest(ctx, step.src, []accord.Decision{step.d})
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if res.Updated != 1 || res.Inserted != 0 {
			t.Errorf("%s = %+v, want 1 updated", step.name, res)
		}
		got, err := s.DecisionByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		check(step.name, got)
		if got.Paragraphs[0].Text != step.d.Paragraphs[0].Text {
			t.Errorf("%s: text %q, want %q (the text is the file's)", step.name, got.Paragraphs[0].Text, step.d.Paragraphs[0].Text)
		}
	}
	// A file that no longer holds the corrected decision leaves it:
	// what people corrected is theirs.
	// (The decision is of the last file ingested with it.)
	res, err := s.Ingest(ctx, accord.Source{Name: "mc6 (1).html"}, []accord.Decision{sample("MC-6/9", "minamata", "COP-6", "Another text.")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kept != 1 || res.Removed != 0 {
		t.Errorf("ingest of a file without the corrected decision = %+v, want it kept", res)
	}
	if got, err := s.DecisionByID(ctx, id); err != nil || got.Symbol != sym {
		t.Errorf("the corrected decision after its file dropped it: %+v, %v", got.Symbol, err)
	}
	log, err := s.AuditLog(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range log {
		if e.Action == "correct decision" && e.Target == fmt.Sprintf("decision %d", id) && e.Who == "mia" &&
			strings.Contains(e.After, "MC-6/3") && strings.Contains(e.Before, `"symbol":""`) {
			found = true
		}
	}
	if !found {
		t.Errorf("audit log holds no correction of decision %d with before and after: %+v", id, log)
	}
}

// testCorrectDecisionRefuses: bad values, other instruments and symbols
// taken are refused, and change nothing.
func testCorrectDecisionRefuses(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat to report.")
	b := sample("MC-6/4", "minamata", "COP-6", "Invites Parties to submit views.")
	if _, err := s.Ingest(ctx, src, []accord.Decision{a, b}); err != nil {
		t.Fatal(err)
	}
	before, err := s.Decision(ctx, "minamata", "MC-6/3")
	if err != nil {
		t.Fatal(err)
	}
	una, err := s.AddUser(ctx, accord.User{Name: "una", Role: accord.RoleEditor, Instruments: []string{"unfccc"}}, accord.Token{Hash: strings.Repeat("b", 64), Expires: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	mia, err := s.AddUser(ctx, accord.User{Name: "mia", Role: accord.RoleEditor, Instruments: []string{"minamata"}}, accord.Token{Hash: strings.Repeat("c", 64), Expires: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	str := func(s string) *string { return &s }
	year, old := 3000, 1066
	kind := accord.Kind("memo")
	for _, tt := range []struct {
		name string
		c    accord.DecisionCorrection
		want error
	}{
		{"nothing", accord.DecisionCorrection{}, accord.ErrInvalid},
		{"same values", accord.DecisionCorrection{Symbol: str("MC-6/3")}, accord.ErrInvalid},
		{"kind", accord.DecisionCorrection{Kind: &kind}, accord.ErrInvalid},
		{"year", accord.DecisionCorrection{Year: &year}, accord.ErrInvalid},
		{"old year", accord.DecisionCorrection{Year: &old}, accord.ErrInvalid},
		{"url", accord.DecisionCorrection{URL: str("javascript:alert(1)")}, accord.ErrInvalid},
		{"instrument", accord.DecisionCorrection{Instrument: str("Minamata Convention")}, accord.ErrInvalid},
		{"title with a line break", accord.DecisionCorrection{Title: str("a\nb")}, accord.ErrInvalid},
		{"title not UTF-8", accord.DecisionCorrection{Title: str("\xff")}, accord.ErrInvalid},
		{"symbol taken", accord.DecisionCorrection{Symbol: str("MC-6/4")}, accord.ErrConflict},
		{"other instrument's editor", accord.DecisionCorrection{Title: str("x"), By: &una}, accord.ErrForbidden},
		{"move to an instrument not one's own", accord.DecisionCorrection{Instrument: str("unfccc"), By: &mia}, accord.ErrForbidden},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.CorrectDecision(ctx, before.ID, tt.c)
			if !errors.Is(err, tt.want) {
				t.Errorf("CorrectDecision = %v, want %v", err, tt.want)
			}
			got, err := s.DecisionByID(ctx, before.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Symbol != before.Symbol || got.Title != before.Title || got.Instrument != before.Instrument || got.Year != before.Year || len(got.Corrections) != 0 {
				t.Errorf("a refused correction changed the decision: %+v", got)
			}
		})
	}
	if _, err := s.CorrectDecision(ctx, before.ID+100, accord.DecisionCorrection{Title: str("x")}); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("CorrectDecision of no decision = %v, want ErrNotFound", err)
	}
}

// testCorrectMandate: a corrected mandate is checked by its corrector,
// and keeps its correction when the file is ingested again.
func testCorrectMandate(t *testing.T, s accord.Store) {
	ctx := context.Background()
	d := withMandates(sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat to report."), "COP-7")
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	ms := mandatesOf(t, s, accord.MandateFilter{})
	if ms[0].CheckedBy != "" {
		t.Errorf("an extracted mandate is checked by %q", ms[0].CheckedBy)
	}
	addr := []accord.Addressee{{Text: "Executive Secretary", Actor: "executive-secretary"}, {Text: "GEF", Actor: "gef"}}
	action := "to report on the implementation of the present decision"
	dl := accord.Deadline{Text: "by 31 March 2027", Date: "2027-03-31"}
	deliv := "study"
	got, err := s.CorrectMandate(ctx, ms[0].ID, accord.MandateCorrection{Addressees: &addr, Action: &action, Deadline: &dl, Deliverable: &deliv, Who: "mia", Why: "as adopted"})
	if err != nil {
		t.Fatalf("CorrectMandate: %v", err)
	}
	check := func(what string, got accord.Mandate) {
		t.Helper()
		if got.CheckedBy != "mia" || got.Checked.IsZero() || got.Action != action || got.Deliverable != deliv ||
			got.Deadline == nil || *got.Deadline != dl || got.AskedOf() != "Executive Secretary; GEF" || len(got.Corrections) != 4 {
			t.Errorf("%s: mandate = %+v", what, got)
		}
		if c, ok := accord.Corrected(got.Corrections, "deadline"); !ok || c.Parsed != "at its next meeting (COP-7)" || c.Who != "mia" {
			t.Errorf("%s: correction of the deadline = %+v", what, c)
		}
		if gef := mandatesOf(t, s, accord.MandateFilter{Actor: "gef"}); len(gef) != 1 || gef[0].ID != ms[0].ID || gef[0].CheckedBy != "mia" {
			t.Errorf("%s: mandates of the GEF = %v, want mandate %d checked by mia", what, gef, ms[0].ID)
		}
		// The secretariat is asked no more; its Executive Secretary is.
		if sec := mandatesOf(t, s, accord.MandateFilter{Actor: "secretariat"}); len(sec) != 1 || sec[0].AskedOf() != "Executive Secretary; GEF" {
			t.Errorf("%s: mandates of the secretariat = %v, want the one asked of its Executive Secretary", what, sec)
		}
		if due := mandatesOf(t, s, accord.MandateFilter{DueMeeting: "COP-7"}); len(due) != 0 {
			t.Errorf("%s: mandates due at COP-7 = %d, want none", what, len(due))
		}
		terms, err := search.Parse("report")
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Search(ctx, accord.SearchQuery{Terms: terms, Actor: "gef"})
		if err != nil || r.Total != 1 {
			t.Errorf("%s: search of paragraphs asking the GEF = %d, %v; want 1", what, r.Total, err)
		}
	}
	check("corrected", got)
	if n := len(got.History); n != 4 {
		t.Errorf("history = %+v, want 4 changes", got.History)
	}
	d.Paragraphs[0].Text = "Requests the secretariat to report, as appropriate."
	d.Mandates[0].Action = "to report on the implementation, as appropriate"
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	got, err = s.Mandate(ctx, ms[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	check("re-ingested", got)
	// The other mandate is as extracted, and nobody checked it.
	other, err := s.Mandate(ctx, ms[1].ID)
	if err != nil || other.CheckedBy != "" || other.Action != d.Mandates[1].Action {
		t.Errorf("the other mandate = %+v, %v", other, err)
	}
	// The text no longer holds the corrected mandate: it is kept.
	d.Mandates = d.Mandates[1:]
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Mandate(ctx, ms[0].ID); err != nil || got.Extracted || got.CheckedBy != "mia" {
		t.Errorf("corrected mandate after its text went: %+v, %v", got, err)
	}
	for _, tt := range []struct {
		name string
		c    accord.MandateCorrection
	}{
		{"nothing", accord.MandateCorrection{}},
		{"no addressees", accord.MandateCorrection{Addressees: &[]accord.Addressee{}}},
		{"empty action", accord.MandateCorrection{Action: new(string)}},
		{"bad date", accord.MandateCorrection{Deadline: &accord.Deadline{Text: "soon", Date: "2027-13-01"}}},
		{"deliverable", accord.MandateCorrection{Deliverable: func() *string { s := "A report!"; return &s }()}},
		{"same values", accord.MandateCorrection{Action: &action}},
	} {
		if _, err := s.CorrectMandate(ctx, ms[0].ID, tt.c); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("CorrectMandate(%s) = %v, want ErrInvalid", tt.name, err)
		}
	}
	if after, err := s.Mandate(ctx, ms[0].ID); err != nil || len(after.History) != 4 || after.Action != action {
		t.Errorf("refused corrections changed the mandate: %+v, %v", after, err)
	}
	// An empty deadline removes it.
	got, err = s.CorrectMandate(ctx, ms[0].ID, accord.MandateCorrection{Deadline: &accord.Deadline{}, Who: "una"})
	if err != nil || got.Deadline != nil || got.CheckedBy != "una" {
		t.Errorf("CorrectMandate removing the deadline = %+v, %v", got, err)
	}
	if _, err := s.CorrectMandate(ctx, ms[0].ID+100, accord.MandateCorrection{Action: &action}); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("CorrectMandate of no mandate = %v, want ErrNotFound", err)
	}
}

// testCorrectWhileIngesting: corrections made while the decision's file
// is ingested again, at the same time, are never undone by the ingest:
// the stored title is always the last correction.
func testCorrectWhileIngesting(t *testing.T, s accord.Store) {
	ctx := context.Background()
	src := accord.Source{Name: "race.txt"}
	// No symbol: nothing but the decision's row orders the two.
	d := noSymbol("Requests the secretariat to report.")
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	all, err := s.Decisions(ctx, accord.DecisionFilter{})
	if err != nil || len(all) != 1 {
		t.Fatal(all, err)
	}
	stored := all[0]
	ms := mandatesOf(t, s, accord.MandateFilter{DecisionID: stored.ID})
	const rounds = 12
	errs := make(chan error, 2*rounds)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < rounds; i++ {
			if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil && !errors.Is(err, accord.ErrBusy) {
				errs <- fmt.Errorf("ingest: %w", err)
			}
		}
	}()
	for i := 0; i < rounds; i++ {
		title, action := fmt.Sprintf("Title %d", i), fmt.Sprintf("to report, round %d", i)
		if _, err := s.CorrectDecision(ctx, stored.ID, accord.DecisionCorrection{Title: &title, Who: "jo"}); err != nil && !errors.Is(err, accord.ErrBusy) {
			errs <- fmt.Errorf("correct decision: %w", err)
		}
		if _, err := s.CorrectMandate(ctx, ms[0].ID, accord.MandateCorrection{Action: &action, Who: "jo"}); err != nil && !errors.Is(err, accord.ErrBusy) {
			errs <- fmt.Errorf("correct mandate: %w", err)
		}
	}
	<-done
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// And once more, after them all.
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	got, err := s.DecisionByID(ctx, stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := accord.Corrected(got.Corrections, "title")
	if got.Title != c.Value || c.Value == "" {
		t.Errorf("after corrections and ingests at once: title %q, last correction %q", got.Title, c.Value)
	}
	list, err := s.Decisions(ctx, accord.DecisionFilter{Instrument: "minamata"})
	if err != nil || len(list) != 1 || list[0].Title != c.Value {
		t.Errorf("the list after corrections and ingests at once: %v, %v; want title %q", list, err, c.Value)
	}
	m, err := s.Mandate(ctx, ms[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	mc, _ := accord.Corrected(m.Corrections, "action")
	if m.Action != mc.Value || mc.Value == "" || m.CheckedBy != "jo" {
		t.Errorf("after corrections and ingests at once: action %q, last correction %q, checked by %q", m.Action, mc.Value, m.CheckedBy)
	}
}
