// Package storetest is the conformance suite every accord.Store backend
// runs: the same tests, on SQLite and on PostgreSQL, so that the two
// behave alike.
package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/accordmea/accord"
)

// Run runs the suite. open returns a new, empty store for one test; the
// test closes it.
func Run(t *testing.T, open func(t *testing.T) accord.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s accord.Store)
	}{
		{"IngestAndRead", testIngestAndRead},
		{"ReingestUpdatesInPlace", testReingest},
		{"SymbolFromAnotherSource", testOtherSource},
		{"IngestByAnAccount", testIngestBy},
		{"IngestIsAtomic", testAtomic},
		{"NotFound", testNotFound},
		{"AmbiguousSymbol", testAmbiguous},
		{"ListFilters", testList},
		{"MandatesStoredAndQueried", testMandates},
		{"UpdateMandate", testUpdateMandate},
		{"UpdateMandateRefusesBadInput", testUpdateBad},
		{"ReingestKeepsMandateLifecycle", testReingestMandates},
		{"Overdue", testOverdue},
		{"ConcurrentUpdates", testConcurrentUpdates},
		{"Actors", testActors},
		{"ActorMandates", testActorMandates},
		{"Paragraphs", testParagraphs},
		{"UsersAndAudit", testUsers},
		{"Search", testSearch},
		{"Sessions", testSessions},
		{"SessionsExpire", testSessionsExpire},
		{"TokensExpireAndAreRevoked", testTokens},
		{"RemoveUser", testRemoveUser},
		{"UserBySubject", testUserBySubject},
		{"UploadsExpire", testUploads},
		{"PurgeByRetention", testPurge},
		{"DuplicateContent", testDuplicateContent},
		{"CorrectDecision", testCorrectDecision},
		{"CorrectDecisionRefuses", testCorrectDecisionRefuses},
		{"CorrectMandate", testCorrectMandate},
		{"CorrectWhileIngesting", testCorrectWhileIngesting},
		{"BoardFilters", testBoardFilters},
		{"BoardSort", testBoardSort},
		{"DecisionText", testDecisionText},
		{"BoardFollowsDecision", testBoardFollowsDecision},
		{"MandateChoices", testMandateChoices},
		{"BundledMeetings", testBundledMeetings}, {"PutMeetings", testPutMeetings}, {"MeetingDeadlines", testMeetingDeadlines},
		{"Organizations", testOrganizationRecords},
		{"Documents", testDocuments},
		{"CitedBy", testCitedBy},
		{"Parties", testParties}, {"PartiesRefuse", testPartiesRefuse}, {"PublishContacts", testPublishContacts}, {"PartyMandates", testPartyMandates}, {"Centres", testCentres},
		{"Instruments", testInstruments},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

// tok is a token of the given hash that expires after accord.TokenTTL.
func tok(hash string) accord.Token {
	return accord.Token{Hash: hash, Expires: time.Now().Add(accord.TokenTTL)}
}

func sample(symbol, inst, meeting string, paras ...string) accord.Decision {
	d := accord.Decision{
		Symbol: symbol, Instrument: inst, Meeting: meeting, Kind: accord.KindDecision,
		Title:    "Cooperation with other organizations",
		Formula:  "The Conference of the Parties,",
		Preamble: []accord.Recital{{Phrase: "Recalling", Text: "Recalling decision BS-II/6,"}},
		References: accord.References{
			Decisions: []accord.DecisionRef{{Cited: "BS-II/6", Instrument: "cartagena"}},
			Documents: []string{"UNEP/CBD/BS/COP-MOP/3/6"},
		},
	}
	for i, p := range paras {
		n := string(rune('1' + i))
		d.Paragraphs = append(d.Paragraphs, accord.Paragraph{
			Number: n, Path: n, Phrase: "Requests", Verb: "request", Class: accord.Directive, Text: p,
			Items: []accord.Paragraph{{Number: "a", Path: n + "(a)", Text: "Continue pursuing cooperation;"}},
		})
	}
	return d
}

// withMandates gives a decision two mandates: a report asked of the
// secretariat for the next meeting, and cooperation asked of Parties.
func withMandates(d accord.Decision, due string) accord.Decision {
	d.Mandates = []accord.Mandate{
		{Seq: 1, Path: "1", Verb: "request", Phrase: "Requests", Action: "to report on the implementation", Deliverable: "report",
			Addressees: []accord.Addressee{{Text: "secretariat", Actor: "secretariat"}},
			Deadline:   &accord.Deadline{Text: "at its next meeting", Meeting: due}, Conditions: []string{"as appropriate"}},
		{Seq: 2, Path: "1", Verb: "invite", Phrase: "invites", Action: "to cooperate with the Global Framework on Chemicals",
			Deliverable: "cooperation", Addressees: []accord.Addressee{{Text: "Parties", Actor: "parties"}},
			Helpers: []string{"UNEP"}},
	}
	return d
}

var src = accord.Source{Name: "meeting.txt", SHA256: "abc", Format: "txt"}

// ignore compares decisions on their content, not on what the store adds.
var ignore = cmpopts.IgnoreFields(accord.Decision{}, "ID", "Updated", "Source")
